package dev.vialab.emulator.sip;

import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.Host;
import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Rng;
import dev.vialab.emulator.net.TcpConnection;
import dev.vialab.emulator.net.TcpHandler;
import dev.vialab.emulator.net.UdpSocket;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Why;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.text.ParseException;
import java.util.Map;
import java.util.TreeMap;
import javax.sip.InvalidArgumentException;

/**
 * A SIP registrar with its proxy, on UDP and (unless it is UDP-only) TCP port 5060. What it does can change over
 * time (up, silently dropping, refusing, answering 503). It stamps RFC 3581 received/rport, may challenge every
 * request, grants expiries within [min, max], and keeps bindings in its location service ({@link RegistrarCore});
 * incoming calls are routed by {@link Proxy}.
 */
public final class Registrar extends Host {
    final RegistrarSetup cfg;
    final String domain;
    final SipCodec codec;
    final SipMessages messages;
    final Rng ids;
    final Location location;
    final Map<String, String> passwords;
    private final RegistrarCore core;
    final Proxy proxy;
    private UdpSocket udp;
    private final TreeMap<Endpoint, TcpConnection> connections = new TreeMap<>();
    /** One explanation per keep-alive source, shared by all its keep-alives (most steps of a long run). */
    /**
     * One explanation for every keep-alive heard: the step log puts each one's source in when it is read. Why:
     * thousands of phones' mappings send here every 12–15 s, and an explanation per source was a lookup per packet.
     */
    private static final Why KEEP_ALIVE = Why.of("registrar.rx.keepalive", "R13", Why.StepSource.PACKET);

    public Registrar(RegistrarSetup cfg, String domain, Network net, SipCodec codec, Location location,
            Map<String, String> passwords, long seed) {
        super(cfg.name(), net, seed);
        attach(net.attach(this, cfg.address(), net.internet(), cfg.delay()));
        this.cfg = cfg;
        this.domain = domain;
        this.codec = codec;
        this.messages = new SipMessages(codec);
        this.ids = Rng.derive(seed, cfg.name() + "/ids");
        this.location = location;
        this.passwords = new TreeMap<>(passwords);
        this.core = new RegistrarCore(this);
        this.proxy = new Proxy(this);
    }

    public void listen() {
        udp = bind(cfg.port(), this::datagram);
        if (cfg.tcp()) {
            listenTcp(cfg.port(), this::syn); // else a SYN meets a closed port: RST (RFC 793 §3.4)
        }
    }

    RegistrarSetup.StateChange state() {
        return cfg.stateAt(scheduler.now());
    }

    private void datagram(Delivery d, Packet.Udp p) {
        RegistrarSetup.StateChange s = state();
        switch (s.mode()) {
            case DROP -> d.drop(Why.of("registrar.down.drop", "R6", name));
            case REFUSE -> {
                d.refuse(Why.of("registrar.down.refuse", "R6", name));
                sendIcmpPortUnreachable(p);
            }
            default -> received(d, p.payload(), p.src(), null, Transport.UDP);
        }
    }

    private TcpHandler syn(Delivery d, Packet.Tcp syn) {
        RegistrarSetup.StateChange s = state();
        if (s.mode() == RegistrarSetup.Mode.DROP) {
            d.drop(Why.of("registrar.down.drop", "R5", name));
            return null;
        }
        if (s.mode() == RegistrarSetup.Mode.REFUSE) {
            d.refuse(Why.of("registrar.down.refuse.tcp", "R5", name));
            return null;
        }
        return new TcpHandler() {
            @Override
            public void connected(TcpConnection c) {
                connections.put(c.remote(), c);
            }

            @Override
            public void data(TcpConnection c, Delivery del, byte[] payload) {
                if (state().mode() == RegistrarSetup.Mode.DROP) {
                    del.drop(Why.of("registrar.down.drop", "R6", name));
                    return;
                }
                received(del, payload, c.remote(), c, Transport.TCP);
            }

            @Override
            public void closed(TcpConnection c, boolean reset) {
                connections.remove(c.remote(), c);
            }
        };
    }

    private void received(Delivery d, byte[] payload, Endpoint source, TcpConnection conn, Transport t) {
        SipCodec.Parsed parsed = codec.parse(payload); // instanceof, not a type switch: see SipCodec.Parsed
        if (parsed instanceof SipCodec.Message m) {
            if (m.isRequest()) {
                request(d, m.request(), source, conn, t);
            } else {
                proxy.response(d, m.response(), source);
            }
        } else if (parsed instanceof SipCodec.Malformed m) {
            d.drop(Why.of("sip.malformed", "RFC 3261 §7", m.error()));
        } else {
            d.accept(KEEP_ALIVE);
        }
    }

    private void request(Delivery d, SIPRequest req, Endpoint source, TcpConnection conn, Transport t) {
        stamp(req, source);
        RegistrarSetup.StateChange s = state();
        if (s.mode() == RegistrarSetup.Mode.BUSY && !req.getMethod().equals("ACK")) {
            d.accept(Why.of("registrar.busy", "R6", req.getMethod(), s.retryAfter() < 0 ? "-" : s.retryAfter()));
            SIPResponse r = messages.response(req, 503, "Service Unavailable", ids.token(10));
            if (s.retryAfter() >= 0) {
                try {
                    r.addHeader(codec.headers.createRetryAfterHeader(s.retryAfter()));
                } catch (InvalidArgumentException e) {
                    throw new IllegalStateException(e);
                }
            }
            respond(r, source, conn, Why.of("registrar.tx.503", "R6"));
            return;
        }
        switch (req.getMethod()) {
            case "REGISTER" -> core.register(d, req, source, conn, t);
            case "INVITE" -> proxy.invite(d, req, source, conn);
            case "OPTIONS" -> {
                d.accept(Why.of("registrar.rx.options", ""));
                respond(messages.response(req, 200, "OK", ids.token(10)), source, conn, Why.of("registrar.tx.200", ""));
            }
            default -> proxy.inDialog(d, req, source, conn);
        }
    }

    /**
     * RFC 3581 §4: with {@code ;rport} in the top Via, add received (always) and rport (the source port); without
     * it, RFC 3261 §18.2.1: add received only when the sent-by host differs from the source address.
     */
    private static void stamp(SIPRequest req, Endpoint source) {
        Via top = req.getTopmostVia();
        try {
            if (top.hasParameter("rport")) {
                top.setReceived(source.ip().toString());
                top.setParameter("rport", Integer.toString(source.port()));
            } else if (!source.ip().toString().equals(top.getHost())) {
                top.setReceived(source.ip().toString());
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a response back where the request came from: the connection, or received:rport (RFC 3581 §4). */
    void respond(SIPResponse r, Endpoint source, TcpConnection conn, Why because) {
        byte[] bytes = SipCodec.encode(r);
        if (conn != null) {
            if (conn.isOpen()) {
                tcpSend(conn, bytes, SipCodec.label(r), Category.SIP, because);
            }
            return;
        }
        udp.send(source, bytes, SipCodec.label(r), Category.SIP, false, because);
    }

    /** Sends a request to {@code target}: over TCP on an existing connection if there is one, else UDP. */
    void sendRequest(byte[] bytes, String label, Endpoint target, Transport t, boolean retransmission, Why because) {
        TcpConnection c = t == Transport.TCP ? connections.get(target) : null;
        if (c != null && c.isOpen()) {
            tcpSend(c, bytes, label, Category.SIP, because);
            return;
        }
        udp.send(target, bytes, label, Category.SIP, retransmission, because);
    }

    Ip address() {
        return ip();
    }

    dev.vialab.emulator.net.Scheduler scheduler() {
        return scheduler;
    }

    dev.vialab.emulator.trace.TraceRecorder recorder() {
        return recorder;
    }
}
