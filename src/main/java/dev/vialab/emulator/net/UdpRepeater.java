package dev.vialab.emulator.net;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Why;

/**
 * A sender of one datagram, again and again, from a bound socket to one destination: a keep-alive. It takes from
 * the socket, once when aimed, everything a send reads (the network, the interface, the host's name), and keeps
 * the datagram and its last legs itself, so a repeat touches this object and nothing of the socket's.
 *
 * <p>Why not send through the socket: the keep-alive reads its objects ahead of its time ({@link Scheduler.Warm}),
 * and it can only read ahead what it holds; with a thousand phones each of those objects is cold when the
 * keep-alive is due, often on a page of its own. Holding the datagram and legs here also leaves the socket's own
 * memo to the phone's requests and their retransmissions, which alternated with keep-alives in it before.
 */
public abstract class UdpRepeater extends Network.LegCache {
    private Network network;
    private Network.Attachment via;
    private Network.Segment segment;
    private String sender;
    private long delay;
    private Packet.Udp datagram;

    protected UdpRepeater() {}

    /**
     * From now on {@link #repeat} sends {@code payload} from {@code socket} to {@code dst}. Aimed again at the
     * same socket, destination and payload (a registration refresh), it keeps its datagram, so the trace holds one
     * copy of it.
     */
    protected final void aim(UdpSocket socket, Endpoint dst, byte[] payload) {
        Host.BoundUdp s = (Host.BoundUdp) socket;
        Packet.Udp d = datagram;
        if (d == null || d.payload() != payload || !d.dst().equals(dst) || !d.src().equals(s.local())) {
            datagram = new Packet.Udp(s.local(), dst, payload);
        }
        network = s.network();
        via = s.via();
        segment = s.segment();
        sender = s.sender();
        delay = s.delay();
    }

    /**
     * Reads ahead of a repeat the datagram, the last leg, and what the next node (a NAT: the sender's mapping) will
     * read of its own (see {@link Scheduler.Warm}).
     */
    protected final long warmDatagram() {
        Packet.Udp d = datagram;
        return d == null ? 0 : network.warm(segment, d, d.dst().ip()) + warmLegs();
    }

    /** Sends the datagram once more, as the socket's {@link UdpSocket#send} would; returns its flight number. */
    protected final int repeat(String label, Category category, Why because) {
        Packet.Udp d = datagram;
        return network.send(via, segment, sender, delay, d, d.dst().ip(), label, category, false, because, this);
    }
}
