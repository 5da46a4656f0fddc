package dev.vialab.emulator.nat;

import static dev.vialab.emulator.setup.NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT;
import static dev.vialab.emulator.setup.NatSetup.Behaviour.ADDRESS_DEPENDENT;
import static dev.vialab.emulator.setup.NatSetup.Behaviour.ENDPOINT_INDEPENDENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.NatSetup.Behaviour;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 4787: which public port an outbound packet gets (§4.1) and which inbound packets pass (§5). */
class NatBoxTest {
    private static final Endpoint IP1 = Endpoint.of("198.51.100.1", 5060);
    private static final Endpoint IP1_OTHER_PORT = Endpoint.of("198.51.100.1", 5080);
    private static final Endpoint IP2 = Endpoint.of("198.51.100.2", 5060);

    static Stream<Arguments> matrix() {
        // mapping, filtering, public ports seen by ip1:5060 / ip1:5080 / ip2:5060 (same letter = same port),
        // and whether an inbound packet from ip1:5060 / ip1:5080 / ip2:5060 reaches the phone
        return Stream.of(
                Arguments.of(ENDPOINT_INDEPENDENT, ENDPOINT_INDEPENDENT, "aaa", List.of(true, true, true)),
                Arguments.of(ENDPOINT_INDEPENDENT, ADDRESS_DEPENDENT, "aaa", List.of(true, true, false)),
                Arguments.of(ENDPOINT_INDEPENDENT, ADDRESS_AND_PORT_DEPENDENT, "aaa", List.of(true, false, false)),
                Arguments.of(ADDRESS_DEPENDENT, ENDPOINT_INDEPENDENT, "aab", List.of(true, true, true)),
                Arguments.of(ADDRESS_DEPENDENT, ADDRESS_DEPENDENT, "aab", List.of(true, true, false)),
                Arguments.of(ADDRESS_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT, "aab", List.of(true, false, false)),
                Arguments.of(ADDRESS_AND_PORT_DEPENDENT, ENDPOINT_INDEPENDENT, "abc", List.of(true, true, true)),
                Arguments.of(ADDRESS_AND_PORT_DEPENDENT, ADDRESS_DEPENDENT, "abc", List.of(true, true, false)),
                Arguments.of(ADDRESS_AND_PORT_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT, "abc",
                        List.of(true, false, false)));
    }

    @ParameterizedTest(name = "{0} mapping, {1} filtering")
    @MethodSource("matrix")
    void mapping_decides_the_public_port_and_filtering_decides_who_may_send_in(Behaviour mapping,
            Behaviour filtering, String ports, List<Boolean> passes) {
        NatHarness h = new NatHarness(mapping, filtering, 120 * Time.S);
        h.at(0, () -> h.inside.send(5060, IP1, "to-ip1"));
        h.at(Time.S, () -> h.inside.send(5060, IP1_OTHER_PORT, "to-ip1-5080"));
        h.at(2 * Time.S, () -> h.inside.send(5060, IP2, "to-ip2"));
        h.run();
        List<Integer> seen = List.of(port(h.ip1.received, "to-ip1"), port(h.ip1.received, "to-ip1-5080"),
                port(h.ip2.received, "to-ip2"));
        assertThat(letters(seen)).isEqualTo(ports);

        // Inbound: only after the phone has sent to ip1:5060 alone, through the mapping ip1:5060 saw.
        NatHarness in = new NatHarness(mapping, filtering, 120 * Time.S);
        in.at(0, () -> in.inside.send(5060, IP1, "hello"));
        in.at(Time.S, () -> in.ip1.send(5060, in.seenByIp1(), "from-ip1"));
        in.at(2 * Time.S, () -> in.ip1.send(5080, in.seenByIp1(), "from-ip1-5080"));
        in.at(3 * Time.S, () -> in.ip2.send(5060, in.seenByIp1(), "from-ip2"));
        in.run();
        List<String> got = in.inside.texts();
        assertThat(List.of(got.contains("from-ip1"), got.contains("from-ip1-5080"), got.contains("from-ip2")))
                .isEqualTo(passes);
    }

    @Test
    void each_remote_of_one_mapping_keeps_its_own_filter_permission_and_lifetime() {
        // one endpoint-independent mapping towards three remotes; address-and-port-dependent filtering gives each
        // its own permission, ending 30 s after the last packet sent to it (RFC 4787 §5, REQ-8)
        NatHarness h = new NatHarness(ENDPOINT_INDEPENDENT, ADDRESS_AND_PORT_DEPENDENT, 30 * Time.S);
        Endpoint ip2Other = Endpoint.of("198.51.100.2", 5080);
        h.at(0, () -> h.inside.send(5060, IP1, "to-ip1"));
        h.at(20 * Time.S, () -> h.inside.send(5060, IP2, "to-ip2"));
        h.at(25 * Time.S, () -> h.inside.send(5060, ip2Other, "to-ip2-5080"));
        h.at(40 * Time.S, () -> h.inside.send(5060, ip2Other, "to-ip2-5080-again"));
        h.at(29 * Time.S, () -> h.ip1.send(5060, h.seenByIp1(), "from-ip1"));
        h.at(45 * Time.S, () -> h.ip1.send(5060, h.seenByIp1(), "from-ip1-expired"));
        h.at(45 * Time.S, () -> h.ip1.send(5080, h.seenByIp1(), "from-ip1-5080-never"));
        h.at(45 * Time.S, () -> h.ip2.send(5060, h.seenByIp1(), "from-ip2"));
        h.at(45 * Time.S, () -> h.ip2.send(5080, h.seenByIp1(), "from-ip2-5080"));
        h.at(55 * Time.S, () -> h.ip2.send(5060, h.seenByIp1(), "from-ip2-expired"));
        h.at(55 * Time.S, () -> h.ip2.send(5080, h.seenByIp1(), "from-ip2-5080-still"));
        h.run();
        assertThat(h.ip2.received).extracting(Packet.Udp::src).containsOnly(h.seenByIp1()); // one mapping
        assertThat(h.inside.texts()).containsExactly("from-ip1", "from-ip2", "from-ip2-5080", "from-ip2-5080-still");
    }

    @Test
    void a_udp_mapping_expires_after_its_timeout_without_outbound_traffic() {
        NatHarness h = new NatHarness(ENDPOINT_INDEPENDENT, ENDPOINT_INDEPENDENT, 30 * Time.S);
        h.at(0, () -> h.inside.send(5060, IP1, "hello"));
        h.at(29 * Time.S, () -> h.ip1.send(5060, h.seenByIp1(), "in-time"));
        h.at(31 * Time.S, () -> h.ip1.send(5060, h.seenByIp1(), "too-late"));
        h.run();
        assertThat(h.inside.texts()).containsExactly("in-time");
        assertThat(h.recorder.steps()).anyMatch(s -> s.why().key().equals("nat.mapping.expired"));
        assertThat(h.recorder.steps()).anyMatch(s -> s.why().key().equals("nat.drop.expired"));
    }

    @Test
    void inbound_traffic_does_not_refresh_a_mapping() {
        NatHarness h = new NatHarness(ENDPOINT_INDEPENDENT, ENDPOINT_INDEPENDENT, 30 * Time.S);
        h.at(0, () -> h.inside.send(5060, IP1, "hello"));
        for (int t = 10; t <= 40; t += 10) {
            int sec = t;
            h.at(sec * Time.S, () -> h.ip1.send(5060, h.seenByIp1(), "in-" + sec));
        }
        h.run();
        assertThat(h.inside.texts()).containsExactly("in-10", "in-20");
    }

    @Test
    void outbound_traffic_refreshes_a_mapping() {
        NatHarness h = new NatHarness(ENDPOINT_INDEPENDENT, ENDPOINT_INDEPENDENT, 30 * Time.S);
        for (int t = 0; t <= 60; t += 20) {
            h.at(t * Time.S, () -> h.inside.send(5060, IP1, "ka"));
        }
        h.at(75 * Time.S, () -> h.ip1.send(5060, h.seenByIp1(), "call"));
        h.run();
        assertThat(h.inside.texts()).containsExactly("call");
        assertThat(h.ip1.received).extracting(Packet.Udp::src).containsOnly(h.ip1.received.getFirst().src());
    }

    @Test
    void every_mapping_is_recorded_with_its_reason() {
        NatHarness h = new NatHarness(ADDRESS_AND_PORT_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT, 120 * Time.S);
        h.at(0, () -> h.inside.send(5060, IP1, "a"));
        h.at(Time.S, () -> h.inside.send(5060, IP2, "b"));
        h.run();
        List<Step> mappings = h.recorder.steps().stream().filter(s -> s.kind() == Kind.NAT_MAPPING).toList();
        assertThat(mappings).extracting(s -> s.why().key()).containsExactly("nat.mapping.created",
                "nat.mapping.created.newdest", "nat.mapping.expired", "nat.mapping.expired");
        List<Step> created = mappings.subList(0, 2);
        assertThat(created.get(1).why().rule()).contains("REQ-1");
    }

    /**
     * Reading a NAT ahead of a keep-alive ({@link NatBox#warm}) finds the mapping the datagram will use, through
     * the NAT's one-entry memo when it holds the phone's flow and through the index when it does not, and changes
     * nothing: no step, and the next datagram leaves by the same public port.
     */
    @Test
    void reading_a_nat_ahead_finds_the_same_mapping_through_its_memo_or_its_index_and_changes_nothing() {
        NatHarness h = new NatHarness(ADDRESS_AND_PORT_DEPENDENT, ADDRESS_AND_PORT_DEPENDENT, 120 * Time.S);
        Packet.Udp ka = new Packet.Udp(Endpoint.of("192.168.1.10", 5060), IP1, new byte[] {13, 10});
        h.at(0, () -> h.inside.send(5060, IP1, "first"));
        h.runUntil(Time.S);
        int steps = h.recorder.steps().size();
        long viaMemo = h.nat.warm(ka); // the memo holds 192.168.1.10:5060, the flow just translated
        assertThat(viaMemo).isNotEqualTo(h.nat.warm(new Packet.Udp(Endpoint.of("192.168.1.10", 5999), IP1,
                new byte[] {13, 10}))); // a source with no mapping reads none
        assertThat(h.recorder.steps()).hasSize(steps);

        h.at(2 * Time.S, () -> h.inside.send(5080, IP1, "other")); // a new mapping: the memo is forgotten
        h.at(2 * Time.S + 1, () -> h.inside.send(5080, IP1, "other again")); // and now holds :5080's
        h.runUntil(3 * Time.S);
        steps = h.recorder.steps().size();
        assertThat(h.nat.warm(ka)).as("through the index").isEqualTo(viaMemo);
        assertThat(h.recorder.steps()).hasSize(steps);

        h.at(4 * Time.S, () -> h.inside.send(5060, IP1, "again"));
        h.run();
        assertThat(port(h.ip1.received, "again")).isEqualTo(port(h.ip1.received, "first"));
    }

    private static int port(List<Packet.Udp> got, String text) {
        return got.stream().filter(p -> p.text().equals(text)).findFirst().orElseThrow().src().port();
    }

    private static String letters(List<Integer> ports) {
        StringBuilder b = new StringBuilder();
        List<Integer> distinct = ports.stream().distinct().toList();
        for (int p : ports) {
            b.append((char) ('a' + distinct.indexOf(p)));
        }
        return b.toString();
    }
}
