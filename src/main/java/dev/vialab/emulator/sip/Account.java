package dev.vialab.emulator.sip;

import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.TcpConnection;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.PhoneView;
import dev.vialab.emulator.trace.Why;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.List;

/**
 * A pjsua account: the registration state machine of pjsua_acc.c around one regc at a time. Dispatch of a
 * final response follows rulebook B1 ("Dispatch order … implement exactly"): regc_tsx_cb (ALWAYS_UPDATE check),
 * auth re-send, 423 re-send, refresh scheduling, then regc_cb.
 */
final class Account {
    final Phone phone;
    final PhoneSetup cfg;
    private final ContactRewrite rewrite;
    private final Registration registration;
    Regc regc;
    /** {@code acc->contact}: cleared with the regc (R12). */
    String contact;
    /** {@code acc->via_addr}: survives a failed regc (R12), cleared when its TCP transport goes (R12, R34). */
    Endpoint viaAddr;
    Transport viaTransport;
    TcpConnection viaConn;
    String lastReceived = "";
    /** {@code contact_rewritten}: the loop guard of pjsip #1796. */
    boolean contactRewritten;
    /** The UDP keep-alive (R13), its own object: see {@link KeepAlive}. */
    private final KeepAlive keepAlive;
    int attemptCnt;
    private Scheduler.Timer retryTimer;
    String state = "idle";
    String server = "";
    private final EndpointText serverText = new EndpointText();
    private final EndpointText kaTargetText = new EndpointText();
    final EndpointText receivedText = new EndpointText();
    boolean quitting;
    /** server_affinity's pin (R28). */
    final ServerAffinity affinity;
    /** The account proxy (Route) of the application-level failover, and the list it cycles through (G9). */
    Ip proxy;
    List<Endpoint> appServers = List.of();
    int appIndex;
    private TcpConnection contactConn;
    /** The TCP connection the registration last succeeded on: pjsip's regc keeps it referenced. */
    TcpConnection regConn;

    Account(Phone phone) {
        this.phone = phone;
        this.cfg = phone.cfg();
        this.keepAlive = new KeepAlive(phone.scheduler(), phone.kaJitter(), cfg.kaInterval());
        this.rewrite = new ContactRewrite(this, phone);
        this.registration = new Registration(this, rewrite);
        this.affinity = new ServerAffinity(phone, cfg);
    }

    // ---- contacts ------------------------------------------------------------------------------------------

    /** The Contact generated from the local address (R20): {@code sip:USER@LOCALIP:PORT[;transport=TCP];ob}. */
    String localContactUri() {
        int port = cfg.port();
        if (cfg.transport() == Transport.TCP && contactConn != null) {
            port = contactConn.local().port();
        }
        return "sip:" + cfg.user() + "@" + phone.ip() + ":" + port
                + (cfg.transport() == Transport.TCP ? ";transport=TCP" : "") + (cfg.useRfc5626() ? ";ob" : "");
    }

    SipMessages.ContactSpec localContactSpec() {
        String params = cfg.transport() == Transport.TCP && cfg.useRfc5626()
                ? "reg-id=1;+sip.instance=\"<urn:uuid:" + phone.instanceId() + ">\"" : "";
        return new SipMessages.ContactSpec(localContactUri(), -1, params);
    }

    // ---- regc lifecycle ------------------------------------------------------------------------------------

    /** {@code pjsua_acc_set_registration(acc, PJ_TRUE)}: REGISTER on the current regc, or on a new one. */
    void setRegistration(Why because) {
        if (regc != null && !regc.deleted) {
            sendRegister(regc, false, because);
            return;
        }
        prepareContact(() -> {
            contact = localContactUri();
            sendRegister(newRegc(localContactSpec()), false, because);
        });
    }

    /**
     * pjsip 2.14+: {@code pjsua_regc_init()} regenerates the Contact from the local address for the new regc of
     * the UNREGISTER method (R31) — over TCP that means learning a local port again (G8 step 1).
     */
    void registerLocalContactOnNewRegc() {
        prepareContact(() -> {
            contact = localContactUri();
            sendRegister(newRegc(localContactSpec()), false, Why.of("acc.rewrite.register.local", "R31", contact));
        });
    }

    /**
     * TCP with the OS resolver: pjsua learns the Contact's port from a connection to the first resolved address
     * before the REGISTER exists ({@code contact_use_src_port}, G8 step 1, R34).
     */
    private void prepareContact(Runnable then) {
        if (cfg.transport() != Transport.TCP || cfg.resolver() != PhoneSetup.Resolver.OS || proxy != null) {
            then.run();
            return;
        }
        if (contactConn != null && contactConn.state() != TcpConnection.State.CLOSED) {
            then.run();
            return;
        }
        phone.resolver.resolve(phone.domain(), Transport.TCP, list -> {
            if (!list.isEmpty()) {
                contactConn = phone.tcp.preconnect(list.getFirst());
            }
            then.run();
        });
    }

    Regc newRegc(SipMessages.ContactSpec contactSpec) {
        Regc r = new Regc(phone.ids.token(32), phone.ids.token(32), phone.cseqBase(), cfg.regTimeout(), contactSpec,
                proxy);
        regc = r;
        publish();
        return r;
    }

    void destroyRegc(Regc r) {
        r.deleted = true;
        if (r.refreshTimer != null) {
            r.refreshTimer.cancel();
        }
        r.refreshAt = -1;
        if (regc == r) {
            regc = null;
            contact = null;
        }
        publish();
    }

    void sendRegister(Regc r, boolean unregister, Why because) {
        registration.send(r, unregister, null, null, because);
    }

    // ---- after regc_cb -------------------------------------------------------------------------------------

    /** Failure (≥ 300 or local): destroy the regc, clear the Contact, stop keep-alive, maybe retry (R12). */
    void failed(Regc r, ClientTransaction.Result res) {
        destroyRegc(r);
        stopKeepAlive();
        state = "failed";
        server = "";
        phone.recorder().record(Kind.REGISTRATION, phone.name(), null,
                Why.of("acc.failed", "R12", res.code(), res.reason(), res.local() ? "local" : "response"));
        publish();
        if (quitting) {
            return;
        }
        if (cfg.failover() == PhoneSetup.Failover.APP_MODIFY && !appServers.isEmpty()) {
            appIndex = (appIndex + 1) % appServers.size();
            switchProxy(appServers.get(appIndex).ip(), Why.of("acc.app.failover", "G9", appServers.get(appIndex)));
            return;
        }
        int code = res.code();
        affinity.failed(code);
        if (code == 408 || code == 480 || code == 500 || code == 502 || code == 503 || code == 504 || code >= 600) {
            scheduleReregistration();
        }
    }

    void registered(Regc r, ClientTransaction tsx, int granted) {
        state = "registered";
        server = serverText.of(tsx.dest);
        regConn = tsx.conn;
        attemptCnt = 0;
        updateKeepAlive(tsx);
        phone.recorder().record(Kind.REGISTRATION, phone.name(), null,
                Why.of("acc.registered", "R9", tsx.dest, r.activeContact(), granted, new Time.Stamp(r.refreshAt)));
        publish();
    }

    void unregistered(Regc r) {
        destroyRegc(r);
        stopKeepAlive();
        state = quitting ? "quit" : "unregistered";
        server = "";
        phone.recorder().record(Kind.REGISTRATION, phone.name(), null, Why.of("acc.unregistered", "R38"));
        publish();
    }

    /**
     * {@code schedule_reregistration()}: the first retry after {@code reg_first_retry_interval}, later ones after
     * {@code reg_retry_interval}, ±{@code reg_retry_random_interval}; a short interval is replaced by U[0, 10) s
     * (R12, B4).
     */
    void scheduleReregistration() {
        long base = (attemptCnt > 0 ? cfg.regRetryInterval() : cfg.regFirstRetryInterval()) * 1000L;
        long ri = cfg.regRetryRandomInterval() * 1000L;
        long delayMs;
        if (ri > 0 && base >= ri) {
            delayMs = base + phone.retryJitter().nextLong(-ri, ri);
        } else if (ri > 0) {
            delayMs = phone.retryJitter().nextLong(0, ri);
        } else {
            delayMs = base;
        }
        long delay = delayMs * Time.MS;
        if (retryTimer != null) {
            retryTimer.cancel();
        }
        retryTimer = phone.scheduler().after(delay, () -> {
            attemptCnt++;
            setRegistration(Why.of("acc.retry", "R12", attemptCnt));
        });
        phone.recorder().record(Kind.REGISTRATION, phone.name(), null,
                Why.of("acc.retry.scheduled", "R12", Time.format(phone.scheduler().now() + delay), attemptCnt));
        publish();
    }

    // ---- keep-alive (R13) ----------------------------------------------------------------------------------

    /** Restarts the UDP keep-alive towards the REGISTER's destination (not the response's source, pjsip #1607). */
    private void updateKeepAlive(ClientTransaction tsx) {
        Endpoint old = keepAlive.target();
        stopKeepAlive();
        if (tsx.transport != Transport.UDP || cfg.kaInterval() <= 0) {
            return;
        }
        Endpoint target = tsx.dest;
        if (!target.equals(old)) {
            phone.recorder().record(Kind.REGISTRATION, phone.name(), null,
                    Why.of(old == null ? "acc.ka.start" : "acc.ka.moved", "R13", old == null ? "-" : old, target));
        }
        keepAlive.start(target, phone.udp());
    }

    void stopKeepAlive() {
        keepAlive.stop();
    }

    // ---- transports, actions -------------------------------------------------------------------------------

    /**
     * A TCP connection failed or closed. The learned Via goes with it (R12); from 2.17 the rewrite loop guard is
     * reset too (pjsip #4886), which with R31 makes the registration storm of R35.
     */
    void transportDisconnected(TcpConnection c) {
        if (viaConn == c) {
            viaAddr = null;
            viaConn = null;
            phone.recorder().record(Kind.REGISTRATION, phone.name(), null, Why.of("acc.via.cleared", "R12", c.remote()));
        }
        if (cfg.version().resetsGuardOnDisconnect() && contactRewritten) {
            contactRewritten = false;
            phone.recorder().record(Kind.REGISTRATION, phone.name(), null,
                    Why.of("acc.guard.reset", "R35", c.remote()));
        }
        if (contactConn == c) {
            contactConn = null;
        }
        affinity.disconnected(c.remote());
        publish();
    }

    /** {@code pjsua_acc_modify()} with a new proxy: un-REGISTER through the old route, then a new regc (R26, G9). */
    void switchProxy(Ip newProxy, Why because) {
        if (regc != null && !regc.deleted) {
            Regc old = regc;
            sendRegister(old, true, Why.of("acc.modify.unregister", "R26", proxy == null ? "-" : proxy));
            destroyRegc(old);
        }
        proxy = newProxy;
        contactRewritten = false;
        setRegistration(because);
    }

    /**
     * Quitting un-REGISTERs on the current regc, resolved afresh, and waits at most unreg_timeout (R38).
     * Returns true when an un-REGISTER is on its way.
     */
    boolean quit() {
        quitting = true;
        if (retryTimer != null) {
            retryTimer.cancel();
        }
        stopKeepAlive();
        if (regc != null && !regc.deleted) {
            if (regc.refreshTimer != null) {
                regc.refreshTimer.cancel();
            }
            sendRegister(regc, true, Why.of("acc.quit", "R38"));
            state = "quitting";
            publish();
            return true;
        }
        return false;
    }

    void publish() {
        Regc r = regc;
        Endpoint ka = keepAlive.target();
        PhoneView v = new PhoneView(phone.name(), state, server, contact == null ? "" : contact,
                phone.udpSentByText(), lastReceived, ka == null ? "" : kaTargetText.of(ka),
                r == null ? -1 : r.refreshAt, retryTimer != null && retryTimer.pending() ? retryTimer.at() : -1,
                r == null ? "" : r.callId, r == null ? 0 : r.cseq, contactRewritten);
        phone.recorder().update(w -> w.withPhones(w.phones().put(v.phone(), v)));
    }

    Registration registration() {
        return registration;
    }

    void onResponseCheck(int method, SIPResponse resp, ClientTransaction tsx, Regc r) {
        rewrite.check(method, resp, tsx, r);
    }
}
