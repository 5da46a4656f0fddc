package dev.vialab.emulator.net;

import dev.vialab.emulator.trace.Hop;

/** An emulated device attached to the network. */
public interface Node {
    String name();

    /** A packet arrives on this node's interface at {@code hop.packet().dstIp()}. Must record one step. */
    void receive(Hop hop);
}
