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
import java.util.Comparator;
import java.util.List;

/** One NAT mapping and the filter permissions of its remotes (RFC 4787 §4.1, §5). */
final class Mapping {
    final String nat;
    final Transport transport;
    final Endpoint inside;
    final Endpoint outside;
    /** The remote this mapping was made for: what the mapping behaviour compares new destinations with. */
    final Endpoint remote;
    /** {@code *}, a remote address, or a remote address:port, per the mapping behaviour. */
    final String remoteKey;
    /** The row's key in the NAT table, made once: a keep-alive republishes the row, not a new key string. */
    final String key;
    final long created;
    final int createdStep;
    long lastOutbound;
    int refreshStep;
    /**
     * The filter's permissions, in the order they were first given: the remote that earned each, its key (remote
     * address or address:port) and when it ends. A mapping has one to a few; arrays searched by value, because
     * every outbound packet looks its remote up here (a string key per packet was a measurable part of a run).
     */
    private Endpoint[] permitted = new Endpoint[1];
    private String[] permitKeys = new String[1];
    private long[] permitUntil = new long[1];
    private int permits;
    /** Its refreshes, from which the NAT table derives the moving fields of the row it last published. */
    final NatHistory.Log log;
    Scheduler.Timer expiryTimer;
    /** The last packet translated out and its translation: the next keep-alive is the same packet again. */
    private Packet lastIn;
    private Packet lastOut;
    /** The leg of the last packet forwarded out on this mapping, for the next keep-alive to share. */
    final Network.LegCache outLegs = new Network.LegCache();
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
        this.remote = remote;
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
    boolean refresh(long now, int step, NatSetup.Behaviour filtering, Endpoint dst, long filterTimeout) {
        lastOutbound = now;
        refreshStep = step;
        if (filtering == null) {
            log.refreshed(NatHistory.ANY, step, now);
            return false;
        }
        int i = permission(filtering, dst);
        boolean added = i < 0;
        if (added) {
            if (permits == permitted.length) {
                permitted = Arrays.copyOf(permitted, permits * 2);
                permitKeys = Arrays.copyOf(permitKeys, permits * 2);
                permitUntil = Arrays.copyOf(permitUntil, permits * 2);
            }
            i = permits++;
            permitted[i] = dst;
            permitKeys[i] = remoteKey(filtering, dst);
        }
        permitUntil[i] = now + filterTimeout;
        log.refreshed(permitKeys[i], step, now);
        return added;
    }

    /** Whether {@code src} may send in at {@code now} under the {@code filtering} behaviour (RFC 4787 §5). */
    boolean permits(NatSetup.Behaviour filtering, Endpoint src, long now) {
        int i = permission(filtering, src);
        return i >= 0 && now < permitUntil[i];
    }

    /** The keys of the remotes permitted so far, sorted, separated by spaces (for explanations). */
    String permittedKeys() {
        String[] keys = Arrays.copyOf(permitKeys, permits);
        Arrays.sort(keys);
        return String.join(" ", keys);
    }

    private int permission(NatSetup.Behaviour filtering, Endpoint remote) {
        for (int i = 0; i < permits; i++) {
            if (same(filtering, permitted[i], remote)) {
                return i;
            }
        }
        return -1;
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
            lastOut = p.withAddresses(outside, dst);
            lastIn = p;
        }
        return lastOut;
    }

    /** Whether a packet to {@code dst} uses this mapping under the {@code mapping} behaviour (RFC 4787 §4.1). */
    boolean serves(NatSetup.Behaviour mapping, Endpoint dst) {
        return same(mapping, remote, dst);
    }

    /** Whether two remotes count as one under a behaviour: any, same address, or same address and port. */
    private static boolean same(NatSetup.Behaviour b, Endpoint x, Endpoint y) {
        return switch (b) {
            case ENDPOINT_INDEPENDENT -> true;
            case ADDRESS_DEPENDENT -> x.ip().equals(y.ip());
            case ADDRESS_AND_PORT_DEPENDENT -> x.equals(y);
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
        NatRow.Permission[] each = new NatRow.Permission[permits];
        for (int i = 0; i < permits; i++) {
            each[i] = new NatRow.Permission(permitKeys[i], permitUntil[i]);
        }
        Arrays.sort(each, Comparator.comparing(NatRow.Permission::remote)); // the table lists remotes sorted
        List<NatRow.Permission> perms = List.of(each);
        return new NatRow(nat, transport, inside, outside, remoteKey, created, lastOutbound, expiresAt(udpTimeout),
                perms, createdStep, refreshStep);
    }
}
