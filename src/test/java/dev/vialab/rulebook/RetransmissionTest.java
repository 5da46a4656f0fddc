package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R5–R7, R12: retransmission, Timer F, failover only on a failed TCP connect, retry timing; G7, G8, G10. */
class RetransmissionTest {

    @Test
    void a_udp_register_to_a_silent_server_is_sent_11_times_then_times_out_at_32_s_and_never_fails_over()
            throws Exception {
        Trace t = Runs.file("lessons/scenarios/rulebook/g07-udp-silent-server.yaml");
        List<Step> firstTsx = t.query().kind(Kind.DROP).node("ip1").between(0, 33_000_000).list();
        double first = firstTsx.getFirst().hop().sentAt() / 1e6;
        List<Double> offsets = firstTsx.stream().map(s -> s.hop().sentAt() / 1e6 - first).toList();
        assertThat(offsets).hasSize(11);
        double[] expected = {0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5};
        for (int i = 0; i < expected.length; i++) {
            assertThat(offsets.get(i)).isCloseTo(expected[i], within(0.002));
        }
        Step timeout = t.query().key("tsx.timeout").first().orElseThrow();
        assertThat(timeout.time() / 1e6).isCloseTo(32.0, within(0.001)); // Timer F counts from the start (R7)
        // retries: the first sends of new transactions, each on a new regc (new Call-ID, R12)
        List<Step> retries = t.query().kind(Kind.DROP).node("ip1").label("REGISTER")
                .where(s -> s.hop().sentBecause().key().equals("acc.retry")).list();
        assertThat(retries.getFirst().hop().sentAt() / 1e6).isBetween(32.0, 42.01); // U[0, 10) after the 408
        assertThat(retries.get(1).hop().sentAt() / 1e6 - t.query().key("tsx.timeout").list().get(1).time() / 1e6)
                .isBetween(290.0, 310.01);
        assertThat(retries).extracting(s -> callId(s.hop().packet().text())).doesNotHaveDuplicates();
        assertThat(t.query().node("ip2").count() + t.query().node("ip3").count()).isZero(); // G7 step 5
    }

    private static String callId(String sip) {
        return sip.substring(sip.indexOf("Call-ID: ") + 9, sip.indexOf("\r\n", sip.indexOf("Call-ID: ")));
    }

    @Test
    void a_refused_tcp_connect_fails_over_within_the_transaction_and_the_via_names_the_new_connection()
            throws Exception {
        Trace t = Runs.file("lessons/scenarios/rulebook/g08-tcp-refused.yaml");
        assertThat(t.query().key("tsx.failover").first()).isPresent();
        Runs.Sip first = Runs.registers(t).getFirst();
        assertThat(first.to()).isEqualTo("ip2");
        assertThat(first.header("Via")).startsWith("SIP/2.0/TCP 192.168.1.10:").contains(";alias");
        assertThat(first.viaSentBy()).isNotEqualTo("192.168.1.10:61000"); // R34: the ephemeral port
        // every refresh tries ip1 first again: no memory of the refused server (B2)
        long refusals = t.query().kind(Kind.PACKET).node("phone").key("tcp.connect.refused").count();
        assertThat(refusals).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_503_is_a_final_response_retried_to_the_same_server_ignoring_retry_after() throws Exception {
        Trace t = Runs.file("lessons/scenarios/rulebook/g10-503.yaml");
        List<Runs.Sip> regs = Runs.registers(t);
        assertThat(regs).allSatisfy(r -> assertThat(r.to()).isEqualTo("ip1"));
        double firstFail = t.query().key("acc.failed").first().orElseThrow().time() / 1e6;
        double retry = regs.get(1).sentAt();
        assertThat(retry - firstFail).isBetween(0.0, 10.0).isNotCloseTo(30.0, within(0.5));
        // method 5 learned received:rport from the 503 (ALWAYS_UPDATE) and keeps it in the retry's Via (R12)
        assertThat(regs.get(1).viaSentBy()).isEqualTo("203.0.113.195:13450");
        assertThat(regs.get(1).header("Contact")).isEqualTo("<sip:1001@192.168.1.10:61000;ob>");
        assertThat(regs.get(1).callId()).isNotEqualTo(regs.get(0).callId());
    }
}
