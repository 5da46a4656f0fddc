package dev.vialab.emulator.dns;

import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.Host;
import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Rng;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.UdpSocket;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.DnsCacheRow;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A phone's (or caller's) stub resolver, on the virtual clock.
 *
 * <p>{@link Mode#OS}: what pjsip does without a nameserver: {@code pj_getaddrinfo()} for every request, A
 * records only, all addresses in answer order, no cache inside pjsip (R3, R29). {@link Mode#PJSIP}: pjsip's own
 * resolver: SRV {@code _sip._udp.}/{@code _sip._tcp.} first, A fallback, answers cached for their TTL capped at
 * 300 s ({@code PJ_DNS_RESOLVER_MAX_TTL}), an SRV NXDOMAIN cached about 60 s, and targets of equal priority
 * re-ordered by weighted random on every request (R4, R29, R30; srv_resolver.c).
 */
public final class Resolver {
    public enum Mode { OS, PJSIP }

    static final int MAX_TTL = 300;
    private static final long TIMEOUT = 5 * Time.S;

    private record Srv(int priority, int weight, int port, String target) {}

    private record Cached(List<Ip> a, List<Srv> srv, boolean negative, long expires) {}

    private final String owner;
    private final Endpoint server;
    private final Mode mode;
    private final Rng ids;
    private final Rng weights;
    private final Scheduler scheduler;
    private final TraceRecorder recorder;
    private final UdpSocket socket;
    private final Network net;
    private final TreeMap<Integer, Consumer<Message>> pending = new TreeMap<>();
    private final TreeMap<String, Cached> cache = new TreeMap<>();
    /** Names asked, parsed once: a phone asks the same one or two names for every transaction (R1, R3). */
    private final TreeMap<String, Name> qnames = new TreeMap<>();
    /** The last resolved targets and their text, which a phone asking for every request mostly gets again. */
    private List<Endpoint> lastTargets;
    private String lastTargetsText;

    public Resolver(String owner, Host host, Network net, Endpoint server, int localPort, Mode mode, Rng ids,
            Rng weights) {
        this.owner = owner;
        this.server = server;
        this.mode = mode;
        this.ids = ids;
        this.weights = weights;
        this.scheduler = net.scheduler();
        this.recorder = net.recorder();
        this.net = net;
        this.socket = host.bind(localPort, this::response);
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Resolves a SIP server name for a new request (R1) and calls back with the destinations in the order pjsip
     * tries them; an empty list means resolution failed. May call back at once (pjsip cache hit).
     */
    public void resolve(String name, Transport transport, Consumer<List<Endpoint>> done) {
        if (mode == Mode.OS) {
            queryA(name, ips -> finish(name, toEndpoints(ips, 5060), "dns.resolved.os", "R3 R29", done));
            return;
        }
        String srvName = "_sip._" + (transport == Transport.TCP ? "tcp" : "udp") + "." + name;
        lookupSrv(srvName, srvs -> {
            if (srvs.isEmpty()) {
                lookupA(name, ips -> finish(name, toEndpoints(ips, 5060), "dns.resolved.a", "R4 R29", done));
                return;
            }
            List<Srv> ordered = weightedOrder(srvs);
            List<Endpoint> out = new ArrayList<>();
            expand(ordered, 0, out, () -> finish(name, out, "dns.resolved.srv", "R4 R30", done));
        });
    }

    private void expand(List<Srv> ordered, int i, List<Endpoint> out, Runnable then) {
        if (i == ordered.size()) {
            then.run();
            return;
        }
        Srv s = ordered.get(i);
        lookupA(s.target(), ips -> {
            out.addAll(toEndpoints(ips, s.port()));
            expand(ordered, i + 1, out, then);
        });
    }

    private void finish(String name, List<Endpoint> targets, String key, String rule, Consumer<List<Endpoint>> done) {
        if (targets.isEmpty()) {
            recorder.record(Kind.DNS, owner, null, Why.of("dns.failed", "R1", name));
        } else {
            if (!targets.equals(lastTargets)) { // the same answer again (R1: asked anew per request): same text
                lastTargets = targets;
                lastTargetsText = String.join(" ", targets.stream().map(Endpoint::toString).toList());
            }
            recorder.record(Kind.DNS, owner, null, Why.of(key, rule, name, lastTargetsText, targets.getFirst()));
        }
        done.accept(targets);
    }

    /**
     * RFC 2782 ordering as pjsip's srv_resolver.c does it: priority ascending; inside a priority, repeatedly
     * pick {@code r = rand() % (sum + 1)} and take the first target whose running weight sum reaches r. All-zero
     * weights keep DNS order.
     */
    private List<Srv> weightedOrder(List<Srv> srvs) {
        List<Srv> rest = new ArrayList<>(srvs);
        rest.sort((a, b) -> Integer.compare(a.priority(), b.priority()));
        List<Srv> out = new ArrayList<>();
        while (!rest.isEmpty()) {
            int prio = rest.getFirst().priority();
            List<Srv> group = new ArrayList<>();
            for (Srv s : rest) {
                if (s.priority() == prio) {
                    group.add(s);
                }
            }
            rest.removeAll(group);
            while (!group.isEmpty()) {
                int sum = 0;
                for (Srv s : group) {
                    sum += s.weight();
                }
                Srv pick = group.getFirst();
                if (sum > 0) {
                    int r = weights.nextInt(sum + 1);
                    int run = 0;
                    for (Srv s : group) {
                        run += s.weight();
                        if (run >= r) {
                            pick = s;
                            break;
                        }
                    }
                }
                out.add(pick);
                group.remove(pick);
            }
        }
        return out;
    }

    // ---- pjsip mode: cache on the virtual clock -------------------------------------------------------------

    private void lookupSrv(String name, Consumer<List<Srv>> then) {
        Cached c = cached("SRV", name);
        if (c != null) {
            then.accept(c.negative() ? List.of() : c.srv());
            return;
        }
        query(name, Type.SRV, m -> {
            List<Srv> srvs = new ArrayList<>();
            int ttl = MAX_TTL;
            for (Record r : m.getSection(Section.ANSWER)) {
                if (r instanceof SRVRecord s) {
                    srvs.add(new Srv(s.getPriority(), s.getWeight(), s.getPort(), DnsText.trimDot(
                            s.getTarget().toString())));
                    ttl = (int) Math.min(ttl, s.getTTL());
                }
            }
            for (Record r : m.getSection(Section.ADDITIONAL)) {
                if (r instanceof ARecord) {
                    glue(m, r.getName().toString());
                }
            }
            if (srvs.isEmpty()) {
                store("SRV", name, new Cached(List.of(), List.of(), true,
                        scheduler.now() + DnsServer.NEGATIVE_TTL * Time.S), List.of("NXDOMAIN"));
            } else {
                store("SRV", name, new Cached(List.of(), List.copyOf(srvs), false, scheduler.now() + ttl * Time.S),
                        srvs.stream().map(s -> s.priority() + "/" + s.weight() + "/" + s.port() + "/" + s.target())
                                .toList());
            }
            then.accept(srvs);
        });
    }

    private void glue(Message m, String target) {
        List<Ip> ips = new ArrayList<>();
        int ttl = MAX_TTL;
        for (Record r : m.getSection(Section.ADDITIONAL)) {
            if (r instanceof ARecord a && r.getName().toString().equals(target)) {
                ips.add(Ip.of(a.getAddress().getAddress()));
                ttl = (int) Math.min(ttl, a.getTTL());
            }
        }
        String name = DnsText.trimDot(target);
        if (cached("A", name) == null && !ips.isEmpty()) {
            store("A", name, new Cached(List.copyOf(ips), List.of(), false, scheduler.now() + ttl * Time.S),
                    ips.stream().map(Ip::toString).toList());
        }
    }

    private void lookupA(String name, Consumer<List<Ip>> then) {
        if (mode == Mode.OS) {
            queryA(name, then);
            return;
        }
        Cached c = cached("A", name);
        if (c != null) {
            then.accept(c.negative() ? List.of() : c.a());
            return;
        }
        query(name, Type.A, m -> {
            List<Ip> ips = addresses(m);
            long ttl = MAX_TTL;
            for (Record r : m.getSection(Section.ANSWER)) {
                ttl = Math.min(ttl, r.getTTL());
            }
            boolean negative = ips.isEmpty();
            long life = negative ? DnsServer.NEGATIVE_TTL : ttl;
            store("A", name, new Cached(ips, List.of(), negative, scheduler.now() + life * Time.S),
                    negative ? List.of(Rcode.string(m.getRcode())) : ips.stream().map(Ip::toString).toList());
            then.accept(ips);
        });
    }

    private Cached cached(String type, String name) {
        Cached c = cache.get(type + "|" + name);
        return c != null && c.expires() > scheduler.now() ? c : null;
    }

    private void store(String type, String name, Cached c, List<String> shown) {
        String key = type + "|" + name;
        cache.put(key, c);
        DnsCacheRow row = new DnsCacheRow(owner, name, type, shown, c.expires());
        recorder.update(w -> w.withDnsCache(w.dnsCache().put(row.key(), row)));
        scheduler.at(c.expires(), () -> {
            if (cache.get(key) == c) {
                cache.remove(key);
                recorder.update(w -> w.withDnsCache(w.dnsCache().remove(row.key())));
            }
        });
    }

    // ---- wire ----------------------------------------------------------------------------------------------

    private void queryA(String name, Consumer<List<Ip>> then) {
        query(name, Type.A, m -> then.accept(addresses(m)));
    }

    private static List<Ip> addresses(Message m) {
        List<Ip> ips = new ArrayList<>();
        for (Record r : m.getSection(Section.ANSWER)) {
            if (r instanceof ARecord a) {
                ips.add(Ip.of(a.getAddress().getAddress()));
            }
        }
        return ips;
    }

    private void query(String name, int type, Consumer<Message> then) {
        int id = ids.nextInt(65536);
        while (pending.containsKey(id)) {
            id = (id + 1) & 0xffff;
        }
        Message q = Message.newQuery(Record.newRecord(qnames.computeIfAbsent(name, DnsServer::name), type, DClass.IN));
        q.getHeader().setID(id);
        int queryId = id;
        pending.put(id, then);
        byte[] wire = q.toWire();
        socket.send(server, wire, DnsText.label(q), Category.DNS, false,
                Why.of(mode == Mode.OS ? "dns.query.os" : "dns.query.pjsip", mode == Mode.OS ? "R3 R29" : "R4",
                        name, Type.string(type)));
        scheduler.after(TIMEOUT, () -> {
            Consumer<Message> waiting = pending.remove(queryId);
            if (waiting != null) {
                Message empty = new Message(queryId);
                empty.getHeader().setRcode(Rcode.SERVFAIL);
                recorder.record(Kind.DNS, owner, null, Why.of("dns.timeout", "", name, Time.duration(TIMEOUT)));
                waiting.accept(empty);
            }
        });
    }

    private void response(Delivery d, Packet.Udp p) {
        Message m;
        try {
            m = new Message(p.payload());
        } catch (IOException e) {
            d.drop(Why.of("dns.malformed", "RFC 1035 §4.1", p.src()));
            return;
        }
        Consumer<Message> waiting = m.getHeader().getFlag(Flags.QR) ? pending.remove(m.getHeader().getID()) : null;
        if (waiting == null) {
            d.drop(Why.of("dns.unexpected", "", m.getHeader().getID()));
            return;
        }
        d.accept(Why.of("dns.response", "", new DnsText.Label(p.payload())));
        waiting.accept(m);
    }

    /** The run's one object per destination (see {@link Network#intern}). */
    private List<Endpoint> toEndpoints(List<Ip> ips, int port) {
        List<Endpoint> out = new ArrayList<>(ips.size());
        for (Ip ip : ips) {
            out.add(net.intern(new Endpoint(ip, port)));
        }
        return out;
    }
}
