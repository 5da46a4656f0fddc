package dev.vialab.emulator.nat;

import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.trace.NatHistory;
import dev.vialab.emulator.trace.NatRow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One NAT mapping and the filter permissions of its remotes (RFC 4787 §4.1, §5). */
final class Mapping {
    final String nat;
    final Transport transport;
    final Endpoint inside;
    final Endpoint outside;
    /** {@code *}, a remote address, or a remote address:port, per the mapping behaviour. */
    final String remoteKey;
    /** The row's key in the NAT table, made once: a keep-alive republishes the row, not a new key string. */
    final String key;
    final long created;
    final int createdStep;
    long lastOutbound;
    int refreshStep;
    /** Remote address or address:port → when its permission to send in ends. */
    final TreeMap<String, Long> permissions = new TreeMap<>();
    /** Its refreshes, from which the NAT table derives the moving fields of the row it last published. */
    final NatHistory.Log log;
    Scheduler.Timer expiryTimer;
    boolean tcpOpen;
    boolean finSeen;

    Mapping(String nat, Transport transport, Endpoint inside, Endpoint outside, String remoteKey, long created,
            int createdStep, NatHistory.Log log) {
        this.nat = nat;
        this.transport = transport;
        this.inside = inside;
        this.outside = outside;
        this.remoteKey = remoteKey;
        this.key = NatRow.key(nat, transport, outside.port(), remoteKey);
        this.created = created;
        this.createdStep = createdStep;
        this.lastOutbound = created;
        this.refreshStep = createdStep;
        this.log = log;
    }

    /**
     * An outbound packet at {@code step} towards {@code permit} (the filter's key of the remote; null when
     * filtering is endpoint-independent). True when a new remote was permitted: the row's permission list changed,
     * so the row must be stored again; otherwise the NAT table derives the moved fields from {@link #log}.
     */
    boolean refresh(long now, int step, String permit, long filterTimeout) {
        lastOutbound = now;
        refreshStep = step;
        log.refreshed(permit == null ? NatHistory.ANY : permit, step, now);
        return permit != null && permissions.put(permit, now + filterTimeout) == null;
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
        NatRow.Permission[] each = new NatRow.Permission[permissions.size()];
        int i = 0;
        for (Map.Entry<String, Long> e : permissions.entrySet()) {
            each[i++] = new NatRow.Permission(e.getKey(), e.getValue());
        }
        List<NatRow.Permission> perms = List.of(each);
        return new NatRow(nat, transport, inside, outside, remoteKey, created, lastOutbound, expiresAt(udpTimeout),
                perms, createdStep, refreshStep);
    }
}
