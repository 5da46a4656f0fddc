package dev.vialab.emulator.net;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Why;

/** A bound UDP port of a host. */
public interface UdpSocket {
    Endpoint local();

    /** Sends a datagram; returns its flight number. */
    int send(Endpoint dst, byte[] payload, String label, Category category, boolean retransmission, Why because);

    void close();
}
