package dev.vialab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.lab.Explainer;
import dev.vialab.lab.RunKey;
import dev.vialab.lab.RunResult;
import dev.vialab.lab.RunService;
import dev.vialab.lab.ScenarioCatalog;
import dev.vialab.lab.SharedMemo;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ViewModelsTest {
    private final RunService runs = new RunService(ScenarioCatalog.fromDirectory(Path.of("lessons")), 8, 1_000_000);
    private final RunResult.Ran seed = (RunResult.Ran) runs.run(new RunKey("seed-t1-t2", List.of(), null));
    private final RunResult.Ran reseeded = (RunResult.Ran) runs.run(new RunKey("seed-t1-t2", List.of(), 7L));

    @Test
    void a_runs_ladder_is_made_once_per_language_and_shared() {
        ViewModels models = new ViewModels(1_000_000);
        assertThat(models.ladder(seed, Explainer.english(), Locale.ENGLISH))
                .isSameAs(models.ladder(seed, Explainer.english(), Locale.ENGLISH))
                .isNotEqualTo(models.ladder(seed, Explainer.of(Explainer.ZH_CN), Explainer.ZH_CN));
        assertThat(models.timeline(seed)).isSameAs(models.timeline(seed));
        assertThat(models.cached()).isEqualTo(new SharedMemo.Held(3, 3 * RunService.weight(seed.trace())));
    }

    @Test
    void models_are_counted_by_their_runs_steps_and_kept_within_the_step_budget() {
        ViewModels models = new ViewModels(RunService.weight(seed.trace()) + RunService.weight(reseeded.trace()));
        var first = models.ladder(seed, Explainer.english(), Locale.ENGLISH);
        models.timeline(seed);
        assertThat(models.cached().count()).isEqualTo(2);
        models.ladder(reseeded, Explainer.english(), Locale.ENGLISH); // over budget: the seed's ladder leaves
        assertThat(models.cached()).isEqualTo(new SharedMemo.Held(2,
                RunService.weight(seed.trace()) + RunService.weight(reseeded.trace())));
        assertThat(models.ladder(seed, Explainer.english(), Locale.ENGLISH)).isNotSameAs(first).isEqualTo(first);
    }
}
