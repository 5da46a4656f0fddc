package dev.vialab.emulator.net;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.TcpRow;
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
    private final TreeMap<Integer, TcpListener> listeners = new TreeMap<>();
    private final TreeMap<String, TcpConnection> connections = new TreeMap<>();
    /** Connections we closed (FIN sent) whose peer's FIN is still to come: answered with ACK, not RST. */
    private final TreeMap<String, TcpConnection> closing = new TreeMap<>();
    private final Rng tcpRng;
    private SynSchedule synSchedule = SynSchedule.LINUX;
    private int nextEphemeral;

    protected Host(String name, Network net, long seed) {
        this.name = name;
        this.net = net;
        this.scheduler = net.scheduler();
        this.recorder = net.recorder();
        this.tcpRng = Rng.derive(seed, name + "/tcp");
        this.nextEphemeral = tcpRng.nextInt(49152, 60000);
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
        this.synSchedule = s;
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
     * datagram sent: a keep-alive repeats it exactly, and the trace can hold one copy. It holds what sending
     * reads of its host and interface (the network, the host's name, the segment and its delay), so that a
     * keep-alive of a cold phone touches this object and not also the host's and the attachment's.
     */
    private final class BoundUdp extends Network.LegCache implements UdpSocket {
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

        @Override
        public int send(Endpoint dst, byte[] payload, String label, Category category, boolean retx, Why why) {
            Packet.Udp p = last;
            if (p == null || p.payload() != payload || !p.dst().equals(dst)) {
                p = new Packet.Udp(local, dst, payload);
                last = p;
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
        listeners.put(port, l);
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
        switch (hop.packet()) {
            case Packet.Udp u -> {
                UdpListener l = udp.get(u.dst());
                if (l == null) {
                    closedUdpPort(d, u);
                } else {
                    l.datagram(d, u);
                }
            }
            case Packet.Tcp t -> tcpReceive(d, t);
            case Packet.Icmp i -> icmp(d, i);
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

    // ---- TCP ----------------------------------------------------------------------------------------------

    public TcpConnection connect(int localPort, Endpoint remote, TcpHandler handler, Why because) {
        TcpConnection c = new TcpConnection(new Endpoint(ip(), localPort), remote, true,
                tcpRng.nextLong(0, 1L << 32));
        c.handler = handler;
        c.state = TcpConnection.State.SYN_SENT;
        c.lastActivity = scheduler.now();
        connections.put(c.key(), c);
        publish(c);
        sendSyn(c, 0, because);
        return c;
    }

    private void sendSyn(TcpConnection c, int attempt, Why because) {
        sendSegment(c, Packet.Tcp.SYN, c.sndNxt, 0, new byte[0], "SYN", attempt > 0,
                attempt == 0 ? because : Why.of("tcp.syn.retry", "", attempt, c.remote));
        long[] sends = synSchedule.sends();
        long next = attempt + 1 < sends.length ? sends[attempt + 1] : synSchedule.timeout();
        long delay = next - sends[attempt];
        c.synTimer = scheduler.after(delay, () -> {
            if (c.state != TcpConnection.State.SYN_SENT) {
                return;
            }
            if (attempt + 1 < sends.length) {
                sendSyn(c, attempt + 1, because);
            } else {
                c.state = TcpConnection.State.CLOSED;
                connections.remove(c.key());
                unpublish(c);
                recorder.record(Kind.TRANSACTION, name, null,
                        Why.of("tcp.connect.timeout", "", c.remote, Time.duration(synSchedule.timeout())));
                c.handler.timedOut(c);
            }
        });
    }

    public void tcpSend(TcpConnection c, byte[] payload, String label, Category category, Why because) {
        if (c.state != TcpConnection.State.ESTABLISHED) {
            throw new IllegalStateException("connection not established: " + c.key());
        }
        sendSegment(c, Packet.Tcp.PSH | Packet.Tcp.ACK, c.sndNxt, c.rcvNxt, payload, label, false, because);
        c.sndNxt += payload.length;
        c.lastActivity = scheduler.now();
    }

    public void tcpClose(TcpConnection c, Why because) {
        if (c.state == TcpConnection.State.ESTABLISHED) {
            sendSegment(c, Packet.Tcp.FIN | Packet.Tcp.ACK, c.sndNxt, c.rcvNxt, new byte[0], "FIN", false,
                    because);
            c.sndNxt++;
            closing.put(c.key(), c);
        }
        c.state = TcpConnection.State.CLOSED;
        connections.remove(c.key());
        unpublish(c);
    }

    private void sendSegment(TcpConnection c, int flags, long seq, long ack, byte[] payload, String label,
            boolean retransmission, Why because) {
        Packet.Tcp seg = new Packet.Tcp(c.local, c.remote, flags, seq & 0xffffffffL, ack & 0xffffffffL, payload);
        Category cat = payload.length == 0 ? Category.TCP
                : (label.startsWith("keep-alive") ? Category.KEEPALIVE : Category.SIP);
        net.send(nic, seg, label, cat, retransmission, because);
    }

    private void tcpReceive(Delivery d, Packet.Tcp t) {
        TcpConnection c = connections.get(t.dst() + "|" + t.src());
        if (t.has(Packet.Tcp.SYN) && !t.has(Packet.Tcp.ACK)) {
            if (c != null) {
                d.drop(Why.of("tcp.syn.duplicate", "", t.src()));
                return;
            }
            TcpListener l = listeners.get(t.dst().port());
            TcpHandler h = l == null ? null : l.syn(d, t);
            if (h == null) {
                if (!d.recorded()) {
                    d.refuse(Why.of("tcp.refused", "RFC 793 §3.4", t.dst()));
                }
                if (d.refused()) {
                    net.send(nic, new Packet.Tcp(t.dst(), t.src(), Packet.Tcp.RST | Packet.Tcp.ACK, 0,
                            (t.seq() + 1) & 0xffffffffL, new byte[0]), "RST", Category.TCP, false,
                            Why.of("tcp.rst.sent", "RFC 793 §3.4", t.dst()));
                }
                return;
            }
            c = new TcpConnection(t.dst(), t.src(), false, tcpRng.nextLong(0, 1L << 32));
            c.handler = h;
            c.state = TcpConnection.State.SYN_RCVD;
            c.rcvNxt = t.seq() + 1;
            c.lastActivity = scheduler.now();
            connections.put(c.key(), c);
            publish(c);
            if (!d.recorded()) {
                d.accept(Why.of("tcp.syn.accepted", "", t.src()));
            }
            sendSegment(c, Packet.Tcp.SYN | Packet.Tcp.ACK, c.sndNxt, c.rcvNxt, new byte[0], "SYN,ACK", false,
                    Why.of("tcp.synack.sent", "RFC 793 §3.4", t.src()));
            c.sndNxt++;
            return;
        }
        if (c == null) {
            TcpConnection gone = closing.remove(t.dst() + "|" + t.src());
            if (gone != null) {
                d.accept(Why.of(t.has(Packet.Tcp.FIN) ? "tcp.fin.received" : "tcp.closed", "RFC 793 §3.5",
                        t.src()));
                if (t.has(Packet.Tcp.FIN)) {
                    net.send(nic, new Packet.Tcp(t.dst(), t.src(), Packet.Tcp.ACK, gone.sndNxt & 0xffffffffL,
                            (t.seq() + 1) & 0xffffffffL, new byte[0]), "ACK", Category.TCP, false,
                            Why.of("tcp.ack.sent", "RFC 793 §3.5", t.src()));
                }
                return;
            }
            if (t.has(Packet.Tcp.RST)) {
                d.drop(Why.of("tcp.rst.stray", "", t.src()));
            } else {
                d.refuse(Why.of("tcp.noconnection", "RFC 793 §3.4", t.src()));
                net.send(nic, new Packet.Tcp(t.dst(), t.src(), Packet.Tcp.RST, t.ack(), 0, new byte[0]), "RST",
                        Category.TCP, false, Why.of("tcp.rst.sent", "RFC 793 §3.4", t.dst()));
            }
            return;
        }
        c.lastActivity = scheduler.now();
        if (t.has(Packet.Tcp.RST)) {
            boolean connecting = c.state == TcpConnection.State.SYN_SENT;
            close(c);
            d.accept(Why.of(connecting ? "tcp.connect.refused" : "tcp.reset", "", t.src()));
            if (connecting) {
                c.handler.refused(c);
            } else {
                c.handler.closed(c, true);
            }
            return;
        }
        if (c.state == TcpConnection.State.SYN_SENT && t.has(Packet.Tcp.SYN) && t.has(Packet.Tcp.ACK)) {
            c.synTimer.cancel();
            c.state = TcpConnection.State.ESTABLISHED;
            c.rcvNxt = t.seq() + 1;
            c.sndNxt++;
            publish(c);
            d.accept(Why.of("tcp.established", "", t.src()));
            sendSegment(c, Packet.Tcp.ACK, c.sndNxt, c.rcvNxt, new byte[0], "ACK", false,
                    Why.of("tcp.ack.sent", "RFC 793 §3.4", t.src()));
            c.handler.connected(c);
            return;
        }
        if (c.state == TcpConnection.State.SYN_RCVD && t.has(Packet.Tcp.ACK)) {
            c.state = TcpConnection.State.ESTABLISHED;
            publish(c);
            if (t.payload().length == 0 && !t.has(Packet.Tcp.FIN)) {
                d.accept(Why.of("tcp.established", "", t.src()));
                c.handler.connected(c);
                return;
            }
            c.handler.connected(c);
        }
        if (t.payload().length > 0) {
            c.rcvNxt = t.seq() + t.payload().length;
            c.handler.data(c, d, t.payload());
        }
        if (t.has(Packet.Tcp.FIN)) {
            c.rcvNxt = t.seq() + t.payload().length + 1;
            if (!d.recorded()) {
                d.accept(Why.of("tcp.fin.received", "", t.src()));
            }
            if (c.state == TcpConnection.State.ESTABLISHED) {
                sendSegment(c, Packet.Tcp.FIN | Packet.Tcp.ACK, c.sndNxt, c.rcvNxt, new byte[0], "FIN", false,
                        Why.of("tcp.fin.sent", "", t.src()));
                c.sndNxt++;
                closing.put(c.key(), c); // LAST-ACK: the peer's final ACK is still to come
            }
            close(c);
            c.handler.closed(c, false);
        }
    }

    private void close(TcpConnection c) {
        if (c.synTimer != null) {
            c.synTimer.cancel();
        }
        c.state = TcpConnection.State.CLOSED;
        connections.remove(c.key());
        unpublish(c);
    }

    protected TcpConnection findConnection(Endpoint remote) {
        for (TcpConnection c : connections.values()) {
            if (c.remote.equals(remote) && c.state != TcpConnection.State.CLOSED) {
                return c;
            }
        }
        return null;
    }

    private void publish(TcpConnection c) {
        TcpRow row = new TcpRow(name, c.local, c.remote, c.state.name());
        recorder.update(w -> w.withTcp(w.tcp().put(row.key(), row)));
    }

    private void unpublish(TcpConnection c) {
        String key = name + '|' + c.local + '|' + c.remote;
        recorder.update(w -> w.withTcp(w.tcp().remove(key)));
    }
}
