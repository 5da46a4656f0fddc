package dev.vialab.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vialab.emulator.trace.TraceRecorder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Events run in (time, order scheduled) order; a cancelled event never runs; time never goes back. */
class SchedulerTest {

    private record Planned(long at, int order) {}

    @Test
    void events_run_by_time_and_same_time_events_in_the_order_they_were_scheduled() {
        Scheduler s = new Scheduler(new TraceRecorder());
        SplittableRandom rnd = new SplittableRandom(3);
        List<Planned> planned = new ArrayList<>();
        List<Planned> ran = new ArrayList<>();
        List<Scheduler.Timer> timers = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Planned p = new Planned(rnd.nextInt(200), i); // many events share an instant
            planned.add(p);
            timers.add(s.at(p.at(), () -> ran.add(p)));
        }
        for (int i = 0; i < planned.size(); i += 7) {
            timers.get(i).cancel();
        }
        List<Planned> expected = new ArrayList<>();
        for (Planned p : planned) {
            if (p.order() % 7 != 0) {
                expected.add(p);
            }
        }
        expected.sort(Comparator.comparingLong(Planned::at).thenComparingInt(Planned::order));

        while (s.runNext(Long.MAX_VALUE)) {
            assertThat(s.now()).isEqualTo(ran.getLast().at());
        }

        assertThat(ran).containsExactlyElementsOf(expected);
        assertThat(timers.get(1).pending()).isFalse();
        assertThat(timers.get(0).pending()).isFalse();
        assertThat(s.peekTime()).isEqualTo(-1);
    }

    @Test
    void events_scheduled_while_running_take_their_place_and_the_past_is_refused() {
        Scheduler s = new Scheduler(new TraceRecorder());
        List<String> ran = new ArrayList<>();
        s.at(10, () -> {
            ran.add("a@10");
            s.after(0, () -> ran.add("c@10"));
            s.at(15, () -> ran.add("d@15"));
        });
        s.at(10, () -> ran.add("b@10"));
        s.at(20, () -> ran.add("e@20"));

        assertThat(s.runNext(15)).isTrue();
        assertThat(s.runNext(15)).isTrue();
        assertThat(s.runNext(15)).isTrue();
        assertThat(s.runNext(15)).isTrue();
        assertThat(s.runNext(15)).isFalse(); // e@20 is after the limit
        assertThat(ran).containsExactly("a@10", "b@10", "c@10", "d@15");
        assertThat(s.peekTime()).isEqualTo(20);
        assertThatThrownBy(() -> s.at(14, () -> {})).isInstanceOf(IllegalStateException.class);
    }
}
