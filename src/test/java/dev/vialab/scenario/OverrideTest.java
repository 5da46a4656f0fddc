package dev.vialab.scenario;

import static dev.vialab.scenario.TestFiles.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.DnsOrder;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverrideTest {
    static final Ip IP1 = Ip.parse("198.51.100.1");
    static final Ip IP2 = Ip.parse("198.51.100.2");
    static final Ip IP3 = Ip.parse("198.51.100.3");

    @Test
    void phone_rewrite_on_changes_allow_contact_rewrite_to_2() {
        assertThat(ok("", "phone.rewrite=on").setup().phones().getFirst().allowContactRewrite()).isEqualTo(2);
        assertThat(ok("").setup().phones().getFirst().allowContactRewrite()).isEqualTo(0);
    }

    @Test
    void a_flow_map_override_makes_the_default_name_answer_per_query() {
        Setup s = ok(TestFiles.text(TestFiles.lessons().resolve("scenarios/seed-t1-t2.yaml")),
                "dns.names[0].order={policy: per-query, orders: [[ip3, ip1, ip2]], then: hold}").setup();
        assertThat(s.dns().names().getFirst().order())
                .isEqualTo(new DnsOrder.PerQuery(List.of(List.of(IP3, IP1, IP2)), false));
        assertThat(s.dns().names().getFirst().addresses()).containsExactly(IP1, IP2, IP3);
    }

    @Test
    void an_override_into_a_default_list_writes_the_default_in_first() {
        Setup s = ok("", "registrars.servers[1].states=[{at: 0s, state: up}, {at: 100s, state: drop}]").setup();
        assertThat(s.registrars()).extracting(RegistrarSetup::name).containsExactly("ip1", "ip2", "ip3");
        assertThat(s.registrars().get(1).states()).containsExactly(
                new RegistrarSetup.StateChange(0, RegistrarSetup.Mode.UP, -1),
                new RegistrarSetup.StateChange(100 * Time.S, RegistrarSetup.Mode.DROP, -1));
        assertThat(s.dns()).isEqualTo(DefaultsTest.seedSetup("x").dns());
    }

    @Test
    void a_path_through_missing_keys_creates_them() {
        Setup s = ok("phone: {port: 5070}", "nat.ports.start=30000", "registrars.defaults.auth=challenge").setup();
        assertThat(s.nats().getFirst().ports().start()).isEqualTo(30000);
        assertThat(s.nats().getFirst().ports().script()).containsExactly(13450, 13000);
        assertThat(s.registrars()).extracting(RegistrarSetup::auth).containsOnly(RegistrarSetup.Auth.CHALLENGE);
        assertThat(s.phones().getFirst().port()).isEqualTo(5070);
    }

    @Test
    void a_new_mark_is_added_to_the_default_marks() {
        assertThat(ok("", "marks.t3=400s").setup().marks()).extracting(Setup.MarkSetup::name)
                .containsExactly("t1", "t2", "t3");
    }

    @Test
    void overrides_apply_in_order_and_an_empty_value_restores_the_default() {
        assertThat(ok("", "phone.port=5070", "phone.port=5080").setup().phones().getFirst().port()).isEqualTo(5080);
        assertThat(ok("phone: {port: 5070}", "phone.port=").setup().phones().getFirst().port()).isEqualTo(5060);
    }

    @Test
    void a_whole_section_can_be_replaced() {
        Setup s = ok("", "registrars.servers=[{name: solo, address: 198.51.100.9}]").setup();
        assertThat(s.registrars()).extracting(RegistrarSetup::name).containsExactly("solo");
        assertThat(s.dns().names().getFirst().order()).isEqualTo(new DnsOrder.Fixed());
    }

    @Test
    void an_override_that_breaks_a_rule_is_reported_at_its_position() {
        assertThat(TestFiles.problems(ScenarioReader.read("f.yaml", "", List.of("phone.port=5070",
                "phone.contact_rewrite_method=4")))).containsExactly("override:2:1: phone.contact_rewrite_method: "
                        + PhoneDecoder.METHOD_4);
    }
}
