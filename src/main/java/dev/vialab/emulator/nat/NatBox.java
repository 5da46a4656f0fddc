package dev.vialab.emulator.nat;

import dev.vialab.emulator.net.LongIndex;
import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Node;
import dev.vialab.emulator.net.Rng;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.NatSetup.Behaviour;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.NatHistory;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;

/**
 * A NAT as RFC 4787 (UDP) and RFC 5382 (TCP) describe it: a mapping behaviour decides when an outbound packet
 * gets a new public port (§4.1), a filtering behaviour decides which inbound packets pass (§5), UDP mappings die
 * {@code udpTimeout} after the last outbound packet (§4.3; REQ-6: only outbound traffic refreshes them), TCP
 * mappings live with their connection. Every creation, expiry, translation and drop is a trace step.
 */
public final class NatBox implements Node {
    /** RFC 5382 REQ-5: a connection that saw FIN keeps its mapping for the transitory timeout (4 minutes). */
    private static final long TCP_TRANSITORY = 240 * Time.S;

    private final NatSetup setup;
    private final Network net;
    private final Scheduler scheduler;
    private final TraceRecorder recorder;
    private final NatHistory history;
    private final PortAllocator ports;
    /**
     * The oldest live mapping of each inside endpoint (transport, address, port), the others chained after it
     * ({@link Mapping#nextSibling}): an outbound packet takes the one that serves its destination (a few at most:
     * one per registrar under address-dependent mapping), and a new one is explained by the first.
     */
    private final LongIndex<Mapping> byInside = new LongIndex<>();
    /**
     * The last key looked up in {@link #byInside} and what it held (null too), forgotten whenever it changes. Why:
     * with a NAT per phone nearly every packet is the phone's own flow again, and the index (its object and two
     * arrays) was up to three more cold cache lines per keep-alive. Keys are never negative, so -1 is none.
     */
    private long lastInsideKey = -1;
    private Mapping lastInsideFirst;
    /** Live mappings by public port (transport, port): where an inbound packet goes. */
    private final LongIndex<Mapping> byPort = new LongIndex<>();
    /** The last expired or closed mapping of each public port (transport, port), to explain later drops. */
    private final LongIndex<Gone> gone = new LongIndex<>();
    private Network.Attachment inside;
    private Network.Attachment outside;
    /*
     * What every packet reads of the setup, held here. Why: with a NAT per phone each NAT is cold when its phone's
     * keep-alive arrives, and reading the setup record and its address objects was two or three more cache misses
     * per packet than reading this object, which the packet touches anyway.
     */
    private final String name;
    private final int publicBits;
    private final int insideBits;
    private final long udpTimeout;
    /** {@link #udpTimeout} as explanations print it, once per NAT instead of once per expiry. */
    private final String udpTimeoutText;
    private final long filterTimeout;
    private final Behaviour mapping;
    /** The filtering behaviour, or null for endpoint-independent filtering (every remote may send in). */
    private final Behaviour filtering;

    private record Gone(int step, long at, Mapping mapping, String reason) {}

    public NatBox(NatSetup setup, Network net, long seed) {
        this.setup = setup;
        this.net = net;
        this.scheduler = net.scheduler();
        this.recorder = net.recorder();
        this.history = recorder.natHistory();
        this.ports = new PortAllocator(setup.ports(), Rng.derive(seed, setup.name() + "/ports"));
        this.name = setup.name();
        this.publicBits = setup.publicIp().bits();
        this.insideBits = setup.inside().bits();
        this.udpTimeout = setup.udpTimeout();
        this.udpTimeoutText = Time.duration(udpTimeout);
        this.filterTimeout = setup.filterTimeout();
        this.mapping = setup.mapping();
        this.filtering = setup.filtering() == Behaviour.ENDPOINT_INDEPENDENT ? null : setup.filtering();
    }

    public void attach(Network.Attachment inside, Network.Attachment outside) {
        this.inside = inside;
        this.outside = outside;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void receive(Hop hop) {
        Packet p = hop.packet();
        int dst = p.dstIp().bits();
        if (dst == publicBits) {
            inbound(hop, p);
        } else if (dst == insideBits) {
            recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.self", "", p.dstIp()));
        } else {
            outbound(hop, p);
        }
    }

    // ---- outbound ------------------------------------------------------------------------------------------

    private void outbound(Hop hop, Packet p) {
        switch (p) {
            case Packet.Udp u -> outboundFlow(hop, Transport.UDP, u.src(), u.dst(), false, false);
            case Packet.Tcp t -> outboundFlow(hop, Transport.TCP, t.src(), t.dst(),
                    t.has(Packet.Tcp.SYN) && !t.has(Packet.Tcp.ACK), t.has(Packet.Tcp.RST) || t.has(Packet.Tcp.FIN));
            case Packet.Icmp i -> outboundIcmp(hop, i);
        }
    }

    private void outboundFlow(Hop hop, Transport t, Endpoint src, Endpoint dst, boolean syn, boolean closing) {
        Mapping m = flow(t, src, dst);
        if (m != null && t == Transport.UDP && scheduler.now() >= m.expiresAt(udpTimeout)) {
            expire(m, "nat.mapping.expired");
            m = null;
        }
        if (m == null) {
            if (t == Transport.TCP && !syn) {
                recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.tcp.nomapping", "RFC 5382 §5", src, dst));
                return;
            }
            m = create(t, src, dst, hop);
        }
        // only a newly permitted remote changes what the row stores; a keep-alive moves derived fields only
        publish(m, m.refresh(scheduler.now(), recorder.lastIndex() + 1, filtering, dst, filterTimeout));
        if (t == Transport.UDP) {
            scheduleExpiry(m);
        }
        Packet translated = m.translateOut(hop.packet(), dst);
        recorder.record(Kind.FORWARD, name(), hop, m.outWhy(dst, udpTimeout));
        net.forward(outside, translated, dst.ip(), hop, m); // the mapping caches its last leg
        if (t == Transport.TCP && closing) {
            closeTcp(m, hop.packet() instanceof Packet.Tcp seg && seg.has(Packet.Tcp.RST));
        }
    }

    /** The live mapping of {@code src} that serves {@code dst} under the mapping behaviour, or null. */
    private Mapping flow(Transport t, Endpoint src, Endpoint dst) {
        for (Mapping m = firstByInside(insideKey(t, src)); m != null; m = m.nextSibling) {
            if (m.serves(mapping, dst)) {
                return m;
            }
        }
        return null;
    }

    private Mapping create(Transport t, Endpoint src, Endpoint dst, Hop hop) {
        String rk = Mapping.remoteKey(setup.mapping(), dst);
        int port = ports.allocate(src.port(), p -> byPort.containsKey(portKey(t, p)));
        Endpoint pub = new Endpoint(setup.publicIp(), port);
        Mapping other = firstByInside(insideKey(t, src));
        String behaviour = setup.mapping().id();
        Why why = other == null
                ? Why.of("nat.mapping.created", "RFC 4787 §4.1", src, pub, dst, behaviour)
                : Why.of("nat.mapping.created.newdest", "RFC 4787 §4.1 REQ-1", src, pub, dst, behaviour,
                        other.outside, other.remoteKey);
        Mapping m = new Mapping(name(), t, src, pub, dst, rk, scheduler.now(), recorder.lastIndex() + 1,
                new NatHistory.Log(udpTimeout, setup.filterTimeout()));
        m.tcpOpen = t == Transport.TCP;
        byPort.put(portKey(t, port), m);
        if (other == null) {
            byInside.put(insideKey(t, src), m);
            lastInsideKey = -1;
        } else {
            Mapping last = other;
            while (last.nextSibling != null) {
                last = last.nextSibling;
            }
            last.nextSibling = m;
        }
        publish(m, true);
        recorder.record(Kind.NAT_MAPPING, name(), null, why);
        return m;
    }

    private void outboundIcmp(Hop hop, Packet.Icmp icmp) {
        // An inside host refusing a datagram that came in through a mapping: translate it back out.
        Packet.Udp q = icmp.quoted();
        Mapping found = byInside.get(insideKey(Transport.UDP, q.dst()));
        if (found == null) {
            recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.icmp", "RFC 5508 §4.2", q.dst()));
            return;
        }
        Packet.Icmp out = new Packet.Icmp(setup.publicIp(), icmp.dstIp(), icmp.type(), icmp.code(),
                new Packet.Udp(q.src(), found.outside, q.payload()));
        recorder.record(Kind.FORWARD, name(), hop, Why.of("nat.icmp.out", "RFC 5508 §4.2", q.dst(), found.outside));
        net.forward(outside, out, hop);
    }

    // ---- inbound -------------------------------------------------------------------------------------------

    private void inbound(Hop hop, Packet p) {
        switch (p) {
            case Packet.Udp u -> inboundFlow(hop, Transport.UDP, u.src(), u.dst(), false);
            case Packet.Tcp t -> inboundFlow(hop, Transport.TCP, t.src(), t.dst(),
                    t.has(Packet.Tcp.RST) || t.has(Packet.Tcp.FIN));
            case Packet.Icmp i -> inboundIcmp(hop, i);
        }
    }

    private void inboundFlow(Hop hop, Transport t, Endpoint src, Endpoint dst, boolean closing) {
        Mapping m = live(t, dst.port());
        if (m == null) {
            Gone g = gone.get(portKey(t, dst.port()));
            if (g != null) {
                recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.expired", "RFC 4787 §4.3", dst, src,
                        Time.format(g.at()), g.mapping().remoteKey, g.reason()), g.step());
            } else {
                recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.nomapping", "RFC 4787 §5", dst, src));
            }
            return;
        }
        if (!allowed(m, src)) {
            recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.filtered", "RFC 4787 §5",
                    dst, src, setup.filtering().id(), m.permittedKeys(), m.remoteKey),
                    m.createdStep);
            return;
        }
        recorder.record(Kind.FORWARD, name(), hop, Why.of("nat.in", "RFC 4787 §5", src, dst, m.inside));
        net.forward(inside, hop.packet().withAddresses(src, m.inside), hop);
        if (t == Transport.TCP && closing) {
            closeTcp(m, hop.packet() instanceof Packet.Tcp seg && seg.has(Packet.Tcp.RST));
        }
    }

    private void inboundIcmp(Hop hop, Packet.Icmp icmp) {
        Packet.Udp q = icmp.quoted();
        Mapping m = live(Transport.UDP, q.src().port());
        if (m == null) {
            recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.icmp", "RFC 5508 §4.2", q.src()));
            return;
        }
        Packet.Icmp in = new Packet.Icmp(icmp.srcIp(), m.inside.ip(), icmp.type(), icmp.code(),
                new Packet.Udp(m.inside, q.dst(), q.payload()));
        recorder.record(Kind.FORWARD, name(), hop, Why.of("nat.icmp.in", "RFC 5508 §4.2", q.src(), m.inside));
        net.forward(inside, in, hop);
    }

    private Mapping live(Transport t, int port) {
        Mapping m = byPort.get(portKey(t, port));
        if (m != null && t == Transport.UDP && scheduler.now() >= m.expiresAt(udpTimeout)) {
            expire(m, "nat.mapping.expired");
            return null;
        }
        return m;
    }

    /** RFC 4787 §5: which remotes may send in through a mapping. */
    private boolean allowed(Mapping m, Endpoint src) {
        if (filtering == null) {
            return true;
        }
        return m.permits(filtering, src, scheduler.now());
    }

    // ---- lifetimes -----------------------------------------------------------------------------------------

    private void scheduleExpiry(Mapping m) {
        if (m.expiryArmed) {
            return; // it reschedules itself when it fires early (the lazy timer avoids one queue entry per refresh)
        }
        m.expiryArmed = true;
        m.expiryTimer = scheduler.at(m.expiresAt(udpTimeout), () -> expiryDue(m));
    }

    private void expiryDue(Mapping m) {
        m.expiryArmed = false;
        if (byPort.get(portKey(m.transport, m.outside.port())) != m) {
            return;
        }
        long due = m.expiresAt(udpTimeout);
        if (due > scheduler.now()) {
            m.expiryArmed = true;
            m.expiryTimer = scheduler.at(due, () -> expiryDue(m));
            return;
        }
        expire(m, "nat.mapping.expired");
    }

    private void expire(Mapping m, String key) {
        remove(m);
        int step = recorder.record(Kind.NAT_MAPPING, name(), null, Why.of(key, "RFC 4787 §4.3 REQ-5",
                m.inside, m.outside, m.remoteKey, new Time.Stamp(m.lastOutbound), udpTimeoutText),
                m.refreshStep);
        gone.put(portKey(m.transport, m.outside.port()), new Gone(step, scheduler.now(), m, key));
    }

    private void closeTcp(Mapping m, boolean reset) {
        if (reset) {
            remove(m);
            int step = recorder.record(Kind.NAT_MAPPING, name(), null,
                    Why.of("nat.mapping.closed", "RFC 5382 §5", m.inside, m.outside, m.remoteKey));
            gone.put(portKey(m.transport, m.outside.port()), new Gone(step, scheduler.now(), m, "nat.mapping.closed"));
            return;
        }
        if (m.finSeen) {
            return; // the transitory timer already runs
        }
        m.finSeen = true;
        scheduler.after(TCP_TRANSITORY, () -> {
            if (byPort.get(portKey(m.transport, m.outside.port())) == m) {
                closeTcp(m, true);
            }
        });
    }

    private void remove(Mapping m) {
        if (m.expiryTimer != null) {
            m.expiryTimer.cancel();
            m.expiryArmed = false;
        }
        byPort.remove(portKey(m.transport, m.outside.port()));
        long key = insideKey(m.transport, m.inside);
        Mapping first = byInside.get(key);
        lastInsideKey = -1;
        if (first == m) {
            if (m.nextSibling == null) {
                byInside.remove(key);
            } else {
                byInside.put(key, m.nextSibling);
            }
        } else {
            for (Mapping p = first; p != null; p = p.nextSibling) {
                if (p.nextSibling == m) {
                    p.nextSibling = m.nextSibling;
                    break;
                }
            }
        }
        m.nextSibling = null;
        recorder.update(w -> w.withNat(w.nat().remove(m.key)));
    }

    /**
     * Stores the mapping's row as it is now ({@code store}: created, or a new remote permitted), or else only
     * moves the step the NAT table is read at, so that it derives the refreshed fields from the mapping's log.
     */
    private void publish(Mapping m, boolean store) {
        if (store) {
            var row = history.register(m.row(udpTimeout), m.log);
            recorder.update(w -> w.withNat(w.nat().put(m.key, row)));
        }
        recorder.natRefreshed();
    }

    private Mapping firstByInside(long key) {
        if (key != lastInsideKey) {
            lastInsideFirst = byInside.get(key);
            lastInsideKey = key;
        }
        return lastInsideFirst;
    }

    private static long insideKey(Transport t, Endpoint e) {
        return (long) t.ordinal() << 48 | e.asLong();
    }

    private static long portKey(Transport t, int port) {
        return (long) t.ordinal() << 16 | port;
    }
}
