package dev.vialab.emulator.sip;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Why;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.WWWAuthenticateHeader;

/**
 * Sends REGISTERs on a regc and handles their final responses in the order of sip_reg.c's
 * {@code regc_tsx_callback} and pjsua's {@code regc_cb} (rulebook B1, "Dispatch order").
 */
final class Registration {
    private final Account acc;
    private final ContactRewrite rewrite;
    private final Phone phone;

    Registration(Account acc, ContactRewrite rewrite) {
        this.acc = acc;
        this.rewrite = rewrite;
        this.phone = acc.phone;
    }

    /**
     * A new REGISTER transaction on {@code r} (CSeq + 1). A refresh or new request resolves again (R1, R10); a
     * re-send after 401/407 or 423 goes to {@code fixedDest} with no lookup (R2).
     */
    void send(Regc r, boolean unregister, ClientTransaction repeated, String authorization, Why because) {
        r.cseq++;
        long cseq = r.cseq;
        Regc snapshot = snapshot(r);
        Transport t = acc.cfg.transport();
        ClientTransaction[] self = new ClientTransaction[1];
        self[0] = new ClientTransaction(phone, "REGISTER", unregister, t, authorization != null,
                (sentBy, tp, branch) -> snapshot.build(phone.messages(), phone, sentBy, tp, branch, cseq, unregister,
                        authorization),
                res -> finalResponse(r, self[0], res));
        if (repeated != null) {
            // the re-send keeps the request's resolved list and position (tdata->dest_info), so no lookup (R2)
            self[0].start(repeated.targets(), repeated.index, repeated.conn, true, because);
        } else if (r.route != null) {
            // an IP route needs no DNS (G9)
            self[0].start(List.of(new ClientTransaction.Target(new Endpoint(r.route, 5060), t)), 0, null, false,
                    because);
        } else if (acc.affinity.pinned() != null) {
            // pinned by server_affinity: the hidden route (UDP) or its connection (TCP), R28
            self[0].start(List.of(acc.affinity.pinned()), 0, null, false, because);
        } else {
            self[0].start(phone.domain(), because);
        }
    }

    /** The request is built when it is sent; it must carry the regc as it was when the request was made. */
    private static Regc snapshot(Regc r) {
        Regc s = new Regc(r.callId, r.fromTag, r.cseq, r.expires, r.contacts.getFirst(), r.route);
        s.contacts.clear();
        s.contacts.addAll(r.contacts);
        s.removed.addAll(r.removed);
        return s;
    }

    private void finalResponse(Regc r, ClientTransaction tsx, ClientTransaction.Result res) {
        int code = res.code();
        SIPResponse resp = res.response();
        boolean current = r == acc.regc && !r.deleted;
        // 1. regc_tsx_cb: with ALWAYS_UPDATE, every real ≥ 400 response to a REGISTER is checked (R16, R19)
        if (resp != null && code >= 400 && current && !tsx.unregister
                && (acc.cfg.contactRewriteMethod() & ContactRewrite.ALWAYS_UPDATE) != 0) {
            rewrite.check(ContactRewrite.ALWAYS_UPDATE, resp, tsx, r);
        }
        // 2. 401/407: re-send with credentials to the same address, CSeq + 1, even for a destroyed regc (R11, R27)
        if (resp != null && (code == 401 || code == 407)) {
            WWWAuthenticateHeader challenge = (WWWAuthenticateHeader) resp.getHeader(
                    code == 401 ? WWWAuthenticateHeader.NAME : "Proxy-Authenticate");
            if (challenge != null && !tsx.hadAuthorization) {
                String auth = Digest.authorization(acc.cfg.user(), acc.cfg.password(), challenge, "REGISTER",
                        phone.registrarUri());
                send(r, tsx.unregister, tsx, auth, Why.of("acc.auth.retry", "R11 R2", code, tsx.dest));
                return;
            }
        }
        // 3. 423 Interval Too Brief: re-send with Expires := Min-Expires (RFC 3261 §10.2.8)
        if (resp != null && code == 423 && current) {
            MinExpiresHeader min = (MinExpiresHeader) resp.getHeader(MinExpiresHeader.NAME);
            if (min != null && min.getExpires() > r.expires) {
                r.expires = min.getExpires();
                send(r, false, tsx, null, Why.of("acc.423.retry", "RFC 3261 §10.2.8", r.expires));
                return;
            }
        }
        // 4. 2xx: the granted expiry schedules the refresh (R9) before regc_cb runs
        int granted = 0;
        if (code / 100 == 2 && resp != null) {
            r.removed.clear();
            if (!tsx.unregister && current) {
                granted = granted(resp, r);
                scheduleRefresh(r, granted);
                acc.affinity.succeeded(new ClientTransaction.Target(tsx.dest, tsx.transport));
            }
        }
        // regc_cb
        if (!current) {
            phone.recorder().record(Kind.REGISTRATION, phone.name(), null,
                    Why.of("acc.response.ignored", "R27", code, r.callId));
            return;
        }
        if (code >= 300 || resp == null) {
            acc.contactRewritten = false;
            acc.failed(r, res);
            return;
        }
        if (tsx.unregister) {
            acc.contactRewritten = false;
            acc.unregistered(r);
            phone.unregistered();
            return;
        }
        if (!acc.contactRewritten) {
            if (rewrite.check(acc.cfg.contactRewriteMethod() & 3, resp, tsx, r)) {
                acc.contactRewritten = true;
                acc.publish();
                return;
            }
        } else {
            phone.recorder().record(Kind.REGISTRATION, phone.name(), null, Why.of("acc.rewrite.guard", "R16"));
        }
        acc.contactRewritten = false;
        acc.registered(r, tsx, granted);
    }

    /**
     * {@code calculate_response_expiration()}: the expires parameter of our own Contact in the 2xx, else the
     * Expires header, else what we asked for (R9).
     */
    private static int granted(SIPResponse resp, Regc r) {
        ListIterator<?> it = resp.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            ContactHeader c = (ContactHeader) it.next();
            String uri = SipMessages.uriText(c);
            for (SipMessages.ContactSpec mine : r.contacts) {
                if (mine.uri().equalsIgnoreCase(uri) && c.getExpires() >= 0) {
                    return c.getExpires();
                }
            }
        }
        ExpiresHeader e = (ExpiresHeader) resp.getHeader(ExpiresHeader.NAME);
        if (e != null) {
            return e.getExpires();
        }
        return r.expires > 0 ? r.expires : 3600;
    }

    /** {@code schedule_registration()}: refresh at granted − 5 s, with pjsip's rules for small grants (R9). */
    private void scheduleRefresh(Regc r, int granted) {
        long before = acc.cfg.regDelayBeforeRefresh();
        long delayMs;
        if (granted - before >= 5) {
            delayMs = (granted - before) * 1000L;
        } else if (granted > 5) {
            delayMs = 5000;
        } else if (granted > 1) {
            delayMs = (granted - 1) * 1000L;
        } else {
            delayMs = 500;
        }
        delayMs = Math.max(delayMs, 500);
        if (r.refreshTimer != null) {
            r.refreshTimer.cancel();
        }
        r.refreshAt = phone.scheduler().now() + delayMs * Time.MS;
        r.refreshTimer = phone.scheduler().at(r.refreshAt, () -> {
            if (!r.deleted && r == acc.regc) {
                send(r, false, null, null, Why.of("acc.refresh", "R9 R10", granted, before));
            }
        });
    }

    static List<String> contactsOf(SIPResponse resp) {
        return SipMessages.contactUris(resp);
    }
}
