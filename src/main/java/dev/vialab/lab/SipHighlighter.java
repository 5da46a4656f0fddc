package dev.vialab.lab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the parts of a SIP message a learner must look at — the top Via's sent-by, rport and received, every
 * Contact and the Expires header — as HTML {@code <mark>}s with a class per kind. All text is escaped first.
 */
public final class SipHighlighter {
    private static final Pattern VIA = Pattern.compile("^(Via: SIP/2\\.0/[A-Z]+ )([^;\\s]+)(.*)$");
    private static final Pattern RPORT = Pattern.compile("(;rport(?:=\\d+)?|;received=[0-9.]+)");

    private SipHighlighter() {}

    public static String html(String sip) {
        StringBuilder out = new StringBuilder();
        boolean firstVia = true;
        boolean inHeaders = true;
        for (String line : sip.split("\r\n", -1)) {
            if (line.isEmpty()) {
                inHeaders = false;
            }
            String escaped = escape(line);
            if (inHeaders && firstVia && line.startsWith("Via:")) {
                firstVia = false;
                Matcher m = VIA.matcher(escaped);
                if (m.matches()) {
                    escaped = m.group(1) + "<mark class=\"vl-via\">" + m.group(2) + "</mark>"
                            + RPORT.matcher(m.group(3)).replaceAll("<mark class=\"vl-rport\">$1</mark>");
                }
            } else if (inHeaders && line.startsWith("Contact:")) {
                escaped = "Contact: <mark class=\"vl-contact\">" + escaped.substring("Contact: ".length()) + "</mark>";
            } else if (inHeaders && line.startsWith("Expires:")) {
                escaped = "<mark class=\"vl-expires\">" + escaped + "</mark>";
            }
            out.append(escaped).append('\n');
        }
        return out.toString();
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
