package dev.vialab.bench;

import dev.vialab.bench.BenchSetups.NatKind;
import dev.vialab.bench.BenchSetups.Topology;
import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.RunService;
import dev.vialab.lab.SharedMemo;
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
 * The cost of a scale run in steady state: {@link ScaleBench}'s setups run back to back for 15 s per iteration, as
 * a server runs scenario after scenario, and the traces are kept as the web app's run cache keeps them: the most
 * recent ones, up to the cache's budget of steps ({@link RunService#defaultCacheSteps} of the fork's heap: 2.86
 * million steps, eight 500-phone traces or four 1000-phone ones). The time per run then includes its share of
 * every collection: the young ones that copy its trace (every trace outlives them, as a cached one does) and the
 * old ones that free the traces that left the cache. It gives each size's time per run; the ratio of the two sizes
 * ("cost linear in N", 2× phones ≤ 2.2× time) is measured by {@code bench/linearity.sh}, both sizes taking turns in
 * one JVM and over several JVMs: on a VM whose host changes speed by 1.5× for minutes at a time, forks of one size
 * each cannot be compared (bench/README, 2026-12-07).
 *
 * <p>Why a budget of steps, not a number of traces: kept by number, four 1000-phone traces are twice the live heap
 * of four 500-phone ones, and a tracing collector's cost per allocated byte grows with the live heap against the
 * free one (more marking cycles, each marking more): the ratio then measured the cache's growth as much as the
 * run's. {@code -jvmArgsAppend -Dsteady.cache=four} (a property of the fork) keeps the last four traces instead,
 * as this benchmark did before the app's cache had a budget.
 *
 * <p>Why not ScaleBench's single shots for that ratio: each of them starts from a collected heap, and whether a run
 * meets a young collection at all depends on its allocation against the young generation G1 chose. A 500-phone run
 * may fit in the young generation and pay nothing, a 1000-phone one pays two or three collections that copy its
 * trace; the ratio then moves between 2.0 and 2.7 with no change to the emulator. Dropping each trace at once is no
 * better: a short run's trace then dies before any collection sees it, a long run's does not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 15)
@Measurement(iterations = 5, time = 15)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ScaleSteadyBench {
    private final CpuClock clock = new CpuClock();

    @Param({"500", "1000"})
    public int phones;

    @Param({"ONE_NAT", "NAT_PER_PHONE"})
    public Topology topology;

    private Setup setup;
    /** The last traces, kept as the web app's run cache keeps them: every trace outlives the young collections. */
    private final SharedMemo<Integer, Trace> kept = "four".equals(System.getProperty("steady.cache"))
            ? new SharedMemo<>(4)
            : new SharedMemo<>(256, RunService.defaultCacheSteps(Runtime.getRuntime().maxMemory()), RunService::weight);
    private int next;

    @org.openjdk.jmh.annotations.Setup(Level.Trial)
    public void prepare() {
        setup = BenchSetups.many(phones, topology, NatKind.APDM_RANDOM, 3600 * Time.S);
    }

    @org.openjdk.jmh.annotations.Setup(Level.Iteration)
    public void startClock() {
        clock.start();
    }

    @TearDown(Level.Iteration)
    public void stopClock() {
        SharedMemo.Held held = kept.held();
        System.out.println(clock.stop("ms") + ", " + held.count() + " traces kept, " + held.weight() + " steps");
    }

    @Benchmark
    public Trace run() {
        clock.op();
        return kept.get(next++, k -> Emulator.run(setup));
    }
}
