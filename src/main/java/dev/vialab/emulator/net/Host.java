package dev.vialab.emulator.net;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;
import java.util.TreeMap;

/**
 * An end host with one interface: UDP ports and a small TCP (handshake, data segments, RST, FIN, SYN
 * retransmission with the OS's connect timeout). Phones, registrars, the DNS server and callers extend it.
 */
public abstract class Host implements Node {

    /** Receives datagrams on a bound UDP port. Must record the delivery. */
    public interface UdpListener {
        void datagram(Delivery d, Packet.Udp packet);
    }

    /**
     * Decides about a SYN on a listening port: return a handler to accept, or null after {@code d.refuse(…)}
     * (RST) or {@code d.drop(…)} (silence).
     */
    public interface TcpListener {
        TcpHandler syn(Delivery d, Packet.Tcp syn);
    }

    /**
     * When the OS gives up on a TCP connect: the SYN send offsets and the final timeout. Windows retries twice
     * (0, 3, 9 s) and reports failure after about 21 s; Linux retries six times and gives up after about 127 s
     * (both typical values, unconfirmed in the rulebook §(e)).
     */
    public record SynSchedule(long[] sends, long timeout) {
        public static final SynSchedule WINDOWS = new SynSchedule(
                new long[] {0, 3_000_000, 9_000_000}, 21_000_000);
        public static final SynSchedule LINUX = new SynSchedule(
                new long[] {0, 1_000_000, 3_000_000, 7_000_000, 15_000_000, 31_000_000, 63_000_000}, 127_000_000);
    }

    protected final String name;
    protected final Network net;
    protected final Scheduler scheduler;
    protected final TraceRecorder recorder;
    protected Network.Attachment nic;
    private final TreeMap<Ip, Network.Attachment> nics = new TreeMap<>();
    private final TreeMap<Endpoint, UdpListener> udp = new TreeMap<>();
    /** The host's small TCP: its listeners, connections and their state machine. */
    private final HostTcp tcp;
    private int nextEphemeral;

    protected Host(String name, Network net, long seed) {
        this.name = name;
        this.net = net;
        this.scheduler = net.scheduler();
        this.recorder = net.recorder();
        Rng tcpRng = Rng.derive(seed, name + "/tcp");
        this.nextEphemeral = tcpRng.nextInt(49152, 60000); // first from the stream, then the connections' ISNs
        this.tcp = new HostTcp(this, tcpRng);
    }

    @Override
    public String name() {
        return name;
    }

    /** Adds an interface; the first one is the primary (TCP, and UDP unless another address is bound). */
    public void attach(Network.Attachment a) {
        if (nic == null) {
            nic = a;
        }
        nics.put(a.ip(), a);
    }

    public Ip ip() {
        return nic.ip();
    }

    protected void setSynSchedule(SynSchedule s) {
        tcp.synSchedule = s;
    }

    /** Binds a UDP port on the primary address. */
    public UdpSocket bind(int port, UdpListener l) {
        return bind(nic.ip(), port, l);
    }

    public UdpSocket bind(Ip address, int port, UdpListener l) {
        Endpoint local = new Endpoint(address, port);
        if (udp.containsKey(local)) {
            throw new IllegalStateException(name + ": UDP " + local + " is already bound");
        }
        udp.put(local, l);
        return new BoundUdp(local, nics.get(address));
    }

    /**
     * A bound UDP port. It is its own leg cache (no second object to touch per datagram) and keeps the last
     * datagram sent: a retransmission repeats it exactly, and the trace can hold one copy. It holds what sending
     * reads of its host and interface (the network, the host's name, the segment and its delay), so that a send
     * touches this object and not also the host's and the attachment's; a keep-alive takes them once, when aimed,
     * and then does not touch the socket at all ({@link UdpRepeater}).
     */
    final class BoundUdp extends Network.LegCache implements UdpSocket {
        private final Endpoint local;
        private final Network.Attachment via;
        private final Network network;
        private final String sender;
        private final Network.Segment segment;
        private final long delay;
        private Packet.Udp last;

        BoundUdp(Endpoint local, Network.Attachment via) {
            this.local = local;
            this.via = via;
            this.network = net;
            this.sender = name;
            this.segment = via == null ? null : via.segment();
            this.delay = via == null ? 0 : via.delay();
        }

        @Override
        public Endpoint local() {
            return local;
        }

        Network network() {
            return network;
        }

        Network.Attachment via() {
            return via;
        }

        Network.Segment segment() {
            return segment;
        }

        String sender() {
            return sender;
        }

        long delay() {
            return delay;
        }

        @Override
        public int send(Endpoint dst, byte[] payload, String label, Category category, boolean retx, Why why) {
            Packet.Udp p = last;
            if (p == null || p.payload() != payload || !p.dst().equals(dst)) {
                p = last = new Packet.Udp(local, dst, payload);
            }
            return network.send(via, segment, sender, delay, p, dst.ip(), label, category, retx, why, this);
        }

        @Override
        public void close() {
            udp.remove(local);
        }
    }

    public boolean isBound(int port) {
        return udp.containsKey(new Endpoint(nic.ip(), port));
    }

    protected void listenTcp(int port, TcpListener l) {
        tcp.listen(port, l);
    }

    protected int ephemeralPort() {
        int p = nextEphemeral++;
        if (nextEphemeral > 65535) {
            nextEphemeral = 49152;
        }
        return p;
    }

    @Override
    public final void receive(Hop hop) {
        Delivery d = new Delivery(hop, name, recorder);
        Packet p = hop.packet(); // instanceof, not a type switch: see Packet
        if (p instanceof Packet.Udp u) {
            UdpListener l = udp.get(u.dst());
            if (l == null) {
                closedUdpPort(d, u);
            } else {
                l.datagram(d, u);
            }
        } else if (p instanceof Packet.Tcp t) {
            tcp.receive(d, t);
        } else {
            icmp(d, (Packet.Icmp) p);
        }
        if (!d.recorded()) {
            d.accept(Why.of("net.received", "", hop.label()));
        }
    }

    /** A datagram to a port nobody listens on: ICMP port unreachable (RFC 1122 §3.2.2.1). */
    protected void closedUdpPort(Delivery d, Packet.Udp u) {
        d.refuse(Why.of("net.udp.closed", "RFC 1122 §3.2.2.1", u.dst()));
        sendIcmpPortUnreachable(u);
    }

    protected void sendIcmpPortUnreachable(Packet.Udp u) {
        Packet.Icmp icmp = new Packet.Icmp(u.dst().ip(), u.src().ip(), 3, 3, u);
        net.send(nics.getOrDefault(u.dst().ip(), nic), icmp, "ICMP port unreachable", Category.ICMP, false,
                Why.of("net.icmp.sent", "RFC 792", u.dst()));
    }

    /** ICMP errors are taken in and ignored unless a subclass cares. */
    protected void icmp(Delivery d, Packet.Icmp icmp) {
        d.accept(Why.of("net.icmp.ignored", "", icmp.quoted().dst()));
    }

    // ---- TCP (HostTcp) ------------------------------------------------------------------------------------

    public TcpConnection connect(int localPort, Endpoint remote, TcpHandler handler, Why because) {
        return tcp.connect(localPort, remote, handler, because);
    }

    public void tcpSend(TcpConnection c, byte[] payload, String label, Category category, Why because) {
        tcp.send(c, payload, label, because);
    }

    public void tcpClose(TcpConnection c, Why because) {
        tcp.close(c, because);
    }

    protected TcpConnection findConnection(Endpoint remote) {
        return tcp.find(remote);
    }
}
