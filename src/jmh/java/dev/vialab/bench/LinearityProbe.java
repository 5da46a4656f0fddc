package dev.vialab.bench;

import dev.vialab.bench.BenchSetups.NatKind;
import dev.vialab.bench.BenchSetups.Topology;
import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.RunService;
import dev.vialab.lab.SharedMemo;
import java.util.ArrayList;
import java.util.List;

/**
 * Does a run of 2N phones cost more than twice a run of N, and if so, is it the number of phones or the length of
 * the trace? Runs, interleaved in one JVM round after round, N phones × 1 h, N × 2 h (twice the steps, same N) and
 * 2N × 1 h (twice the steps, twice N). Prints per case the medians of wall time, the thread's CPU time, collector
 * pauses and page faults per step, and the ratio 2N × 1 h / N × 1 h of the two runs of each round: runs of one
 * round follow each other within seconds, so the VM's slow and fast phases (±20 % here) cancel in the ratio.
 * The order of the three runs turns by one each round, so give it a multiple of 3 rounds.
 *
 * <p>How runs meet the collector ({@code -Dprobe.mode}):
 * <ul>
 *   <li>{@code budget} (default): traces stay referenced as the web app's run cache keeps them, the most recent
 *       ones up to {@link RunService#defaultCacheSteps} of this heap, and runs follow each other with no forced
 *       collection: every trace outlives the young collections that copy it, each run carries its share of the old
 *       collections that free the traces leaving the cache, and the live heap is the same whichever size ran last
 *       (ScaleSteadyBench's steady state, with both sizes in one JVM);
 *   <li>{@code cached}: the same with the last four traces kept, whatever their size (the figures before the app's
 *       cache had a budget; see ScaleSteadyBench for why four 1000-phone traces weigh on the collector);
 *   <li>{@code clean}: each run starts from a collected heap and its trace is dropped at the next run. Whether a
 *       run meets a young collection at all then depends on its allocation against the young generation G1
 *       chose: a 500-phone run may fit and pay nothing while a 1000-phone run pays two or three collections.
 * </ul>
 *
 * <p>Arguments: phones topology [rounds] [warm-up rounds], e.g. {@code 500 ONE_NAT 9 4}.
 */
public final class LinearityProbe {
    private static final String MODE = System.getProperty("probe.mode", "budget");
    private static final boolean CLEAN = "clean".equals(MODE);
    /** {@code -Dprobe.runs=true}: a line per run as it ends (JVM uptime, case, wall, CPU), to set beside a GC log. */
    private static final boolean EACH_RUN = Boolean.getBoolean("probe.runs");

    private LinearityProbe() {}

    private record Run(double wallNs, double cpuNs, double gcNs, double faults, int steps) {}

    private record Case(String name, Setup setup, List<Run> runs) {
        Case(String name, Setup setup) {
            this(name, setup, new ArrayList<>());
        }
    }

    public static void main(String[] args) {
        if (!List.of("budget", "cached", "clean").contains(MODE)) {
            throw new IllegalArgumentException("-Dprobe.mode=" + MODE + ": budget, cached or clean");
        }
        int n = Integer.parseInt(args[0]);
        Topology topology = Topology.valueOf(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        int warmRounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        List<Case> cases = List.of(
                new Case(n + " × 1 h", BenchSetups.many(n, topology, NatKind.APDM_RANDOM, 3600 * Time.S)),
                new Case(n + " × 2 h", BenchSetups.many(n, topology, NatKind.APDM_RANDOM, 7200 * Time.S)),
                new Case(2 * n + " × 1 h", BenchSetups.many(2 * n, topology, NatKind.APDM_RANDOM, 3600 * Time.S)));
        Trace[] kept = new Trace["cached".equals(MODE) ? 4 : 1];
        SharedMemo<Integer, Trace> budget = new SharedMemo<>(256,
                RunService.defaultCacheSteps(Runtime.getRuntime().maxMemory()), RunService::weight);
        int next = 0;
        // the first rounds only warm up: on 2 cores C2 still recompiles hot paths through the first few large runs,
        // and G1 settles its young generation size; a round measured then makes N look slower than 2N
        for (int r = 0; r < warmRounds + rounds; r++) {
            for (int k = 0; k < cases.size(); k++) {
                // each round starts one case later: a round allocates the same every time, so with a fixed order
                // the young collections fell at the same place of every round, always in the same runs' time
                Case c = cases.get((k + r) % cases.size());
                if (CLEAN) {
                    kept[0] = null;
                    Heap.usedAfterGc();
                }
                long faults0 = CpuClock.minorFaults();
                long gc0 = CpuClock.gcMillis();
                long cpu0 = CpuClock.threadCpuNanos();
                long start = System.nanoTime();
                Trace t = Emulator.run(c.setup());
                Run run = new Run(System.nanoTime() - start, CpuClock.threadCpuNanos() - cpu0,
                        (CpuClock.gcMillis() - gc0) * 1e6, CpuClock.minorFaults() - faults0, t.size());
                if ("budget".equals(MODE)) {
                    budget.get(next++, key -> t);
                } else {
                    kept[next++ % kept.length] = t;
                }
                if (r >= warmRounds) {
                    c.runs().add(run);
                }
                if (EACH_RUN) {
                    System.out.printf("run at %d ms: %s wall %.0f cpu %.0f ms%n",
                            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(), c.name(),
                            run.wallNs() / 1e6, run.cpuNs() / 1e6);
                }
            }
        }
        System.out.printf("mode %s, %d rounds after %d warm-up rounds%n", MODE, rounds,
                warmRounds);
        for (Case c : cases) {
            System.out.printf("%-14s wall %6.0f ns/step (best %6.0f), thread cpu %6.0f (best %6.0f), GC pauses %5.0f,"
                    + " minor faults %5.1f per 1000 steps%n", c.name(), median(c, x -> x.wallNs() / x.steps()),
                    min(c, x -> x.wallNs() / x.steps()), median(c, x -> x.cpuNs() / x.steps()),
                    min(c, x -> x.cpuNs() / x.steps()), median(c, x -> x.gcNs() / x.steps()),
                    median(c, x -> x.faults() * 1000 / x.steps()));
        }
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Run small = cases.get(0).runs().get(i);
            Run big = cases.get(2).runs().get(i);
            // one line per round for bench/linearity.sh, which pools the rounds of several JVMs
            System.out.printf("round %d: N wall %.0f cpu %.0f, 2N wall %.0f cpu %.0f ns%n", i, small.wallNs(),
                    small.cpuNs(), big.wallNs(), big.cpuNs());
            wall.add(big.wallNs() / small.wallNs());
            cpu.add(big.cpuNs() / small.cpuNs());
        }
        // the ratio of the sums: each case's collections, met by some runs and not by others, count in full
        Stats.Interval wallCi = Stats.ratioOfSums95(each(cases.get(2), Run::wallNs), each(cases.get(0), Run::wallNs));
        Stats.Interval cpuCi = Stats.ratioOfSums95(each(cases.get(2), Run::cpuNs), each(cases.get(0), Run::cpuNs));
        System.out.printf("2N/N of all rounds' sums: wall %.2f (95 %% bootstrap interval %.2f–%.2f), thread cpu %.2f"
                + " (%.2f–%.2f)%n", sum(cases.get(2), Run::wallNs) / sum(cases.get(0), Run::wallNs), wallCi.low(),
                wallCi.high(), sum(cases.get(2), Run::cpuNs) / sum(cases.get(0), Run::cpuNs), cpuCi.low(),
                cpuCi.high());
        System.out.printf("2N/N per round: wall median %.2f (%.2f–%.2f), thread cpu median %.2f (%.2f–%.2f)%n",
                median(wall), wall.stream().mapToDouble(d -> d).min().orElse(0),
                wall.stream().mapToDouble(d -> d).max().orElse(0), median(cpu),
                cpu.stream().mapToDouble(d -> d).min().orElse(0), cpu.stream().mapToDouble(d -> d).max().orElse(0));
    }

    private static double sum(Case c, java.util.function.ToDoubleFunction<Run> f) {
        return c.runs().stream().mapToDouble(f).sum();
    }

    /** Per round, in round order (so case 0's and case 2's arrays pair up round by round). */
    private static double[] each(Case c, java.util.function.ToDoubleFunction<Run> f) {
        return c.runs().stream().mapToDouble(f).toArray();
    }

    private static double min(Case c, java.util.function.ToDoubleFunction<Run> f) {
        return c.runs().stream().mapToDouble(f).min().orElse(0);
    }

    private static double median(Case c, java.util.function.ToDoubleFunction<Run> f) {
        return median(c.runs().stream().map(f::applyAsDouble).toList());
    }

    private static double median(List<Double> xs) {
        return Stats.median(xs.stream().mapToDouble(d -> d).toArray());
    }
}
