package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R25 and RFC 3261 §18.1.1 as pjsip implements them ({@code stateless_send_resolver_callback}): a request of 1300
 * bytes or more whose first resolved address is UDP goes over TCP first; MicroSIP's "UDP+TCP" leaves the account
 * without a transport_id so that can happen, its "UDP" binds the UDP transport so it cannot.
 */
class UdpTcpSwitchTest {
    /** One header makes the REGISTER big; its length is what the tests turn. */
    private static String phone(String transport, int tokenLength, String more) {
        return "{profile: microsip-3.20, transport: " + transport + ", reg_headers: [\"X-Token: "
                + "a".repeat(tokenLength) + "\"]" + more + "}";
    }

    private static Trace run(String phone, String... more) {
        return Runs.yaml("phone: " + phone + "\n" + String.join("\n", more));
    }

    private static boolean overTcp(Runs.Sip m) {
        return m.step().hop().packet() instanceof Packet.Tcp;
    }

    /** What pjsip measures: the wire text without the Via's transport and sent-by, filled in after the check. */
    private static int measured(Runs.Sip register) {
        return register.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                - "UDP".length() - register.viaSentBy().length();
    }

    private static long udpKeepAlives(Trace t) {
        return t.query().where(s -> s.hop() != null && s.node().equals("nat")
                && s.hop().category() == Category.KEEPALIVE && s.hop().packet() instanceof Packet.Udp).count();
    }

    @Test
    void a_udp_tcp_account_sends_a_register_of_1300_bytes_or_more_over_tcp_and_keeps_alive_only_the_connection() {
        Trace t = run(phone("udp+tcp", 950, ", rewrite: off"));
        Runs.Sip first = Runs.registers(t).getFirst();
        assertThat(first.to()).isEqualTo("ip1");
        assertThat(overTcp(first)).isTrue();
        assertThat(first.header("Via")).startsWith("SIP/2.0/TCP ");
        assertThat(first.header("Supported")).as("outbound is for TCP accounts, not for a UDP account's big request")
                .isNull();
        assertThat(first.headers("Contact")).containsExactly("<sip:1001@192.168.1.10:5060;ob>");
        assertThat(t.query().key("tsx.tcp.switch").count()).isPositive();
        // update_keep_alive: a 2xx that came over TCP starts no UDP keep-alive
        assertThat(udpKeepAlives(t)).isZero();
        assertThat(t.query().key("acc.ka.start").count()).isZero();
    }

    @Test
    void the_same_register_from_a_udp_account_stays_on_udp_because_transport_id_makes_tcp_unsuitable() {
        Trace t = run(phone("udp", 950, ", rewrite: off"));
        Runs.Sip first = Runs.registers(t).getFirst();
        assertThat(overTcp(first)).isFalse();
        assertThat(first.to()).isEqualTo("ip1");
        assertThat(t.query().key("tsx.tcp.unsuitable").count()).isPositive();
        assertThat(t.query().key("tsx.tcp.switch").count()).isZero();
        assertThat(udpKeepAlives(t)).isPositive();
    }

    @Test
    void pjsip_switches_at_exactly_1300_bytes_counted_before_the_via_is_filled_in() {
        Runs.Sip probe = Runs.registers(run(phone("udp+tcp", 100, ""))).getFirst();
        assertThat(overTcp(probe)).isFalse();
        int atThreshold = 100 + (1300 - measured(probe));

        Runs.Sip below = Runs.registers(run(phone("udp+tcp", atThreshold - 1, ""))).getFirst();
        assertThat(measured(below)).isEqualTo(1299);
        assertThat(overTcp(below)).isFalse();

        Runs.Sip at = Runs.registers(run(phone("udp+tcp", atThreshold, ""))).getFirst();
        assertThat(overTcp(at)).isTrue();
    }

    @Test
    void after_rewrite_over_tcp_the_contact_names_tcp_as_acc_check_nat_addr_writes_it() {
        Trace t = run(phone("udp+tcp", 950, ", rewrite: on"));
        assertThat(Runs.registers(t).stream().filter(r -> r.expires() != 0).map(r -> r.headers("Contact")))
                .contains(List.of("<sip:1001@203.0.113.195:13450;transport=TCP;ob>"));
    }

    @Test
    void an_authenticated_resend_that_grows_past_1300_bytes_moves_to_tcp_on_the_same_server() {
        // the first REGISTER is just under the threshold; the Authorization header of the re-send pushes it over
        Runs.Sip probe = Runs.registers(run(phone("udp+tcp", 100, ""))).getFirst();
        int tokens = 100 + (1300 - measured(probe)) - 60;
        Trace t = run(phone("udp+tcp", tokens, ""), "registrars: {location: shared, defaults: {auth: challenge}}");
        List<Runs.Sip> regs = Runs.registers(t);
        assertThat(overTcp(regs.get(0))).isFalse();
        assertThat(regs.get(1).header("Authorization")).startsWith("Digest ");
        assertThat(overTcp(regs.get(1))).isTrue();
        assertThat(regs.get(1).to()).isEqualTo(regs.get(0).to());
        // the re-send kept the request's address list, so it asked DNS nothing new (R2)
        long firstDns = t.query().where(s -> s.hop() != null && s.node().equals("dns")).count();
        Trace small = run("{profile: microsip-3.20, transport: udp+tcp}",
                "registrars: {location: shared, defaults: {auth: challenge}}");
        assertThat(firstDns).isEqualTo(small.query().where(s -> s.hop() != null && s.node().equals("dns")).count());
    }

    @Test
    void a_nat_aware_proxy_sends_the_dialog_back_over_the_connection_the_answer_came_on() throws Exception {
        Trace t = Runs.file("lessons/scenarios/rulebook/r25-udp-tcp-big-register.yaml");
        assertThat(t.query().key("phone.ack.timeout").count()).isZero();
        List<Runs.Sip> toPhone = Runs.sip(t).stream().filter(m -> m.to().equals("phone")
                && (m.isRequest("ACK") || m.isRequest("BYE"))).toList();
        assertThat(toPhone).hasSize(2).allSatisfy(m -> {
            assertThat(overTcp(m)).isTrue();
            assertThat(m.text()).as("handle_ruri_alias removes the alias").doesNotContain("alias=");
        });
    }

    @Test
    void when_every_server_refuses_tcp_the_request_walks_the_tcp_copies_then_takes_the_first_udp_address() {
        Trace t = run(phone("udp+tcp", 950, ""), """
                registrars:
                  servers:
                    - {name: ip1, address: 198.51.100.1, states: [{at: 0s, state: refuse}]}
                    - {name: ip2, address: 198.51.100.2, states: [{at: 0s, state: refuse}]}
                    - {name: ip3, address: 198.51.100.3, states: [{at: 0s, state: refuse}]}
                duration: 20s""");
        // stateless_send_transport_cb: [TCP ip1, TCP ip2, TCP ip3, UDP ip1, UDP ip2, UDP ip3], each connect
        // refused with RST, so the REGISTER finally leaves over UDP to ip1 (where ICMP does not fail over, R6)
        List<String> tried = t.steps().stream().filter(s -> s.hop() != null && s.node().startsWith("ip")
                && s.hop().packet() instanceof Packet.Tcp tcp && tcp.payload().length == 0 && s.node().equals(
                s.hop().to())).map(s -> s.node()).distinct().toList();
        assertThat(tried).containsExactly("ip1", "ip2", "ip3");
        assertThat(t.query().key("tsx.failover").count()).isEqualTo(3);
        assertThat(t.steps().stream().filter(s -> s.hop() != null && s.hop().category() == Category.SIP
                && s.hop().packet() instanceof Packet.Udp && s.node().startsWith("ip")).map(s -> s.node())
                .distinct().toList()).containsExactly("ip1");
    }

    @Test
    void a_udp_only_provider_gets_the_big_register_over_udp_after_resets_with_the_udp_address_in_via() {
        Trace t = run(phone("udp+tcp", 950, ", rewrite: on"), "registrars: {location: shared, defaults: {tcp: false}}");
        List<Runs.Sip> regs = Runs.registers(t);
        assertThat(regs).isNotEmpty().allSatisfy(r -> assertThat(overTcp(r)).isFalse());
        assertThat(regs.getFirst().to()).isEqualTo("ip1");
        // a REGISTER after the rewrite learned 203.0.113.195:13450 over UDP still carries the UDP transport's own
        // address: each refused TCP copy overwrote tdata->via_addr first (stateless_send_transport_cb, R34)
        assertThat(t.query().key("acc.via.learned").count()).isPositive();
        assertThat(regs).allSatisfy(r -> assertThat(r.viaSentBy()).isEqualTo("192.168.1.10:5060"));
        assertThat(t.query().key("tsx.failover").count()).isEqualTo(3L * regs.size());
    }

    @Test
    void a_udp_tcp_account_does_not_bypass_server_affinity() {
        Trace t = Runs.yaml(
                "{phone: {profile: microsip-3.20, transport: udp+tcp, pjsip: master, server_affinity: true}}");
        assertThat(t.query().key("acc.affinity.bypassed").count()).isZero();
        assertThat(t.query().key("acc.affinity.pinned").count()).isEqualTo(1);
    }

    @Test
    void a_small_register_from_udp_tcp_is_sent_exactly_as_from_udp() {
        Trace udp = Runs.yaml("{phone: {profile: microsip-3.20, transport: udp}}");
        Trace both = Runs.yaml("{phone: {profile: microsip-3.20, transport: udp+tcp}}");
        assertThat(Runs.registers(both).stream().map(Runs.Sip::text).toList())
                .isEqualTo(Runs.registers(udp).stream().map(Runs.Sip::text).toList());
        assertThat(both.steps().stream().map(s -> s.hop()).filter(h -> h != null).map(Hop::packet)
                .noneMatch(p -> p instanceof Packet.Tcp)).isTrue();
    }
}
