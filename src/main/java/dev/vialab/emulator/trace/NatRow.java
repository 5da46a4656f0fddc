package dev.vialab.emulator.trace;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Transport;
import java.util.List;

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

    public record Permission(String remote, long expires) {}

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
}
