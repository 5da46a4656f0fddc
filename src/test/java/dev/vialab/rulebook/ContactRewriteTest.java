package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R15–R22, R31, R33, R36: when pjsua rewrites the Contact and what it sends (G2–G5). */
class ContactRewriteTest {

    @Test
    void method_1_unregisters_the_old_contact_and_registers_the_public_one_on_a_new_call_id_at_once() {
        Trace t = Runs.yaml("{phone: {profile: microsip-3.20, rewrite: on, pjsip: \"2.13\"}}");
        List<Runs.Sip> regs = Runs.registers(t);
        Runs.Sip a = regs.get(0);
        Runs.Sip unreg = regs.get(1);
        Runs.Sip b = regs.get(2);
        assertThat(unreg.callId()).isEqualTo(a.callId());
        assertThat(unreg.cseq()).isEqualTo(a.cseq() + 1);
        assertThat(unreg.expires()).isZero();
        assertThat(unreg.header("Contact")).isEqualTo("<sip:1001@192.168.1.10:5060;ob>");
        assertThat(unreg.viaSentBy()).isEqualTo("203.0.113.195:13450"); // the new via_addr (R21)
        assertThat(b.callId()).isNotEqualTo(a.callId());
        assertThat(b.header("Contact")).isEqualTo("<sip:1001@203.0.113.195:13450;ob>");
        assertThat(unreg.sentAt()).isEqualTo(b.sentAt()); // same instant, both resolved afresh
        assertThat(t.query().key("acc.response.ignored").count()).isGreaterThanOrEqualTo(1); // R27
    }

    @Test
    void on_pjsip_2_14_method_1_registers_the_local_contact_and_churns_a_new_call_id_every_refresh() {
        Trace t = Runs.yaml("{phone: {profile: microsip-3.20, rewrite: on, pjsip: \"2.14\"}, duration: 1000s}");
        List<Runs.Sip> regs = Runs.registers(t);
        assertThat(regs).filteredOn(r -> r.expires() != 0)
                .allSatisfy(r -> assertThat(r.header("Contact")).isEqualTo("<sip:1001@192.168.1.10:5060;ob>"));
        long callIds = regs.stream().map(Runs.Sip::callId).distinct().count();
        assertThat(callIds).isGreaterThanOrEqualTo(4); // initial, t=0 rewrite, and one more per refresh (R31)
        assertThat(regs).filteredOn(r -> r.expires() == 0).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void with_a_challenging_registrar_method_5_rewrites_on_the_401_and_never_unregisters() throws Exception {
        Trace t = Runs.file("lessons/scenarios/rulebook/g04-method5-challenge.yaml");
        List<Runs.Sip> regs = Runs.registers(t);
        assertThat(regs).noneMatch(r -> r.expires() == 0);
        assertThat(regs.stream().map(Runs.Sip::callId).distinct()).hasSize(1);
        Runs.Sip authed = regs.get(1);
        assertThat(authed.header("Authorization")).startsWith("Digest ");
        assertThat(authed.headers("Contact")).containsExactly("<sip:1001@203.0.113.195:13450;ob>");
        assertThat(authed.viaSentBy()).isEqualTo("203.0.113.195:13450");
        assertThat(authed.to()).isEqualTo(regs.get(0).to()); // the re-send goes to the same address (R2)
    }

    @Test
    void microsip_rewrite_off_keeps_the_local_via_but_pjsua_contact_rewrite_off_still_rewrites_the_via() {
        Trace microsip = Runs.yaml("{phone: {profile: microsip-3.20, rewrite: off}}");
        assertThat(Runs.registers(microsip)).allSatisfy(r -> assertThat(r.viaSentBy()).startsWith("192.168.1.10:"));
        Trace pjsua = Runs.yaml("{phone: {profile: pjsua-default, allow_contact_rewrite: 0}}");
        List<Runs.Sip> regs = Runs.registers(pjsua);
        assertThat(regs.getLast().viaSentBy()).startsWith("203.0.113.195:"); // R36
        assertThat(regs.getLast().header("Contact")).isEqualTo("<sip:1001@192.168.1.10:5060;ob>");
    }

    @Test
    void the_rewrite_guard_skips_the_check_on_the_2xx_right_after_a_rewrite() {
        Trace t = Runs.yaml("{phone: {profile: microsip-3.19, rewrite: on}}");
        assertThat(t.query().key("acc.rewrite.guard").count()).isEqualTo(2); // after t1's and t2's rewrites
        assertThat(t.query().key("acc.rewrite.detected").count()).isEqualTo(2);
    }
}
