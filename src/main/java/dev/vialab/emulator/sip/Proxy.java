package dev.vialab.emulator.sip;

import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.TcpConnection;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.trace.BindingRow;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Why;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;

/**
 * The registrar's proxy for calls to its users (RFC 3261 §16): looks the callee up in the location service,
 * forks the INVITE to every binding with Record-Route, retransmits it over UDP (Timer A) and gives up after
 * Timer B (32 s) with 408. A NAT-aware proxy sends to the address the REGISTER came from and rewrites the
 * Contact of answers to their source (Kamailio nathelper's fix_nated_register / fix_nated_contact).
 */
final class Proxy {
    /** Kamailio nathelper's Contact alias parameter, and its protocol number for TCP (1 UDP, 2 TCP, 3 TLS). */
    private static final String ALIAS = "alias";
    private static final String ALIAS_TCP = "2";
    private final Registrar r;
    /** Our branch → the forwarded INVITE it belongs to. */
    private final TreeMap<String, Branch> branches = new TreeMap<>();
    /** Callers' INVITE branches we answered with a non-2xx final response: their ACK ends here (§17.2.1). */
    private final java.util.TreeSet<String> answeredNon2xx = new java.util.TreeSet<>();

    private final class Call {
        SIPRequest request;
        Endpoint callerSource;
        TcpConnection callerConn;
        final List<Branch> branches = new ArrayList<>();
        boolean answered;
        boolean finished;
    }

    private final class Branch {
        Call call;
        String id;
        Endpoint target;
        Transport transport;
        byte[] bytes;
        long interval = ClientTransaction.T1;
        Scheduler.Timer timerA;
        Scheduler.Timer timerB;
        boolean responded;
        int finalCode;
        BindingRow binding;
    }

    Proxy(Registrar r) {
        this.r = r;
    }

    void invite(Delivery d, SIPRequest req, Endpoint source, TcpConnection conn) {
        String aor = aorOf(req);
        d.accept(Why.of("proxy.rx.invite", "RFC 3261 §16.3", aor, source));
        r.respond(r.messages.response(req, 100, "Trying", null), source, conn, Why.of("proxy.tx.100", "RFC 3261 §16.2"));
        List<BindingRow> found = r.location.lookup(aor);
        if (found.isEmpty()) {
            int gone = r.location.lastGone(aor);
            r.recorder().record(Kind.CALL, r.name(), null, Why.of("proxy.nobinding", "RFC 3261 §16.5", aor,
                    r.location.name(), req.getCallId().getCallId()), gone >= 0 ? gone : r.recorder().currentCause());
            answeredNon2xx.add(req.getTopmostVia().getBranch());
            r.respond(r.messages.response(req, 480, "Temporarily Unavailable", r.ids.token(10)), source, conn,
                    Why.of("proxy.tx.480", "RFC 3261 §16.5"));
            return;
        }
        Call call = new Call();
        call.request = req;
        call.callerSource = source;
        call.callerConn = conn;
        for (BindingRow b : found) {
            fork(call, b);
        }
    }

    private void fork(Call call, BindingRow b) {
        Branch br = new Branch();
        br.call = call;
        br.binding = b;
        br.id = "z9hG4bK" + r.ids.token(20);
        Endpoint contact = SipMessages.hostPort(b.contact(), r.codec);
        br.target = r.cfg.natAware() || contact == null ? b.source() : contact;
        br.transport = b.transport();
        r.recorder().record(Kind.CALL, r.name(), null, Why.of(r.cfg.natAware() ? "proxy.lookup.source" : "proxy.lookup",
                "RFC 3261 §16.5", b.contact(), b.source(), br.target, b.server(), b.location(),
                call.request.getCallId().getCallId()), b.step());
        SIPRequest out = (SIPRequest) call.request.clone();
        try {
            out.setRequestURI(r.codec.addresses.createURI(b.contact()));
            MaxForwardsHeader mf = (MaxForwardsHeader) out.getHeader(MaxForwardsHeader.NAME);
            if (mf != null) {
                mf.decrementMaxForwards();
            }
            out.addFirst(r.messages.recordRoute("sip:" + r.address() + ";lr"));
            out.addFirst(r.messages.via(new Endpoint(r.address(), r.cfg.port()), br.transport, br.id, false));
        } catch (ParseException | javax.sip.SipException e) {
            throw new IllegalStateException(e);
        }
        br.bytes = SipCodec.encode(out);
        call.branches.add(br);
        branches.put(br.id, br);
        r.sendRequest(br.bytes, "INVITE", br.target, br.transport, false,
                Why.of("proxy.tx.invite", "RFC 3261 §16.6", br.target));
        if (br.transport == Transport.UDP) {
            br.timerA = r.scheduler().after(br.interval, () -> retransmit(br));
        }
        br.timerB = r.scheduler().after(ClientTransaction.TIMER_F, () -> timeout(br));
    }

    private void retransmit(Branch br) {
        if (br.responded) {
            return;
        }
        r.sendRequest(br.bytes, "INVITE", br.target, br.transport, true,
                Why.of("proxy.tx.invite.again", "RFC 3261 §17.1.1.2", br.target));
        br.interval *= 2; // Timer A doubles without a cap for INVITE
        br.timerA = r.scheduler().after(br.interval, () -> retransmit(br));
    }

    private void timeout(Branch br) {
        if (br.responded) {
            return;
        }
        br.responded = true;
        br.finalCode = 408;
        if (br.timerA != null) {
            br.timerA.cancel();
        }
        r.recorder().record(Kind.TRANSACTION, r.name(), null, Why.of("proxy.timeout", "RFC 3261 §17.1.1.2",
                br.target, br.binding.contact()));
        finishIfDone(br.call);
    }

    private void finishIfDone(Call call) {
        if (call.finished || call.answered) {
            return;
        }
        for (Branch b : call.branches) {
            if (b.finalCode == 0) {
                return;
            }
        }
        call.finished = true;
        answeredNon2xx.add(call.request.getTopmostVia().getBranch());
        r.respond(r.messages.response(call.request, 408, "Request Timeout", r.ids.token(10)), call.callerSource,
                call.callerConn, Why.of("proxy.tx.408", "RFC 3261 §16.7"));
    }

    /** A response arrived: to a forked INVITE (by our branch), or to a request we forwarded statelessly. */
    void response(Delivery d, SIPResponse resp, Endpoint source) {
        Via top = resp.getTopmostVia();
        Branch br = top == null ? null : branches.get(top.getBranch());
        d.accept(Why.of("proxy.rx.response", "RFC 3261 §16.7", resp.getStatusCode() + " " + resp.getReasonPhrase(),
                resp.getCSeq().getMethod(), source));
        if (br != null && "INVITE".equals(resp.getCSeq().getMethod())) {
            br.responded = true;
            if (br.timerA != null) {
                br.timerA.cancel();
            }
            if (resp.getStatusCode() >= 200) {
                br.finalCode = resp.getStatusCode();
                br.timerB.cancel();
            }
            if (resp.getStatusCode() >= 300) {
                ackNon2xx(br, resp);
                finishIfDone(br.call);
                return;
            }
            if (resp.getStatusCode() >= 200) {
                br.call.answered = true;
            }
            if (resp.getStatusCode() == 100) {
                return; // RFC 3261 §16.7 step 5: a stateful proxy does not forward 100 Trying
            }
        }
        relay(resp, source, br == null ? Transport.UDP : br.transport);
    }

    /** Strips our Via and sends the response to the next one (RFC 3261 §16.7 step 3, §18.2.2). */
    private void relay(SIPResponse resp, Endpoint source, Transport came) {
        SIPResponse out = (SIPResponse) resp.clone();
        out.removeFirst(Via.NAME);
        Via next = out.getTopmostVia();
        if (next == null) {
            return;
        }
        if (r.cfg.natAware()) {
            fixContact(out, source, came);
        }
        String host = next.getReceived() != null ? next.getReceived() : next.getHost();
        int port = next.getRPort() > 0 ? next.getRPort() : next.getPort() > 0 ? next.getPort() : 5060;
        if (!Ip.isValid(host)) {
            return;
        }
        r.sendRequest(SipCodec.encode(out), SipCodec.label(out), new Endpoint(Ip.parse(host), port), Transport.UDP,
                false, Why.of("proxy.tx.relay", "RFC 3261 §16.7", resp.getStatusCode()));
    }

    /**
     * fix_nated_contact: the Contact of an answer from behind a NAT becomes its source address. An answer that
     * came over TCP to a Contact without a transport also gets nathelper's {@code set_contact_alias()} parameter
     * ({@code ;alias=IP~PORT~2}), so requests in the dialog go back over that connection, not over UDP where the
     * NAT has no mapping (a UDP+TCP phone whose big REGISTER went over TCP, R25).
     */
    private void fixContact(SIPResponse out, Endpoint source, Transport came) {
        ContactHeader c = (ContactHeader) out.getHeader(ContactHeader.NAME);
        if (c != null && c.getAddress().getURI() instanceof SipURI u) {
            try {
                u.setHost(source.ip().toString());
                u.setPort(source.port());
                if (came == Transport.TCP && u.getTransportParam() == null) {
                    u.setParameter(ALIAS, source.ip() + "~" + source.port() + "~" + ALIAS_TCP);
                }
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The proxy itself ACKs a non-2xx final response of its branch (RFC 3261 §17.1.1.3). */
    private void ackNon2xx(Branch br, SIPResponse resp) {
        SIPRequest ack = r.messages.request("ACK", br.call.request.getRequestURI().toString());
        ack.addHeader(r.messages.via(new Endpoint(r.address(), r.cfg.port()), br.transport, br.id, false));
        ack.addHeader(r.messages.maxForwards(70));
        ack.addHeader((javax.sip.header.Header) br.call.request.getFrom().clone());
        ack.addHeader((javax.sip.header.Header) resp.getTo().clone());
        ack.addHeader((javax.sip.header.Header) br.call.request.getCallId().clone());
        ack.addHeader(r.messages.cseq(br.call.request.getCSeq().getSeqNumber(), "ACK"));
        r.sendRequest(SipCodec.encode(ack), "ACK", br.target, br.transport, false,
                Why.of("proxy.tx.ack", "RFC 3261 §17.1.1.3"));
    }

    /** ACK, BYE and other in-dialog requests: pop our Route and forward to the Request-URI, statelessly. */
    void inDialog(Delivery d, SIPRequest req, Endpoint source, TcpConnection conn) {
        if ("ACK".equals(req.getMethod()) && answeredNon2xx.remove(req.getTopmostVia().getBranch())) {
            d.accept(Why.of("proxy.rx.ack.absorbed", "RFC 3261 §17.2.1"));
            return;
        }
        SIPRequest out = (SIPRequest) req.clone();
        RouteHeader route = (RouteHeader) out.getHeader(RouteHeader.NAME);
        if (route != null && route.getAddress().getURI() instanceof SipURI u
                && u.getHost().equals(r.address().toString())) {
            out.removeFirst(RouteHeader.NAME);
        }
        Endpoint target = SipMessages.hostPort(out.getRequestURI().toString(), r.codec);
        Transport transport = SipMessages.uriTransport(out.getRequestURI().toString());
        // handle_ruri_alias(): the alias names the connection the answer came on; it is removed before forwarding
        if (out.getRequestURI() instanceof SipURI u && u.getParameter(ALIAS) != null) {
            String[] alias = u.getParameter(ALIAS).split("~");
            u.removeParameter(ALIAS);
            if (alias.length == 3 && Ip.isValid(alias[0]) && alias[1].matches("[0-9]{1,5}")) {
                target = new Endpoint(Ip.parse(alias[0]), Integer.parseInt(alias[1]));
                transport = ALIAS_TCP.equals(alias[2]) ? Transport.TCP : Transport.UDP;
            }
        }
        if (target == null) {
            d.drop(Why.of("proxy.nowhere", "RFC 3261 §16.4", out.getRequestURI()));
            return;
        }
        d.accept(Why.of("proxy.rx.indialog", "RFC 3261 §16.12", req.getMethod(), target));
        try {
            String branch = "z9hG4bK" + r.ids.token(20);
            out.addFirst(r.messages.via(new Endpoint(r.address(), r.cfg.port()), transport, branch, false));
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException(e);
        }
        r.sendRequest(SipCodec.encode(out), req.getMethod(), target, transport, false,
                Why.of("proxy.tx.indialog", "RFC 3261 §16.6", req.getMethod(), target));
    }

    private static String aorOf(SIPRequest req) {
        if (req.getRequestURI() instanceof SipURI u) {
            return "sip:" + u.getUser() + "@" + u.getHost();
        }
        return req.getRequestURI().toString();
    }
}
