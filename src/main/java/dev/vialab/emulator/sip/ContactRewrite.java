package dev.vialab.emulator.sip;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Why;
import gov.nist.javax.sip.message.SIPResponse;

/**
 * pjsua's {@code acc_check_nat_addr()} (pjsua_acc.c l.1928–2230), step by step as rulebook B1 lists them:
 * read received/rport, maybe learn a new Via sent-by, compare with the Contact currently registered, apply the
 * private-address exceptions, and rewrite by the given method.
 */
final class ContactRewrite {
    static final int UNREGISTER = 1;
    static final int NO_UNREG = 2;
    static final int ALWAYS_UPDATE = 4;

    private final Account acc;
    private final Phone phone;
    private final PhoneSetup cfg;

    ContactRewrite(Account acc, Phone phone) {
        this.acc = acc;
        this.phone = phone;
        this.cfg = phone.cfg();
    }

    /**
     * Runs the check for a response to a REGISTER sent on {@code tsx}. Returns true when the Contact changed
     * (and, for methods 1 and 2, a new REGISTER is on its way).
     */
    boolean check(int method, SIPResponse resp, ClientTransaction tsx, Regc regc) {
        SipMessages.ViaFacts via = SipMessages.ViaFacts.of(resp.getTopmostVia());
        String host = via.publicHost();
        int port = via.publicPort();
        Ip received = Ip.tryParse(host);
        if (received == null) {
            return false;
        }
        Endpoint learned = new Endpoint(received, port);
        acc.lastReceived = acc.receivedText.of(learned);
        learnVia(learned, tsx);
        if (cfg.allowContactRewrite() == 0) {
            return false;
        }
        Endpoint current = acc.contact == null ? null : SipMessages.hostPort(acc.contact, phone.codec());
        if (current != null && current.equals(learned)) {
            return false; // step 5: same as the registered Contact, no change
        }
        if (cfg.allowContactRewrite() == 1 && current != null) {
            Ip server = tsx.dest.ip();
            if (!current.ip().isPrivate() && !server.isPrivate() && received.isPrivate()) {
                phone.recorder().record(Kind.REGISTRATION, phone.name(), null,
                        Why.of("acc.rewrite.skip.643", "R22", acc.contact, learned));
                return false;
            }
            if (current.ip().equals(received) && received.isPrivate()) {
                phone.recorder().record(Kind.REGISTRATION, phone.name(), null,
                        Why.of("acc.rewrite.skip.864", "R22", acc.contact, learned));
                return false;
            }
        }
        String oldContact = acc.contact == null ? "" : acc.contact;
        String fresh = "sip:" + cfg.user() + "@" + learned + (tsx.transport == Transport.TCP ? ";transport=TCP" : "")
                + ";ob";
        phone.recorder().record(Kind.REGISTRATION, phone.name(), null, Why.of(
                method == ALWAYS_UPDATE ? "acc.rewrite.detected.always" : "acc.rewrite.detected",
                method == ALWAYS_UPDATE ? "R16 R19" : "R15 R16", oldContact, learned, method, resp.getStatusCode()));
        SipMessages.ContactSpec spec = new SipMessages.ContactSpec(fresh, -1);
        switch (method) {
            case UNREGISTER -> {
                // R17: un-REGISTER on the current regc (old Contact, Expires 0, fresh DNS), then destroy it …
                acc.sendRegister(regc, true, Why.of("acc.rewrite.unregister", "R17", oldContact));
                acc.destroyRegc(regc);
                // … and a new regc. From 2.14 the new regc regenerates the Contact from the local address (R31).
                if (cfg.version().localContactOnNewRegc()) {
                    acc.registerLocalContactOnNewRegc();
                } else {
                    acc.contact = fresh;
                    acc.sendRegister(acc.newRegc(spec), false, Why.of("acc.rewrite.register", "R17", fresh));
                }
            }
            case NO_UNREG -> {
                acc.contact = fresh;
                regc.updateContact(spec);
                acc.sendRegister(regc, false, Why.of("acc.rewrite.noUnreg", "R18", fresh, oldContact));
            }
            case ALWAYS_UPDATE -> {
                acc.contact = fresh;
                regc.replaceContacts(spec);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Step 2: learn {@code received:rport} as the Via sent-by of later requests when the host or transport
     * differs, or only the port differs and the address is public (or allow_contact_rewrite is 2) (R21).
     */
    private void learnVia(Endpoint learned, ClientTransaction tsx) {
        if (!cfg.allowViaRewrite()) {
            return;
        }
        Endpoint cur = acc.viaAddr != null ? acc.viaAddr : tsx.sentBy;
        if (cur == null) {
            return;
        }
        boolean hostDiffers = !cur.ip().equals(learned.ip());
        boolean transportDiffers = acc.viaAddr != null && acc.viaTransport != tsx.transport;
        boolean portDiffers = cur.port() != learned.port();
        if (hostDiffers || transportDiffers
                || (portDiffers && (!learned.ip().isPrivate() || cfg.allowContactRewrite() == 2))) {
            acc.viaAddr = learned;
            acc.viaTransport = tsx.transport;
            acc.viaConn = tsx.conn;
            phone.recorder().record(Kind.REGISTRATION, phone.name(), null,
                    Why.of("acc.via.learned", "R21", cur, learned));
            acc.publish();
        }
    }
}
