package dev.vialab.emulator.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Collects steps while the emulator runs. Nodes change the world first and then record the step, so a step's
 * state includes what it did. The cause of a step is the step that scheduled the event being handled, or the
 * previous step of the same event.
 */
public final class TraceRecorder {
    private final List<Step> steps = new ArrayList<>();
    /** One for all NATs of the run: they share the NAT table, so they share its reader. */
    private final NatHistory natHistory = new NatHistory();
    private World world = World.EMPTY;
    private long now;
    private int cause = -1;

    public void beginEvent(long time, int causeStep) {
        this.now = time;
        this.cause = causeStep;
    }

    public long now() {
        return now;
    }

    public NatHistory natHistory() {
        return natHistory;
    }

    public World world() {
        return world;
    }

    public void update(UnaryOperator<World> change) {
        world = change.apply(world);
    }

    /** The step that events scheduled now will name as their cause. */
    public int currentCause() {
        return cause;
    }

    public int lastIndex() {
        return steps.size() - 1;
    }

    public int record(Kind kind, String node, Hop hop, Why why) {
        return record(kind, node, hop, why, cause);
    }

    public int record(Kind kind, String node, Hop hop, Why why, int explicitCause) {
        int index = steps.size();
        steps.add(new Step(index, now, kind, node, hop, why, explicitCause, world));
        cause = index;
        return index;
    }

    public List<Step> steps() {
        return steps;
    }

    public Step step(int index) {
        return steps.get(index);
    }
}
