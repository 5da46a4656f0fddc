package dev.vialab.scenario;

import dev.vialab.emulator.sip.SipCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code phone.reg_headers}: pjsua's {@code reg_hdr_list}, extra headers that sip_reg.c's {@code create_request}
 * copies into every REGISTER. A lab uses them to make a REGISTER of 1300 bytes or more, which pjsip then sends
 * over TCP when the account has no transport_id (R25, RFC 3261 §18.1.1).
 */
final class RegHeaders {
    static final int MAX_HEADERS = 16;
    static final int MAX_LINE = 1000;
    /** RFC 3261 §25.1 token, the header name, then the value on the same line. */
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9.!%*_+`'~-]+)[ \\t]*:[ \\t]*(.*)");
    /**
     * Headers pjsip writes itself or the emulated registrar interprets: a second copy would make a request
     * the lab does not model (two Call-IDs, a Require the registrar ignores), so the file must not add them.
     */
    private static final Set<String> RESERVED = Set.of("via", "v", "from", "f", "to", "t", "call-id", "i", "cseq",
            "contact", "m", "expires", "max-forwards", "content-length", "l", "content-type", "c", "authorization",
            "proxy-authorization", "route", "record-route", "user-agent", "allow", "supported", "k", "require",
            "proxy-require", "path");

    private RegHeaders() {}

    static List<String> decode(Fields p) {
        Node n = p.node("reg_headers");
        if (n == null || Node.isNull(n)) {
            return List.of();
        }
        String path = p.path("reg_headers");
        Node.Seq seq = Values.seq(p.problems, n, path);
        if (seq == null || !Values.atMost(p.problems, seq, path, MAX_HEADERS, "headers")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            String at = Values.index(path, i);
            String text = Values.string(p.problems, item, at);
            String problem = text == null ? null : problem(text);
            if (problem != null) {
                p.problems.add(item.pos(), at, problem);
            } else if (text != null) {
                Matcher m = LINE.matcher(text);
                m.matches();
                out.add(m.group(1) + ": " + m.group(2).strip());
            }
        }
        return out;
    }

    private static String problem(String text) {
        if (text.length() > MAX_LINE) {
            return "at most " + MAX_LINE + " characters, found " + text.length();
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            return "must be one line without control characters";
        }
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return "expected 'Name: value', found '" + text + "'";
        }
        String name = m.group(1);
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return "'" + name + "' is written by pjsip or read by the registrar; use a header of your own, such as "
                    + "X-Tenant";
        }
        String bad = SipCodec.headerProblem(name, m.group(2).strip());
        // JAIN-SIP's messages span lines ("Date:yesterday\n:bad wkday"); a problem is one line
        return bad == null ? null
                : "'" + name + "' does not parse as SIP (" + bad.replaceAll("\\s*\\R\\s*", " ") + ")";
    }
}
