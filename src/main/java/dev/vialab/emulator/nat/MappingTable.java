package dev.vialab.emulator.nat;

import dev.vialab.emulator.net.LongIndex;
import dev.vialab.emulator.net.Rng;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.NatSetup.Behaviour;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.NatHistory;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;

/**
 * The mappings of one NAT and their lifetimes: found by inside endpoint (outbound) and by public port (inbound),
 * made under the mapping behaviour with a port from the allocator (RFC 4787 §4.1), UDP ones expiring
 * {@code udpTimeout} after the last outbound packet (§4.3), TCP ones living with their connection (RFC 5382 §5).
 * Every creation, expiry and close is a trace step, and every change goes into the NAT table.
 *
 * <p>{@link NatBox}, which translates and filters packets, extends it rather than holding one: with a NAT per
 * phone each NAT is cold when its phone's keep-alive arrives, and a second object would be one more cache miss per
 * packet. The split is of the code, not of the memory.
 */
abstract class MappingTable {
    /** RFC 5382 REQ-5: a connection that saw FIN keeps its mapping for the transitory timeout (4 minutes). */
    private static final long TCP_TRANSITORY = 240 * Time.S;

    final NatSetup setup;
    final Scheduler scheduler;
    final TraceRecorder recorder;
    final NatHistory history;
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
    /*
     * What every packet reads of the setup, held here. Why: with a NAT per phone each NAT is cold when its phone's
     * keep-alive arrives, and reading the setup record and its address objects was two or three more cache misses
     * per packet than reading this object, which the packet touches anyway.
     */
    final String name;
    final long udpTimeout;
    /** {@link #udpTimeout} as explanations print it, once per NAT instead of once per expiry. */
    private final String udpTimeoutText;
    final long filterTimeout;
    final Behaviour mapping;

    /** A mapping that expired or closed: when, at which step, and why. */
    record Gone(int step, long at, Mapping mapping, String reason) {}

    MappingTable(NatSetup setup, Scheduler scheduler, TraceRecorder recorder, long seed) {
        this.setup = setup;
        this.scheduler = scheduler;
        this.recorder = recorder;
        this.history = recorder.natHistory();
        this.ports = new PortAllocator(setup.ports(), Rng.derive(seed, setup.name() + "/ports"));
        this.name = setup.name();
        this.udpTimeout = setup.udpTimeout();
        this.udpTimeoutText = Time.duration(udpTimeout);
        this.filterTimeout = setup.filterTimeout();
        this.mapping = setup.mapping();
    }

    /**
     * Reads the mapping of {@code src} ahead of a packet from it, without changing anything (NatBox#warm). Through
     * the one-entry memo first, as {@link #firstByInside} will: with a NAT per phone it always holds the phone's
     * flow, and reading the index's arrays too only filled the cache with lines the packet does not read.
     */
    final long warmOutbound(Endpoint src) {
        long key = insideKey(Transport.UDP, src);
        Mapping m = key == lastInsideKey ? lastInsideFirst : byInside.get(key);
        return m == null ? 0 : m.warm();
    }

    /** The live mapping of {@code src} that serves {@code dst} under the mapping behaviour, or null. */
    final Mapping flow(Transport t, Endpoint src, Endpoint dst) {
        for (Mapping m = firstByInside(insideKey(t, src)); m != null; m = m.nextSibling) {
            if (m.serves(mapping, dst)) {
                return m;
            }
        }
        return null;
    }

    /** A new mapping of {@code src} towards {@code dst} (RFC 4787 §4.1), its creation a trace step. */
    final Mapping create(Transport t, Endpoint src, Endpoint dst) {
        String rk = Mapping.remoteKey(setup.mapping(), dst);
        int port = ports.allocate(src.port(), p -> byPort.containsKey(portKey(t, p)));
        Endpoint pub = new Endpoint(setup.publicIp(), port);
        Mapping other = firstByInside(insideKey(t, src));
        String behaviour = setup.mapping().id();
        Why why = other == null
                ? Why.of("nat.mapping.created", "RFC 4787 §4.1", src, pub, dst, behaviour)
                : Why.of("nat.mapping.created.newdest", "RFC 4787 §4.1 REQ-1", src, pub, dst, behaviour,
                        other.outside, other.remoteKey);
        Mapping m = new Mapping(name, t, src, pub, dst, rk, scheduler.now(), recorder.lastIndex() + 1,
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
        recorder.record(Kind.NAT_MAPPING, name, null, why);
        return m;
    }

    /** The live mapping of a public port, or null; an expired UDP one is expired first (§4.3). */
    final Mapping live(Transport t, int port) {
        Mapping m = byPort.get(portKey(t, port));
        if (m != null && t == Transport.UDP && scheduler.now() >= m.expiresAt(udpTimeout)) {
            expire(m, "nat.mapping.expired");
            return null;
        }
        return m;
    }


    /** The last mapping of a public port that expired or closed, or null. */
    final Gone gone(Transport t, int port) {
        return gone.get(portKey(t, port));
    }

    final void scheduleExpiry(Mapping m) {
        if (m.expiryArmed) {
            return; // it reschedules itself when it fires early (the lazy timer avoids one queue entry per refresh)
        }
        m.expiryArmed = true;
        armExpiry(m, m.expiresAt(udpTimeout));
    }

    /**
     * Arms the mapping's one expiry timer, made with its first arming (with the mapping's first packet, so beside
     * it in memory) and re-armed each time it fires early, as a refreshed mapping's does every {@code udpTimeout}.
     * Why one timer rather than one per arming: the expiry of a cold mapping reads it, and a timer and an action
     * made at each arming were two more objects, somewhere else, per mapping and two minutes.
     */
    private void armExpiry(Mapping m, long at) {
        Scheduler.Timer t = m.expiryTimer;
        if (!Scheduler.rearmable(t)) {
            t = m.expiryTimer = scheduler.idle(new Expiry(m));
        }
        scheduler.rearm(t, at);
    }

    /** A mapping's expiry check: read ahead with the keep-alives of its slot (see {@link Scheduler.Warm}). */
    private final class Expiry implements Runnable, Scheduler.Warm {
        private final Mapping m;

        Expiry(Mapping m) {
            this.m = m;
        }

        @Override
        public void run() {
            expiryDue(m);
        }

        @Override
        public long warm() {
            return m.lastOutbound + (byPort.get(portKey(m.transport, m.outside.port())) == m ? 1 : 0);
        }
    }

    private void expiryDue(Mapping m) {
        m.expiryArmed = false;
        if (byPort.get(portKey(m.transport, m.outside.port())) != m) {
            return;
        }
        long due = m.expiresAt(udpTimeout);
        if (due > scheduler.now()) {
            m.expiryArmed = true;
            armExpiry(m, due);
            return;
        }
        expire(m, "nat.mapping.expired");
    }

    final void expire(Mapping m, String key) {
        remove(m);
        int step = recorder.record(Kind.NAT_MAPPING, name, null, Why.of(key, "RFC 4787 §4.3 REQ-5",
                m.inside, m.outside, m.remoteKey, new Time.Stamp(m.lastOutbound), udpTimeoutText),
                m.refreshStep);
        gone.put(portKey(m.transport, m.outside.port()), new Gone(step, scheduler.now(), m, key));
    }

    final void closeTcp(Mapping m, boolean reset) {
        if (reset) {
            remove(m);
            int step = recorder.record(Kind.NAT_MAPPING, name, null,
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
    final void publish(Mapping m, boolean store) {
        if (store) {
            var row = history.register(m.row(udpTimeout), m.log);
            recorder.update(w -> w.withNat(w.nat().put(m.key, row)));
        }
        recorder.natRefreshed();
    }

    final Mapping firstByInside(long key) {
        if (key != lastInsideKey) {
            lastInsideFirst = byInside.get(key);
            lastInsideKey = key;
        }
        return lastInsideFirst;
    }

    static long insideKey(Transport t, Endpoint e) {
        return (long) t.ordinal() << 48 | e.asLong();
    }

    private static long portKey(Transport t, int port) {
        return (long) t.ordinal() << 16 | port;
    }
}
