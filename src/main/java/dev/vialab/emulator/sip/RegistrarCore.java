package dev.vialab.emulator.sip;

import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.TcpConnection;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.trace.BindingRow;
import dev.vialab.emulator.trace.Why;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.TreeSet;
import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;

/** REGISTER processing, RFC 3261 §10.3 steps 1–8, plus an optional digest challenge on every request (R11). */
final class RegistrarCore {
    private static final int DEFAULT_EXPIRES = 3600;
    private final Registrar r;
    private final TreeSet<String> nonces = new TreeSet<>();

    RegistrarCore(Registrar r) {
        this.r = r;
    }

    void register(Delivery d, SIPRequest req, Endpoint source, TcpConnection conn, Transport t) {
        String aor = aor(req);
        if (r.cfg.auth() == RegistrarSetup.Auth.CHALLENGE && !authorized(req)) {
            String nonce = r.ids.token(24);
            nonces.add(nonce);
            d.accept(Why.of("registrar.challenge", "R11 RFC 3261 §22.2", aor, source));
            SIPResponse resp = r.messages.response(req, 401, "Unauthorized", r.ids.token(10));
            resp.addHeader(SipMessages.raw("WWW-Authenticate", "Digest realm=\"" + r.cfg.realm() + "\", nonce=\""
                    + nonce + "\", algorithm=MD5"));
            r.respond(resp, source, conn, Why.of("registrar.tx.401", "R11"));
            return;
        }
        int headerExpires = expiresHeader(req);
        List<ContactHeader> contacts = contacts(req);
        boolean wildcard = contacts.stream().anyMatch(c -> c.getAddress().isWildcard());
        // step 6: Min-Expires (RFC 3261 §10.3 step 7 / §10.2.8)
        for (ContactHeader c : contacts) {
            int e = c.getExpires() >= 0 ? c.getExpires() : headerExpires;
            if (!wildcard && e > 0 && e < r.cfg.minExpires()) {
                d.accept(Why.of("registrar.too.brief", "RFC 3261 §10.2.8", e, r.cfg.minExpires()));
                SIPResponse resp = r.messages.response(req, 423, "Interval Too Brief", r.ids.token(10));
                try {
                    resp.addHeader(r.codec.headers.createMinExpiresHeader(r.cfg.minExpires()));
                } catch (InvalidArgumentException ex) {
                    throw new IllegalStateException(ex);
                }
                r.respond(resp, source, conn, Why.of("registrar.tx.423", "RFC 3261 §10.2.8"));
                return;
            }
        }
        String callId = req.getCallId().getCallId();
        long cseq = req.getCSeq().getSeqNumber();
        // step 7: Call-ID/CSeq ordering — an older request for an existing binding fails
        for (ContactHeader c : contacts) {
            if (c.getAddress().isWildcard()) {
                continue;
            }
            BindingRow old = r.location.get(aor, SipMessages.uriText(c));
            if (old != null && old.callId().equals(callId) && cseq <= old.cseq()) {
                d.accept(Why.of("registrar.out.of.order", "RFC 3261 §10.3 step 7", cseq, old.cseq()));
                r.respond(r.messages.response(req, 500, "Server Internal Error", r.ids.token(10)), source, conn,
                        Why.of("registrar.tx.500", "RFC 3261 §10.3"));
                return;
            }
        }
        d.accept(Why.of("registrar.rx.register", "RFC 3581 §4", aor, source, contacts.size())); // source printed as received:rport
        long now = r.scheduler().now();
        if (wildcard) {
            for (BindingRow b : r.location.lookup(aor)) {
                r.location.remove(b, r.name(), "binding.removed.all", "RFC 3261 §10.3 step 6");
            }
        }
        for (ContactHeader c : contacts) {
            if (c.getAddress().isWildcard()) {
                continue;
            }
            String uri = SipMessages.uriText(c);
            int requested = c.getExpires() >= 0 ? c.getExpires() : headerExpires >= 0 ? headerExpires : DEFAULT_EXPIRES;
            int granted = Math.min(requested, r.cfg.maxExpires());
            BindingRow old = r.location.get(aor, uri);
            if (granted == 0) {
                if (old != null) {
                    r.location.remove(old, r.name(), "binding.removed", "RFC 3261 §10.3 step 7");
                }
                continue;
            }
            BindingRow row = new BindingRow(r.location.name(), aor, uri, source, t, callId, cseq, now,
                    now + granted * Time.S, r.name(), -1);
            String key = old == null ? "binding.added" : old.source().equals(source) ? "binding.refreshed"
                    : "binding.moved";
            r.location.put(row, key, "RFC 3261 §10.3 step 7", aor, uri, source, granted, r.location.name(),
                    old == null ? "-" : old.source());
        }
        SIPResponse ok = r.messages.response(req, 200, "OK", r.ids.token(10));
        for (BindingRow b : r.location.lookup(aor)) {
            long left = Math.max(0, (b.expires() - now + Time.S - 1) / Time.S);
            ok.addHeader(r.messages.contactLine(new SipMessages.ContactSpec(b.contact(), (int) left)));
        }
        r.respond(ok, source, conn, Why.of("registrar.tx.200", "RFC 3261 §10.3 step 8"));
    }

    private boolean authorized(SIPRequest req) {
        AuthorizationHeader a = (AuthorizationHeader) req.getHeader(AuthorizationHeader.NAME);
        if (a == null || a.getNonce() == null || !nonces.contains(a.getNonce())) {
            return false;
        }
        String password = r.passwords.get(a.getUsername());
        if (password == null) {
            return false;
        }
        String expected = Digest.response(a.getUsername(), a.getRealm(), password, a.getNonce(), req.getMethod(),
                a.getURI().toString());
        if (!expected.equals(a.getResponse())) {
            return false;
        }
        nonces.remove(a.getNonce()); // one use per nonce: every new request is challenged again (R11)
        return true;
    }

    static String aor(SIPRequest req) {
        javax.sip.address.URI u = req.getTo().getAddress().getURI();
        if (u instanceof SipURI s) {
            return "sip:" + s.getUser() + "@" + s.getHost();
        }
        return u.toString();
    }

    private static int expiresHeader(SIPRequest req) {
        ExpiresHeader e = (ExpiresHeader) req.getHeader(ExpiresHeader.NAME);
        return e == null ? -1 : e.getExpires();
    }

    private static List<ContactHeader> contacts(SIPRequest req) {
        List<ContactHeader> out = new ArrayList<>();
        ListIterator<?> it = req.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            out.add((ContactHeader) it.next());
        }
        return out;
    }
}
