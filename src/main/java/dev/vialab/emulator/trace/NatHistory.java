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
 * (step, time) to its mapping's {@link Log}, 12 bytes, and nothing else: the run's {@link StepLog} reads the
 * table of a step as of the last refresh at or before it ({@link PMap#readAt}).
 * Reading a row at step i is a binary search per permitted remote, so a step's state stays O(rows · log).
 *
 * <p>Rows are found by identity: a stored row is the object its NAT published, registered here with its log.
 * Written by the run's thread only; read-only once the run has ended.
 */
public final class NatHistory implements PMap.Reader<NatRow> {
    /** The remote a refresh is logged under when filtering is endpoint-independent (no permissions). */
    public static final String ANY = "*";

    private final IdentityHashMap<NatRow, Log> logs = new IdentityHashMap<>();

    /** Says that {@code stored}, about to enter the NAT table, reads its moving fields from {@code log}. */
    public NatRow register(NatRow stored, Log log) {
        logs.put(stored, log);
        return stored;
    }

    @Override
    public NatRow read(NatRow stored, int asOf) {
        Log log = logs.get(stored);
        return log == null ? stored : log.read(stored, asOf);
    }

    /** The refreshes of one mapping: per remote (filter key, or {@link #ANY}), the steps and times, ascending. */
    public static final class Log {
        private final long udpTimeout;
        private final long filterTimeout;
        private String[] remotes = new String[0];
        private Times[] times = new Times[0];

        public Log(long udpTimeout, long filterTimeout) {
            this.udpTimeout = udpTimeout;
            this.filterTimeout = filterTimeout;
        }

        /** An outbound packet at {@code step}, {@code time} towards {@code remote}. Steps never decrease. */
        public void refreshed(String remote, int step, long time) {
            int i = indexOf(remote);
            if (i >= 0) {
                times[i].add(step, time);
                return;
            }
            remotes = Arrays.copyOf(remotes, remotes.length + 1);
            times = Arrays.copyOf(times, times.length + 1);
            remotes[remotes.length - 1] = remote;
            times[times.length - 1] = new Times();
            times[times.length - 1].add(step, time);
        }

        /**
         * {@code stored} as of step {@code asOf}. The stored row was exact when published; a refresh logged after
         * it (at a step up to {@code asOf}) moves lastOutbound, expires, refreshedStep and its remote's permission.
         */
        NatRow read(NatRow stored, int asOf) {
            int lastStep = stored.refreshedStep();
            long last = stored.lastOutbound();
            int[] found = new int[times.length]; // one search per remote, reused for its permission below
            for (int r = 0; r < times.length; r++) {
                Times t = times[r];
                int k = found[r] = t.atOrBefore(asOf);
                if (k >= 0 && t.steps[k] > lastStep) {
                    lastStep = t.steps[k];
                    last = t.at[k];
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
                each[i] = k < 0 || times[r].steps[k] <= stored.refreshedStep() ? p
                        : new NatRow.Permission(p.remote(), times[r].at[k] + filterTimeout);
            }
            long expires = stored.transport() == Transport.UDP ? last + udpTimeout : -1;
            return new NatRow(stored.nat(), stored.transport(), stored.inside(), stored.outside(), stored.remote(),
                    stored.created(), last, expires, List.of(each), stored.createdStep(), lastStep);
        }

        private int indexOf(String remote) {
            for (int i = 0; i < remotes.length; i++) {
                if (remotes[i].equals(remote)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Parallel growable arrays of (step, time); a second refresh in the same step replaces the first. */
    private static final class Times {
        private int[] steps = new int[4];
        private long[] at = new long[4];
        private int size;

        void add(int step, long time) {
            if (size > 0 && steps[size - 1] == step) {
                at[size - 1] = time;
                return;
            }
            if (size == steps.length) {
                steps = Arrays.copyOf(steps, size * 2);
                at = Arrays.copyOf(at, size * 2);
            }
            steps[size] = step;
            at[size++] = time;
        }

        /** The index of the last entry at or before {@code step}, or -1. */
        int atOrBefore(int step) {
            int lo = 0;
            int hi = size - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (steps[mid] <= step) {
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
