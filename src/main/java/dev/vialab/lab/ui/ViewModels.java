package dev.vialab.lab.ui;

import com.vaadin.flow.internal.JacksonUtils;
import dev.vialab.lab.Explainer;
import dev.vialab.lab.LadderMapper;
import dev.vialab.lab.RunKey;
import dev.vialab.lab.RunResult;
import dev.vialab.lab.RunService;
import dev.vialab.lab.SharedMemo;
import dev.vialab.lab.TimelineMapper;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.BaseJsonNode;

/**
 * The ladder's and the timeline's models as JSON, made once per run (and language) and shared by every session
 * showing that run. They are the largest part of a bench's state (a few hundred KB of nodes for the seed run);
 * one copy per session made a session cost about 1 MB. Trees handed out here are never modified: Flow only
 * serialises an element property's value.
 *
 * <p>Bounded by the steps of the runs they draw, as {@link RunService}'s cache is, not by count alone: a model holds
 * every step of its run, and a JSON tree is several times the trace it comes from (measured by the bench's
 * {@code ViewModelFootprint}: see {@link #BYTES_PER_STEP}), so 128 models of long runs would not fit any heap.
 */
@Component
class ViewModels {
    /**
     * What a cached model costs per step of its run, for the default budget: the English ladder measured 1 144 B per
     * step of a 200-phone ten-minute run and 1 320 of a 50-phone one, the Chinese one 1 093 and 1 098, the timeline
     * about 100 (ViewModelFootprint). Every model counts at the ladder's rate: the budget errs on the safe side.
     */
    static final int BYTES_PER_STEP = 1300;

    private record Key(RunKey run, String view, Locale locale) {}

    private record Model(BaseJsonNode json, long steps) {}

    private final SharedMemo<Key, Model> cache;

    /** {@code cacheSteps}: the steps of the runs whose models are kept together; 0 for a fifth of the heap. */
    ViewModels(@Value("${vialab.view-cache-steps:0}") long cacheSteps) {
        cache = new SharedMemo<>(128, cacheSteps > 0 ? cacheSteps : defaultCacheSteps(Runtime.getRuntime().maxMemory()),
                Model::steps);
    }

    /** The default step budget: a fifth of {@code maxHeapBytes} at {@link #BYTES_PER_STEP}. */
    static long defaultCacheSteps(long maxHeapBytes) {
        return maxHeapBytes / 5 / BYTES_PER_STEP;
    }

    BaseJsonNode ladder(RunResult.Ran run, Explainer explainer, Locale locale) {
        return get(new Key(run.key(), "ladder", locale), run, () -> LadderMapper.from(run.trace(), explainer));
    }

    BaseJsonNode timeline(RunResult.Ran run) {
        return get(new Key(run.key(), "timeline", Locale.ROOT), run, () -> TimelineMapper.from(run.trace()));
    }

    /** What the cache holds: models, and the steps of their runs summed (each counted as {@link RunService} does). */
    SharedMemo.Held cached() {
        return cache.held();
    }

    private BaseJsonNode get(Key key, RunResult.Ran run, Supplier<Object> model) {
        return cache.get(key, k -> new Model((BaseJsonNode) JacksonUtils.beanToJson(model.get()),
                RunService.weight(run.trace()))).json();
    }
}
