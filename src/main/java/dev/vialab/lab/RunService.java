package dev.vialab.lab;

import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.scenario.ReadResult;
import dev.vialab.scenario.ScenarioReader;

/**
 * Runs scenarios for the bench. Runs are pure functions of their {@link RunKey}, and traces are immutable, so
 * every session asking for the same run shares one trace: a bounded least-recently-used cache keeps the heap per
 * learner small and makes stepping and re-opening instant. A run asked for again while it is being computed is
 * waited for, not computed twice: a class opening the same lesson at once shares one trace from the start.
 *
 * <p>The cache is bounded by the steps it holds as well as by count. Why: a lesson's run is a few hundred steps, but
 * a scenario may ask for 5 million events, and a 1000-phone hour is 706 778 steps; 256 of those would take 43 GB. A
 * run's memory is its steps', counted as {@value #BYTES_PER_STEP} bytes each (measured for that hour: 186 B per
 * step for the trace and 51 for its flights index; a short run's fixed part weighs more per step), and by default
 * the cached runs may take a fifth of the heap.
 */
public final class RunService {
    /** What a cached run costs per step, for the default budget: the trace and the flights index over it. */
    static final int BYTES_PER_STEP = 300;
    /** Every cached result counts at least this many steps: its key, scenario and views are not free either. */
    static final int STEPS_PER_ENTRY = 64;

    private final ScenarioCatalog catalog;
    private final SharedMemo<RunKey, RunResult> cache;

    /** A cache of at most {@code cacheSize} runs holding at most {@code cacheSteps} steps together. */
    public RunService(ScenarioCatalog catalog, int cacheSize, long cacheSteps) {
        this.catalog = catalog;
        this.cache = new SharedMemo<>(cacheSize, cacheSteps, RunService::weight);
    }

    /** The default step budget: a fifth of {@code maxHeapBytes} at {@link #BYTES_PER_STEP}. */
    public static long defaultCacheSteps(long maxHeapBytes) {
        return maxHeapBytes / 5 / BYTES_PER_STEP;
    }

    /** What a result weighs in the cache, in steps. */
    static long weight(RunResult r) {
        return r instanceof RunResult.Ran ran ? weight(ran.trace()) : STEPS_PER_ENTRY;
    }

    /** What a run weighs in the cache, in steps (ScaleSteadyBench keeps its traces by the same measure). */
    public static long weight(Trace t) {
        return STEPS_PER_ENTRY + t.size();
    }

    /** What the cache holds now. */
    public SharedMemo.Held cached() {
        return cache.held();
    }

    public ScenarioCatalog catalog() {
        return catalog;
    }

    public RunResult run(RunKey key) {
        return cache.get(key, this::compute);
    }

    private RunResult compute(RunKey key) {
        var entry = catalog.find(key.scenario());
        if (entry.isEmpty()) {
            return new RunResult.Unknown(key);
        }
        return switch (ScenarioReader.read(entry.get().file(), entry.get().text(), key.overrides(), key.seed())) {
            case ReadResult.Ok ok -> {
                Trace t = Emulator.run(ok.scenario().setup());
                yield new RunResult.Ran(key, ok.scenario(), t);
            }
            case ReadResult.Invalid bad -> new RunResult.Invalid(key, bad.problems());
        };
    }
}
