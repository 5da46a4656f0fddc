package dev.vialab.emulator.trace;

import dev.vialab.emulator.packet.Endpoint;

/** A TCP connection of an emulated host. */
public record TcpRow(String owner, Endpoint local, Endpoint remote, String state) {
    public String key() {
        return owner + '|' + local + '|' + remote;
    }
}
