package dev.vialab.lab;

import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.scenario.ReadResult;
import dev.vialab.scenario.ScenarioReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs scenarios for the bench. Runs are pure functions of their {@link RunKey}, and traces are immutable, so
 * every session asking for the same run shares one trace: a bounded least-recently-used cache keeps the heap per
 * learner small and makes stepping and re-opening instant. A run asked for again while it is being computed is
 * waited for, not computed twice: a class opening the same lesson at once shares one trace from the start.
 */
public final class RunService {
    private final ScenarioCatalog catalog;
    private final Map<RunKey, RunResult> cache;
    /** Runs being computed, guarded by {@code cache}'s lock like the cache itself. */
    private final Map<RunKey, CompletableFuture<RunResult>> running = new HashMap<>();

    public RunService(ScenarioCatalog catalog, int cacheSize) {
        this.catalog = catalog;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<RunKey, RunResult> eldest) {
                return size() > cacheSize;
            }
        };
    }

    public ScenarioCatalog catalog() {
        return catalog;
    }

    public RunResult run(RunKey key) {
        CompletableFuture<RunResult> pending;
        synchronized (cache) {
            RunResult hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
            pending = running.get(key);
            if (pending == null) {
                running.put(key, new CompletableFuture<>());
            }
        }
        if (pending != null) {
            return pending.join();
        }
        CompletableFuture<RunResult> mine;
        try {
            RunResult result = compute(key);
            synchronized (cache) {
                cache.put(key, result);
                mine = running.remove(key);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            synchronized (cache) {
                mine = running.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
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
