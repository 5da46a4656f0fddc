package dev.vialab.emulator.trace;

import java.util.function.UnaryOperator;

/**
 * Collects steps while the emulator runs. Nodes change the world first and then record the step, so a step's
 * state includes what it did. The cause of a step is the step that scheduled the event being handled, or the
 * previous step of the same event.
 */
public final class TraceRecorder {
    /** One for all NATs of the run: they share the NAT table, so they share its reader. */
    private final NatHistory natHistory = new NatHistory();
    private final StepLog steps = new StepLog(natHistory);
    /** The step the NAT table is read at: the last one that refreshed a mapping (see {@link StepLog#state}). */
    private int natAsOf = -1;
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

    /**
     * Says that a NAT mapping was refreshed (its log grew) at the step about to be recorded: from it on, the NAT
     * table is read with that refresh. Stores nothing in the world, so a keep-alive costs no new state object.
     */
    public void natRefreshed() {
        natAsOf = steps.size();
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
        int index = steps.add(now, kind, node, hop, why, explicitCause, world, natAsOf);
        cause = index;
        return index;
    }

    /** The steps so far; a {@link Trace} made from them freezes them. */
    public StepLog steps() {
        return steps;
    }

    public Step step(int index) {
        return steps.get(index);
    }
}
