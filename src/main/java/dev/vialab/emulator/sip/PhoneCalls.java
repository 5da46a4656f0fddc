package dev.vialab.emulator.sip;

import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.TcpConnection;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;

import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Why;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.TreeMap;

/**
 * The phone as the callee (UAS): 100 Trying, 180 Ringing, 200 OK with SDP after the answer delay, the 2xx
 * retransmitted until the ACK arrives (RFC 3261 §13.3.1.4: T1 doubling to T2, for 64·T1), BYE and CANCEL.
 * Responses go back to the top Via's received:rport (RFC 3581 §4), or on the connection the request came on.
 */
final class PhoneCalls {
    private final Phone phone;
    private final TreeMap<String, Call> calls = new TreeMap<>();

    private final class Call {
        SIPRequest invite;
        Endpoint source;
        TcpConnection conn;
        String toTag;
        byte[] lastBytes;
        String lastLabel;
        Scheduler.Timer answer;
        Scheduler.Timer retransmit;
        Scheduler.Timer giveUp;
        long interval;
        String state = "ringing";
    }

    PhoneCalls(Phone phone) {
        this.phone = phone;
    }

    void request(Delivery d, SIPRequest req, Endpoint source, TcpConnection conn) {
        String callId = req.getCallId().getCallId();
        Call call = calls.get(callId);
        switch (req.getMethod()) {
            case "INVITE" -> invite(d, req, source, conn, call);
            case "ACK" -> {
                if (call == null) {
                    d.accept(Why.of("phone.rx.ack.stray", "", callId));
                    return;
                }
                d.accept(Why.of("phone.rx.ack", "RFC 3261 §13.3.1.4", callId));
                stopRetransmit(call);
                call.state = "confirmed";
            }
            case "BYE" -> {
                d.accept(Why.of("phone.rx.bye", "RFC 3261 §15.1.2", callId));
                if (call != null) {
                    stopRetransmit(call);
                    call.state = "ended";
                    calls.remove(callId);
                }
                send(req, source, conn, 200, "OK", null, false);
            }
            case "CANCEL" -> {
                d.accept(Why.of("phone.rx.cancel", "RFC 3261 §9.2", callId));
                send(req, source, conn, 200, "OK", null, false);
                if (call != null && "ringing".equals(call.state)) {
                    call.answer.cancel();
                    call.state = "cancelled";
                    send(call.invite, call.source, call.conn, 487, "Request Terminated", call.toTag, false);
                }
            }
            default -> {
                d.accept(Why.of("phone.rx.request", "", req.getMethod()));
                send(req, source, conn, req.getMethod().equals("OPTIONS") ? 200 : 501,
                        req.getMethod().equals("OPTIONS") ? "OK" : "Not Implemented", null, false);
            }
        }
    }

    private void invite(Delivery d, SIPRequest req, Endpoint source, TcpConnection conn, Call existing) {
        if (existing != null) {
            d.accept(Why.of("phone.rx.invite.again", "RFC 3261 §17.2.1", req.getCallId().getCallId()));
            if (existing.lastBytes != null) {
                resend(existing, true);
            }
            return;
        }
        d.accept(Why.of("phone.rx.invite", "RFC 3261 §13.3.1", req.getFrom().getAddress(), source));
        Call call = new Call();
        call.invite = req;
        call.source = source;
        call.conn = conn;
        call.toTag = phone.ids.token(32);
        calls.put(req.getCallId().getCallId(), call);
        send(req, source, conn, 100, "Trying", null, false);
        remember(call, send(req, source, conn, 180, "Ringing", call.toTag, true));
        phone.recorder().record(Kind.CALL, phone.name(), null,
                Why.of("phone.ringing", "", Time.duration(phone.cfg().answerAfter())));
        call.answer = phone.scheduler().after(phone.cfg().answerAfter(), () -> {
            call.state = "answered";
            remember(call, send(req, source, conn, 200, "OK", call.toTag, true, sdp()));
            phone.recorder().record(Kind.CALL, phone.name(), null, Why.of("phone.answered", "", phone.account().contact));
            call.interval = ClientTransaction.T1;
            if (conn == null) {
                call.retransmit = phone.scheduler().after(call.interval, () -> retransmit(call));
            }
            call.giveUp = phone.scheduler().after(ClientTransaction.TIMER_F, () -> {
                if ("answered".equals(call.state)) {
                    stopRetransmit(call);
                    call.state = "no-ack";
                    phone.recorder().record(Kind.CALL, phone.name(), null,
                            Why.of("phone.ack.timeout", "RFC 3261 §13.3.1.4"));
                }
            });
        });
    }

    private void retransmit(Call call) {
        if (!"answered".equals(call.state)) {
            return;
        }
        resend(call, true);
        call.interval = Math.min(call.interval * 2, ClientTransaction.T2);
        call.retransmit = phone.scheduler().after(call.interval, () -> retransmit(call));
    }

    private void resend(Call call, boolean retransmission) {
        Endpoint to = responseTarget(call.invite, call.source);
        if (call.conn != null) {
            if (call.conn.isOpen()) {
                phone.tcp.send(call.conn, call.lastBytes, call.lastLabel, Why.of("phone.tx.again", "RFC 3261 §13.3.1.4"));
            }
            return;
        }
        phone.sendUdp(to, call.lastBytes, call.lastLabel, retransmission,
                Why.of("phone.tx.again", "RFC 3261 §13.3.1.4"));
    }

    private void remember(Call call, SIPResponse r) {
        call.lastBytes = SipCodec.encode(r);
        call.lastLabel = SipCodec.label(r);
    }

    private void stopRetransmit(Call call) {
        if (call.retransmit != null) {
            call.retransmit.cancel();
        }
        if (call.giveUp != null) {
            call.giveUp.cancel();
        }
    }

    void stopAll() {
        for (Call c : calls.values()) {
            stopRetransmit(c);
            if (c.answer != null) {
                c.answer.cancel();
            }
        }
        calls.clear();
    }

    private SIPResponse send(SIPRequest req, Endpoint source, TcpConnection conn, int code, String reason,
            String toTag, boolean contact) {
        return send(req, source, conn, code, reason, toTag, contact, null);
    }

    private SIPResponse send(SIPRequest req, Endpoint source, TcpConnection conn, int code, String reason,
            String toTag, boolean contact, String sdp) {
        SipMessages m = phone.messages();
        SIPResponse r = m.response(req, code, reason, toTag);
        if (code > 100 && code < 300 && "INVITE".equals(req.getMethod())) {
            // RFC 3261 §12.1.1: a dialog-creating response copies the request's Record-Route headers, in order
            java.util.ListIterator<?> rr = req.getHeaders(javax.sip.header.RecordRouteHeader.NAME);
            while (rr.hasNext()) {
                r.addHeader((javax.sip.header.Header) ((javax.sip.header.Header) rr.next()).clone());
            }
        }
        if (contact) {
            String uri = phone.account().contact != null ? phone.account().contact : phone.account().localContactUri();
            r.addHeader(m.contact(new SipMessages.ContactSpec(uri, -1)));
            r.addHeader(SipMessages.raw("Allow", SipMessages.ALLOW));
        }
        r.addHeader(SipMessages.raw("User-Agent", phone.userAgent()));
        if (sdp != null) {
            m.body(r, "application/sdp", sdp);
        }
        byte[] bytes = SipCodec.encode(r);
        Why why = Why.of("phone.tx.response", "RFC 3581 §4", code + " " + reason, req.getMethod());
        if (conn != null) {
            if (conn.isOpen()) {
                phone.tcp.send(conn, bytes, SipCodec.label(r), why);
            }
        } else {
            phone.sendUdp(responseTarget(req, source), bytes, SipCodec.label(r), false, why);
        }
        return r;
    }

    /** RFC 3581 §4: over UDP the response goes to received:rport of the top Via, else to its sent-by. */
    private static Endpoint responseTarget(SIPRequest req, Endpoint source) {
        SipMessages.ViaFacts v = SipMessages.ViaFacts.of(req.getTopmostVia());
        String host = v.received() != null ? v.received() : v.host();
        int port = v.rport() > 0 ? v.rport() : v.port() > 0 ? v.port() : 5060;
        return Ip.isValid(host) ? new Endpoint(Ip.parse(host), port) : source;
    }

    /**
     * The answer's SDP. With allow_sdp_nat_rewrite (MicroSIP's rewrite switch) the connection address is the
     * public address learned from Via received, else the local one (B1 step 3).
     */
    private String sdp() {
        String addr = phone.ip().toString();
        String learned = phone.account().lastReceived;
        if (phone.cfg().allowSdpNatRewrite() && learned != null && !learned.isEmpty()) {
            addr = learned.substring(0, learned.lastIndexOf(':'));
        }
        return "v=0\r\no=- 3913401223 3913401224 IN IP4 " + addr + "\r\ns=pjmedia\r\nc=IN IP4 " + addr
                + "\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=sendrecv\r\n";
    }

}
