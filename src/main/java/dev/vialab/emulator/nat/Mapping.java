package dev.vialab.emulator.nat;

import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Transport;
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
    Scheduler.Timer expiryTimer;
    boolean tcpOpen;
    boolean finSeen;

    Mapping(String nat, Transport transport, Endpoint inside, Endpoint outside, String remoteKey, long created,
            int createdStep) {
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
