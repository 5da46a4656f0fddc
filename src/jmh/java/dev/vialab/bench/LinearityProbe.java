package dev.vialab.bench;

import dev.vialab.bench.BenchSetups.NatKind;
import dev.vialab.bench.BenchSetups.Topology;
import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the two grows a run's cost faster than linearly: the number of phones, or the length of the trace?
 * Runs, interleaved in one JVM, N phones × 1 h, N phones × 2 h (twice the steps, same N) and 2N phones × 1 h (twice
 * the steps, twice N), and prints the medians of wall and thread CPU time per step. If 2N × 1 h costs more per
 * step than N × 2 h, the cost grows with the number of phones (state spread over more memory); if both cost more
 * per step than N × 1 h, it grows with the trace. Every run drops the previous trace first.
 *
 * <p>Arguments: phones topology [rounds] [warm-up rounds], e.g. {@code 500 ONE_NAT 7 3}.
 */
public final class LinearityProbe {
    /**
     * {@code -Dprobe.steady=true}: runs follow each other with no collection in between, as in a server, so each
     * run carries its share of the collections that copy its trace and free earlier ones. Without it every run
     * starts from a collected heap, where whether a short run meets a young collection at all is a matter of luck.
     */
    private static final boolean STEADY = Boolean.getBoolean("probe.steady");

    private LinearityProbe() {}

    private record Case(String name, Setup setup, List<Double> wallNsPerStep, List<Double> cpuNsPerStep,
            List<Double> gcNsPerStep, List<Double> faultsPerKStep) {
        Case(String name, Setup setup) {
            this(name, setup, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Topology topology = Topology.valueOf(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int warmRounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Case> cases = List.of(
                new Case(n + " × 1 h", BenchSetups.many(n, topology, NatKind.APDM_RANDOM, 3600 * Time.S)),
                new Case(n + " × 2 h", BenchSetups.many(n, topology, NatKind.APDM_RANDOM, 7200 * Time.S)),
                new Case(2 * n + " × 1 h", BenchSetups.many(2 * n, topology, NatKind.APDM_RANDOM, 3600 * Time.S)));
        Trace keep = null;
        // the first rounds only warm up: on 2 cores C2 still recompiles hot paths through the first few large runs,
        // and G1 settles its young generation size; a round measured then makes N look slower than 2N
        for (int r = 0; r < warmRounds + rounds; r++) {
            for (Case c : cases) {
                if (r < warmRounds) {
                    keep = null;
                    keep = Emulator.run(c.setup());
                    continue;
                }
                keep = null;
                if (!STEADY) {
                    Heap.usedAfterGc();
                }
                long faults0 = CpuClock.minorFaults();
                long gc0 = CpuClock.gcMillis();
                long cpu0 = CpuClock.threadCpuNanos();
                long start = System.nanoTime();
                keep = Emulator.run(c.setup());
                double wall = System.nanoTime() - start;
                double cpu = CpuClock.threadCpuNanos() - cpu0;
                double gc = (CpuClock.gcMillis() - gc0) * 1e6;
                double faults = CpuClock.minorFaults() - faults0;
                c.wallNsPerStep().add(wall / keep.size());
                c.cpuNsPerStep().add(cpu / keep.size());
                c.gcNsPerStep().add(gc / keep.size());
                c.faultsPerKStep().add(faults * 1000 / keep.size());
            }
        }
        for (Case c : cases) {
            System.out.printf("%-14s wall %6.0f ns/step (best %6.0f), thread cpu %6.0f (best %6.0f), GC pauses %5.0f,"
                    + " minor faults %5.1f per 1000 steps%n", c.name(), median(c.wallNsPerStep()),
                    min(c.wallNsPerStep()), median(c.cpuNsPerStep()), min(c.cpuNsPerStep()),
                    median(c.gcNsPerStep()), median(c.faultsPerKStep()));
        }
        System.out.println("(last trace: " + keep.size() + " steps)");
    }

    private static double min(List<Double> xs) {
        return xs.stream().mapToDouble(d -> d).min().orElse(0);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
