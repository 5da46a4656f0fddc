package dev.vialab.emulator.sip;

import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Transport;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One registration session, pjsip's {@code pjsip_regc}: a Call-ID and From tag for its whole life, a CSeq that
 * grows by one per request, the Contact list, and the refresh timer. pjsua destroys it on failure and on the
 * UNREGISTER rewrite method, and starts a new one (new Call-ID, random CSeq) for the next REGISTER (R12, R17).
 */
final class Regc {
    final String callId;
    final String fromTag;
    long cseq;
    int expires;
    /** Contacts registered by this regc, in order (usually one). */
    final List<SipMessages.ContactSpec> contacts = new ArrayList<>();
    /** Contacts to remove with {@code ;expires=0} in the next REGISTER (NO_UNREG method, R18). */
    final List<SipMessages.ContactSpec> removed = new ArrayList<>();
    /** An IP route (account proxy) set by pjsua_acc_modify in the app-failover recipe (G9), or null. */
    final Ip route;
    Scheduler.Timer refreshTimer;
    long refreshAt = -1;
    boolean deleted;
    /** Destination and connection of the last request, for re-sends that must not resolve again (R2). */
    Endpoint lastDest;
    dev.vialab.emulator.net.TcpConnection lastConn;

    Regc(String callId, String fromTag, long firstCseq, int expires, SipMessages.ContactSpec contact, Ip route) {
        this.callId = callId;
        this.fromTag = fromTag;
        this.cseq = firstCseq - 1;
        this.expires = expires;
        this.contacts.add(contact);
        this.route = route;
    }

    /** {@code pjsip_regc_update_contact}: the new Contact becomes active, old ones go with expires=0 (R18). */
    void updateContact(SipMessages.ContactSpec fresh) {
        for (SipMessages.ContactSpec c : contacts) {
            removed.add(new SipMessages.ContactSpec(c.uri(), 0, c.extraParams()));
        }
        contacts.clear();
        contacts.add(fresh);
    }

    /**
     * ALWAYS_UPDATE on a ≥ 400 response: the re-sent request carries only the new Contact; old contacts
     * without an expires parameter are dropped, not removed with expires=0 (R19, regc_tsx_callback).
     */
    void replaceContacts(SipMessages.ContactSpec fresh) {
        contacts.clear();
        contacts.add(fresh);
        removed.removeIf(c -> c.expires() < 0);
    }

    String activeContact() {
        return contacts.isEmpty() ? "" : contacts.getFirst().uri();
    }

    /**
     * The REGISTER as pjsua writes it: Via, [Route], Max-Forwards, From, To, Call-ID, CSeq, [reg_hdr_list], User-Agent,
     * [Supported], Contact…, Expires, Allow, [Authorization].
     */
    SIPRequest build(SipMessages m, Phone phone, Endpoint sentBy, Transport t, String branch, long cseqValue,
            boolean unregister, String authorization) {
        String aor = phone.aor();
        SIPRequest r = m.request("REGISTER", phone.registrarUri());
        r.addHeader(m.via(sentBy, t, branch, t == Transport.TCP));
        if (route != null) {
            r.addHeader(m.route("sip:" + route + ";lr"));
        }
        r.addHeader(m.maxForwards(70));
        r.addHeader(m.from(aor, fromTag));
        r.addHeader(m.to(aor, null));
        r.addHeader(m.callId(callId));
        r.addHeader(m.cseq(cseqValue, "REGISTER"));
        for (String h : phone.cfg().regHeaders()) {
            // reg_hdr_list is added before pjsua's own User-Agent and Supported (pjsua_regc_init)
            int colon = h.indexOf(':');
            r.addHeader(SipMessages.raw(h.substring(0, colon), h.substring(colon + 1).strip()));
        }
        r.addHeader(SipMessages.raw("User-Agent", phone.userAgent()));
        // outbound is asked for by a TCP account (a ;transport=tcp Contact, update_regc_contact), not by a UDP
        // account's REGISTER that went over TCP for its size (R25)
        if (phone.cfg().transport() == Transport.TCP && phone.cfg().useRfc5626()) {
            r.addHeader(SipMessages.raw("Supported", "outbound, path"));
        }
        for (SipMessages.ContactSpec c : contacts) {
            r.addHeader(m.contactLine(new SipMessages.ContactSpec(c.uri(), -1, c.extraParams())));
        }
        for (SipMessages.ContactSpec c : removed) {
            r.addHeader(m.contactLine(new SipMessages.ContactSpec(c.uri(), 0, c.extraParams())));
        }
        r.addHeader(m.expires(unregister ? 0 : expires));
        r.addHeader(SipMessages.raw("Allow", SipMessages.ALLOW));
        if (authorization != null) {
            r.addHeader(SipMessages.raw("Authorization", authorization));
        }
        return r;
    }
}
