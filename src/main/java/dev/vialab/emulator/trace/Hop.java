package dev.vialab.emulator.trace;

import dev.vialab.emulator.packet.Packet;
import java.util.Objects;

/**
 * One packet on one link: from a node to the next one. A packet that crosses the NAT is one flight with two
 * hops (inside and outside), which share the flight number.
 *
 * <p>A hop is its flight number and send time plus a {@link Leg}: everything else, which a repeated packet (a
 * keep-alive every 15 s, on the same link, with the same bytes and the same reason) shares with its predecessors.
 * The trace keeps the number and the time in its columns and the leg by reference, so a keep-alive adds no object
 * to it.
 */
public final class Hop {
    private final int flight;
    private final long sentAt;
    private final Leg leg;

    /**
     * What a hop shares with every repetition of the same packet on the same link.
     *
     * @param from sending node
     * @param to receiving node (the NAT for the inside hop of outbound traffic)
     * @param link the segment it travelled on: {@code internet}, or a NAT's LAN ({@code nat-lan})
     * @param packet the packet with the addresses it has on this link
     * @param label a one-line summary, e.g. {@code REGISTER}, {@code 200 OK}, {@code A? sip.example.com}
     * @param category what it carries
     * @param retransmission true for a retransmission of an earlier flight (same bytes)
     * @param sentBecause why the sender sent it (refresh R9, keep-alive R13, retransmission R7, …)
     */
    public record Leg(String from, String to, String link, Packet packet, String label, Category category,
            boolean retransmission, Why sentBecause) {

        /** True when every part is the very same object: the cheap test for reusing a leg. */
        public boolean isSame(String from, String to, String link, Packet packet, String label, Category category,
                boolean retransmission, Why sentBecause) {
            return this.packet == packet && this.sentBecause == sentBecause && this.to.equals(to)
                    && this.from.equals(from) && this.link.equals(link) && this.label.equals(label)
                    && this.category == category && this.retransmission == retransmission;
        }
    }

    public Hop(int flight, long sentAt, Leg leg) {
        this.flight = flight;
        this.sentAt = sentAt;
        this.leg = Objects.requireNonNull(leg);
    }

    public Hop(int flight, String from, String to, long sentAt, String link, Packet packet, String label,
            Category category, boolean retransmission, Why sentBecause) {
        this(flight, sentAt, new Leg(from, to, link, packet, label, category, retransmission, sentBecause));
    }

    /** The packet's journey id, shared by its hops. */
    public int flight() {
        return flight;
    }

    /** When it left {@link #from}. */
    public long sentAt() {
        return sentAt;
    }

    public Leg leg() {
        return leg;
    }

    public String from() {
        return leg.from();
    }

    public String to() {
        return leg.to();
    }

    public String link() {
        return leg.link();
    }

    public Packet packet() {
        return leg.packet();
    }

    public String label() {
        return leg.label();
    }

    public Category category() {
        return leg.category();
    }

    public boolean retransmission() {
        return leg.retransmission();
    }

    public Why sentBecause() {
        return leg.sentBecause();
    }

    /** True when the packet travelled on the internet side (outside every NAT). */
    public boolean onInternet() {
        return "internet".equals(leg.link());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hop h && flight == h.flight && sentAt == h.sentAt && leg.equals(h.leg);
    }

    @Override
    public int hashCode() {
        return (flight * 31 + Long.hashCode(sentAt)) * 31 + leg.hashCode();
    }

    @Override
    public String toString() {
        return "Hop[flight=" + flight + ", sentAt=" + sentAt + ", " + leg + "]";
    }
}
