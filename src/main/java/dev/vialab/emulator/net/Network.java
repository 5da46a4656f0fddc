package dev.vialab.emulator.net;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;
import java.util.ArrayList;
import java.util.List;

/**
 * Links between nodes: the internet and LANs behind NATs. No sockets: a packet is handed to the receiving node
 * after the one-way delays of both attachments, as a scheduled event.
 *
 * <p>Routing is the textbook one: a LAN host reaches its own subnet directly and everything else through the
 * LAN's gateway (the NAT's inside interface); on the internet, only public addresses attached to it are
 * reachable, so a private address there is dropped as unroutable (RFC 1918 §3).
 */
public final class Network {

    /** The internet, or one LAN behind a NAT. */
    public static final class Segment {
        private final String name;
        private final int prefix;
        /*
         * The subnet as bits and mask, and the gateway's node and delay beside its attachment: every packet from a
         * LAN host reads them, and with a NAT per phone each LAN is cold when its phone's keep-alive leaves, so
         * reading them here, in the segment the packet already touches, saves two objects' cache misses per packet.
         */
        private final int subnetBits;
        private final int mask;
        /** By address: a LAN behind one NAT may hold thousands of hosts, looked up for every packet. */
        private final LongIndex<Attachment> hosts = new LongIndex<>();
        private Attachment gateway;
        private Node gatewayNode;
        private long gatewayDelay;

        private Segment(String name, Ip subnet, int prefix) {
            this.name = name;
            this.prefix = prefix;
            this.mask = prefix == 0 ? 0 : -1 << (32 - prefix);
            this.subnetBits = subnet.bits() & mask;
        }

        public String name() {
            return name;
        }

        public boolean isInternet() {
            return prefix == 0;
        }

        public boolean contains(Ip ip) {
            return prefix > 0 && (ip.bits() & mask) == subnetBits;
        }
    }

    /**
     * The last leg a sender sent on, held by the sender (a UDP socket, a NAT mapping): a keep-alive sends the same
     * datagram (its socket and its mapping hand out the same packet object) on the same link for the same reason,
     * so its hops share one leg and the trace holds no new object for it. Held by the sender rather than looked up
     * here, because the sender is already in hand and a table of flows is one more cache miss per packet.
     */
    public static class LegCache {
        private Hop.Leg last;
        /**
         * The leg before {@link #last}. Why two: a phone's keep-alives and its registration's requests alternate on
         * one NAT mapping (the keep-alive itself holds its own legs, {@link UdpRepeater}); with one slot every
         * REGISTER replaced the keep-alive's leg, so each refresh made a new one wherever the heap's allocation then
         * was, a page per phone touched by every keep-alive. Kept, it is made once and moves, with the collector,
         * beside the others.
         */
        private Hop.Leg previous;

        /** Senders extend it rather than hold one: the cache sits in the sender's own object, no cache line apart. */
        protected LegCache() {}

        /** Reads the last leg (see {@link Scheduler.Warm}). */
        protected final long warmLegs() {
            Hop.Leg l = last;
            return l == null ? 0 : l.category().ordinal();
        }
    }

    /** One interface of a node: its address on a segment and the one-way delay to that segment. */
    public record Attachment(Node node, Ip ip, Segment segment, long delay) {}

    private final Scheduler scheduler;
    private final TraceRecorder recorder;
    private final Segment internet = new Segment("internet", new Ip(0), 0);
    private final List<Segment> lans = new ArrayList<>();
    private final LongIndex<Endpoint> endpoints = new LongIndex<>();
    private int flights;

    public Network(Scheduler scheduler, TraceRecorder recorder) {
        this.scheduler = scheduler;
        this.recorder = recorder;
    }

    public Segment internet() {
        return internet;
    }

    public Segment lan(String name, Ip subnet, int prefix) {
        Segment s = new Segment(name, subnet, prefix);
        lans.add(s);
        return s;
    }

    public Attachment attach(Node node, Ip ip, Segment segment, long delay) {
        if (segment.hosts.containsKey(ip.asLong())) {
            throw new IllegalArgumentException(ip + " is already used on " + segment.name);
        }
        Attachment a = new Attachment(node, ip, segment, delay);
        segment.hosts.put(ip.asLong(), a);
        return a;
    }

    /** Makes {@code inside} the gateway of its LAN (a NAT's inside interface). */
    public void setGateway(Attachment inside) {
        Segment s = inside.segment();
        s.gateway = inside;
        s.gatewayNode = inside.node();
        s.gatewayDelay = inside.delay();
    }

    /**
     * The run's one object for an address and port. Why: every phone resolves the same few registrars anew for
     * each transaction (R1); with a fresh object per answer, each phone's keep-alive target was its own pair of
     * objects (endpoint, address), two cache misses per keep-alive at a thousand phones. Shared, they stay cached.
     */
    public Endpoint intern(Endpoint e) {
        Endpoint known = endpoints.get(e.asLong());
        if (known != null) {
            return known;
        }
        endpoints.put(e.asLong(), e);
        return e;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public TraceRecorder recorder() {
        return recorder;
    }

    /** Sends a new packet (a new flight) from {@code from}; returns the flight number. */
    public int send(Attachment from, Packet packet, String label, Category category, boolean retransmission,
            Why because) {
        return send(from, packet, label, category, retransmission, because, null);
    }

    /** As {@link #send(Attachment, Packet, String, Category, boolean, Why)}, reusing {@code legs}' last leg. */
    public int send(Attachment from, Packet packet, String label, Category category, boolean retransmission,
            Why because, LegCache legs) {
        int flight = ++flights;
        route(from, from.segment(), from.node().name(), from.delay(), flight, packet, packet.dstIp(), label,
                category, retransmission, because, legs);
        return flight;
    }

    /**
     * As {@link #send(Attachment, Packet, String, Category, boolean, Why, LegCache)} for a sender that holds its
     * attachment's segment, node name and delay itself (a bound socket). Why: with a thousand phones each phone's
     * attachment and host object are cold when its keep-alive leaves, and a profile put the growth of a step's cost
     * with the number of phones on reading them; the socket, which the packet touches anyway, now has them.
     */
    int send(Attachment from, Segment seg, String sender, long fromDelay, Packet packet, Ip dst, String label,
            Category category, boolean retransmission, Why because, LegCache legs) {
        int flight = ++flights;
        route(from, seg, sender, fromDelay, flight, packet, dst, label, category, retransmission, because, legs);
        return flight;
    }

    /**
     * Reads ahead what the next node on the way of {@code packet} from {@code seg} will read of its own state: a
     * LAN host's packet to elsewhere goes to the gateway (see {@link Scheduler.Warm}).
     */
    long warm(Segment seg, Packet packet, Ip dst) {
        Node next = seg.isInternet() || seg.contains(dst) ? null : seg.gatewayNode;
        return next == null ? 0 : next.warm(packet);
    }

    /** Sends a translated packet on, keeping its flight (a NAT's outbound or inbound forward). */
    public void forward(Attachment from, Packet packet, Hop previous) {
        forward(from, packet, previous, null);
    }

    /** As {@link #forward(Attachment, Packet, Hop)}, reusing {@code legs}' last leg. */
    public void forward(Attachment from, Packet packet, Hop previous, LegCache legs) {
        forward(from, packet, packet.dstIp(), previous, legs);
    }

    /** As {@link #forward(Attachment, Packet, Hop, LegCache)} with the packet's destination, which the caller knows. */
    public void forward(Attachment from, Packet packet, Ip dst, Hop previous, LegCache legs) {
        route(from, from.segment(), from.node().name(), from.delay(), previous.flight(), packet, dst,
                previous.label(), previous.category(), previous.retransmission(), previous.sentBecause(), legs);
    }

    private static Hop.Leg leg(LegCache legs, String from, String to, String link, Packet packet, String label,
            Category category, boolean retransmission, Why because) {
        if (legs == null) {
            return new Hop.Leg(from, to, link, packet, label, category, retransmission, because);
        }
        Hop.Leg last = legs.last;
        if (last != null && last.isSame(from, to, link, packet, label, category, retransmission, because)) {
            return last;
        }
        Hop.Leg previous = legs.previous;
        if (previous != null && previous.isSame(from, to, link, packet, label, category, retransmission, because)) {
            legs.previous = last;
            legs.last = previous;
            return previous;
        }
        Hop.Leg leg = new Hop.Leg(from, to, link, packet, label, category, retransmission, because);
        legs.previous = last;
        legs.last = leg;
        return leg;
    }

    /** {@code from} is compared by identity only; what is read of it comes as {@code seg}, {@code sender}, delay. */
    private void route(Attachment from, Segment seg, String sender, long fromDelay, int flight, Packet packet,
            Ip dst, String label, Category category, boolean retransmission, Why because, LegCache legs) {
        Node receiver;
        long toDelay;
        Why unroutable = null;
        Attachment to;
        if (seg.isInternet()) {
            to = seg.hosts.get(dst.asLong());
            if (to == null) {
                String reason = dst.isPrivate() ? "net.unroutable.private" : "net.unroutable.nohost";
                unroutable = Why.of(reason, dst.isPrivate() ? "RFC 1918 §3" : "", dst);
            }
        } else if (seg.contains(dst)) {
            to = seg.hosts.get(dst.asLong());
            if (to == null) {
                unroutable = Why.of("net.nohost.lan", "", dst, seg.name());
            }
        } else if (seg.gateway != null && seg.gateway != from) {
            to = seg.gateway;
        } else {
            to = null;
            unroutable = Why.of("net.nogateway", "", dst, seg.name());
        }
        if (to == null) {
            receiver = null;
            toDelay = 0;
        } else if (to == seg.gateway) {
            receiver = seg.gatewayNode;
            toDelay = seg.gatewayDelay;
        } else {
            receiver = to.node();
            toDelay = to.delay();
        }
        Hop hop = new Hop(flight, scheduler.now(),
                leg(legs, sender, receiver == null ? sender : receiver.name(), seg.name(), packet, label, category,
                        retransmission, because));
        if (receiver == null) {
            recorder.record(Kind.DROP, sender, hop, unroutable);
            return;
        }
        scheduler.after(fromDelay + toDelay, () -> receiver.receive(hop));
    }
}
