package dev.vialab.bench;

import dev.vialab.bench.BenchSetups.NatKind;
import dev.vialab.bench.BenchSetups.Topology;
import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Trace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * N phones × 1 h of virtual time, registering (300 s, refreshed) and sending UDP keep-alives every 15 s; three
 * registrars, DNS in fixed order, no calls. Goal: 1000 phones ≤ 5 s and ≤ 1 GB retained heap; 2× phones ≤ 2.2×
 * time (measured on a fixed 4 GB heap, each run starting from a collected heap).
 *
 * <p>Each run is one operation (single shot), after a fixed JIT warm-up in {@link #prepare}. Each iteration also
 * prints the benchmark thread's CPU time for the run and the collector time during it (the machine is shared,
 * so wall time swings with the load). After every iteration the last trace is still referenced, the heap
 * is collected three times and the used heap minus the baseline before the first run is printed as
 * {@code # retained}: that is what the trace of one run keeps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Three warm-up runs of the measured setup on top of the fixed JIT warm-up in prepare(), and the heap touched up
// front: with one warm-up run and an untouched heap, the runs of a fork got faster one after the other (500 phones:
// 738, 453, 409, 389, 359 ms of thread CPU; the page faults of first-touched heap are the thread's CPU too), so the
// median mixed warm and cold runs (bench/results/2026-12-06e/scale-2.txt against scale-wi3-pretouch.txt).
@Warmup(iterations = 3)
@Measurement(iterations = 5)
// A fixed heap, as a server is given: with the default, G1 shrinks the heap after the clean-up collection below
// and the next run spends its time growing it again (a 500-phone run measured 2.8 s instead of 0.9 s).
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ScaleBench {
    @Param({"10", "100", "500", "1000"})
    public int phones;

    @Param({"ONE_NAT", "NAT_PER_PHONE"})
    public Topology topology;

    @Param({"APDM_RANDOM"})
    public NatKind nat;

    private Setup setup;
    private Trace last;
    private long baseline;
    private long cpu;
    private long gcMillis;
    private long gcCount;

    /**
     * JIT warm-up with a fixed amount of work (about 3.5·10^5 steps: five runs of 100 phones × 1 h), so that even
     * the first measured single shot of a small N runs compiled code. Then the heap baseline.
     */
    @org.openjdk.jmh.annotations.Setup(Level.Trial)
    public void prepare() {
        setup = BenchSetups.many(phones, topology, nat, 3600 * Time.S);
        Setup warm = BenchSetups.many(100, topology, nat, 3600 * Time.S);
        for (int i = 0; i < 5; i++) {
            Emulator.run(warm);
        }
        baseline = Heap.usedAfterGc();
    }

    @Benchmark
    public Trace run() {
        long gc0 = CpuClock.gcMillis();
        long n0 = CpuClock.gcCount();
        long cpu0 = CpuClock.threadCpuNanos();
        last = Emulator.run(setup);
        cpu = CpuClock.threadCpuNanos() - cpu0;
        gcMillis = CpuClock.gcMillis() - gc0;
        gcCount = CpuClock.gcCount() - n0;
        return last;
    }

    @TearDown(Level.Iteration)
    public void report() {
        long used = Heap.usedAfterGc();
        System.out.printf("# %s: cpu %.0f ms, GC %d ms in %d collections; %d steps, %d SIP messages, %d/%d"
                + " registered at the end, retained %.1f MB (%.0f B/step)%n", setup.name(), cpu / 1e6, gcMillis,
                gcCount, last.size(), BenchSetups.sipMessages(last), BenchSetups.registered(last), phones,
                (used - baseline) / 1e6, (double) (used - baseline) / last.size());
        last = null;
        // the next run starts on a clean heap: otherwise the collector frees this trace during it, and a run of
        // 2N phones pays for freeing twice as much garbage on top of building twice as much trace
        Heap.usedAfterGc();
    }
}
