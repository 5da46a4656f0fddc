package dev.vialab.emulator.trace;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Transport;
import java.util.Objects;

/**
 * One registrar binding (RFC 3261 §10.3).
 *
 * @param location {@code shared} or the name of the server whose own location service holds it
 * @param contact the Contact URI as the phone sent it
 * @param source where the REGISTER came from (the NAT's public address); a NAT-aware registrar routes there
 * @param server the server that received the REGISTER that created or last refreshed it
 */
public record BindingRow(String location, String aor, String contact, Endpoint source, Transport transport,
        String callId, long cseq, long registeredAt, long expires, String server, int step) {

    public String key() {
        return location + '|' + aor + '|' + contact;
    }

    // equals written out for the reason given at PhoneView (RecordEqualityTest checks every component counts)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof BindingRow b && cseq == b.cseq && registeredAt == b.registeredAt
                && expires == b.expires && step == b.step && transport == b.transport
                && Objects.equals(location, b.location) && Objects.equals(aor, b.aor)
                && Objects.equals(contact, b.contact) && Objects.equals(source, b.source)
                && Objects.equals(callId, b.callId) && Objects.equals(server, b.server);
    }

    @Override
    public int hashCode() { // nothing hashes these in a hot path
        return Objects.hash(location, aor, contact, source, transport, callId, cseq, registeredAt, expires, server,
                step);
    }
}
