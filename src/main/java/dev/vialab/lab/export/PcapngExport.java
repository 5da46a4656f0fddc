package dev.vialab.lab.export;

import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A trace as a pcapng capture that Wireshark opens: one Enhanced Packet Block per packet on a wire, on one of
 * two interfaces — {@code lan}, the inside of the NAT, and {@code wan}, the internet — timestamped with the
 * virtual clock. Each packet carries a comment saying who sent it to whom and what became of it.
 *
 * <p>The output depends on the trace only: the same trace gives the same bytes.
 */
public final class PcapngExport {
    /** Interface ids, in the order the Interface Description Blocks are written (pcapng §4.2). */
    static final int LAN = 0;
    static final int WAN = 1;
    /** Virtual time 0 is shown as this instant, so timestamps are fixed and plausible. */
    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    static final long EPOCH_MICROS = EPOCH.getEpochSecond() * 1_000_000L;
    static final int MAX_COMMENT = 400;

    private PcapngExport() {}

    /** Writes the capture to {@code out} (not closed, not buffered: wrap a file stream in a buffer). */
    public static void write(Trace trace, OutputStream out) throws IOException {
        PcapngWriter w = new PcapngWriter(out);
        w.sectionHeader("ViaLab", "ViaLab emulated run: virtual time 0 is " + EPOCH + "; LAN = inside the NAT,"
                + " WAN = internet");
        w.interfaceDescription("lan", "inside of the NAT: phones, the local DNS server, the NAT's LAN side");
        w.interfaceDescription("wan", "internet: the NAT's public side, registrars, callers");
        int id = 0;
        for (Step s : packetSteps(trace)) {
            Hop h = s.hop();
            // RFC 6864 §4.1: with DF set the identification only needs to differ; a counter is the classic choice
            id = (id + 1) & 0xffff;
            byte[] frame = Frames.ethernet(h.from(), h.to(), Frames.ipv4(h.packet(), id));
            w.enhancedPacket(h.onInternet() ? WAN : LAN, EPOCH_MICROS + h.sentAt(), frame, comment(s));
        }
        out.flush();
    }

    /** The capture as bytes. */
    public static byte[] bytes(Trace trace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(trace, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return out.toByteArray();
    }

    /**
     * The steps that are a packet on a wire (PACKET, FORWARD and DROP of a hop), in the order they were sent.
     * Steps are ordered by arrival, so a slow packet sent earlier can come after a fast one: sort by send time,
     * then by step index to keep ties stable.
     */
    static List<Step> packetSteps(Trace trace) {
        return trace.steps().stream()
                .filter(Step::hasPacket)
                .sorted(Comparator.comparingLong((Step s) -> s.hop().sentAt()).thenComparingInt(Step::index))
                .toList();
    }

    /** {@code phone -> nat: REGISTER}, plus {@code [dropped: key]} and {@code (retransmission)} when they apply. */
    static String comment(Step s) {
        Hop h = s.hop();
        StringBuilder b = new StringBuilder().append(h.from()).append(" -> ").append(h.to()).append(": ")
                .append(h.label());
        if (s.kind() == Kind.DROP) {
            b.append(" [dropped: ").append(s.why().key()).append(']');
        }
        if (h.retransmission()) {
            b.append(" (retransmission)");
        }
        return asciiSafe(b);
    }

    /** Printable ASCII only (anything else becomes {@code ?}), and short enough for one line in Wireshark. */
    static String asciiSafe(CharSequence text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_COMMENT));
        for (int i = 0; i < text.length() && b.length() < MAX_COMMENT; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
