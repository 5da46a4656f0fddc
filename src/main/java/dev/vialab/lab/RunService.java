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
 */
public final class RunService {
    private final ScenarioCatalog catalog;
    private final SharedMemo<RunKey, RunResult> cache;

    public RunService(ScenarioCatalog catalog, int cacheSize) {
        this.catalog = catalog;
        this.cache = new SharedMemo<>(cacheSize);
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
