package dev.vialab.emulator.trace;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Transport;
import java.util.List;
import java.util.Objects;

/**
 * One NAT mapping as a learner sees it in the NAT table.
 *
 * @param remote {@code *} for endpoint-independent mapping, the remote address (ADM) or address:port (APDM)
 *     the mapping was made for (RFC 4787 §4.1)
 * @param expires when the mapping dies unless refreshed by outbound traffic (REQ-6); -1 for a TCP mapping, which
 *     lives with its connection
 * @param permissions remotes allowed in by address- or port-dependent filtering, with their own lifetimes
 */
public record NatRow(String nat, Transport transport, Endpoint inside, Endpoint outside, String remote,
        long created, long lastOutbound, long expires, List<Permission> permissions, int createdStep,
        int refreshedStep) {

    public record Permission(String remote, long expires) {

        // written out for the reason given at PhoneView
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Permission p && expires == p.expires && Objects.equals(remote, p.remote);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(remote) * 31 + Long.hashCode(expires);
        }
    }

    public NatRow {
        permissions = List.copyOf(permissions);
    }

    public String key() {
        return key(nat, transport, outside.port(), remote);
    }

    public static String key(String nat, Transport t, int port, String remote) {
        String p = Integer.toString(port);
        return nat + '/' + t + '/' + "00000".substring(p.length()) + p + '/' + remote;
    }

    // equals written out for the reason given at PhoneView (RecordEqualityTest checks every component counts)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof NatRow r && created == r.created && lastOutbound == r.lastOutbound
                && expires == r.expires && createdStep == r.createdStep && refreshedStep == r.refreshedStep
                && transport == r.transport && Objects.equals(nat, r.nat) && Objects.equals(inside, r.inside)
                && Objects.equals(outside, r.outside) && Objects.equals(remote, r.remote)
                && permissions.equals(r.permissions);
    }

    @Override
    public int hashCode() { // nothing hashes these in a hot path
        return Objects.hash(nat, transport, inside, outside, remote, created, lastOutbound, expires, permissions,
                createdStep, refreshedStep);
    }
}
