package dev.vialab.emulator.net;

import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;

/**
 * A packet arriving at a host. The handler says what became of it — taken in, dropped or refused — and that
 * becomes the packet's step; the host records a plain "received" if the handler says nothing.
 */
public final class Delivery {
    private final Hop hop;
    private final String node;
    private final TraceRecorder recorder;
    private int step = -1;
    private boolean refused;

    Delivery(Hop hop, String node, TraceRecorder recorder) {
        this.hop = hop;
        this.node = node;
        this.recorder = recorder;
    }

    public Hop hop() {
        return hop;
    }

    public boolean recorded() {
        return step >= 0;
    }

    public boolean refused() {
        return refused;
    }

    public int step() {
        return step;
    }

    public int accept(Why why) {
        return record(Kind.PACKET, why);
    }

    public int drop(Why why) {
        return record(Kind.DROP, why);
    }

    /** Taken in and answered with a refusal (TCP RST, ICMP port unreachable); the host sends it. */
    public int refuse(Why why) {
        refused = true;
        return record(Kind.PACKET, why);
    }

    public int record(Kind kind, Why why) {
        if (step >= 0) {
            throw new IllegalStateException("a delivery is recorded once");
        }
        step = recorder.record(kind, node, hop, why);
        return step;
    }
}
