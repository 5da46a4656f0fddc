package dev.vialab.emulator.net;

import dev.vialab.emulator.trace.TraceRecorder;
import java.util.Arrays;

/**
 * The event queue of one run. Events run in (time, sequence) order, so events scheduled for the same instant run
 * in the order they were scheduled (as in ns-3). Time only moves when the next event is taken.
 *
 * <p>The queue is a 4-ary heap over parallel arrays: the (time, sequence) keys sit in two {@code long[]}, so
 * sifting compares numbers in place instead of following a reference to each {@link Timer}, and a node's four
 * children share a cache line. Why: a 1000-phone run keeps thousands of timers queued, and a binary heap of objects
 * touched one scattered object per level, twelve levels, on every event.
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

    private long[] heapAt = new long[64];
    private long[] heapSeq = new long[64];
    private Timer[] heap = new Timer[64];
    private int size;
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
        push(t);
        return t;
    }

    public Timer after(long delay, Runnable action) {
        return at(now + delay, action);
    }

    /** Time of the next pending event, or -1 when none is left. */
    public long peekTime() {
        while (size > 0 && heap[0].cancelled) {
            pop();
        }
        return size == 0 ? -1 : heapAt[0];
    }

    /** Runs the next pending event if it is due at or before {@code until}; false when nothing was run. */
    public boolean runNext(long until) {
        long t = peekTime();
        if (t < 0 || t > until) {
            return false;
        }
        Timer timer = pop();
        now = timer.at;
        timer.fired = true;
        events++;
        recorder.beginEvent(now, timer.cause);
        timer.action.run();
        return true;
    }

    private void push(Timer t) {
        if (size == heap.length) {
            int n = size * 2;
            heapAt = Arrays.copyOf(heapAt, n);
            heapSeq = Arrays.copyOf(heapSeq, n);
            heap = Arrays.copyOf(heap, n);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!before(t.at, t.seq, parent)) {
                break;
            }
            set(i, heapAt[parent], heapSeq[parent], heap[parent]);
            i = parent;
        }
        set(i, t.at, t.seq, t);
    }

    private Timer pop() {
        Timer top = heap[0];
        int last = --size;
        long at = heapAt[last];
        long sq = heapSeq[last];
        Timer t = heap[last];
        heap[last] = null;
        if (last > 0) {
            int i = 0;
            while (true) {
                int first = 4 * i + 1;
                if (first >= last) {
                    break;
                }
                int child = first;
                for (int c = first + 1, end = Math.min(first + 4, last); c < end; c++) {
                    if (before(heapAt[c], heapSeq[c], child)) {
                        child = c;
                    }
                }
                if (!before(heapAt[child], heapSeq[child], at, sq)) {
                    break;
                }
                set(i, heapAt[child], heapSeq[child], heap[child]);
                i = child;
            }
            set(i, at, sq, t);
        }
        return top;
    }

    /** True when (at, sq) comes before the entry in slot {@code i}. */
    private boolean before(long at, long sq, int i) {
        return before(at, sq, heapAt[i], heapSeq[i]);
    }

    private static boolean before(long at, long sq, long otherAt, long otherSeq) {
        return at < otherAt || (at == otherAt && sq < otherSeq);
    }

    private void set(int i, long at, long sq, Timer t) {
        heapAt[i] = at;
        heapSeq[i] = sq;
        heap[i] = t;
    }

    public void advanceTo(long time) {
        if (time > now) {
            now = time;
            recorder.beginEvent(now, -1);
        }
    }
}
