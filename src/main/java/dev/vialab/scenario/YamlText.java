package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.setup.CallerSetup;
import dev.vialab.emulator.setup.DnsSetup;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Scalars as YAML text, and the topology comment a scenario file opens with. */
final class YamlText {
    /** Safe unquoted in block and flow context, and never read back as another type. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
    private static final Set<String> WORDS = Set.of("null", "true", "false", "on", "off", "yes", "no", "y", "n");

    private YamlText() {}

    /** Plain when that reads back as the same text, double-quoted otherwise. */
    static String str(String s) {
        if (PLAIN.matcher(s).matches() && !WORDS.contains(s.toLowerCase(java.util.Locale.ROOT))) {
            return s;
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** {@code [a, b, c]}, each element already formatted. */
    static String flow(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }

    /**
     * A picture of the world, like the annotated example's: the phone behind the NAT on the left, registrars and
     * callers on the internet on the right.
     */
    static String topology(Setup s) {
        PhoneSetup phone = s.phones().getFirst();
        NatSetup nat = s.nats().getFirst();
        DnsSetup dns = s.dns();
        String dnsText = dns.address().equals(dns.publicAddress()) ? "dns " + dns.publicAddress() + " (internet)"
                : "dns " + dns.address() + (nat.subnet().sameSubnet(dns.address(), nat.prefix()) ? " (LAN)" : "")
                        + " / " + dns.publicAddress() + " (internet)";
        List<String> left = new ArrayList<>(List.of(
                "phone " + phone.address() + ":" + phone.port() + " ── NAT " + nat.inside() + " │ " + nat.publicIp()
                        + " ──",
                " ".repeat(7) + "│", dnsText));
        List<String> right = new ArrayList<>();
        for (RegistrarSetup r : s.registrars()) {
            right.add(r.name() + " " + r.address() + ":" + r.port());
        }
        for (CallerSetup c : s.callers()) {
            right.add(c.name() + " " + c.address());
        }
        int width = Math.max(left.get(0).length(), Math.max(left.get(1).length(), left.get(2).length()) + 2);
        left.set(0, left.get(0) + "─".repeat(width - left.get(0).length()));
        StringBuilder b = new StringBuilder("# Topology:\n#\n");
        for (int k = 0; k < Math.max(left.size(), right.size()); k++) {
            String l = k < left.size() ? left.get(k) : "";
            String line = l + " ".repeat(width - l.length());
            if (k < right.size()) {
                String branch = k == 0 ? (right.size() == 1 ? "─" : "┬") : k == right.size() - 1 ? "└" : "├";
                line += branch + "── " + right.get(k);
            }
            b.append(("#   " + line).stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** An address as a DNS record or event names it: the registrar's name when one has it. */
    static String ref(Ip ip, List<RegistrarSetup> registrars) {
        for (RegistrarSetup r : registrars) {
            if (r.address().equals(ip)) {
                return str(r.name());
            }
        }
        return ip.toString();
    }
}
