package dev.vialab.emulator.net;

import dev.vialab.emulator.trace.TraceRecorder;
import java.util.PriorityQueue;

/**
 * The event queue of one run. Events run in (time, sequence) order, so events scheduled for the same instant run
 * in the order they were scheduled (as in ns-3). Time only moves when the next event is taken.
 */
public final class Scheduler {

    /** A scheduled action; cancelling is O(1) (the entry is skipped when it comes up). */
    public static final class Timer {
        private final long at;
        private final long seq;
        private final int cause;
        private final Runnable action;
        private boolean cancelled;
        private boolean fired;

        private Timer(long at, long seq, int cause, Runnable action) {
            this.at = at;
            this.seq = seq;
            this.cause = cause;
            this.action = action;
        }

        public long at() {
            return at;
        }

        public void cancel() {
            cancelled = true;
        }

        public boolean pending() {
            return !cancelled && !fired;
        }
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>(1024, (a, b) -> {
        int c = Long.compare(a.at, b.at);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    });
    private final TraceRecorder recorder;
    private long seq;
    private long now;
    private long events;

    public Scheduler(TraceRecorder recorder) {
        this.recorder = recorder;
    }

    public long now() {
        return now;
    }

    public long eventsRun() {
        return events;
    }

    public Timer at(long time, Runnable action) {
        if (time < now) {
            throw new IllegalStateException("cannot schedule in the past: " + time + " < " + now);
        }
        Timer t = new Timer(time, seq++, recorder.currentCause(), action);
        queue.add(t);
        return t;
    }

    public Timer after(long delay, Runnable action) {
        return at(now + delay, action);
    }

    /** Time of the next pending event, or -1 when none is left. */
    public long peekTime() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
        return queue.isEmpty() ? -1 : queue.peek().at;
    }

    /** Runs the next pending event if it is due at or before {@code until}; false when nothing was run. */
    public boolean runNext(long until) {
        long t = peekTime();
        if (t < 0 || t > until) {
            return false;
        }
        Timer timer = queue.poll();
        now = timer.at;
        timer.fired = true;
        events++;
        recorder.beginEvent(now, timer.cause);
        timer.action.run();
        return true;
    }

    public void advanceTo(long time) {
        if (time > now) {
            now = time;
            recorder.beginEvent(now, -1);
        }
    }
}
