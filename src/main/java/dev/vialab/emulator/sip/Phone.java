package dev.vialab.emulator.sip;

import dev.vialab.emulator.dns.Resolver;
import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.Host;
import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Rng;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.TcpConnection;
import dev.vialab.emulator.net.UdpSocket;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.TreeMap;

/**
 * A softphone built on pjsip (pjsua / MicroSIP), behind a NAT. Its account ({@link Account}) follows rulebook
 * R1–R38; this class owns the sockets, parses what arrives and routes it to transactions and calls.
 */
public final class Phone extends Host {
    /** PJSUA_UNREG_TIMEOUT: quitting waits at most this long for the un-REGISTER's answer (R38). */
    static final long UNREG_TIMEOUT = 4 * Time.S;

    private final PhoneSetup cfg;
    private final String domain;
    private final SipCodec codec;
    private final SipMessages messages;
    final Rng ids;
    private final Rng cseq;
    private final Rng kaJitter;
    private final Rng retryJitter;
    final Resolver resolver;
    final PhoneTcp tcp = new PhoneTcp(this);
    final TreeMap<String, ClientTransaction> transactions = new TreeMap<>();
    private final PhoneCalls calls;
    private Account account;
    private UdpSocket udp;
    private final String instanceId;
    private boolean running;
    private Scheduler.Timer shutdownTimer;

    public Phone(PhoneSetup cfg, String domain, Network net, Network.Segment lan, long lanDelay, Endpoint dnsServer,
            SipCodec codec, long seed, long jitterSeed) {
        super(cfg.name(), net, seed);
        attach(net.attach(this, cfg.address(), lan, lanDelay));
        this.cfg = cfg;
        this.domain = domain;
        this.codec = codec;
        this.messages = new SipMessages(codec);
        this.ids = Rng.derive(seed, cfg.name() + "/ids");
        this.cseq = Rng.derive(seed, cfg.name() + "/cseq");
        this.kaJitter = Rng.derive(jitterSeed, cfg.name() + "/ka");
        this.retryJitter = Rng.derive(jitterSeed, cfg.name() + "/retry");
        this.instanceId = uuid(Rng.derive(seed, cfg.name() + "/instance"));
        setSynSchedule(cfg.windows() ? SynSchedule.WINDOWS : SynSchedule.LINUX);
        this.resolver = new Resolver(cfg.name(), this, net, dnsServer, 53000 + Rng.derive(seed, cfg.name()
                + "/dnsport").nextInt(1000), cfg.resolver() == PhoneSetup.Resolver.OS ? Resolver.Mode.OS
                : Resolver.Mode.PJSIP, Rng.derive(seed, cfg.name() + "/dnsid"), Rng.derive(jitterSeed,
                cfg.name() + "/srv"));
        this.calls = new PhoneCalls(this);
        this.account = new Account(this);
        listenTcp(cfg.port(), (d, syn) -> {
            if (running) {
                return tcp.acceptIncoming();
            }
            d.refuse(Why.of("phone.rx.stopped", "R38"));
            return null;
        });
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    /** The account is added (register_on_acc_add): open the SIP socket and register. */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        account = new Account(this);
        udp = bind(cfg.port(), (d, p) -> sipReceived(d, p.payload(), p.src(), null));
        recorder().record(Kind.REGISTRATION, name(), null, Why.of("phone.start", "", cfg.profile().id(),
                cfg.version().id(), cfg.transportItem().toUpperCase(java.util.Locale.ROOT),
                new Endpoint(ip(), cfg.port())));
        account.publish();
        account.affinity.announce();
        if (cfg.failover() == PhoneSetup.Failover.APP_MODIFY) {
            // G9: the application resolves the servers itself and routes through the first one
            resolver.resolve(domain, cfg.transport(), list -> {
                account.appServers = list;
                account.proxy = list.isEmpty() ? null : list.getFirst().ip();
                account.setRegistration(Why.of("acc.register.app", "G9", account.proxy == null ? "-" : account.proxy));
            });
            return;
        }
        account.setRegistration(Why.of("acc.register", "R1 R8"));
    }

    public void quit() {
        if (!running) {
            return;
        }
        recorder().record(Kind.REGISTRATION, name(), null, Why.of("phone.quit", "R38"));
        if (account.quit()) {
            shutdownTimer = scheduler().after(UNREG_TIMEOUT, this::shutdown);
        } else {
            shutdown();
        }
    }

    public void reregister() {
        if (running) {
            account.setRegistration(Why.of("acc.reregister", "R1"));
        }
    }

    public void switchProxy(Ip proxy) {
        if (running) {
            account.switchProxy(proxy, Why.of("acc.modify", "R26 G9", proxy));
        }
    }

    void unregistered() {
        if (account.quitting) {
            shutdown();
        }
    }

    private void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        if (shutdownTimer != null) {
            shutdownTimer.cancel();
        }
        account.stopKeepAlive();
        account.state = "quit";
        for (ClientTransaction t : transactions.values().toArray(new ClientTransaction[0])) {
            transactions.remove(t.branch);
        }
        calls.stopAll();
        tcp.closeAll();
        udp.close();
        account.publish();
        recorder().record(Kind.REGISTRATION, name(), null, Why.of("phone.stopped", "R38"));
    }

    // ---- receiving -----------------------------------------------------------------------------------------

    void sipReceived(Delivery d, byte[] payload, Endpoint source, TcpConnection conn) {
        if (!running) {
            d.drop(Why.of("phone.rx.stopped", "R38"));
            return;
        }
        SipCodec.Parsed parsed = codec.parse(payload); // instanceof, not a type switch: see SipCodec.Parsed
        if (parsed instanceof SipCodec.Message m) {
            if (m.isRequest()) {
                calls.request(d, m.request(), source, conn);
            } else {
                response(d, m.response());
            }
        } else if (parsed instanceof SipCodec.Malformed m) {
            d.drop(Why.of("sip.malformed", "RFC 3261 §7", m.error()));
        } else {
            d.accept(Why.of("phone.rx.keepalive", "R14", source));
        }
    }

    private void response(Delivery d, SIPResponse r) {
        SipMessages.ViaFacts via = SipMessages.ViaFacts.of(r.getTopmostVia());
        ClientTransaction tsx = transactions.get(via.branch());
        ResponseText.CSeq cseqText = new ResponseText.CSeq(r.getCSeq().getSeqNumber(), r.getCSeq().getMethod());
        String rport = via.received() == null ? "-" : responseText.rport(via.received(), via.publicPort());
        if (tsx == null) {
            d.accept(Why.of("phone.rx.response.stray", "RFC 3261 §17.1.2.2", r.getStatusCode(), cseqText));
            return;
        }
        int step = d.accept(Why.of("phone.rx.response", "RFC 3581 §4", responseText.status(r.getStatusCode(),
                r.getReasonPhrase()), cseqText, rport));
        tsx.response(r, step);
    }

    // ---- sending -------------------------------------------------------------------------------------------

    void sendUdp(Endpoint dest, byte[] bytes, String label, boolean retransmission, Why because) {
        udp.send(dest, bytes, label, Category.SIP, retransmission, because);
    }

    /** The SIP UDP socket (keep-alives leave through it, R13). */
    UdpSocket udp() {
        return udp;
    }

    private final EndpointText sentByText = new EndpointText();
    private final ResponseText responseText = new ResponseText();

    /** The Via sent-by of a new UDP request: the learned {@code received:rport} if Via rewrite learned one (R21). */
    Endpoint udpSentBy() {
        if (account.viaAddr != null && account.viaTransport == Transport.UDP) {
            return account.viaAddr;
        }
        return udpLocal();
    }

    /** The UDP transport's published address: the local IP and the SIP port. */
    Endpoint udpLocal() {
        return new Endpoint(ip(), cfg.port());
    }

    /** Over TCP the Via of a request on its first address: learned address, else the listening address (R34). */
    Endpoint tcpSentBy() {
        if (account.viaAddr != null && account.viaTransport == Transport.TCP) {
            return account.viaAddr;
        }
        return new Endpoint(ip(), cfg.port());
    }

    String udpSentByText() {
        return sentByText.of(cfg.transport() == Transport.TCP ? tcpSentBy() : udpSentBy());
    }

    int ephemeralTcpPort() {
        return ephemeralPort();
    }

    // ---- accessors for the package -------------------------------------------------------------------------

    PhoneSetup cfg() {
        return cfg;
    }

    String domain() {
        return domain;
    }

    SipCodec codec() {
        return codec;
    }

    SipMessages messages() {
        return messages;
    }

    Account account() {
        return account;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    TraceRecorder recorder() {
        return recorder;
    }

    Rng kaJitter() {
        return kaJitter;
    }

    Rng retryJitter() {
        return retryJitter;
    }

    /** The first CSeq of a new regc: {@code pj_rand() % 0xFFFF} then incremented (sip_reg.c). */
    long cseqBase() {
        return cseq.nextInt(0xFFFF) + 1;
    }

    String aor() {
        return "sip:" + cfg.user() + "@" + domain;
    }

    /** MicroSIP appends {@code ;transport=tcp} to the registrar URI for TCP accounts (R25). */
    String registrarUri() {
        return "sip:" + domain + (cfg.transport() == Transport.TCP ? ";transport=tcp" : "");
    }

    String userAgent() {
        return cfg.userAgent();
    }

    String instanceId() {
        return instanceId;
    }

    boolean running() {
        return running;
    }

    private static String uuid(Rng r) {
        String h = r.hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20);
    }

}
