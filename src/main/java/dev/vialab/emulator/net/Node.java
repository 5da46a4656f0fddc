package dev.vialab.emulator.net;

import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.trace.Hop;

/** An emulated device attached to the network. */
public interface Node {
    String name();

    /** A packet arrives on this node's interface at {@code hop.packet().dstIp()}. Must record one step. */
    void receive(Hop hop);

    /**
     * Reads ahead what receiving {@code packet} will read, without changing anything ({@link Scheduler.Warm}); returns
     * anything derived from it. Nodes whose state is not spread per sender read nothing.
     */
    default long warm(Packet packet) {
        return 0;
    }
}
