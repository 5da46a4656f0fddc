package dev.vialab.lab.export;

import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.sip.SipCodec;
import dev.vialab.emulator.trace.CallOutcome;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Mark;
import dev.vialab.emulator.trace.NodeInfo;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.emulator.trace.Why;
import dev.vialab.lab.Explainer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The trace as text. {@link #compact} is the golden form: one line per packet at its destination and per
 * decision, with Call-IDs and CSeqs written symbolically (A/a, A/a+1, B/b as in the rulebook) and registrar
 * addresses by name, so it changes only when behaviour changes. {@link #full} is the CLI's ladder: every step,
 * explained, then the NAT-table and binding changes and the calls with their causes.
 */
public final class TextLadder {
    private final Trace trace;
    private final SipCodec codec = new SipCodec();
    private final TreeMap<String, String> names = new TreeMap<>();
    private final TreeMap<String, java.util.regex.Pattern> namePatterns = new TreeMap<>();
    private final TreeMap<String, String> callIds = new TreeMap<>();
    private final TreeMap<String, Long> cseqBase = new TreeMap<>();
    private final TreeMap<Integer, String> origin = new TreeMap<>();
    private final TreeMap<Integer, String> publicSide = new TreeMap<>();
    private final List<String> natIps = new ArrayList<>();

    private TextLadder(Trace trace) {
        this.trace = trace;
        for (NodeInfo n : trace.nodes()) {
            if (n.role() == NodeInfo.Role.REGISTRAR) {
                String a = n.addresses().getFirst();
                String ip = a.substring(0, a.indexOf(':'));
                names.put(ip, n.name());
                namePatterns.put(ip, java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(ip) + "(?![0-9])"));
            }
            if (n.role() == NodeInfo.Role.NAT) {
                natIps.add(n.addresses().get(1));
            }
        }
        for (Step s : trace.steps()) {
            Hop h = s.hop();
            if (h == null) {
                continue;
            }
            origin.putIfAbsent(h.flight(), h.from());
            if (h.onInternet() && (h.packet() instanceof Packet.Udp || h.packet() instanceof Packet.Tcp)) {
                String pub = publicEndpoint(h);
                if (pub != null) {
                    publicSide.putIfAbsent(h.flight(), pub);
                }
            }
        }
    }

    /** One line of the compact form: the step it shows, its time, and the text after the time. */
    public record Line(int step, long time, String text) {}

    /** The compact form's step lines (without the outcome section), for aligning two runs by time. */
    public static java.util.List<Line> compactLines(Trace trace) {
        TextLadder l = new TextLadder(trace);
        java.util.List<Line> out = new ArrayList<>();
        for (Step s : trace.steps()) {
            String line = l.compactLine(s);
            if (line != null) {
                out.add(new Line(s.index(), s.time(), line.substring(10)));
            }
        }
        return out;
    }

    public static String compact(Trace trace) {
        TextLadder l = new TextLadder(trace);
        StringBuilder out = new StringBuilder();
        for (Step s : trace.steps()) {
            String line = l.compactLine(s);
            if (line != null) {
                out.append(line).append('\n');
            }
        }
        for (CallOutcome o : trace.outcomes()) {
            out.append("outcome ").append(o.call()).append(' ').append(o.result()).append(" at step ")
                    .append(o.step()).append('\n');
            for (CallOutcome.Link link : o.chain()) {
                Step s = trace.step(link.step());
                out.append("  <- ").append(Time.format(s.time())).append(' ').append(s.node()).append(' ')
                        .append(l.why(link.why())).append('\n');
            }
        }
        out.append("end ").append(l.why(trace.stop())).append('\n');
        return out.toString();
    }

    public static String full(Trace trace, Explainer explainer) {
        TextLadder l = new TextLadder(trace);
        StringBuilder out = new StringBuilder();
        right(out, "time", 9).append("  ");
        left(out, "node", 6).append(" what happened\n");
        for (Step s : trace.steps()) {
            Hop h = s.hop();
            right(out, Time.format(s.time()), 9).append("  ");
            left(out, s.node(), 6).append(' ');
            if (h != null) {
                out.append(l.origin.getOrDefault(h.flight(), h.from())).append(" → ").append(h.to()).append(' ')
                        .append(h.label());
                String pub = l.publicSide.get(h.flight());
                if (pub != null && h.category() != Category.DNS) {
                    out.append(" (via ").append(pub).append(')');
                }
                out.append(" — ");
            }
            out.append(explainer.withRule(s.why())).append('\n');
        }
        out.append("\nNAT table changes\n");
        for (Step s : trace.query().kind(Kind.NAT_MAPPING).list()) {
            right(out, Time.format(s.time()), 9).append("  ").append(explainer.text(s.why())).append('\n');
        }
        out.append("\nBinding changes\n");
        for (Step s : trace.query().kind(Kind.BINDING).list()) {
            right(out, Time.format(s.time()), 9).append("  ").append(explainer.text(s.why())).append('\n');
        }
        if (!trace.marks().isEmpty()) {
            out.append("\nMarks\n");
            for (Mark m : trace.marks()) {
                right(out, Time.format(m.time()), 9).append("  ").append(m.name()).append(" (step ").append(m.step())
                        .append(")\n");
            }
        }
        out.append("\nCalls\n");
        for (CallOutcome o : trace.outcomes()) {
            out.append("  ").append(o.result()).append(": ").append(explainer.text(o.summary())).append('\n');
            for (CallOutcome.Link link : o.chain()) {
                Step s = trace.step(link.step());
                out.append("    ← ").append(Time.format(s.time())).append(' ').append(s.node()).append(": ")
                        .append(explainer.text(link.why())).append('\n');
            }
        }
        out.append('\n').append(explainer.text(trace.stop())).append('\n');
        return out.toString();
    }

    // padding written out, not String.format("%9s"): a cold CLI run spent ~3 ms starting java.util.Formatter
    private static StringBuilder right(StringBuilder out, String s, int width) {
        return out.repeat(' ', Math.max(0, width - s.length())).append(s);
    }

    private static StringBuilder left(StringBuilder out, String s, int width) {
        return out.append(s).repeat(' ', Math.max(0, width - s.length()));
    }

    private String compactLine(Step s) {
        String t = right(new StringBuilder(), Time.format(s.time()), 9).append(' ').toString();
        Hop h = s.hop();
        if (h != null) {
            if (s.kind() == Kind.FORWARD || h.category() == Category.DNS) {
                return null;
            }
            String from = origin.getOrDefault(h.flight(), h.from());
            String head = t + from + "→" + s.node() + " ";
            String body = packetSummary(h);
            if (s.kind() == Kind.DROP) {
                body += "  DROPPED " + why(s.why());
            }
            return (head + body).stripTrailing();
        }
        return t + s.node() + " " + s.kind() + " " + why(s.why());
    }

    private String packetSummary(Hop h) {
        StringBuilder b = new StringBuilder();
        if (h.retransmission()) {
            b.append("(re) ");
        }
        Packet p = h.packet(); // instanceof, not a type switch: see Packet
        if (p instanceof Packet.Tcp tcp && tcp.payload().length == 0) {
            b.append("TCP ").append(tcp.flagNames());
        } else if (p instanceof Packet.Icmp) {
            b.append("ICMP port unreachable");
        } else if (h.category() == Category.KEEPALIVE) {
            b.append("keep-alive");
        } else {
            SipSummary sip = SipSummary.of(codec, p.payload());
            b.append(sip == null ? h.label() : sip(sip));
        }
        String pub = publicSide.get(h.flight());
        if (pub != null) {
            b.append("  pub ").append(pub);
        }
        return b.toString();
    }

    private String sip(SipSummary s) {
        StringBuilder b = new StringBuilder(s.first()).append(' ').append(symbolic(s.callId(), s.cseq()));
        if (!s.cseqMethod().equals(s.first())) {
            b.append(' ').append(s.cseqMethod());
        }
        if (!s.authorization().isEmpty()) {
            b.append(" +auth");
        }
        b.append("  Via ").append(ips(s.via()));
        for (String c : s.contacts()) {
            b.append("  Contact ").append(c);
        }
        if (s.expires() >= 0) {
            b.append("  Expires ").append(s.expires());
        }
        return b.toString();
    }

    /** Call-IDs become A, B, C…; CSeqs become a, a+1, … relative to the first one seen for that Call-ID. */
    private String symbolic(String callId, long cseq) {
        String letter = callIds.computeIfAbsent(callId, id -> Character.toString('A' + callIds.size() % 26)
                + (callIds.size() >= 26 ? Integer.toString(callIds.size() / 26) : ""));
        long base = cseqBase.computeIfAbsent(callId, id -> cseq);
        long d = cseq - base;
        String lower = letter.toLowerCase(java.util.Locale.ROOT);
        return letter + "/" + lower + (d == 0 ? "" : d > 0 ? "+" + d : Long.toString(d));
    }

    private String why(Why w) {
        StringBuilder b = new StringBuilder(w.key());
        for (String a : w.args()) {
            b.append(' ').append(ips(callIds.containsKey(a) ? callIds.get(a) : a));
        }
        return b.toString();
    }

    /** Registrar addresses by name (198.51.100.1:5060 → ip1:5060). */
    private String ips(String text) {
        String out = text;
        for (var e : names.entrySet()) {
            if (out.contains(e.getKey())) {
                out = namePatterns.get(e.getKey()).matcher(out).replaceAll(e.getValue());
            }
        }
        return out;
    }

    private String publicEndpoint(Hop h) {
        Packet p = h.packet(); // instanceof, not a type switch: see Packet
        if (p instanceof Packet.Icmp) {
            return null;
        }
        String src = (p instanceof Packet.Udp u ? u.src() : ((Packet.Tcp) p).src()).toString();
        String dst = (p instanceof Packet.Udp u ? u.dst() : ((Packet.Tcp) p).dst()).toString();
        for (String nat : natIps) {
            if (src.startsWith(nat + ":")) {
                return src;
            }
            if (dst.startsWith(nat + ":")) {
                return dst;
            }
        }
        return null;
    }
}
