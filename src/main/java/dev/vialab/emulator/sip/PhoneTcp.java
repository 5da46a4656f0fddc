package dev.vialab.emulator.sip;

import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.TcpConnection;
import dev.vialab.emulator.net.TcpHandler;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Why;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The phone's TCP transport, pjsip's {@code sip_transport_tcp.c}: one connection per remote address, reused by
 * every request to that address (even while it is still connecting, G8 step 2), and a "\r\n\r\n" keep-alive
 * after 90 s without activity (R14). No memory of a refused server between requests (B2).
 */
final class PhoneTcp {
    static final long KEEP_ALIVE = 90 * Time.S;
    /** PJSIP_TRANSPORT_IDLE_TIME: a connection nothing references any more is closed after 33 s idle. */
    static final long IDLE_TIME = 33 * Time.S;
    private static final byte[] PING = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Phone phone;
    private final TreeMap<Endpoint, Conn> byRemote = new TreeMap<>();

    private final class Conn implements TcpHandler {
        TcpConnection c;
        final List<ClientTransaction> waiting = new ArrayList<>();
        final List<Why> reasons = new ArrayList<>();
        Scheduler.Timer keepAlive;
        Scheduler.Timer idle;

        @Override
        public void connected(TcpConnection conn) {
            if (c == null) {
                c = conn; // an incoming connection, known from now on
                byRemote.putIfAbsent(conn.remote(), this);
            }
            scheduleKeepAlive();
            scheduleIdle();
            List<ClientTransaction> ready = List.copyOf(waiting);
            List<Why> why = List.copyOf(reasons);
            waiting.clear();
            reasons.clear();
            for (int i = 0; i < ready.size(); i++) {
                ready.get(i).connected(conn, why.get(i));
            }
        }

        @Override
        public void refused(TcpConnection conn) {
            failed(conn, "refused");
        }

        @Override
        public void timedOut(TcpConnection conn) {
            failed(conn, "timeout");
        }

        private void failed(TcpConnection conn, String reason) {
            byRemote.remove(conn.remote(), this);
            List<ClientTransaction> failed = List.copyOf(waiting);
            waiting.clear();
            reasons.clear();
            phone.account().transportDisconnected(conn);
            for (ClientTransaction t : failed) {
                t.sendFailed(reason);
            }
        }

        @Override
        public void data(TcpConnection conn, Delivery d, byte[] payload) {
            phone.sipReceived(d, payload, conn.remote(), conn);
        }

        @Override
        public void closed(TcpConnection conn, boolean reset) {
            byRemote.remove(conn.remote(), this);
            if (keepAlive != null) {
                keepAlive.cancel();
            }
            phone.account().transportDisconnected(conn);
        }

        /** Closes the connection once it is idle and no longer the registration's transport (sip_transport.c). */
        private void scheduleIdle() {
            if (idle != null) {
                idle.cancel();
            }
            long due = Math.max(c.lastActivity() + IDLE_TIME, phone.scheduler().now() + (c.lastActivity()
                    + IDLE_TIME <= phone.scheduler().now() ? IDLE_TIME : 0));
            idle = phone.scheduler().at(due, () -> {
                if (c.state() != TcpConnection.State.ESTABLISHED) {
                    return;
                }
                if (phone.scheduler().now() - c.lastActivity() < IDLE_TIME || c == phone.account().regConn
                        || !waiting.isEmpty()) {
                    scheduleIdle();
                    return;
                }
                byRemote.remove(c.remote(), this);
                if (keepAlive != null) {
                    keepAlive.cancel();
                }
                phone.tcpClose(c, Why.of("phone.tcp.idle", "PJSIP_TRANSPORT_IDLE_TIME", c.remote()));
                phone.account().transportDisconnected(c);
            });
        }

        private void scheduleKeepAlive() {
            keepAlive = phone.scheduler().at(c.lastActivity() + KEEP_ALIVE, () -> {
                if (c.state() != TcpConnection.State.ESTABLISHED) {
                    return;
                }
                if (phone.scheduler().now() - c.lastActivity() >= KEEP_ALIVE) {
                    phone.tcpSend(c, PING, "keep-alive", Category.KEEPALIVE, Why.of("phone.ka.tcp", "R14", c.remote()));
                }
                scheduleKeepAlive();
            });
        }
    }

    PhoneTcp(Phone phone) {
        this.phone = phone;
    }

    /** An open or connecting connection to {@code remote}, or null. */
    TcpConnection existing(Endpoint remote) {
        Conn c = byRemote.get(remote);
        return c == null ? null : c.c;
    }

    /**
     * Starts a connection without a request to send yet: pjsua does this to learn the local port for the
     * Contact ({@code contact_use_src_port}, G8 step 1).
     */
    TcpConnection preconnect(Endpoint remote) {
        Conn c = byRemote.get(remote);
        if (c != null) {
            return c.c;
        }
        return open(remote, Why.of("phone.tcp.contact", "R34", remote)).c;
    }

    /** Gets {@code tsx} a connection to {@code dest}: now if open, when connected if connecting, else connects. */
    void acquire(Endpoint dest, TcpConnection known, ClientTransaction tsx, Why because) {
        Conn c = byRemote.get(dest);
        if (c == null) {
            c = open(dest, because);
        }
        if (c.c.state() == TcpConnection.State.ESTABLISHED) {
            tsx.connected(c.c, because);
        } else {
            c.waiting.add(tsx);
            c.reasons.add(because);
        }
    }

    private Conn open(Endpoint dest, Why because) {
        Conn c = new Conn();
        byRemote.put(dest, c);
        c.c = phone.connect(phone.ephemeralTcpPort(), dest, c, because);
        return c;
    }

    void send(TcpConnection c, byte[] bytes, String label, Why because) {
        phone.tcpSend(c, bytes, label, Category.SIP, because);
    }

    /** An incoming connection (a proxy reaching the phone over TCP): handled like ours once established. */
    TcpHandler acceptIncoming() {
        return new Conn();
    }

    void closeAll() {
        for (Conn c : List.copyOf(byRemote.values())) {
            if (c.keepAlive != null) {
                c.keepAlive.cancel();
            }
            phone.tcpClose(c.c, Why.of("phone.tcp.close", "R38", c.c.remote()));
        }
        byRemote.clear();
    }
}
