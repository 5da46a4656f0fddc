package dev.vialab.lab.ui;

import com.vaadin.flow.internal.JacksonUtils;
import dev.vialab.lab.Explainer;
import dev.vialab.lab.LadderMapper;
import dev.vialab.lab.RunKey;
import dev.vialab.lab.RunResult;
import dev.vialab.lab.SharedMemo;
import dev.vialab.lab.TimelineMapper;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.BaseJsonNode;

/**
 * The ladder's and the timeline's models as JSON, made once per run (and language) and shared by every session
 * showing that run. They are the largest part of a bench's state (a few hundred KB of nodes for the seed run);
 * one copy per session made a session cost about 1 MB. Trees handed out here are never modified: Flow only
 * serialises an element property's value.
 */
@Component
class ViewModels {
    private record Key(RunKey run, String view, Locale locale) {}

    private final SharedMemo<Key, BaseJsonNode> cache = new SharedMemo<>(128);

    BaseJsonNode ladder(RunResult.Ran run, Explainer explainer, Locale locale) {
        return get(new Key(run.key(), "ladder", locale), () -> LadderMapper.from(run.trace(), explainer));
    }

    BaseJsonNode timeline(RunResult.Ran run) {
        return get(new Key(run.key(), "timeline", Locale.ROOT), () -> TimelineMapper.from(run.trace()));
    }

    private BaseJsonNode get(Key key, Supplier<Object> model) {
        return cache.get(key, k -> (BaseJsonNode) JacksonUtils.beanToJson(model.get()));
    }
}
