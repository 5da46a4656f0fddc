package dev.vialab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.TimelineModel.End;
import dev.vialab.lab.TimelineModel.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineMapperTest {
    private final Trace trace = LadderTraces.seed();
    private final TimelineModel model = TimelineMapper.from(trace);

    private TimelineModel.Row row(String label) {
        return model.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    private Step first(Kind kind, String key) {
        return trace.steps().stream().filter(s -> s.kind() == kind && s.why().key().equals(key)).findFirst()
                .orElseThrow();
    }

    @Test
    void rows_are_nat_mappings_then_keep_alive_targets_then_bindings() {
        assertThat(model.rows()).extracting(TimelineModel.Row::kind).containsExactly(RowKind.NAT_MAPPING,
                RowKind.NAT_MAPPING, RowKind.KEEPALIVE, RowKind.BINDING);
        assertThat(model.rows()).extracting(TimelineModel.Row::label).containsExactly("13450 → ip1",
                "13000 → ip3", "phone", "shared · 1001@192.168.1.10:61000;ob");
    }

    @Test
    void a_nat_mapping_lives_from_its_creation_to_its_expiry() {
        Step created = first(Kind.NAT_MAPPING, "nat.mapping.created");
        Step expired = first(Kind.NAT_MAPPING, "nat.mapping.expired");
        assertThat(row("13450 → ip1").bars()).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(created.time());
            assertThat(b.startStep()).isEqualTo(created.index());
            assertThat(b.end()).isEqualTo(expired.time());
            assertThat(Time.format(b.end())).isEqualTo("402.026");
            assertThat(b.endStep()).isEqualTo(expired.index());
            assertThat(b.ended()).isEqualTo(End.EXPIRED);
            assertThat(b.label()).isEqualTo("203.0.113.195:13450 ⇄ 198.51.100.1:5060");
            assertThat(b.target()).isEqualTo("ip1");
        });
        assertThat(row("13450 → ip1").detail()).isEqualTo("nat: UDP 192.168.1.10:61000 → 203.0.113.195:13450 for 198.51.100.1:5060");
    }

    @Test
    void a_mapping_still_alive_at_the_end_is_an_open_bar_to_the_end_time() {
        assertThat(row("13000 → ip3").bars()).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(first(Kind.NAT_MAPPING, "nat.mapping.created.newdest").time());
            assertThat(b.end()).isEqualTo(trace.endTime());
            assertThat(b.ended()).isEqualTo(End.OPEN);
            assertThat(b.endStep()).isEqualTo(-1);
        });
    }

    @Test
    void keep_alives_follow_the_last_successful_register_from_ip1_to_ip3() {
        List<TimelineModel.Bar> bars = row("phone").bars();
        Step moved = first(Kind.REGISTRATION, "acc.ka.moved");
        assertThat(bars).extracting(TimelineModel.Bar::target).containsExactly("ip1", "ip3");
        assertThat(bars.getFirst().start()).isEqualTo(first(Kind.REGISTRATION, "acc.ka.start").time());
        assertThat(bars.getFirst().end()).isEqualTo(moved.time());
        assertThat(bars.getFirst().ended()).isEqualTo(End.REPLACED);
        assertThat(bars.get(1).start()).isEqualTo(moved.time());
        assertThat(bars.get(1).label()).isEqualTo("ip3 198.51.100.3:5060");
    }

    @Test
    void a_shared_binding_gets_a_new_bar_when_another_server_sees_it_from_another_public_port() {
        List<TimelineModel.Bar> bars = row("shared · 1001@192.168.1.10:61000;ob").bars();
        Step movedAt = first(Kind.BINDING, "binding.moved");
        assertThat(bars).extracting(TimelineModel.Bar::label).containsExactly("ip1 via 203.0.113.195:13450",
                "ip3 via 203.0.113.195:13000");
        assertThat(bars.getFirst().start()).isEqualTo(first(Kind.BINDING, "binding.added").time());
        assertThat(bars.getFirst().end()).isEqualTo(movedAt.time());
        assertThat(bars.getFirst().ended()).isEqualTo(End.REPLACED);
        assertThat(bars.get(1).ended()).isEqualTo(End.OPEN);
    }

    @Test
    void every_step_time_is_there_for_the_cursor_and_the_nearest_step_on_click() {
        assertThat(model.stepTimes()).hasSize(trace.size());
        assertThat(model.stepTimes().get(100)).isEqualTo(trace.step(100).time());
        assertThat(model.endTime()).isEqualTo(trace.endTime());
        assertThat(model.marks()).extracting(TimelineModel.Mark::name).containsExactly("t1", "call1", "t2", "call2");
        assertThat(model.targets()).containsExactly("ip1", "ip3");
    }

    @Test
    void a_phone_that_quits_ends_its_binding_and_keep_alives() {
        TimelineModel quit = TimelineMapper.from(LadderTraces.quitting());
        assertThat(quit.rows()).filteredOn(r -> r.kind() == RowKind.BINDING).singleElement()
                .satisfies(r -> assertThat(r.bars().getLast().ended()).isEqualTo(End.REMOVED));
        assertThat(quit.rows()).filteredOn(r -> r.kind() == RowKind.KEEPALIVE).singleElement()
                .satisfies(r -> assertThat(r.bars().getLast().end()).isLessThan(quit.endTime()));
    }
}
