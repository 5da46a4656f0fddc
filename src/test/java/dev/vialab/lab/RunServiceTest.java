package dev.vialab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RunServiceTest {
    private final RunService runs = new RunService(ScenarioCatalog.fromDirectory(Path.of("lessons")), 8, 1_000_000);

    @Test
    void sessions_asking_for_the_same_run_at_once_share_one_trace() throws Exception {
        RunKey key = new RunKey("seed-t1-t2", List.of(), 77L);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<RunResult>> asked = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                asked.add(pool.submit(() -> {
                    gate.await();
                    return runs.run(key);
                }));
            }
            gate.countDown();
            RunResult first = asked.getFirst().get();
            assertThat(first).isInstanceOf(RunResult.Ran.class);
            for (Future<RunResult> f : asked) {
                assertThat(f.get()).isSameAs(first);
            }
        }
    }

    @Test
    void a_run_is_computed_once_and_then_served_from_the_cache() {
        RunKey key = new RunKey("seed-t1-t2", List.of("phone.rewrite=on"), null);
        assertThat(runs.run(key)).isSameAs(runs.run(key));
    }

    @Test
    void an_unknown_scenario_is_reported_not_thrown() {
        assertThat(runs.run(new RunKey("no-such-scenario", List.of(), null))).isInstanceOf(RunResult.Unknown.class);
    }

    @Test
    void the_cache_counts_a_run_by_its_steps_and_keeps_within_its_step_budget() {
        RunService small = new RunService(ScenarioCatalog.fromDirectory(Path.of("lessons")), 8, 1);
        RunResult.Ran first = (RunResult.Ran) small.run(new RunKey("seed-t1-t2", List.of(), null));
        assertThat(small.cached())
                .isEqualTo(new SharedMemo.Held(1, RunService.STEPS_PER_ENTRY + first.trace().size()));
        small.run(new RunKey("seed-t1-t2", List.of(), 7L)); // over budget: the older run leaves
        assertThat(small.cached().count()).isEqualTo(1);
        assertThat(small.run(new RunKey("seed-t1-t2", List.of(), null))).isNotSameAs(first);
    }
}
