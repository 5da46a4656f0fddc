package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R26, R35, R38 and G9: quitting, the application's failover, and the 2.17 storm. */
class LifecycleTest {

    @Test
    void quitting_unregisters_on_the_current_regc_resolved_afresh() {
        Trace t = Runs.yaml("{events: [{at: 400s, action: quit}], duration: 420s}");
        List<Runs.Sip> regs = Runs.registers(t);
        Runs.Sip last = regs.getLast();
        Runs.Sip before = regs.get(regs.size() - 2);
        assertThat(last.expires()).isZero();
        assertThat(last.callId()).isEqualTo(before.callId());
        assertThat(last.cseq()).isEqualTo(before.cseq() + 1);
        assertThat(last.to()).isEqualTo("ip3"); // whatever DNS names first then (R38)
        assertThat(t.query().key("phone.stopped").first()).isPresent();
    }

    @Test
    void the_application_failover_unregisters_through_the_old_route_then_registers_through_the_new_one()
            throws Exception {
        Trace t = Runs.file("lessons/scenarios/rulebook/g09-app-failover.yaml");
        List<Runs.Sip> regs = Runs.registers(t).stream().filter(r -> r.time() >= 100).toList();
        Runs.Sip unreg = regs.stream().filter(r -> r.expires() == 0).findFirst().orElseThrow();
        Runs.Sip fresh = regs.stream().filter(r -> r.expires() > 0).findFirst().orElseThrow();
        assertThat(unreg.to()).isEqualTo("ip1");
        assertThat(unreg.header("Route")).isEqualTo("<sip:198.51.100.1;lr>");
        assertThat(fresh.to()).isEqualTo("ip3");
        assertThat(fresh.header("Route")).isEqualTo("<sip:198.51.100.3;lr>");
        assertThat(fresh.callId()).isNotEqualTo(unreg.callId());
    }

    @Test
    void tcp_failover_with_method_5_on_pjsip_2_17_storms_until_the_event_limit() throws Exception {
        Trace storm = Runs.file("lessons/scenarios/rulebook/g08c-tcp-refused-method5-pjsip217.yaml");
        assertThat(storm.stop().key()).isEqualTo("run.limit.events");
        assertThat(storm.query().key("acc.guard.reset").count()).isGreaterThan(10);
        Trace churn = Runs.file("lessons/scenarios/rulebook/g08b-tcp-refused-method5-pjsip214.yaml");
        assertThat(churn.stop().key()).isEqualTo("run.end");
        assertThat(churn.query().key("acc.guard.reset").count()).isZero();
    }
}
