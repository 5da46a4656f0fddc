package dev.vialab.bench;

import dev.vialab.bench.BenchSetups.NatKind;
import dev.vialab.bench.BenchSetups.Topology;
import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.Flights;
import java.util.EnumMap;
import java.util.Map;

/**
 * One scale run outside JMH, for the heap: runs a setup a few times, then keeps the last trace, prints the wall
 * time of each run, the retained heap and the class histogram of the live heap. Not a timing benchmark (use
 * ScaleBench); a diagnosis aid.
 *
 * <p>Arguments: phones topology natKind [runs] [histogramLines], e.g. {@code 1000 ONE_NAT APDM_RANDOM 3 25}.
 */
public final class ScaleProbe {
    private ScaleProbe() {}

    public static void main(String[] args) {
        int phones = Integer.parseInt(args[0]);
        Topology topology = Topology.valueOf(args[1]);
        NatKind nat = NatKind.valueOf(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int lines = args.length > 4 ? Integer.parseInt(args[4]) : 25;
        Setup setup = BenchSetups.many(phones, topology, nat, 3600 * Time.S);
        long baseline = Heap.usedAfterGc();
        Trace t = null;
        for (int i = 0; i < runs; i++) {
            t = null;
            Heap.usedAfterGc();
            long gc0 = CpuClock.gcMillis();
            long n0 = CpuClock.gcCount();
            long cpu0 = CpuClock.threadCpuNanos();
            long bytes0 = CpuClock.allocatedBytes();
            long start = System.nanoTime();
            t = Emulator.run(setup);
            long allocated = CpuClock.allocatedBytes() - bytes0;
            System.out.printf("run %d: wall %.0f ms, thread cpu %.0f ms, GC %d ms in %d collections, allocated %.0f MB"
                    + " (%.0f B/step)%n", i + 1, (System.nanoTime() - start) / 1e6,
                    (CpuClock.threadCpuNanos() - cpu0) / 1e6, CpuClock.gcMillis() - gc0, CpuClock.gcCount() - n0,
                    allocated / 1e6, (double) allocated / t.size());
        }
        long used = Heap.usedAfterGc();
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        long packetBytes = 0;
        long withHop = 0;
        for (Step s : t.steps()) {
            kinds.merge(s.kind(), 1, Integer::sum);
            if (s.hop() != null) {
                withHop++;
                packetBytes += s.hop().packet().payload().length;
            }
        }
        System.out.printf("%s: %d steps (%s), %d with a hop, %d SIP messages, %d/%d registered at the end%n",
                setup.name(), t.size(), kinds, withHop, BenchSetups.sipMessages(t), BenchSetups.registered(t),
                phones);
        System.out.printf("payload bytes referenced by hops (shared arrays counted once per hop): %.1f MB%n",
                packetBytes / 1e6);
        System.out.printf("retained by the trace: %.1f MB (%.0f B/step)%n", (used - baseline) / 1e6,
                (double) (used - baseline) / t.size());
        System.out.print(Heap.histogram(lines + 3));
        if (!Boolean.getBoolean("probe.noFootprint")) {
            System.out.print(TraceFootprint.report(t));
        }
        // the web app keeps a run with its flights index: RunService's cache budget counts both per step
        long before = Heap.usedAfterGc();
        Flights flights = Flights.of(t);
        long index = Heap.usedAfterGc() - before;
        System.out.printf("retained by the flights index over it: %.1f MB (%.0f B/step)%n", index / 1e6,
                (double) index / t.size());
        System.out.println("(trace and flights kept until here: " + t.size() + " steps, "
                + flights.of(t.step(t.size() - 1)).size() + " steps in the last step's flight)");
    }
}
