package dev.vialab.emulator.trace;

import java.util.List;
import java.util.Optional;

/**
 * The result of one emulated run: every step in (time, sequence) order, each with the complete state after it,
 * plus named marks and call outcomes. Views, exporters and lesson checks read only this.
 *
 * @param nodes the lanes, in ladder order
 * @param steps all steps, ordered by time then by the order they happened
 * @param marks named moments (t1, t2, calls)
 * @param outcomes one per scenario call, in scenario order
 * @param endTime virtual time the run stopped at
 * @param stop why it stopped (end of the scenario, or a limit)
 */
public record Trace(List<NodeInfo> nodes, StepLog steps, List<Mark> marks, List<CallOutcome> outcomes,
        long endTime, Why stop) {

    public Trace {
        nodes = List.copyOf(nodes);
        steps = steps.freeze();
        marks = List.copyOf(marks);
        outcomes = List.copyOf(outcomes);
    }

    public int size() {
        return steps.size();
    }

    public Step step(int index) {
        return steps.get(index);
    }

    /** The state after step {@code index}, or the empty state before the first step (index -1). O(1). */
    public World stateAt(int index) {
        return index < 0 ? World.EMPTY : steps.state(index);
    }

    /** The index of the last step at or before {@code time}, or -1. O(log n). */
    public int indexAt(long time) {
        int lo = 0;
        int hi = steps.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.time(mid) <= time) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The index of the first step at or after {@code time}, or {@code size()}. O(log n). */
    public int firstIndexFrom(long time) {
        return indexAt(time - 1) + 1;
    }

    public Optional<Mark> mark(String name) {
        return marks.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<CallOutcome> outcome(String call) {
        return outcomes.stream().filter(o -> o.call().equals(call)).findFirst();
    }

    public Optional<NodeInfo> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** A query over the steps: {@code trace.query().kind(PACKET).label("REGISTER").after("t2").first()}. */
    public StepQuery query() {
        return new StepQuery(this);
    }
}
