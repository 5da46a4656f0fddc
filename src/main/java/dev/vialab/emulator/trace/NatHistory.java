package dev.vialab.emulator.trace;

import dev.vialab.emulator.packet.Transport;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The refreshes of every NAT mapping of one run, from which the NAT table derives a row's moving fields
 * ({@code lastOutbound}, {@code expires}, the permissions' expiries, {@code refreshedStep}) as of any step.
 *
 * <p>Why: every outbound packet refreshes its mapping, and a keep-alive every 15 s per phone made the NAT table
 * half of a long trace (a path copy of ~10 tree nodes and a new row per keep-alive, about 600 B). Now the table
 * stores a row only when its stable part changes (created, a new remote permitted, removed); a refresh appends
 * (step, time) to its mapping's {@link Log}, 16 bytes, and nothing else: the run's {@link StepLog} reads the
 * table of a step as of the last refresh at or before it ({@link PMap#readAt}).
 * Reading a row at step i is a binary search per permitted remote, so a step's state stays O(rows · log).
 *
 * <p>Rows are found by identity: a stored row is the object its NAT published, registered here with its log.
 * Written by the run's thread only; read-only once the run has ended.
 */
public final class NatHistory implements PMap.Reader<NatRow> {
    /** The remote a refresh is logged under when filtering is endpoint-independent (no permissions). */
    public static final String ANY = "*";

    /** Refreshes filed per batch at most; a batch holds about 16 per mapping with a thousand phones. */
    private static final int BATCH = 1 << 14;

    private final IdentityHashMap<NatRow, Log> logs = new IdentityHashMap<>();
    /*
     * Refreshes not yet filed into their logs, in the order they happened: per refresh its log and remote here,
     * its step and time in {@link #pendingAt}. Why: a log's array grows by copying, so it sits on a page of its
     * own, and a keep-alive filed at once touched one such page per phone: with a thousand phones the pages the
     * keep-alives touch outnumbered the TLB's entries, and a miss costs a nested page walk in a VM (bench/README).
     * Appending here touches the same few pages for every phone; filing a batch touches each log once per batch.
     */
    private Object[] pendingRefs = new Object[32];
    private long[] pendingAt = new long[32];
    private int pending;

    /** Says that {@code stored}, about to enter the NAT table, reads its moving fields from {@code log}. */
    public NatRow register(NatRow stored, Log log) {
        logs.put(stored, log);
        return stored;
    }

    /**
     * An outbound packet through the mapping {@code log} belongs to, at {@code step} and {@code time}, towards
     * {@code remote} (see {@link Log#refreshed}); filed into the log with its batch. Steps never decrease.
     */
    public void refreshed(Log log, String remote, int step, long time) {
        int n = pending;
        if (2 * n == pendingRefs.length) {
            if (n == BATCH) {
                file();
                n = 0;
            } else {
                pendingRefs = Arrays.copyOf(pendingRefs, 4 * n);
                pendingAt = Arrays.copyOf(pendingAt, 4 * n);
            }
        }
        pendingRefs[2 * n] = log;
        pendingRefs[2 * n + 1] = remote;
        pendingAt[2 * n] = step;
        pendingAt[2 * n + 1] = time;
        pending = n + 1;
    }

    /**
     * Files every pending refresh into its log, in order. The run's thread does it when a batch is full, before
     * reading a row, and when the run ends ({@link StepLog#freeze}), so a finished run's history is read-only.
     */
    void file() {
        for (int i = 0; i < pending; i++) {
            ((Log) pendingRefs[2 * i]).refreshed((String) pendingRefs[2 * i + 1], (int) pendingAt[2 * i],
                    pendingAt[2 * i + 1]);
        }
        Arrays.fill(pendingRefs, 0, 2 * pending, null);
        pending = 0;
    }

    @Override
    public NatRow read(NatRow stored, int asOf) {
        if (pending > 0) {
            file(); // only while the run goes on, from its own thread: a frozen run has filed everything
        }
        Log log = logs.get(stored);
        return log == null ? stored : log.read(stored, asOf);
    }

    /**
     * The refreshes of one mapping: per remote (filter key, or {@link #ANY}), the steps and times, ascending. The
     * log is itself the first remote's {@link Times}: a mapping almost always has one remote, every keep-alive
     * appends to it, and a separate object was one more cache miss per keep-alive with a thousand phones.
     */
    public static final class Log extends Times {
        private static final Times[] NONE = {};
        private final long udpTimeout;
        private final long filterTimeout;
        private Times[] more = NONE;

        public Log(long udpTimeout, long filterTimeout) {
            super(null);
            this.udpTimeout = udpTimeout;
            this.filterTimeout = filterTimeout;
        }

        /**
         * An outbound packet at {@code step}, {@code time} towards {@code remote}, filed from the history's batch
         * (or by a test). Steps never decrease. The caller
         * passes the same string object for the same remote, so finding its log is a reference comparison.
         */
        public void refreshed(String remote, int step, long time) {
            if (this.remote == remote || remote.equals(this.remote)) {
                add(step, time);
                return;
            }
            if (this.remote == null) { // the first refresh: this log becomes its remote's
                this.remote = remote;
                add(step, time);
                return;
            }
            int i = indexOf(remote);
            if (i >= 0) {
                times(i).add(step, time);
                return;
            }
            Times t = new Times(remote);
            t.add(step, time);
            more = Arrays.copyOf(more, more.length + 1);
            more[more.length - 1] = t;
        }

        private int count() {
            return remote == null ? 0 : 1 + more.length;
        }

        private Times times(int i) {
            return i == 0 ? this : more[i - 1];
        }

        /**
         * {@code stored} as of step {@code asOf}. The stored row was exact when published; a refresh logged after
         * it (at a step up to {@code asOf}) moves lastOutbound, expires, refreshedStep and its remote's permission.
         */
        NatRow read(NatRow stored, int asOf) {
            int lastStep = stored.refreshedStep();
            long last = stored.lastOutbound();
            int n = count();
            int[] found = new int[n]; // one search per remote, reused for its permission below
            for (int r = 0; r < n; r++) {
                Times t = times(r);
                int k = found[r] = t.atOrBefore(asOf);
                if (k >= 0 && t.step(k) > lastStep) {
                    lastStep = t.step(k);
                    last = t.time(k);
                }
            }
            if (lastStep == stored.refreshedStep()) {
                return stored; // nothing since it was published
            }
            List<NatRow.Permission> perms = stored.permissions();
            NatRow.Permission[] each = new NatRow.Permission[perms.size()];
            for (int i = 0; i < each.length; i++) {
                NatRow.Permission p = perms.get(i);
                int r = indexOf(p.remote());
                int k = r < 0 ? -1 : found[r];
                each[i] = k < 0 || times(r).step(k) <= stored.refreshedStep() ? p
                        : new NatRow.Permission(p.remote(), times(r).time(k) + filterTimeout);
            }
            long expires = stored.transport() == Transport.UDP ? last + udpTimeout : -1;
            return new NatRow(stored.nat(), stored.transport(), stored.inside(), stored.outside(), stored.remote(),
                    stored.created(), last, expires, List.of(each), stored.createdStep(), lastStep);
        }

        private int indexOf(String remote) {
            for (int i = 0, n = count(); i < n; i++) {
                if (times(i).remote.equals(remote)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * One remote's (step, time) pairs, interleaved in one array so that appending touches one place; a second
     * refresh in the same step replaces the first.
     */
    private static class Times {
        /** Set once: at construction, or for a {@link Log} at its first refresh. */
        String remote;
        private long[] entries = new long[8];
        private int size;

        Times(String remote) {
            this.remote = remote;
        }

        int step(int k) {
            return (int) entries[2 * k];
        }

        long time(int k) {
            return entries[2 * k + 1];
        }

        void add(int step, long time) {
            if (size > 0 && step(size - 1) == step) {
                entries[2 * size - 1] = time;
                return;
            }
            if (2 * size == entries.length) {
                entries = Arrays.copyOf(entries, entries.length * 2);
            }
            entries[2 * size] = step;
            entries[2 * size + 1] = time;
            size++;
        }

        /** The index of the last entry at or before {@code step}, or -1. */
        int atOrBefore(int step) {
            int lo = 0;
            int hi = size - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (step(mid) <= step) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }
}
