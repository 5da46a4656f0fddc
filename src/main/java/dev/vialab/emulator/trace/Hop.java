package dev.vialab.emulator.trace;

import dev.vialab.emulator.packet.Packet;

/**
 * One packet on one link: from a node to the next one. A packet that crosses the NAT is one flight with two
 * hops (inside and outside), which share the flight number.
 *
 * @param flight the packet's journey id, shared by its hops
 * @param from sending node
 * @param to receiving node (the NAT for the inside hop of outbound traffic)
 * @param sentAt when it left {@code from}
 * @param link the segment it travelled on: {@code internet}, or a NAT's LAN ({@code nat-lan})
 * @param packet the packet with the addresses it has on this link
 * @param label a one-line summary, e.g. {@code REGISTER}, {@code 200 OK}, {@code A? sip.example.com}
 * @param category what it carries
 * @param retransmission true for a retransmission of an earlier flight (same bytes)
 * @param sentBecause why the sender sent it (refresh R9, keep-alive R13, retransmission R7, …)
 */
public record Hop(int flight, String from, String to, long sentAt, String link, Packet packet, String label,
        Category category, boolean retransmission, Why sentBecause) {

    /** True when the packet travelled on the internet side (outside every NAT). */
    public boolean onInternet() {
        return "internet".equals(link);
    }
}
