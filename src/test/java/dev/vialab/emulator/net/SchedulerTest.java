package dev.vialab.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vialab.emulator.trace.TraceRecorder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
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

    @Test
    void a_fired_timer_rearmed_runs_again_in_the_place_a_new_timer_would_take_and_a_queued_one_cannot_be_rearmed() {
        Scheduler s = new Scheduler(new TraceRecorder());
        List<String> ran = new ArrayList<>();
        Scheduler.Timer[] self = new Scheduler.Timer[1];
        int[] count = {0};
        self[0] = s.at(10, () -> {
            ran.add("tick@" + s.now());
            if (++count[0] < 3) {
                s.at(s.now() + 5, () -> ran.add("other@" + s.now())); // scheduled first, so it runs first
                assertThat(Scheduler.rearmable(self[0])).isTrue();
                s.rearm(self[0], s.now() + 5);
            }
        });
        assertThat(Scheduler.rearmable(self[0])).isFalse();
        assertThatThrownBy(() -> s.rearm(self[0], 20)).isInstanceOf(IllegalStateException.class);

        while (s.runNext(Long.MAX_VALUE)) {
            // run all
        }

        assertThat(ran).containsExactly("tick@10", "other@15", "tick@15", "other@20", "tick@20");
        assertThat(self[0].pending()).isFalse();
    }

    @Test
    void a_cancelled_timer_still_queued_is_not_rearmable_and_a_rearmed_one_can_be_cancelled() {
        Scheduler s = new Scheduler(new TraceRecorder());
        List<String> ran = new ArrayList<>();
        Scheduler.Timer t = s.at(10, () -> ran.add("t@" + s.now()));
        t.cancel();
        assertThat(Scheduler.rearmable(t)).isFalse();
        Scheduler.Timer u = s.at(12, () -> ran.add("u@" + s.now()));
        s.runNext(Long.MAX_VALUE);
        s.rearm(u, 30).cancel();
        s.at(40, () -> ran.add("v@" + s.now()));

        while (s.runNext(Long.MAX_VALUE)) {
            // run all
        }

        assertThat(ran).containsExactly("u@12", "v@40");
    }

    @Test
    void an_idle_timer_is_not_queued_and_when_armed_takes_the_place_a_new_timer_would_take() {
        Scheduler s = new Scheduler(new TraceRecorder());
        List<String> ran = new ArrayList<>();
        Scheduler.Timer idle = s.idle(() -> ran.add("idle@" + s.now()));
        assertThat(idle.pending()).isFalse();
        assertThat(Scheduler.rearmable(idle)).isTrue();
        assertThat(s.peekTime()).isEqualTo(-1); // nothing queued
        s.at(10, () -> ran.add("a@10"));
        s.rearm(idle, 10); // armed after a@10 for the same time: runs after it
        s.at(10, () -> ran.add("b@10"));

        while (s.runNext(Long.MAX_VALUE)) {
            // run all
        }

        assertThat(ran).containsExactly("a@10", "idle@10", "b@10");
    }

    /**
     * A cancelled timer stays queued until its time; once taken out — from the current slot's heap, from a slot of
     * the wheel, or from the heap past the wheel — it can be armed again and runs once more, and only then.
     */
    @Test
    void a_cancelled_timer_taken_out_of_the_queue_becomes_rearmable_wherever_it_waited() {
        long[] aheads = {1_000, 10_000_000, 900_000_000}; // the current slot, the wheel, past the wheel
        for (long ahead : aheads) {
            Scheduler s = new Scheduler(new TraceRecorder());
            List<String> ran = new ArrayList<>();
            Scheduler.Timer t = s.at(ahead, () -> ran.add("t@" + s.now()));
            t.cancel();
            s.at(ahead + 1, () -> {
                assertThat(Scheduler.rearmable(t)).as("taken out before %d", ahead + 1).isTrue();
                s.rearm(t, s.now() + 5);
            });
            assertThat(Scheduler.rearmable(t)).isFalse();

            while (s.runNext(Long.MAX_VALUE)) {
                // run all
            }

            assertThat(ran).as("cancelled %d ahead", ahead).containsExactly("t@" + (ahead + 6));
        }
    }

    /**
     * An action that can be read ahead ({@link Scheduler.Warm}) is warmed once, when its slot of the wheel comes
     * into the heap — before it runs, with time still where it was — and warming changes nothing of what runs, or
     * when. A timer due within the current slot goes straight to the heap and is not warmed.
     */
    @Test
    void a_warm_action_is_read_ahead_once_when_its_slot_comes_in_and_runs_as_it_would_have() {
        Scheduler s = new Scheduler(new TraceRecorder());
        List<String> log = new ArrayList<>();
        final class KeepAliveLike implements Runnable, Scheduler.Warm {
            private final String name;

            KeepAliveLike(String name) {
                this.name = name;
            }

            @Override
            public long warm() {
                log.add("warm " + name + "@" + s.now());
                return 1;
            }

            @Override
            public void run() {
                log.add("run " + name + "@" + s.now());
            }
        }
        s.at(10, new KeepAliveLike("near"));
        s.at(12_000_000, new KeepAliveLike("ka"));
        s.at(12_000_001, () -> log.add("other@" + s.now()));

        while (s.runNext(Long.MAX_VALUE)) {
            // run all
        }

        assertThat(log).containsExactly("run near@10", "warm ka@10", "run ka@12000000", "other@12000001");
    }

    /**
     * A model check of the timing wheel: timers from microseconds to days ahead (the current slot, the wheel, past
     * the wheel, past several turns of it), scheduled from inside running events, some cancelled, must run exactly
     * in the (time, order scheduled) order of a sorted map, and leave nothing queued.
     */
    @Test
    void timers_near_in_the_wheel_and_past_it_run_in_time_and_schedule_order_like_a_sorted_map() {
        long[] spans = {1, 1_000, 131_072, 1_000_000, 60_000_000, 600_000_000, 86_400_000_000L};
        for (long seed = 1; seed <= 20; seed++) {
            Scheduler s = new Scheduler(new TraceRecorder());
            SplittableRandom rnd = new SplittableRandom(seed);
            TreeMap<Long, Integer> expected = new TreeMap<>(); // key: time × 2^12 + order scheduled
            Map<Scheduler.Timer, Long> keyOf = new IdentityHashMap<>();
            List<Scheduler.Timer> live = new ArrayList<>();
            List<Integer> ran = new ArrayList<>();
            Runnable[] plan = new Runnable[1];
            plan[0] = () -> {
                for (int k = rnd.nextInt(4); k > 0 && keyOf.size() < 4_000; k--) {
                    long at = s.now() + rnd.nextLong(spans[rnd.nextInt(spans.length)]);
                    int order = keyOf.size();
                    Scheduler.Timer t = s.at(at, () -> {
                        ran.add(order);
                        plan[0].run();
                    });
                    keyOf.put(t, at * 4096 + order);
                    expected.put(at * 4096 + order, order);
                    live.add(t);
                }
                if (!live.isEmpty() && rnd.nextInt(5) == 0) {
                    Scheduler.Timer victim = live.remove(rnd.nextInt(live.size()));
                    if (victim.pending()) {
                        victim.cancel();
                        expected.remove(keyOf.get(victim));
                    }
                }
            };
            for (int i = 0; i < 50; i++) {
                plan[0].run();
            }

            long last = -1;
            while (s.runNext(Long.MAX_VALUE)) {
                assertThat(s.now()).isGreaterThanOrEqualTo(last);
                last = s.now();
            }

            assertThat(ran).as("seed %d", seed).containsExactlyElementsOf(expected.values());
            assertThat(ran.size()).isGreaterThan(1_000);
            assertThat(s.queued()).isZero();
            assertThat(s.peekTime()).isEqualTo(-1);
        }
    }
}
