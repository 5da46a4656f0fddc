package dev.vialab.emulator.dns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Human-readable forms of DNS wire messages: a one-line ladder label and a dig-like text. */
public final class DnsText {
    private DnsText() {}

    /** {@code A? sip.example.com}, {@code A sip.example.com: 198.51.100.1 198.51.100.2}, {@code NXDOMAIN …}. */
    public static String label(Message m) {
        Record q = m.getQuestion();
        if (q == null) {
            return "DNS";
        }
        String type = Type.string(q.getType());
        String name = trimDot(q.getName().toString());
        if (!m.getHeader().getFlag(Flags.QR)) {
            return type + "? " + name;
        }
        int rcode = m.getHeader().getRcode();
        if (rcode != Rcode.NOERROR) {
            return Rcode.string(rcode) + " " + type + " " + name;
        }
        List<String> answers = new ArrayList<>();
        for (Record r : m.getSection(Section.ANSWER)) {
            answers.add(data(r));
        }
        return type + " " + name + (answers.isEmpty() ? ": no data" : ": " + String.join(" ", answers));
    }

    /**
     * A wire message that prints as its {@link #label(byte[]) label}: an explanation argument formatted only when
     * read. Why: every DNS answer a phone receives is explained by its label, and most steps of a long run are
     * never read; the payload is the hop's own array, so the argument adds 16 bytes instead of a new text.
     */
    public record Label(byte[] wire) {
        @Override
        public String toString() {
            return label(wire);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Label l && java.util.Arrays.equals(wire, l.wire);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(wire);
        }
    }

    public static String label(byte[] wire) {
        try {
            return label(new Message(wire));
        } catch (IOException e) {
            return "DNS (malformed)";
        }
    }

    /**
     * dig-style text: header, flags, question, answer, authority and additional sections, one record a line.
     */
    public static String dig(byte[] wire) {
        Message m;
        try {
            m = new Message(wire);
        } catch (IOException e) {
            return ";; malformed DNS message: " + e.getMessage();
        }
        StringBuilder b = new StringBuilder();
        b.append(";; ->>HEADER<<- opcode: QUERY, status: ").append(Rcode.string(m.getHeader().getRcode()))
                .append(", id: ").append(m.getHeader().getID()).append('\n');
        b.append(";; flags:");
        for (int f : new int[] {Flags.QR, Flags.AA, Flags.TC, Flags.RD, Flags.RA}) {
            if (m.getHeader().getFlag(f)) {
                b.append(' ').append(Flags.string(f));
            }
        }
        b.append("; QUERY: ").append(m.getHeader().getCount(Section.QUESTION))
                .append(", ANSWER: ").append(m.getHeader().getCount(Section.ANSWER))
                .append(", AUTHORITY: ").append(m.getHeader().getCount(Section.AUTHORITY))
                .append(", ADDITIONAL: ").append(m.getHeader().getCount(Section.ADDITIONAL)).append("\n\n");
        b.append(";; QUESTION SECTION:\n");
        for (Record r : m.getSection(Section.QUESTION)) {
            b.append(';').append(r.getName()).append("\t\tIN\t").append(Type.string(r.getType())).append('\n');
        }
        section(b, m, Section.ANSWER, "ANSWER");
        section(b, m, Section.AUTHORITY, "AUTHORITY");
        section(b, m, Section.ADDITIONAL, "ADDITIONAL");
        b.append("\n;; MSG SIZE: ").append(wire.length).append(" bytes\n");
        return b.toString();
    }

    private static void section(StringBuilder b, Message m, int section, String title) {
        List<Record> records = m.getSection(section);
        if (records.isEmpty()) {
            return;
        }
        b.append("\n;; ").append(title).append(" SECTION:\n");
        for (Record r : records) {
            b.append(r.toString()).append('\n');
        }
    }

    static String data(Record r) {
        if (r instanceof ARecord a) {
            return a.getAddress().getHostAddress();
        }
        if (r instanceof SRVRecord s) {
            return s.getPriority() + "/" + s.getWeight() + "/" + s.getPort() + "/" + trimDot(s.getTarget().toString());
        }
        return r.rdataToString();
    }

    static String trimDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
