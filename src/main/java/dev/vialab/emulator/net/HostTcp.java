package dev.vialab.emulator.net;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.TcpRow;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;
import java.util.TreeMap;

/**
 * The small TCP of one {@link Host} (RFC 793): the three-way handshake with SYN retransmission on the OS's
 * schedule, data segments, FIN (with the LAST-ACK wait for the peer's final ACK) and RST — refusing a SYN on a
 * port nobody listens on, and a segment for no connection (§3.4). Every connection's state is published in the
 * trace's TCP table. Its own class so that the host keeps addresses, UDP and dispatch, and this the state machine.
 */
final class HostTcp {
    private final Host host;
    private final Network net;
    private final Scheduler scheduler;
    private final TraceRecorder recorder;
    /** The host's TCP stream: after the host's first draw (its ephemeral ports), the connections' ISNs. */
    private final Rng tcpRng;
    private final TreeMap<Integer, Host.TcpListener> listeners = new TreeMap<>();
    private final TreeMap<String, TcpConnection> connections = new TreeMap<>();
    /** Connections we closed (FIN sent) whose peer's FIN is still to come: answered with ACK, not RST. */
    private final TreeMap<String, TcpConnection> closing = new TreeMap<>();
    Host.SynSchedule synSchedule = Host.SynSchedule.LINUX;

    HostTcp(Host host, Rng tcpRng) {
        this.host = host;
        this.net = host.net;
        this.scheduler = host.scheduler;
        this.recorder = host.recorder;
        this.tcpRng = tcpRng;
    }

    void listen(int port, Host.TcpListener l) {
        listeners.put(port, l);
    }

    TcpConnection connect(int localPort, Endpoint remote, TcpHandler handler, Why because) {
        TcpConnection c = new TcpConnection(new Endpoint(host.ip(), localPort), remote, true,
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
                recorder.record(Kind.TRANSACTION, host.name, null,
                        Why.of("tcp.connect.timeout", "", c.remote, Time.duration(synSchedule.timeout())));
                c.handler.timedOut(c);
            }
        });
    }

    /** Data on an established connection; its category (SIP or keep-alive) follows from the label. */
    void send(TcpConnection c, byte[] payload, String label, Why because) {
        if (c.state != TcpConnection.State.ESTABLISHED) {
            throw new IllegalStateException("connection not established: " + c.key());
        }
        sendSegment(c, Packet.Tcp.PSH | Packet.Tcp.ACK, c.sndNxt, c.rcvNxt, payload, label, false, because);
        c.sndNxt += payload.length;
        c.lastActivity = scheduler.now();
    }

    void close(TcpConnection c, Why because) {
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
        net.send(host.nic, seg, label, cat, retransmission, because);
    }

    void receive(Delivery d, Packet.Tcp t) {
        TcpConnection c = connections.get(t.dst() + "|" + t.src());
        if (t.has(Packet.Tcp.SYN) && !t.has(Packet.Tcp.ACK)) {
            if (c != null) {
                d.drop(Why.of("tcp.syn.duplicate", "", t.src()));
                return;
            }
            Host.TcpListener l = listeners.get(t.dst().port());
            TcpHandler h = l == null ? null : l.syn(d, t);
            if (h == null) {
                if (!d.recorded()) {
                    d.refuse(Why.of("tcp.refused", "RFC 793 §3.4", t.dst()));
                }
                if (d.refused()) {
                    net.send(host.nic, new Packet.Tcp(t.dst(), t.src(), Packet.Tcp.RST | Packet.Tcp.ACK, 0,
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
                    net.send(host.nic, new Packet.Tcp(t.dst(), t.src(), Packet.Tcp.ACK, gone.sndNxt & 0xffffffffL,
                            (t.seq() + 1) & 0xffffffffL, new byte[0]), "ACK", Category.TCP, false,
                            Why.of("tcp.ack.sent", "RFC 793 §3.5", t.src()));
                }
                return;
            }
            if (t.has(Packet.Tcp.RST)) {
                d.drop(Why.of("tcp.rst.stray", "", t.src()));
            } else {
                d.refuse(Why.of("tcp.noconnection", "RFC 793 §3.4", t.src()));
                net.send(host.nic, new Packet.Tcp(t.dst(), t.src(), Packet.Tcp.RST, t.ack(), 0, new byte[0]), "RST",
                        Category.TCP, false, Why.of("tcp.rst.sent", "RFC 793 §3.4", t.dst()));
            }
            return;
        }
        c.lastActivity = scheduler.now();
        if (t.has(Packet.Tcp.RST)) {
            boolean connecting = c.state == TcpConnection.State.SYN_SENT;
            closed(c);
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
            closed(c);
            c.handler.closed(c, false);
        }
    }

    private void closed(TcpConnection c) {
        if (c.synTimer != null) {
            c.synTimer.cancel();
        }
        c.state = TcpConnection.State.CLOSED;
        connections.remove(c.key());
        unpublish(c);
    }

    TcpConnection find(Endpoint remote) {
        for (TcpConnection c : connections.values()) {
            if (c.remote.equals(remote) && c.state != TcpConnection.State.CLOSED) {
                return c;
            }
        }
        return null;
    }

    private void publish(TcpConnection c) {
        TcpRow row = new TcpRow(host.name, c.local, c.remote, c.state.name());
        recorder.update(w -> w.withTcp(w.tcp().put(row.key(), row)));
    }

    private void unpublish(TcpConnection c) {
        String key = host.name + '|' + c.local + '|' + c.remote;
        recorder.update(w -> w.withTcp(w.tcp().remove(key)));
    }
}
