package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.trace.CallOutcome;
import dev.vialab.emulator.trace.Trace;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The seed document's table: at t1 the REGISTER goes to ip1 and leaves the NAT as 203.0.113.195:13450, at t2 it
 * goes to ip3 as 203.0.113.195:13000 — with rewrite off and on, under every profile.
 */
class SeedTableTest {

    @Test
    void t1_registers_with_ip1_through_13450_and_t2_with_ip3_through_13000() {
        Trace t = Runs.yaml("{}");
        List<Runs.Sip> regs = Runs.registers(t);
        Runs.Sip t1 = regs.getFirst();
        assertThat(t1.to()).isEqualTo("ip1");
        assertThat(t1.publicSide()).hasToString("203.0.113.195:13450");
        assertThat(t1.viaSentBy()).isEqualTo("192.168.1.10:5060");
        Runs.Sip t2 = regs.stream().filter(r -> r.time() >= 295).findFirst().orElseThrow();
        assertThat(t2.to()).isEqualTo("ip3");
        assertThat(t2.publicSide()).hasToString("203.0.113.195:13000");
        // rewrite off: the same Call-ID, the private Contact, and no un-REGISTER anywhere (G1)
        assertThat(t2.callId()).isEqualTo(t1.callId());
        assertThat(t2.cseq()).isEqualTo(t1.cseq() + 1);
        assertThat(t2.header("Contact")).isEqualTo("<sip:1001@192.168.1.10:5060;ob>");
        assertThat(regs).noneMatch(r -> r.expires() == 0);
    }

    @ParameterizedTest(name = "{0} on pjsip {1}")
    @CsvSource({"microsip-3.19, 2.13", "microsip-3.20, 2.13", "microsip-3.21, 2.13", "microsip-3.22, 2.13",
            "pjsua-default, 2.13", "microsip-3.20, 2.14", "microsip-3.22, 2.14", "pjsua-default, 2.17"})
    void with_rewrite_on_every_profile_still_uses_13450_at_t1_and_13000_at_t2(String profile, String pjsip) {
        Trace t = Runs.yaml("{}", "phone.profile=" + profile, "phone.rewrite=on", "phone.pjsip=\"" + pjsip + "\"");
        List<Runs.Sip> regs = Runs.registers(t);
        assertThat(regs).filteredOn(r -> r.time() < 295).allSatisfy(r -> {
            assertThat(r.to()).isEqualTo("ip1");
            assertThat(r.publicSide()).hasToString("203.0.113.195:13450");
        });
        assertThat(regs).filteredOn(r -> r.time() >= 295).isNotEmpty().allSatisfy(r -> {
            assertThat(r.to()).isEqualTo("ip3");
            assertThat(r.publicSide()).hasToString("203.0.113.195:13000");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"microsip-3.20", "microsip-3.21", "microsip-3.22"})
    void the_un_register_of_method_1_goes_to_ip3_not_ip1(String profile) {
        // rulebook (d)1: the un-REGISTER is a new transaction, resolved afresh (R1, R17)
        Trace t = Runs.yaml("{}", "phone.profile=" + profile, "phone.rewrite=on");
        List<Runs.Sip> unregs = Runs.registers(t).stream().filter(r -> r.time() >= 295 && r.expires() == 0)
                .toList();
        assertThat(unregs).isNotEmpty().allSatisfy(r -> assertThat(r.to()).isEqualTo("ip3"));
        assertThat(Runs.registers(t).stream().filter(r -> r.time() >= 295).map(Runs.Sip::callId).distinct())
                .hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"microsip-3.19", "pjsua-default"})
    void method_6_never_unregisters_and_keeps_its_call_id(String profile) {
        Trace t = Runs.yaml("{}", "phone.profile=" + profile, "phone.rewrite=on");
        List<Runs.Sip> regs = Runs.registers(t);
        assertThat(regs).noneMatch(r -> r.expires() == 0);
        assertThat(regs.stream().map(Runs.Sip::callId).distinct()).hasSize(1);
        Runs.Sip moved = regs.stream().filter(r -> r.time() >= 295 && r.headers("Contact").size() == 2)
                .findFirst().orElseThrow();
        assertThat(moved.headers("Contact")).containsExactly("<sip:1001@203.0.113.195:13000;ob>",
                "<sip:1001@203.0.113.195:13450;ob>;expires=0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lessons/scenarios/seed-rewrite-moves.yaml", "lessons/scenarios/seed-restart.yaml"})
    void a_call_via_ip1_to_13450_after_the_mapping_expired_is_lost_with_its_cause(String file) throws Exception {
        Trace t = Runs.file(file);
        CallOutcome o = t.outcome("call-via-ip1").orElseThrow();
        assertThat(o.result()).isEqualTo(CallOutcome.Result.LOST);
        assertThat(o.chain()).extracting(l -> l.why().key())
                .startsWith("nat.drop.expired", "nat.mapping.expired")
                .containsAnyOf("acc.ka.moved", "acc.ka.start", "phone.quit")
                .contains("proxy.lookup.source");
        assertThat(t.step(o.chain().getFirst().step()).hop().packet().text()).startsWith("INVITE");
        assertThat(o.chain().getFirst().why().arg(0)).isEqualTo("203.0.113.195:13450");
    }
}
