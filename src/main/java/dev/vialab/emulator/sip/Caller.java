package dev.vialab.emulator.sip;

import dev.vialab.emulator.dns.Resolver;
import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.Host;
import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Rng;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.UdpSocket;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.CallerSetup;
import dev.vialab.emulator.trace.CallView;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Why;
import gov.nist.javax.sip.header.RecordRoute;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.TreeMap;
import javax.sip.header.ContactHeader;

/**
 * The lab's caller: a UA on the internet that calls the phone through a registrar's proxy (UAC, RFC 3261 §13),
 * ACKs a 2xx along the Record-Route set, and hangs up with BYE. Its CALL steps carry the call's name first, so
 * outcomes can be read off the trace.
 */
public final class Caller extends Host {
    private final CallerSetup cfg;
    private final String domain;
    private final SipCodec codec;
    private final SipMessages messages;
    private final Rng ids;
    private final Resolver resolver;
    private UdpSocket udp;
    private final TreeMap<String, Outgoing> calls = new TreeMap<>();

    private final class Outgoing {
        CallSetup setup;
        String callId;
        String fromTag;
        String branch;
        byte[] bytes;
        Endpoint server;
        long interval = ClientTransaction.T1;
        Scheduler.Timer timerA;
        Scheduler.Timer timerB;
        String state = "calling";
        String toTag;
        String remoteContact;
        List<String> routes = new ArrayList<>();
        long startedAt;
    }

    public Caller(CallerSetup cfg, String domain, Network net, Endpoint dnsServer, SipCodec codec, long seed) {
        super(cfg.name(), net, seed);
        attach(net.attach(this, cfg.address(), net.internet(), cfg.delay()));
        this.cfg = cfg;
        this.domain = domain;
        this.codec = codec;
        this.messages = new SipMessages(codec);
        this.ids = Rng.derive(seed, cfg.name() + "/ids");
        this.resolver = new Resolver(cfg.name(), this, net, dnsServer, 53000, Resolver.Mode.OS,
                Rng.derive(seed, cfg.name() + "/dnsid"), Rng.derive(seed, cfg.name() + "/srv"));
    }

    public void listen() {
        udp = bind(5060, this::datagram);
    }

    /** Places {@code call} now; {@code server} is the registrar to use, or null to look the domain up. */
    public void place(CallSetup call, Endpoint server) {
        Outgoing o = new Outgoing();
        o.setup = call;
        o.callId = ids.token(32);
        o.fromTag = ids.token(16);
        o.startedAt = scheduler.now();
        calls.put(o.callId, o);
        publish(o);
        recorder.record(Kind.CALL, name, null, Why.of("call.start", "", call.name(), call.user(),
                server == null ? "dns" : server.toString(), o.callId));
        if (server != null) {
            invite(o, server);
            return;
        }
        resolver.resolve(domain, Transport.UDP, list -> {
            if (list.isEmpty()) {
                o.state = "failed";
                publish(o);
                recorder.record(Kind.CALL, name, null, Why.of("call.failed", "", call.name(), 0, "DNS"));
                return;
            }
            invite(o, list.getFirst());
        });
    }

    private void invite(Outgoing o, Endpoint server) {
        o.server = server;
        o.branch = "z9hG4bK" + ids.token(20);
        Endpoint me = new Endpoint(ip(), 5060);
        SIPRequest r = messages.request("INVITE", "sip:" + o.setup.user() + "@" + domain);
        r.addHeader(messages.via(me, Transport.UDP, o.branch, false));
        r.addHeader(messages.maxForwards(70));
        r.addHeader(messages.from("sip:" + cfg.user() + "@" + ip(), o.fromTag));
        r.addHeader(messages.to("sip:" + o.setup.user() + "@" + domain, null));
        r.addHeader(messages.callId(o.callId));
        r.addHeader(messages.cseq(1, "INVITE"));
        r.addHeader(messages.contact(new SipMessages.ContactSpec("sip:" + cfg.user() + "@" + me, -1)));
        r.addHeader(SipMessages.raw("User-Agent", "ViaLab caller"));
        messages.body(r, "application/sdp", "v=0\r\no=- 1 1 IN IP4 " + ip() + "\r\ns=call\r\nc=IN IP4 " + ip()
                + "\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0 8\r\na=sendrecv\r\n");
        o.bytes = SipCodec.encode(r);
        udp.send(server, o.bytes, "INVITE", Category.SIP, false, Why.of("call.tx.invite", "RFC 3261 §13.2.1",
                o.setup.name(), server));
        o.timerA = scheduler.after(o.interval, () -> retransmit(o));
        o.timerB = scheduler.after(ClientTransaction.TIMER_F, () -> {
            if ("calling".equals(o.state)) {
                o.state = "timeout";
                o.timerA.cancel();
                publish(o);
                recorder.record(Kind.CALL, name, null, Why.of("call.timeout", "RFC 3261 §17.1.1.2", o.setup.name()));
            }
        });
    }

    private void retransmit(Outgoing o) {
        if (!"calling".equals(o.state)) {
            return;
        }
        udp.send(o.server, o.bytes, "INVITE", Category.SIP, true, Why.of("call.tx.invite.again",
                "RFC 3261 §17.1.1.2", o.setup.name()));
        o.interval *= 2;
        o.timerA = scheduler.after(o.interval, () -> retransmit(o));
    }

    private void datagram(Delivery d, Packet.Udp p) {
        if (!(codec.parse(p.payload()) instanceof SipCodec.Message m)) { // not a type switch: see SipCodec.Parsed
            d.drop(Why.of("sip.malformed", "RFC 3261 §7", "caller"));
        } else if (m.isRequest()) {
            d.accept(Why.of("call.rx.request", "", m.request().getMethod()));
        } else {
            response(d, m.response());
        }
    }

    private void response(Delivery d, SIPResponse resp) {
        Outgoing o = calls.get(resp.getCallId().getCallId());
        String method = resp.getCSeq().getMethod();
        int code = resp.getStatusCode();
        d.accept(Why.of("call.rx.response", "", code + " " + resp.getReasonPhrase(), method));
        if (o == null) {
            return;
        }
        if ("BYE".equals(method)) {
            if (code >= 200 && !"ended".equals(o.state)) {
                o.state = "ended";
                publish(o);
                recorder.record(Kind.CALL, name, null, Why.of("call.ended", "RFC 3261 §15", o.setup.name()));
            }
            return;
        }
        if (!"INVITE".equals(method)) {
            return;
        }
        if (code < 200) {
            o.timerA.cancel();
            o.timerB.cancel();
            if ("calling".equals(o.state) || code == 180) {
                o.state = code == 180 ? "ringing" : "proceeding";
                publish(o);
            }
            return;
        }
        o.timerA.cancel();
        o.timerB.cancel();
        if (code < 300) {
            if ("answered".equals(o.state) || "ended".equals(o.state)) {
                ack2xx(o); // a retransmitted 2xx is ACKed again
                return;
            }
            o.state = "answered";
            o.toTag = resp.getTo().getTag();
            ContactHeader c = (ContactHeader) resp.getHeader(ContactHeader.NAME);
            o.remoteContact = c == null ? resp.getTo().getAddress().getURI().toString() : SipMessages.uriText(c);
            o.routes = routeSet(resp);
            publish(o);
            recorder.record(Kind.CALL, name, null, Why.of("call.answered", "RFC 3261 §13.2.2.4", o.setup.name(),
                    o.remoteContact));
            ack2xx(o);
            scheduler.after(o.setup.hangupAfter(), () -> bye(o));
            return;
        }
        if (!"failed".equals(o.state)) {
            o.state = "failed";
            publish(o);
            recorder.record(Kind.CALL, name, null, Why.of("call.failed", "RFC 3261 §13.2.2.3", o.setup.name(), code,
                    resp.getReasonPhrase()));
        }
        SIPRequest ack = inDialog(o, "ACK", 1, o.branch, resp.getTo().getTag(), false);
        udp.send(o.server, SipCodec.encode(ack), "ACK", Category.SIP, false, Why.of("call.tx.ack", "RFC 3261 §17.1.1.3"));
    }

    private void ack2xx(Outgoing o) {
        SIPRequest ack = inDialog(o, "ACK", 1, "z9hG4bK" + ids.token(20), o.toTag, true);
        udp.send(nextHop(o), SipCodec.encode(ack), "ACK", Category.SIP, false,
                Why.of("call.tx.ack2xx", "RFC 3261 §13.2.2.4", o.setup.name()));
    }

    private void bye(Outgoing o) {
        if (!"answered".equals(o.state)) {
            return;
        }
        SIPRequest bye = inDialog(o, "BYE", 2, "z9hG4bK" + ids.token(20), o.toTag, true);
        udp.send(nextHop(o), SipCodec.encode(bye), "BYE", Category.SIP, false,
                Why.of("call.tx.bye", "RFC 3261 §15.1.1", o.setup.name()));
    }

    private SIPRequest inDialog(Outgoing o, String method, long cseq, String branch, String toTag, boolean routed) {
        String uri = routed ? o.remoteContact : "sip:" + o.setup.user() + "@" + domain;
        SIPRequest r = messages.request(method, uri);
        r.addHeader(messages.via(new Endpoint(ip(), 5060), Transport.UDP, branch, false));
        if (routed) {
            for (String route : o.routes) {
                r.addHeader(messages.route(route));
            }
        }
        r.addHeader(messages.maxForwards(70));
        r.addHeader(messages.from("sip:" + cfg.user() + "@" + ip(), o.fromTag));
        r.addHeader(messages.to("sip:" + o.setup.user() + "@" + domain, toTag));
        r.addHeader(messages.callId(o.callId));
        r.addHeader(messages.cseq(cseq, method));
        return r;
    }

    /** The first route (the proxy that Record-Routed), else the remote Contact (RFC 3261 §12.2.1.1). */
    private Endpoint nextHop(Outgoing o) {
        String target = o.routes.isEmpty() ? o.remoteContact : o.routes.getFirst();
        Endpoint e = SipMessages.hostPort(target, codec);
        return e != null ? e : o.server;
    }

    private static List<String> routeSet(SIPResponse resp) {
        List<String> routes = new ArrayList<>();
        ListIterator<?> it = resp.getHeaders(RecordRoute.NAME);
        while (it.hasNext()) {
            RecordRoute rr = (RecordRoute) it.next();
            routes.add(rr.getAddress().getURI().toString());
        }
        java.util.Collections.reverse(routes); // the UAC uses the Record-Route list in reverse (§12.1.2)
        return routes;
    }

    private void publish(Outgoing o) {
        CallView v = new CallView(o.setup.name(), o.state, o.server == null ? "" : o.server.toString(),
                o.remoteContact == null ? "" : o.remoteContact, o.startedAt);
        recorder.update(w -> w.withCalls(w.calls().put(v.call(), v)));
    }

    Ip address() {
        return ip();
    }
}
