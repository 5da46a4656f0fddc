package dev.vialab.emulator.net;

import dev.vialab.emulator.trace.TraceRecorder;
import java.util.Arrays;

/**
 * The event queue of one run. Events run in (time, sequence) order, so events scheduled for the same instant run
 * in the order they were scheduled (as in ns-3). Time only moves when the next event is taken.
 *
 * <p>A timing wheel in front of a heap (a calendar queue, Brown 1988; the hashed wheel of Varghese and Lauck
 * 1987): only the timers of the current slot of virtual time (2^17 µs, about 131 ms) sit in a small (time,
 * sequence) heap; later ones wait unsorted in the wheel's slot of their time, 4096 slots (about 9 minutes) ahead,
 * and later still in a second heap. A slot's timers move into the heap when time reaches it. The order is exactly
 * the heap's: everything in the heap comes before everything outside it. Why: a 1000-phone run keeps thousands of
 * timers queued, and one heap of them all cost every event a walk from its root to a leaf, the deep levels cold in
 * the cache — an event cost more the more phones there were. Now a timer costs one append and one move.
 */
public final class Scheduler {

    /** A scheduled action; cancelling is O(1) (the entry is skipped when it comes up). */
    public static final class Timer {
        long at;
        long seq;
        private int cause;
        private final Runnable action;
        private boolean cancelled;
        /** Not queued: it fired, was taken out cancelled, or was never armed ({@link #idle}). */
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

    /**
     * An action that can be touched ahead of its time: its timer's slot is moved into the heap up to 131 ms (about
     * 25 events at a thousand phones) before it runs, and the objects {@link #warm} reads are then read together,
     * their cache misses overlapped, rather than one after the other when the action runs. Returns anything
     * derived from what it read, so the reads are not optimised away.
     */
    public interface Warm {
        long warm();
    }

    /** Bucket width: 2^17 µs ≈ 131 ms, about 25 steps of a 1000-phone run. */
    private static final int SHIFT = 17;
    /** Wheel slots (a power of two): 4096 × 131 ms ≈ 537 s, past the usual 300 s registration refresh. */
    private static final int SLOTS = 4096;

    /** Every queued timer of the current bucket and before: the only ones kept in order. */
    private final TimerHeap near = new TimerHeap();
    /** Timers of buckets cur+1 … cur+SLOTS-1, each in slot (bucket mod SLOTS), unordered. */
    private final Timer[][] slots = new Timer[SLOTS][];
    private final int[] counts = new int[SLOTS];
    private int inWheel;
    /** Timers of bucket cur+SLOTS and later. */
    private final TimerHeap far = new TimerHeap();
    /** The current bucket: the heap {@code near} holds every queued timer before (cur + 1) × 2^SHIFT µs. */
    private long cur;
    private final TraceRecorder recorder;
    private long seq;
    private long now;
    private long events;
    /** What {@link Warm#warm} returned, summed: kept only so that the reads happen. */
    private long warmed;

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

    /**
     * A timer for {@code action} that is not queued yet, to be armed with {@link #rearm}; it takes its sequence
     * number when armed, so a run orders its events exactly as with {@link #at}. Why: a timer made when first
     * armed (a keep-alive's, after the first registration) lands wherever the heap's allocation then is, a page
     * of its own per phone; made beside its owner's other objects, it shares their page. With a thousand phones
     * the keep-alives' pages outnumbered the TLB's entries, and each miss costs a nested page walk in a VM.
     */
    public Timer idle(Runnable action) {
        Timer t = new Timer(0, -1, -1, action);
        t.fired = true;
        return t;
    }

    /**
     * Schedules a timer that has already fired again, for {@code time}, as {@link #at} would schedule a new one
     * with the same action (same sequence and cause). Why: a phone's keep-alive timer re-arms itself from its own
     * action every 12–15 s; reusing it keeps a long run from allocating a timer and a closure per keep-alive, and
     * keeps the timer beside its account in memory instead of among the garbage of 13 s of other phones' events.
     *
     * @throws IllegalStateException if the timer is still queued (pending or cancelled but not yet taken)
     */
    public Timer rearm(Timer t, long time) {
        if (!t.fired) {
            throw new IllegalStateException("only a timer that has fired can be re-armed");
        }
        if (time < now) {
            throw new IllegalStateException("cannot schedule in the past: " + time + " < " + now);
        }
        t.at = time;
        t.seq = seq++;
        t.cause = recorder.currentCause();
        t.fired = false;
        t.cancelled = false;
        push(t);
        return t;
    }

    /** Whether {@link #rearm} may take {@code t}: it is no longer queued (it fired, or was cancelled and taken out). */
    public static boolean rearmable(Timer t) {
        return t != null && t.fired;
    }

    public Timer after(long delay, Runnable action) {
        return at(now + delay, action);
    }

    /** Time of the next pending event, or -1 when none is left. */
    public long peekTime() {
        return ensureNext() ? near.topAt() : -1;
    }

    /** Runs the next pending event if it is due at or before {@code until}; false when nothing was run. */
    public boolean runNext(long until) {
        long t = peekTime();
        if (t < 0 || t > until) {
            return false;
        }
        Timer timer = near.pop();
        now = timer.at;
        timer.fired = true;
        events++;
        recorder.beginEvent(now, timer.cause);
        timer.action.run();
        return true;
    }

    /** How many timers are queued, cancelled ones not yet taken out included. */
    int queued() {
        return near.size() + inWheel + far.size();
    }

    private void push(Timer t) {
        long bucket = t.at >>> SHIFT;
        if (bucket <= cur) {
            near.push(t);
        } else if (bucket < cur + SLOTS) {
            toSlot(bucket, t);
        } else {
            far.push(t);
        }
    }

    private void toSlot(long bucket, Timer t) {
        int s = (int) (bucket & (SLOTS - 1));
        Timer[] slot = slots[s];
        int n = counts[s];
        if (slot == null) {
            slot = slots[s] = new Timer[8];
        } else if (n == slot.length) {
            slot = slots[s] = Arrays.copyOf(slot, n * 2);
        }
        slot[n] = t;
        counts[s] = n + 1;
        inWheel++;
    }

    /** Brings the next pending timer to the top of {@code near}; false when no timer is pending. */
    private boolean ensureNext() {
        while (true) {
            while (!near.isEmpty() && near.top().cancelled) {
                near.pop().fired = true; // out of the queue: re-armable
            }
            if (!near.isEmpty()) {
                return true;
            }
            if (inWheel == 0) {
                if (far.isEmpty()) {
                    return false;
                }
                cur = (far.topAt() >>> SHIFT) - 1; // nothing in between: skip the empty slots
            }
            advance();
        }
    }

    /** Moves to the next bucket: its slot's timers, and far ones now within reach of the wheel, come in. */
    private void advance() {
        cur++;
        int s = (int) (cur & (SLOTS - 1));
        int n = counts[s];
        if (n > 0) {
            Timer[] slot = slots[s];
            for (int i = 0; i < n; i++) {
                Timer t = slot[i];
                slot[i] = null;
                if (!t.cancelled) {
                    near.push(t);
                    if (t.action instanceof Warm w) {
                        warmed += w.warm();
                    }
                } else {
                    t.fired = true;
                }
            }
            counts[s] = 0;
            inWheel -= n;
        }
        while (!far.isEmpty() && (far.topAt() >>> SHIFT) < cur + SLOTS) {
            Timer t = far.pop();
            if (!t.cancelled) {
                push(t);
            } else {
                t.fired = true;
            }
        }
    }

    public void advanceTo(long time) {
        if (time > now) {
            now = time;
            recorder.beginEvent(now, -1);
        }
    }
}
