package dev.vialab.bench;

import dev.vialab.bench.BenchSetups.NatKind;
import dev.vialab.bench.BenchSetups.Topology;
import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.BindingRow;
import dev.vialab.emulator.trace.NatRow;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.emulator.trace.World;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * The state of a random step of a long trace, as a view would read it: {@code trace.stateAt(i)}, then the NAT
 * table and the registrar bindings of that world copied into lists. Traces: {@code phones} phones behind one
 * APDM NAT for 1 h (100 phones ≈ 7·10^4 steps, ~200 NAT rows; 1000 phones ≈ 7·10^5 steps). Goal ≤ 1 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(2)
public class StateAccessBench {
    private final CpuClock clock = new CpuClock();
    @Param({"100", "1000"})
    public int phones;

    private Trace trace;
    private SplittableRandom random;

    @org.openjdk.jmh.annotations.Setup(Level.Trial)
    public void prepare() {
        trace = Emulator.run(BenchSetups.many(phones, Topology.ONE_NAT, NatKind.APDM_RANDOM, 3600 * Time.S));
        if (trace.size() < 10_000) {
            throw new IllegalStateException("trace too short: " + trace.size());
        }
        World w = trace.stateAt(trace.size() - 1);
        System.out.printf("# trace: %d steps; at the end %d NAT rows, %d bindings%n", trace.size(), w.nat().size(),
                w.bindings().size());
        random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            randomStep(); // fixed JIT warm-up; the time-based one alone was not enough on the loaded machine
        }
    }

    /** One random step: its world, NAT table and bindings as lists. */
    @org.openjdk.jmh.annotations.Setup(Level.Iteration)
    public void startClock() {
        clock.start();
    }

    @TearDown(Level.Iteration)
    public void stopClock() {
        System.out.println(clock.stop("us"));
    }

    @Benchmark
    public int randomStep() {
        clock.op();
        World w = trace.stateAt(random.nextInt(trace.size()));
        List<NatRow> nat = new ArrayList<>(w.nat().values());
        List<BindingRow> bindings = new ArrayList<>(w.bindings().values());
        return nat.size() + bindings.size();
    }
}
