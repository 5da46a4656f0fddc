package dev.vialab.emulator.net;

import dev.vialab.emulator.net.Scheduler.Timer;
import java.util.Arrays;

/**
 * Timers in (time, sequence) order: a 4-ary heap over parallel arrays. The keys sit in two {@code long[]}, so
 * sifting compares numbers in place instead of following a reference to each {@link Timer}, and a node's four
 * children share a cache line.
 */
final class TimerHeap {
    private long[] at = new long[64];
    private long[] seq = new long[64];
    private Timer[] timers = new Timer[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest timer; only when not empty. */
    Timer top() {
        return timers[0];
    }

    long topAt() {
        return at[0];
    }

    void push(Timer t) {
        if (size == timers.length) {
            int n = size * 2;
            at = Arrays.copyOf(at, n);
            seq = Arrays.copyOf(seq, n);
            timers = Arrays.copyOf(timers, n);
        }
        long tAt = t.at;
        long tSeq = t.seq;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!before(tAt, tSeq, at[parent], seq[parent])) {
                break;
            }
            set(i, at[parent], seq[parent], timers[parent]);
            i = parent;
        }
        set(i, tAt, tSeq, t);
    }

    /** Removes and returns the earliest timer; only when not empty. */
    Timer pop() {
        Timer top = timers[0];
        int last = --size;
        long lastAt = at[last];
        long lastSeq = seq[last];
        Timer t = timers[last];
        timers[last] = null;
        if (last > 0) {
            int i = 0;
            while (true) {
                int first = 4 * i + 1;
                if (first >= last) {
                    break;
                }
                int child = first;
                for (int c = first + 1, end = Math.min(first + 4, last); c < end; c++) {
                    if (before(at[c], seq[c], at[child], seq[child])) {
                        child = c;
                    }
                }
                if (!before(at[child], seq[child], lastAt, lastSeq)) {
                    break;
                }
                set(i, at[child], seq[child], timers[child]);
                i = child;
            }
            set(i, lastAt, lastSeq, t);
        }
        return top;
    }

    private static boolean before(long at, long sq, long otherAt, long otherSeq) {
        return at < otherAt || (at == otherAt && sq < otherSeq);
    }

    private void set(int i, long a, long s, Timer t) {
        at[i] = a;
        seq[i] = s;
        timers[i] = t;
    }
}
