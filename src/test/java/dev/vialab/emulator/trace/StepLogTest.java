package dev.vialab.emulator.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Transport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steps of a run kept in columns read back exactly as they were recorded, across chunk boundaries. */
class StepLogTest {
    private static final String[] NODES = {"phone", "nat", "ip1"};

    private static Step step(int i, World w) {
        Hop hop = i % 3 == 0 ? null : new Hop(i, "phone", "nat", i * 10L, "nat-lan",
                new Packet.Udp(Endpoint.of("192.168.1.10", 61000), Endpoint.of("198.51.100.1", 5060), new byte[] {13}),
                "keep-alive", Category.KEEPALIVE, false, Why.of("phone.ka", "R13"));
        return new Step(i, i * 1000L + 7, Kind.values()[i % Kind.values().length], NODES[i % NODES.length], hop,
                Why.of("k" + (i % 5), "R" + i, i, "x"), i - 1, w);
    }

    @Test
    void every_step_of_a_long_run_reads_back_equal_to_what_was_recorded() {
        World w0 = World.EMPTY;
        World w1 = w0.withCalls(PMap.<String, CallView>empty().put("c", new CallView("c", "ringing", "ip1", "", 3)));
        List<Step> recorded = new ArrayList<>();
        StepLog log = new StepLog();
        int n = 3 * 4096 + 17; // three full chunks and a growing fourth
        for (int i = 0; i < n; i++) {
            Step s = step(i, i < n / 2 ? w0 : w1);
            recorded.add(s);
            assertThat(log.add(s.time(), s.kind(), s.node(), s.hop(), s.why(), s.cause(), s.state(), -1))
                    .isEqualTo(i);
        }

        assertThat(log).hasSize(n).containsExactlyElementsOf(recorded);
        for (int i : new int[] {0, 15, 16, 4095, 4096, 8191, 8192, n - 1}) {
            Step s = recorded.get(i);
            assertThat(log.time(i)).isEqualTo(s.time());
            assertThat(log.kind(i)).isEqualTo(s.kind());
            assertThat(log.hop(i)).isEqualTo(s.hop());
            assertThat(log.hop(i) == null ? null : log.hop(i).leg()).isSameAs(s.hop() == null ? null : s.hop().leg());
            assertThat(log.why(i)).isSameAs(s.why());
            assertThat(log.state(i)).isSameAs(s.state());
        }
    }

    @Test
    void a_frozen_log_takes_no_more_steps_and_reads_nothing_past_its_end() {
        StepLog log = StepLog.of(List.of(step(0, World.EMPTY), step(1, World.EMPTY)));
        log.freeze();

        assertThatThrownBy(() -> log.add(5, Kind.DNS, "dns", null, Why.of("k", ""), -1, World.EMPTY, -1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> log.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> log.time(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void a_keep_alive_stores_no_state_yet_the_nat_row_of_each_step_shows_the_refreshes_up_to_it() {
        NatHistory history = new NatHistory();
        NatHistory.Log mlog = new NatHistory.Log(120, 60);
        NatRow stored = history.register(new NatRow("nat", Transport.UDP, Endpoint.of("192.168.1.10", 61000),
                Endpoint.of("203.0.113.195", 13450), "*", 0, 0, 120, List.of(), 0, 0), mlog);
        World w = World.EMPTY.withNat(PMap.<String, NatRow>empty().put("k", stored));
        StepLog log = new StepLog(history);
        log.add(0, Kind.NAT_MAPPING, "nat", null, Why.of("created", ""), -1, w, 0);
        log.add(5, Kind.PACKET, "ip1", null, Why.of("rx", ""), 0, w, 0);
        mlog.refreshed(NatHistory.ANY, 2, 13); // a keep-alive at step 2: logged, nothing stored
        log.add(13, Kind.FORWARD, "nat", null, Why.of("nat.out", ""), 1, w, 2);
        log.add(14, Kind.PACKET, "ip1", null, Why.of("rx", ""), 2, w, 2);

        assertThat(log.state(0).nat().get("k")).isSameAs(stored);
        assertThat(log.state(1)).isSameAs(log.state(0));
        NatRow refreshed = log.state(2).nat().get("k");
        assertThat(refreshed.lastOutbound()).isEqualTo(13);
        assertThat(refreshed.expires()).isEqualTo(133);
        assertThat(log.state(3)).isSameAs(log.state(2)); // read alike: one object, so views compare by reference
        assertThat(log.get(1).state().nat().get("k")).isSameAs(stored);
    }

    @Test
    void an_explanation_that_stands_for_its_steps_time_reads_back_with_each_steps_own_time() {
        Why shared = Why.of("nat.out", "RFC 4787 §4.3 REQ-6", "a", "b", "c", new Why.StepTimePlus(120 * 1_000_000L));
        StepLog log = new StepLog();
        log.add(13_000_000, Kind.FORWARD, "nat", null, shared, -1, World.EMPTY, -1);
        log.add(26_500_000, Kind.FORWARD, "nat", null, shared, 0, World.EMPTY, -1);

        assertThat(log.why(0).args()).containsExactly("a", "b", "c", "133.000");
        assertThat(log.get(1).why().args()).containsExactly("a", "b", "c", "146.500");
        assertThat(Why.of("k", "", 1).at(5)).isEqualTo(Why.of("k", "", 1));
    }

    @Test
    void an_explanation_that_stands_for_its_steps_packet_source_reads_back_with_each_steps_own_source() {
        Why shared = Why.of("registrar.rx.keepalive", "R13", Why.StepSource.PACKET);
        StepLog log = new StepLog();
        for (int port : new int[] {13450, 13000}) {
            Packet p = new Packet.Udp(Endpoint.of("203.0.113.195", port), Endpoint.of("198.51.100.1", 5060),
                    new byte[] {13, 10});
            log.add(port, Kind.PACKET, "ip1", new Hop(1, "nat", "ip1", 0, "internet", p, "keep-alive",
                    Category.KEEPALIVE, false, shared), shared, -1, World.EMPTY, -1);
        }

        assertThat(log.why(0).args()).containsExactly("203.0.113.195:13450");
        assertThat(log.get(1).why().args()).containsExactly("203.0.113.195:13000");
        assertThat(log.why(1).key()).isEqualTo("registrar.rx.keepalive");
    }

    @Test
    void hand_made_steps_must_sit_at_their_own_index() {
        assertThatThrownBy(() -> StepLog.of(List.of(step(1, World.EMPTY))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step 1 at position 0");
    }
}
