package dev.vialab.bench;

import dev.vialab.emulator.Emulator;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seed scenario end to end, Setup → Trace, warm: one phone behind an APDM NAT, three registrars, DNS order
 * change at 295 s, one call at 430 s, 600 s of virtual time. Goal: ≤ 2 ms per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(2)
public class SeedScenarioBench {
    private final CpuClock clock = new CpuClock();
    private Setup setup;

    /**
     * Checks the setup, then warms the JIT with a fixed amount of work: 3000 runs. Time-based warm-up alone was not
     * enough on the loaded machine (a fork still ran at 2–4 ms/op after 16 s of warm-up, then dropped to 0.2 ms/op,
     * because the compiler threads were starved too).
     */
    @org.openjdk.jmh.annotations.Setup(Level.Trial)
    public void prepare() {
        setup = BenchSetups.seed();
        Trace t = Emulator.run(setup);
        if (t.outcomes().isEmpty()) {
            throw new IllegalStateException("seed setup has no call outcome");
        }
        for (int i = 0; i < WARM_RUNS; i++) {
            Emulator.run(setup);
        }
    }

    static final int WARM_RUNS = 3000;

    @org.openjdk.jmh.annotations.Setup(Level.Iteration)
    public void startClock() {
        clock.start();
    }

    @TearDown(Level.Iteration)
    public void stopClock() {
        System.out.println(clock.stop("us"));
    }

    @Benchmark
    public Trace seed() {
        clock.op();
        return Emulator.run(setup);
    }
}
