package dev.vialab.emulator.trace;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Transport;

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
}
