package dev.vialab.emulator.trace;

import dev.vialab.emulator.packet.Packet;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The steps of a run, kept in columns: a step is a row across a few primitive and reference arrays, and a
 * {@link Step} (with its {@link Hop}) is made only when someone reads it.
 *
 * <p>Why: a long run records about 10^6 steps (1000 phones × 1 h: 706 778), and every one of them used to be a
 * {@code Step} and a {@code Hop} object plus a slot in an array list that was copied each time it grew. The trace
 * is live data, so the collector copies every object of it at least once, and the young collections that copy a
 * long run's objects were what made a run of 2N phones cost more than twice a run of N. A row here is 45 bytes in
 * arrays of 4096 rows, copied as blocks; what it refers to (a hop's {@link Hop.Leg}, an explanation) is shared by
 * the steps that repeat it, such as every keep-alive of one phone.
 *
 * <p>Appended by the run's thread only ({@link TraceRecorder}); {@link #freeze() frozen} when the run hands it to
 * its {@link Trace}, and read-only from then on, so it is safe to share once published.
 */
public final class StepLog extends AbstractList<Step> implements RandomAccess {
    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    /** Slots per row in {@link #refs}: node, the hop's leg, why, state. */
    private static final int REFS = 4;
    private static final Kind[] KINDS = Kind.values();

    private long[][] times = new long[1][];
    private byte[][] kinds = new byte[1][];
    private int[][] causes = new int[1][];
    /** The hop's flight number and send time (its leg is in {@link #refs}); 0 for a step without a packet. */
    private int[][] flights = new int[1][];
    private long[][] sentAts = new long[1][];
    private Object[][] refs = new Object[1][];
    /** Per step, the last step at or before it whose NAT refresh moved the NAT table's derived fields, or -1. */
    private int[][] natAsOf = new int[1][];
    private int size;
    private boolean frozen;
    /** Derives NAT rows' moving fields; null for a log of hand-made steps. */
    private final NatHistory natHistory;
    /** The last state handed out, so that consecutive steps with the same NAT reading share one object. */
    private volatile Derived lastDerived;

    private record Derived(World stored, int asOf, World view) {}

    /** A log of hand-made steps: their states are used as they are. */
    public StepLog() {
        this(null);
    }

    /** A run's log: NAT rows read from it derive their moving fields from {@code natHistory}. */
    StepLog(NatHistory natHistory) {
        this.natHistory = natHistory;
    }

    /** A log of hand-made steps (tests, tools); each step's index must be its position. */
    public static StepLog of(List<Step> steps) {
        StepLog log = new StepLog();
        for (Step s : steps) {
            if (s.index() != log.size) {
                throw new IllegalArgumentException("step " + s.index() + " at position " + log.size);
            }
            log.add(s.time(), s.kind(), s.node(), s.hop(), s.why(), s.cause(), s.state(), -1);
        }
        return log;
    }

    /**
     * Appends a step and returns its index. {@code state} is the world as stored; {@code natAsOf} is the step its
     * NAT table is read at (see {@link #state}).
     */
    int add(long time, Kind kind, String node, Hop hop, Why why, int cause, World state, int natAsOf) {
        if (frozen) {
            throw new IllegalStateException("the run has ended: its steps are read-only");
        }
        int i = size;
        int c = i >>> SHIFT;
        int r = i & MASK;
        if (c == times.length) {
            int n = times.length * 2;
            times = Arrays.copyOf(times, n);
            kinds = Arrays.copyOf(kinds, n);
            causes = Arrays.copyOf(causes, n);
            flights = Arrays.copyOf(flights, n);
            sentAts = Arrays.copyOf(sentAts, n);
            refs = Arrays.copyOf(refs, n);
            this.natAsOf = Arrays.copyOf(this.natAsOf, n);
        }
        if (times[c] == null || r == times[c].length) {
            grow(c, r);
        }
        times[c][r] = time;
        kinds[c][r] = (byte) kind.ordinal();
        causes[c][r] = cause;
        this.natAsOf[c][r] = natAsOf;
        if (hop != null) {
            flights[c][r] = hop.flight();
            sentAts[c][r] = hop.sentAt();
        }
        Object[] o = refs[c];
        int k = r * REFS;
        o[k] = node;
        o[k + 1] = hop == null ? null : hop.leg();
        o[k + 2] = why;
        o[k + 3] = state;
        size = i + 1;
        return i;
    }

    /**
     * Makes room for row {@code r} of chunk {@code c}. The first chunk starts small and doubles up to {@link #CHUNK}
     * rows, so a short run (the seed scenario has 129 steps) does not carry arrays sized for a long one; a run that
     * fills it is a long one, and its later chunks are made full size at once.
     */
    private void grow(int c, int r) {
        int n = c > 0 ? CHUNK : r == 0 ? 16 : Math.min(CHUNK, r * 2);
        times[c] = times[c] == null ? new long[n] : Arrays.copyOf(times[c], n);
        kinds[c] = kinds[c] == null ? new byte[n] : Arrays.copyOf(kinds[c], n);
        causes[c] = causes[c] == null ? new int[n] : Arrays.copyOf(causes[c], n);
        flights[c] = flights[c] == null ? new int[n] : Arrays.copyOf(flights[c], n);
        sentAts[c] = sentAts[c] == null ? new long[n] : Arrays.copyOf(sentAts[c], n);
        refs[c] = refs[c] == null ? new Object[n * REFS] : Arrays.copyOf(refs[c], n * REFS);
        natAsOf[c] = natAsOf[c] == null ? new int[n] : Arrays.copyOf(natAsOf[c], n);
    }

    /** Ends appending: from now on the log is read-only. */
    StepLog freeze() {
        if (natHistory != null) {
            natHistory.file();
        }
        frozen = true;
        return this;
    }

    @Override
    public int size() {
        return size;
    }

    /** The step at {@code index}, made from its row (a new value on each call; equal for equal indexes). */
    @Override
    public Step get(int index) {
        check(index);
        int c = index >>> SHIFT;
        int r = index & MASK;
        Object[] o = refs[c];
        int k = r * REFS;
        return new Step(index, times[c][r], KINDS[kinds[c][r]], (String) o[k], hop(index), why(index),
                causes[c][r], state(index));
    }

    public long time(int index) {
        check(index);
        return times[index >>> SHIFT][index & MASK];
    }

    public Kind kind(int index) {
        check(index);
        return KINDS[kinds[index >>> SHIFT][index & MASK]];
    }

    /** The step's packet on its link, or null; made from the row (a new value on each call). */
    public Hop hop(int index) {
        Hop.Leg leg = (Hop.Leg) ref(index, 1);
        return leg == null ? null : new Hop(flights[index >>> SHIFT][index & MASK],
                sentAts[index >>> SHIFT][index & MASK], leg);
    }

    /**
     * The step's explanation, with the step's own time and its packet's source put in where it stands for them
     * ({@link Why#at}).
     */
    public Why why(int index) {
        Why why = (Why) ref(index, 2);
        if (!why.isStepBound()) {
            return why;
        }
        Hop.Leg leg = (Hop.Leg) ref(index, 1);
        Packet p = leg == null ? null : leg.packet(); // instanceof, not a type switch: see Packet
        Object source = p instanceof Packet.Udp u ? u.src() : p instanceof Packet.Tcp t ? t.src()
                : p == null ? null : p.srcIp();
        return why.at(time(index), source);
    }

    /**
     * The complete state after step {@code index}. The NAT table is read as of the last step at or before it that
     * refreshed a mapping: a refresh (every keep-alive) appends to its mapping's log and stores nothing, and the
     * rows derive lastOutbound, expires and the permissions from the logs here. Consecutive steps read alike get
     * the same object, so a view can still tell a changed table by reference.
     */
    public World state(int index) {
        World stored = (World) ref(index, 3);
        if (natHistory == null || stored.nat().isEmpty()) {
            return stored;
        }
        int asOf = natAsOf[index >>> SHIFT][index & MASK];
        Derived d = lastDerived;
        if (d != null && d.stored() == stored && d.asOf() == asOf) {
            return d.view();
        }
        World view = stored.withNat(stored.nat().readAt(natHistory, asOf));
        lastDerived = new Derived(stored, asOf, view);
        return view;
    }

    private Object ref(int index, int slot) {
        check(index);
        return refs[index >>> SHIFT][(index & MASK) * REFS + slot];
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("step " + index + " of " + size);
        }
    }
}
