package dev.vialab.emulator.nat;

import dev.vialab.emulator.net.Rng;
import dev.vialab.emulator.setup.NatSetup.PortAllocation;
import java.util.function.IntPredicate;

/**
 * Chooses the public port of a new mapping (RFC 4787 §4.2). Ports in use are never handed out twice (REQ-3
 * forbids port overloading); the well-known range 0–1023 is never used for dynamic mappings.
 */
final class PortAllocator {
    private static final int LOW = 1024;
    private final PortAllocation policy;
    private final Rng rng;
    private int scriptIndex;
    private int next;

    PortAllocator(PortAllocation policy, Rng rng) {
        this.policy = policy;
        this.rng = rng;
        this.next = Math.max(LOW, policy.start());
    }

    /** A free port for a mapping of {@code insidePort}; {@code inUse} tells which ports are taken. */
    int allocate(int insidePort, IntPredicate inUse) {
        switch (policy.mode()) {
            case PRESERVE -> {
                // §4.2.1 port preservation: keep the inside port when it is free, else fall back to counting
                if (insidePort >= LOW && !inUse.test(insidePort)) {
                    return insidePort;
                }
            }
            case SCRIPTED -> {
                while (scriptIndex < policy.script().size()) {
                    int p = policy.script().get(scriptIndex++);
                    next = Math.max(next, p + 1);
                    if (!inUse.test(p)) {
                        return p;
                    }
                }
            }
            case RANDOM -> {
                for (int tries = 0; tries < 1000; tries++) {
                    int p = rng.nextInt(LOW, 65536);
                    if (!inUse.test(p)) {
                        return p;
                    }
                }
            }
            case SEQUENTIAL -> { }
        }
        return sequential(inUse);
    }

    private int sequential(IntPredicate inUse) {
        for (int tries = 0; tries < 65536 - LOW; tries++) {
            int p = next;
            next = next >= 65535 ? LOW : next + 1;
            if (!inUse.test(p)) {
                return p;
            }
        }
        throw new IllegalStateException("NAT ran out of public ports");
    }
}
