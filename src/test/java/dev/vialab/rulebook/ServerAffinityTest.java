package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R28, server affinity (pjsua_acc_config.server_affinity, pjproject master only; server_affinity.rst): the first
 * 2xx pins the next hop, so the seed's DNS reorder at t2 no longer moves the registration; the pin goes on a
 * retry-eligible failure; a MicroSIP UDP account (transport_id set) bypasses it silently.
 */
class ServerAffinityTest {
    private static final double T2 = 295;

    private static List<String> destinationsAfterT2(Trace t) {
        return Runs.registers(t).stream().filter(r -> r.sentAt() >= T2).map(Runs.Sip::to).distinct().toList();
    }

    @Test
    void with_affinity_the_refresh_after_the_dns_reorder_stays_on_the_first_server_without_asking_dns() {
        Trace t = Runs.yaml("{phone: {profile: pjsua-default, pjsip: master, server_affinity: true}}");
        assertThat(t.query().key("acc.affinity.pinned").count()).isEqualTo(1);
        assertThat(destinationsAfterT2(t)).containsExactly("ip1");
        long first = Runs.registers(t).getFirst().step().index();
        assertThat(t.query().kind(Kind.PACKET).node("dns").where(s -> s.index() > first).count())
                .as("no DNS query once pinned").isZero();
    }

    @Test
    void without_affinity_the_same_phone_follows_the_new_dns_order() {
        Trace t = Runs.yaml("{phone: {profile: pjsua-default, pjsip: master}}");
        assertThat(t.query().key("acc.affinity.pinned").count()).isZero();
        assertThat(destinationsAfterT2(t)).containsExactly("ip3");
    }

    @Test
    void a_microsip_udp_account_bypasses_affinity_silently_because_it_sets_transport_id() {
        Trace t = Runs.yaml("{phone: {profile: microsip-3.20, pjsip: master, server_affinity: true}}");
        assertThat(t.query().key("acc.affinity.bypassed").count()).isEqualTo(1);
        assertThat(t.query().key("acc.affinity.pinned").count()).isZero();
        assertThat(destinationsAfterT2(t)).containsExactly("ip3");
    }

    @Test
    void a_timeout_drops_the_pin_and_the_next_register_resolves_again() {
        Trace t = Runs.yaml("""
                phone: {profile: pjsua-default, pjsip: master, server_affinity: true}
                registrars:
                  servers:
                    - {name: ip1, address: 198.51.100.1, states: [{at: 0s, state: up}, {at: 200s, state: drop}]}
                    - {name: ip2, address: 198.51.100.2}
                    - {name: ip3, address: 198.51.100.3}
                duration: 900s
                """);
        assertThat(t.query().key("acc.affinity.dropped").count()).isPositive();
        // after the drop, a REGISTER reaches another server: the pin no longer holds it on ip1
        assertThat(Runs.registers(t).stream().filter(r -> r.sentAt() > T2).map(Runs.Sip::to))
                .anyMatch(to -> !to.equals("ip1"));
    }
}
