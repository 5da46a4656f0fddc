package dev.vialab.emulator.nat;

import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.trace.NatHistory;
import dev.vialab.emulator.trace.NatRow;
import dev.vialab.emulator.trace.Why;
import java.util.Arrays;
import java.util.List;

/** One NAT mapping and the filter permissions of its remotes (RFC 4787 §4.1, §5). */
final class Mapping extends Network.LegCache {
    final String nat;
    final Transport transport;
    final Endpoint inside;
    final Endpoint outside;
    /** The remote this mapping was made for ({@link Endpoint#asLong}): what new destinations are compared with. */
    private final long remote;
    /** {@code *}, a remote address, or a remote address:port, per the mapping behaviour. */
    final String remoteKey;
    /** The row's key in the NAT table, made once: a keep-alive republishes the row, not a new key string. */
    final String key;
    final long created;
    final int createdStep;
    long lastOutbound;
    int refreshStep;
    /**
     * The filter's permissions, in the order they were first given: per remote, the remote that earned it
     * ({@link Endpoint#asLong}), when it ends, and its key (remote address or address:port). The first sits in
     * fields of the mapping, later ones in arrays ({@code moreData[2(i-1)]}, {@code moreData[2(i-1)+1]},
     * {@code moreKeys[i-1]}). Why: every outbound packet looks its remote up here, and a mapping has one remote
     * but for a few; a string key per packet, then an object per remote, then two arrays per mapping were each a
     * measurable share of a 1000-phone run (the arrays: two more cold cache lines per keep-alive).
     */
    private long remote0;
    private long until0;
    private String key0;
    private long[] moreData;
    private String[] moreKeys;
    private int permitCount;
    /** Its refreshes, from which the NAT table derives the moving fields of the row it last published. */
    final NatHistory.Log log;
    Scheduler.Timer expiryTimer;
    /**
     * Whether {@link #expiryTimer} is queued, kept here: every outbound packet asks, and asking the timer was one
     * more object, a cache miss on a cold mapping, per keep-alive.
     */
    boolean expiryArmed;
    /** The next younger live mapping of the same inside endpoint (the NAT's chain of them), or null. */
    Mapping nextSibling;
    /** The last packet translated out and its translation: the next keep-alive is the same packet again. */
    private Packet lastIn;
    private Packet lastOut;
    /** The pair before the last: a keep-alive's translation survives the REGISTER between two (see LegCache). */
    private Packet previousIn;
    private Packet previousOut;
    private Why outWhy;
    private Endpoint outWhyDst;
    boolean tcpOpen;
    boolean finSeen;

    Mapping(String nat, Transport transport, Endpoint inside, Endpoint outside, Endpoint remote, String remoteKey,
            long created, int createdStep, NatHistory.Log log) {
        this.nat = nat;
        this.transport = transport;
        this.inside = inside;
        this.outside = outside;
        this.remote = remote.asLong();
        this.remoteKey = remoteKey;
        this.key = NatRow.key(nat, transport, outside.port(), remoteKey);
        this.created = created;
        this.createdStep = createdStep;
        this.lastOutbound = created;
        this.refreshStep = createdStep;
        this.log = log;
    }

    /**
     * An outbound packet at {@code step} towards {@code dst}, permitted under the {@code filtering} behaviour
     * (null when filtering is endpoint-independent: no permissions). True when a new remote was permitted: the
     * row's permission list changed, so the row must be stored again; otherwise the NAT table derives the moved
     * fields from {@link #log}.
     */
    boolean refresh(NatHistory history, long now, int step, NatSetup.Behaviour filtering, Endpoint dst,
            long filterTimeout) {
        lastOutbound = now;
        refreshStep = step;
        if (filtering == null) {
            history.refreshed(log, NatHistory.ANY, step, now);
            return false;
        }
        int i = permission(filtering, dst.asLong());
        boolean added = i < 0;
        if (added) {
            i = permitCount++;
            String key = remoteKey(filtering, dst);
            if (i == 0) {
                remote0 = dst.asLong();
                key0 = key;
            } else {
                if (moreKeys == null) {
                    moreData = new long[2];
                    moreKeys = new String[1];
                } else if (i - 1 == moreKeys.length) {
                    moreData = Arrays.copyOf(moreData, moreData.length * 2);
                    moreKeys = Arrays.copyOf(moreKeys, moreKeys.length * 2);
                }
                moreData[2 * (i - 1)] = dst.asLong();
                moreKeys[i - 1] = key;
            }
        }
        if (i == 0) {
            until0 = now + filterTimeout;
        } else {
            moreData[2 * (i - 1) + 1] = now + filterTimeout;
        }
        history.refreshed(log, keyAt(i), step, now);
        return added;
    }

    /** Whether {@code src} may send in at {@code now} under the {@code filtering} behaviour (RFC 4787 §5). */
    boolean permits(NatSetup.Behaviour filtering, Endpoint src, long now) {
        int i = permission(filtering, src.asLong());
        return i >= 0 && now < untilAt(i);
    }

    /** The keys of the remotes permitted so far, sorted, separated by spaces (for explanations). */
    String permittedKeys() {
        String[] keys = new String[permitCount];
        for (int i = 0; i < permitCount; i++) {
            keys[i] = keyAt(i);
        }
        Arrays.sort(keys);
        return String.join(" ", keys);
    }

    private int permission(NatSetup.Behaviour filtering, long remote) {
        if (permitCount > 0 && same(filtering, remote0, remote)) {
            return 0;
        }
        for (int i = 1; i < permitCount; i++) {
            if (same(filtering, moreData[2 * (i - 1)], remote)) {
                return i;
            }
        }
        return -1;
    }

    private long untilAt(int i) {
        return i == 0 ? until0 : moreData[2 * (i - 1) + 1];
    }

    private String keyAt(int i) {
        return i == 0 ? key0 : moreKeys[i - 1];
    }

    /** Reads what an outbound packet reads of this mapping, its last translation and leg (NatBox#warm). */
    long warm() {
        Packet out = lastOut;
        return lastOutbound + (outWhy == null ? 0 : 1) + (out == null ? 0 : out.dstIp().bits()) + warmLegs();
    }

    /**
     * The explanation of a packet this mapping translates out to {@code dst}: the same for every keep-alive, with
     * the new expiry (UDP: the step's time plus the timeout) put in when the step is read.
     */
    Why outWhy(Endpoint dst, long udpTimeout) {
        if (outWhy == null || !dst.equals(outWhyDst)) {
            outWhyDst = dst;
            outWhy = Why.of(transport == Transport.UDP ? "nat.out" : "nat.out.tcp", "RFC 4787 §4.3 REQ-6", inside,
                    outside, dst, transport == Transport.UDP ? new Why.StepTimePlus(udpTimeout) : "");
        }
        return outWhy;
    }

    /** {@code p} as it leaves the NAT on this mapping (to {@code dst}); the same packet gets the same object. */
    Packet translateOut(Packet p, Endpoint dst) {
        if (p != lastIn) {
            Packet in = lastIn;
            Packet out = lastOut;
            lastOut = p == previousIn ? previousOut : p.withAddresses(outside, dst);
            lastIn = p;
            previousIn = in;
            previousOut = out;
        }
        return lastOut;
    }

    /** Whether a packet to {@code dst} uses this mapping under the {@code mapping} behaviour (RFC 4787 §4.1). */
    boolean serves(NatSetup.Behaviour mapping, Endpoint dst) {
        return same(mapping, remote, dst.asLong());
    }

    /**
     * Whether two remotes ({@link Endpoint#asLong}: address above port) count as one under a behaviour: any, same
     * address, or same address and port.
     */
    private static boolean same(NatSetup.Behaviour b, long x, long y) {
        return switch (b) {
            case ENDPOINT_INDEPENDENT -> true;
            case ADDRESS_DEPENDENT -> x >>> 16 == y >>> 16;
            case ADDRESS_AND_PORT_DEPENDENT -> x == y;
        };
    }

    /** The key of a remote under a mapping or filtering behaviour: {@code *}, its address, or address:port. */
    static String remoteKey(NatSetup.Behaviour b, Endpoint remote) {
        return switch (b) {
            case ENDPOINT_INDEPENDENT -> "*";
            case ADDRESS_DEPENDENT -> remote.ip().toString();
            case ADDRESS_AND_PORT_DEPENDENT -> remote.toString();
        };
    }

    long expiresAt(long udpTimeout) {
        return transport == Transport.UDP ? lastOutbound + udpTimeout : -1;
    }

    NatRow row(long udpTimeout) {
        // an immutable list, which NatRow keeps as it is (List.copyOf of an immutable list copies nothing)
        NatRow.Permission[] each = new NatRow.Permission[permitCount];
        for (int i = 0; i < permitCount; i++) {
            each[i] = new NatRow.Permission(keyAt(i), untilAt(i));
        }
        // the table lists remotes sorted; a lambda of ours (linked in the AOT cache), not Comparator.comparing,
        // whose inner lambda a cold CLI run would link
        Arrays.sort(each, (a, b) -> a.remote().compareTo(b.remote()));
        List<NatRow.Permission> perms = List.of(each);
        return new NatRow(nat, transport, inside, outside, remoteKey, created, lastOutbound, expiresAt(udpTimeout),
                perms, createdStep, refreshStep);
    }
}
