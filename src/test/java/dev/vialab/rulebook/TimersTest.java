package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R8–R10 and R13: Expires, refresh time, keep-alive interval and target. */
class TimersTest {

    @Test
    void the_refresh_is_sent_5_s_before_the_granted_expiry_on_the_same_call_id() {
        Trace t = Runs.yaml("{dns: {names: [{name: sip.example.com, addresses: [ip1, ip2, ip3], order: {policy: fixed}}]}}");
        List<Runs.Sip> regs = Runs.registers(t);
        Runs.Sip ok = Runs.sip(t).stream().filter(m -> m.text().startsWith("SIP/2.0 200") && m.to().equals("phone"))
                .findFirst().orElseThrow();
        assertThat(regs.get(0).expires()).isEqualTo(300);
        // the refresh timer fires at granted − 5 s; the REGISTER leaves after its own DNS lookup (about 1 ms)
        assertThat(regs.get(1).sentAt() - ok.time()).isCloseTo(295.0, within(0.002));
        assertThat(regs.get(1).callId()).isEqualTo(regs.get(0).callId());
    }

    @Test
    void a_short_grant_refreshes_by_pjsip_rules() {
        // granted 30 s: 30 - 5 = 25 s (R9); the registrar caps the request at max_expires
        Trace t = Runs.yaml("{registrars: {defaults: {max_expires: 30, min_expires: 10}}, duration: 70s}");
        List<Runs.Sip> regs = Runs.registers(t);
        assertThat(regs.get(1).sentAt() - regs.get(0).sentAt()).isCloseTo(25.0, within(0.05));
    }

    @Test
    void keep_alives_go_every_12_to_14_s_to_the_destination_of_the_last_successful_register() {
        Trace t = Runs.yaml("{}");
        List<Step> kas = t.query().kind(Kind.PACKET).category(Category.KEEPALIVE).list();
        assertThat(kas).isNotEmpty();
        long previous = -1;
        for (Step ka : kas) {
            long sent = ka.hop().sentAt();
            assertThat(ka.node()).isEqualTo(sent < 295_000_000 ? "ip1" : "ip3");
            if (previous >= 0 && Math.abs(sent - 295_000_000) > 15_000_000) {
                assertThat(sent - previous).isIn(12_000_000L, 13_000_000L, 14_000_000L);
            }
            previous = sent;
        }
        assertThat(ka(t, "acc.ka.moved").why().args()).containsExactly("198.51.100.1:5060", "198.51.100.3:5060");
    }

    private static Step ka(Trace t, String key) {
        return t.query().key(key).first().orElseThrow();
    }
}
