package dev.vialab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.NodeInfo;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LadderMapperTest {
    private final Trace trace = LadderTraces.seed();
    private final LadderModel model = LadderMapper.from(trace, Explainer.english());

    private List<LadderModel.Arrow> arrows(String label) {
        return model.arrows().stream().filter(a -> a.label().equals(label)).toList();
    }

    @Test
    void there_is_one_lane_per_device_in_the_traces_order_with_its_addresses() {
        assertThat(model.lanes()).extracting(LadderModel.Lane::name)
                .containsExactly("phone", "dns", "nat", "ip1", "ip2", "ip3", "caller");
        assertThat(model.lanes().get(2).role()).isEqualTo(NodeInfo.Role.NAT);
        assertThat(model.lanes().get(2).addresses()).containsExactly("192.168.1.1", "203.0.113.195");
        assertThat(model.lanes().getFirst().addresses()).containsExactly("192.168.1.10:61000");
    }

    @Test
    void every_step_is_drawn_exactly_once_as_a_hop_or_a_note() {
        List<Integer> drawn = new ArrayList<>();
        model.arrows().forEach(a -> a.hops().forEach(h -> drawn.add(h.step())));
        model.notes().forEach(n -> drawn.add(n.step()));
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(IntStream.range(0, trace.size()).boxed().toList());
        assertThat(model.steps()).isEqualTo(trace.size());
        assertThat(model.endTime()).isEqualTo(trace.endTime());
    }

    @Test
    void a_register_that_crosses_the_nat_is_one_arrow_bending_at_the_nat_with_the_rewrite_in_its_hops() {
        LadderModel.Arrow register = arrows("REGISTER").getFirst();
        assertThat(register.hops()).extracting(LadderModel.Hop::from, LadderModel.Hop::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("phone", "nat"),
                        org.assertj.core.groups.Tuple.tuple("nat", "ip1"));
        assertThat(register.hops().get(0).src()).isEqualTo("192.168.1.10:61000");
        assertThat(register.hops().get(1).src()).isEqualTo("203.0.113.195:13450");
        assertThat(register.hops().get(1).dst()).isEqualTo("198.51.100.1:5060");
        assertThat(register.detail()).startsWith("CSeq ").contains("REGISTER · Expires 300")
                .endsWith("via 203.0.113.195:13450").doesNotContain("un-REGISTER");
        assertThat(register.dropped()).isNull();
        assertThat(register.firstStep()).isLessThan(register.lastStep());
    }

    @Test
    void a_hop_arrives_at_the_time_of_the_step_that_recorded_its_arrival() {
        for (LadderModel.Arrow a : model.arrows()) {
            for (LadderModel.Hop h : a.hops()) {
                Step s = trace.step(h.step());
                assertThat(h.arriveAt()).isEqualTo(s.time());
                assertThat(s.hop().flight()).isEqualTo(a.flight());
                assertThat(h.arriveAt()).isGreaterThanOrEqualTo(h.sentAt());
            }
        }
    }

    @Test
    void arrows_come_in_send_time_order() {
        assertThat(model.arrows()).isSortedAccordingTo(Comparator.comparingLong(LadderModel.Arrow::sentAt)
                .thenComparingInt(LadderModel.Arrow::flight));
        assertThat(model.arrows()).allSatisfy(a -> assertThat(a.sentAt()).isEqualTo(a.hops().getFirst().sentAt()));
    }

    @Test
    void an_invite_dropped_by_the_nat_ends_there_with_the_reason_in_words() {
        List<LadderModel.Arrow> dropped = model.arrows().stream().filter(a -> a.dropped() != null).toList();
        assertThat(dropped).isNotEmpty().allSatisfy(a -> {
            assertThat(a.label()).isEqualTo("INVITE");
            assertThat(a.dropped().lane()).isEqualTo("nat");
            assertThat(a.dropped().step()).isEqualTo(a.lastStep());
            assertThat(a.hops().getLast().to()).isEqualTo("nat");
            assertThat(a.dropped().reason()).startsWith("Dropped by address-and-port-dependent filtering")
                    .isEqualTo(Explainer.english().text(trace.step(a.dropped().step()).why()));
        });
        assertThat(dropped.getFirst().retransmission()).isFalse();
        assertThat(dropped.subList(1, dropped.size())).allSatisfy(a -> assertThat(a.retransmission()).isTrue());
    }

    @Test
    void a_dns_answer_shows_its_addresses_as_the_detail() {
        LadderModel.Arrow answer = model.arrows().stream()
                .filter(a -> a.category() == Category.DNS && a.label().equals("A sip.example.com")).findFirst()
                .orElseThrow();
        assertThat(answer.detail()).isEqualTo("198.51.100.1 198.51.100.2 198.51.100.3");
        assertThat(answer.hops()).singleElement().satisfies(h -> assertThat(h.to()).isEqualTo("phone"));
    }

    @Test
    void keep_alives_and_in_dialog_requests_keep_their_category_and_public_side() {
        assertThat(arrows("keep-alive")).isNotEmpty().allSatisfy(a -> {
            assertThat(a.category()).isEqualTo(Category.KEEPALIVE);
            assertThat(a.detail()).startsWith("via 203.0.113.195:");
        });
        assertThat(arrows("BYE").getFirst().detail()).matches("CSeq \\d+ BYE");
        assertThat(arrows("BYE").get(1).detail()).matches("CSeq \\d+ BYE · via 203\\.0\\.113\\.195:13450");
    }

    @Test
    void every_other_step_is_a_note_on_its_own_lane_explained_with_its_rule() {
        LadderModel.Note mapping = model.notes().stream().filter(n -> n.kind() == Kind.NAT_MAPPING).findFirst()
                .orElseThrow();
        assertThat(mapping.lane()).isEqualTo("nat");
        assertThat(mapping.text()).startsWith("New mapping 192.168.1.10:61000 → 203.0.113.195:13450");
        assertThat(mapping.rule()).isEqualTo("RFC 4787 §4.1");
        assertThat(model.notes()).isSortedAccordingTo(Comparator.comparingInt(LadderModel.Note::step));
    }

    @Test
    void marks_keep_their_names_times_and_steps() {
        assertThat(model.marks()).extracting(LadderModel.Mark::name).containsExactly("t1", "call1", "t2", "call2");
        assertThat(model.marks().get(2).step()).isEqualTo(trace.mark("t2").orElseThrow().step());
    }

    @Test
    void a_phone_that_quits_sends_an_un_register() {
        LadderModel quit = LadderMapper.from(LadderTraces.quitting(), Explainer.english());
        assertThat(quit.arrows()).filteredOn(a -> a.label().equals("REGISTER"))
                .anySatisfy(a -> assertThat(a.detail()).contains("Expires 0 · un-REGISTER"));
    }

    @Test
    void the_same_trace_and_locale_give_an_equal_model_and_chinese_falls_back_to_a_full_text() {
        assertThat(LadderMapper.from(trace, Explainer.english())).isEqualTo(model);
        LadderModel zh = LadderMapper.from(trace, Explainer.of(Locale.SIMPLIFIED_CHINESE));
        assertThat(zh.arrows()).hasSameSizeAs(model.arrows());
        assertThat(zh.notes()).allSatisfy(n -> assertThat(n.text()).isNotBlank().doesNotStartWith("nat."));
    }
}
