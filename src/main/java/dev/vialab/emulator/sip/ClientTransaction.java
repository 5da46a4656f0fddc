package dev.vialab.emulator.sip;

import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.TcpConnection;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Why;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A non-INVITE client transaction as pjsip runs it (RFC 3261 §17.1.2; sip_transaction.c, sip_util.c):
 * <ul>
 *   <li>a new transaction resolves its destination afresh, unless it repeats a request to a known address (R1,
 *       R2);</li>
 *   <li>Timer F (64·T1 = 32 s) counts from the start, resolution time included (R7);</li>
 *   <li>over UDP it retransmits at T1, doubling up to T2: 0, 0.5, 1.5, 3.5, 7.5, 11.5, … 31.5 s (R7);</li>
 *   <li>it moves to the next address only when sending fails (a refused TCP connect), restarting Timer F (R5);
 *       a UDP timeout, an ICMP error or a 503 never fail over (R6).</li>
 * </ul>
 */
final class ClientTransaction {
    static final long T1 = 500 * Time.MS;
    static final long T2 = 4 * Time.S;
    static final long TIMER_F = 64 * T1;
    /** PJSIP_UDP_SIZE_THRESHOLD (sip_config.h). */
    static final int UDP_SIZE_THRESHOLD = 1300;
    /** PJSIP_MAX_RESOLVED_ADDRESSES with IPv6 support, as Windows builds have it (sip_config.h). */
    static final int MAX_RESOLVED = 32;

    /** One entry of pjsip's resolved list ({@code pjsip_server_addresses}): an address and its transport. */
    record Target(Endpoint dest, Transport transport) {}

    /** Builds the request for a send: the Via sent-by and transport are only known then (R21, R34). */
    interface Builder {
        SIPRequest build(Endpoint viaSentBy, Transport transport, String branch);
    }

    /** The final outcome: a response, or a locally generated status (408 timeout, 503 transport, 502 DNS). */
    record Result(SIPResponse response, int code, String reason, int step) {
        boolean local() {
            return response == null;
        }
    }

    final Phone phone;
    final String branch;
    final String method;
    final boolean unregister;
    /** The account's transport while resolving; then the transport of the address in use (R25). */
    Transport transport;
    final boolean hadAuthorization;
    private final Builder builder;
    private final Consumer<Result> onFinal;
    private List<Target> targets;
    int index;
    Endpoint dest;
    Endpoint sentBy;
    TcpConnection conn;
    private boolean failedOver;
    private byte[] bytes;
    private Endpoint prebuiltFor;
    private String label;
    private long interval = T1;
    private Scheduler.Timer timerE;
    private Scheduler.Timer timerF;
    private boolean done;
    private int sends;

    ClientTransaction(Phone phone, String method, boolean unregister, Transport transport, boolean hadAuthorization,
            Builder builder, Consumer<Result> onFinal) {
        this.phone = phone;
        this.method = method;
        this.unregister = unregister;
        this.transport = transport;
        this.hadAuthorization = hadAuthorization;
        this.builder = builder;
        this.onFinal = onFinal;
        this.branch = "z9hG4bKPj" + phone.ids.token(32);
    }

    /** Starts with a fresh resolution of {@code host} (R1). */
    void start(String host, Why because) {
        begin();
        phone.resolver.resolve(host, transport, list -> {
            if (done) {
                return;
            }
            if (list.isEmpty()) {
                // pjsip #870: a resolution error ends the transaction with 502
                finish(new Result(null, 502, "DNS resolution failed", phone.recorder().lastIndex()));
                return;
            }
            dispatch(list.stream().map(e -> new Target(e, transport)).toList(), 0, false, because);
        });
    }

    /**
     * Starts on a known address list at {@code index}, with no lookup: a re-send after 401/407 or 423 keeps the
     * list and position of the request it repeats (R2), an IP route or a pinned server is a list of one (G9, R28).
     */
    void start(List<Target> known, int at, TcpConnection knownConn, boolean repeat, Why because) {
        begin();
        conn = knownConn;
        dispatch(known, at, repeat, because);
    }

    private void begin() {
        phone.transactions.put(branch, this);
        timerF = phone.scheduler().after(TIMER_F, this::timeout);
    }

    /**
     * {@code stateless_send_resolver_callback()}: when the first address is UDP and the request is 1300 bytes or
     * more ({@code PJSIP_UDP_SIZE_THRESHOLD}), TCP copies of the addresses go first (RFC 3261 §18.1.1, R25). An
     * account bound to its UDP transport ({@code transport_id}) cannot use them: each fails at once
     * ({@code PJSIP_ETPNOTSUITABLE} in {@code pjsip_tpmgr_acquire_transport2}) and the UDP copy is used.
     */
    private void dispatch(List<Target> list, int at, boolean repeat, Why because) {
        targets = list;
        int start = at;
        if (list.getFirst().transport() == Transport.UDP) {
            Endpoint by = phone.udpSentBy();
            encode(builder.build(by, Transport.UDP, branch));
            prebuiltFor = by; // the UDP send below reuses these bytes unless the Via changes
            int size = bytes.length;
            // pjsip measures before stateless_send_transport_cb fills in the Via's transport and sent-by
            int measured = repeat ? size : size - Transport.UDP.name().length() - by.toString().length();
            if (measured >= UDP_SIZE_THRESHOLD) {
                targets = tcpFirst(list);
                boolean bound = phone.cfg().transportId();
                phone.recorder().record(Kind.TRANSACTION, phone.name(), null, Why.of(
                        bound ? "tsx.tcp.unsuitable" : "tsx.tcp.switch", "R25", method, measured, UDP_SIZE_THRESHOLD));
                while (bound && targets.get(start).transport() == Transport.TCP) {
                    start++;
                }
            }
        }
        send(start, because);
    }

    /** TCP copies of the addresses, then the addresses, at most PJSIP_MAX_RESOLVED_ADDRESSES (32) in all. */
    private static List<Target> tcpFirst(List<Target> list) {
        int count = Math.min(list.size(), MAX_RESOLVED / 2);
        List<Target> out = new ArrayList<>(count * 2);
        for (int i = 0; i < count; i++) {
            out.add(new Target(list.get(i).dest(), Transport.TCP));
        }
        out.addAll(list.subList(0, count));
        return List.copyOf(out);
    }

    private void send(int i, Why because) {
        index = i;
        dest = targets.get(i).dest();
        transport = targets.get(i).transport();
        if (transport == Transport.UDP) {
            // after a refused TCP copy the Via address was overwritten with that connection's, so the UDP copy
            // carries the UDP transport's own address, not the learned one (stateless_send_transport_cb, R34)
            sentBy = failedOver ? phone.udpLocal() : phone.udpSentBy();
            if (!sentBy.equals(prebuiltFor)) {
                encode(builder.build(sentBy, transport, branch));
            }
            prebuiltFor = null;
            sends = 1;
            phone.sendUdp(dest, bytes, label, false, because);
            interval = T1;
            timerE = phone.scheduler().after(interval, this::retransmit);
            return;
        }
        TcpConnection c = conn != null && conn.remote().equals(dest) && conn.state() != TcpConnection.State.CLOSED
                ? conn : phone.tcp.existing(dest);
        phone.tcp.acquire(dest, c, this, because);
    }

    List<Target> targets() {
        return targets;
    }

    /** The TCP connection for {@link #dest} is up: send on it (R34 decides the Via). */
    void connected(TcpConnection c, Why because) {
        if (done) {
            return;
        }
        conn = c;
        prebuiltFor = null;
        sentBy = failedOver ? c.local() : phone.tcpSentBy();
        encode(builder.build(sentBy, transport, branch));
        sends = 1;
        phone.tcp.send(c, bytes, label, because);
    }

    private void encode(SIPRequest r) {
        bytes = SipCodec.encode(r);
        label = SipCodec.label(r);
    }

    /** Sending failed (connect refused or timed out): try the next address, restarting Timer F (R5). */
    void sendFailed(String reason) {
        if (done) {
            return;
        }
        if (index + 1 < targets.size()) {
            failedOver = true;
            timerF.cancel();
            timerF = phone.scheduler().after(TIMER_F, this::timeout);
            phone.recorder().record(Kind.TRANSACTION, phone.name(), null,
                    Why.of("tsx.failover", "R5", method, dest, targets.get(index + 1).dest(), reason));
            conn = null;
            send(index + 1, Why.of("tsx.failover.send", "R5", method, targets.get(index + 1).dest()));
            return;
        }
        phone.recorder().record(Kind.TRANSACTION, phone.name(), null,
                Why.of("tsx.transport.error", "R5", method, dest, reason));
        finish(new Result(null, 503, "Transport error", phone.recorder().lastIndex()));
    }

    private void retransmit() {
        if (done) {
            return;
        }
        sends++;
        phone.sendUdp(dest, bytes, label, true,
                Why.of("tsx.retransmit", "R7", method, sends - 1, Time.duration(interval)));
        interval = Math.min(interval * 2, T2);
        timerE = phone.scheduler().after(interval, this::retransmit);
    }

    private void timeout() {
        if (done) {
            return;
        }
        int step = phone.recorder().record(Kind.TRANSACTION, phone.name(), null,
                Why.of("tsx.timeout", "R7", method, dest == null ? "-" : dest, sends));
        finish(new Result(null, 408, "Request Timeout", step));
    }

    /** A response with this transaction's branch arrived. */
    void response(SIPResponse r, int step) {
        if (done) {
            return;
        }
        if (r.getStatusCode() < 200) {
            interval = T2; // RFC 3261 §17.1.2.2: in Proceeding, retransmit every T2
            return;
        }
        finish(new Result(r, r.getStatusCode(), r.getReasonPhrase(), step));
    }

    boolean isDone() {
        return done;
    }

    private void finish(Result r) {
        done = true;
        if (timerE != null) {
            timerE.cancel();
        }
        if (timerF != null) {
            timerF.cancel();
        }
        phone.transactions.remove(branch);
        onFinal.accept(r);
    }
}
