package dev.vialab.bench;

import dev.vialab.bench.BenchSetups.NatKind;
import dev.vialab.bench.BenchSetups.Topology;
import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Trace;
import java.util.Arrays;

/**
 * The cost of a step against the number of phones, over more than one doubling: runs N phones × 1 h for each N
 * given (e.g. 250,500,1000,2000), interleaved round after round in one JVM, the last two traces kept. Prints per N
 * the thread's CPU time and the wall time per step (medians, and the mean of all rounds, which counts every
 * collection), and per doubling the ratio of the sums of all rounds. Where {@link LinearityProbe} answers "is 2N
 * within 2.2× of N", this shows where along N a step gets dearer: a knee where the phones' state stops fitting a
 * cache level, a slope where something grows with the queue or a table.
 *
 * <p>Arguments: topology rounds warm-up-rounds N,N,…, e.g. {@code ONE_NAT 5 2 250,500,1000,2000}.
 */
public final class ScaleCurveProbe {

    private ScaleCurveProbe() {}

    public static void main(String[] args) {
        Topology topology = Topology.valueOf(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int warm = Integer.parseInt(args[2]);
        int[] ns = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        Setup[] setups = new Setup[ns.length];
        for (int i = 0; i < ns.length; i++) {
            setups[i] = BenchSetups.many(ns[i], topology, NatKind.APDM_RANDOM, 3600 * Time.S);
        }
        double[][] cpu = new double[ns.length][rounds];
        double[][] wall = new double[ns.length][rounds];
        double[][] gc = new double[ns.length][rounds];
        int[] steps = new int[ns.length];
        Trace[] kept = new Trace[2];
        int next = 0;
        for (int r = 0; r < warm + rounds; r++) {
            for (int i = 0; i < ns.length; i++) {
                long gc0 = CpuClock.gcMillis();
                long cpu0 = CpuClock.threadCpuNanos();
                long start = System.nanoTime();
                Trace t = Emulator.run(setups[i]);
                long w = System.nanoTime() - start;
                long c = CpuClock.threadCpuNanos() - cpu0;
                kept[next++ % kept.length] = t;
                steps[i] = t.size();
                if (r >= warm) {
                    cpu[i][r - warm] = c;
                    wall[i][r - warm] = w;
                    gc[i][r - warm] = (CpuClock.gcMillis() - gc0) * 1e6;
                }
            }
        }
        System.out.printf("%s, %d rounds after %d warm-up rounds%n", topology, rounds, warm);
        for (int i = 0; i < ns.length; i++) {
            System.out.printf("N %5d  %8d steps  thread cpu %5.0f ns/step (median)  wall %5.0f (median) %5.0f (mean)"
                    + "  GC pauses %4.0f (mean)%n", ns[i], steps[i], Stats.median(cpu[i]) / steps[i],
                    Stats.median(wall[i]) / steps[i], mean(wall[i]) / steps[i], mean(gc[i]) / steps[i]);
        }
        for (int i = 1; i < ns.length; i++) {
            double f = Math.log((double) ns[i] / ns[i - 1]) / Math.log(2);
            double c = Arrays.stream(cpu[i]).sum() / Arrays.stream(cpu[i - 1]).sum();
            double w = Arrays.stream(wall[i]).sum() / Arrays.stream(wall[i - 1]).sum();
            System.out.printf("%5d → %5d: thread cpu ×%.2f, wall ×%.2f; per doubling ×%.2f, ×%.2f%n", ns[i - 1], ns[i],
                    c, w, Math.pow(c, 1 / f), Math.pow(w, 1 / f));
        }
    }

    private static double mean(double[] xs) {
        return Arrays.stream(xs).average().orElse(0);
    }
}
