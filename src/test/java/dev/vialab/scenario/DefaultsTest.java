package dev.vialab.scenario;

import static dev.vialab.scenario.TestFiles.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.CallerSetup;
import dev.vialab.emulator.setup.DnsOrder;
import dev.vialab.emulator.setup.DnsSetup;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.PjsipVersion;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DefaultsTest {
    static final Ip IP1 = Ip.parse("198.51.100.1");
    static final Ip IP2 = Ip.parse("198.51.100.2");
    static final Ip IP3 = Ip.parse("198.51.100.3");

    /** The seed document's world, written out by hand: what an empty file must mean. */
    static Setup seedSetup(String name) {
        DnsOrder schedule = new DnsOrder.Schedule(List.of(
                new DnsOrder.Schedule.Entry(0, List.of(IP1, IP2, IP3)),
                new DnsOrder.Schedule.Entry(295 * Time.S, List.of(IP3, IP1, IP2))));
        DnsSetup dns = new DnsSetup(Ip.parse("192.168.1.2"), Ip.parse("192.0.2.53"), 5 * Time.MS,
                List.of(new DnsSetup.Name("sip.example.com", List.of(IP1, IP2, IP3), 300, schedule)), List.of());
        NatSetup nat = new NatSetup("nat", Ip.parse("192.168.1.1"), Ip.parse("192.168.1.0"), 24,
                Ip.parse("203.0.113.195"), NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT,
                NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT,
                new NatSetup.PortAllocation(NatSetup.PortAllocation.Mode.SCRIPTED, 20000, List.of(13450, 13000)),
                120 * Time.S, 120 * Time.S, 2 * Time.MS);
        PhoneSetup phone = new PhoneSetup("phone", "nat", Ip.parse("192.168.1.10"), 5060, "1001", "secret",
                Profile.MICROSIP_3_20, PjsipVersion.V2_13, PhoneSetup.Resolver.OS, Transport.UDP, true, 0, 1, false,
                false, 300, 15, 300, 0, 10, 5, true, true, PhoneSetup.Failover.NONE, false, 0, 2 * Time.S, "MicroSIP/3.20.5",
                List.of());
        return new Setup(name, 1, 1, 600 * Time.S, "sip.example.com", dns, List.of(nat),
                List.of(registrar("ip1", IP1), registrar("ip2", IP2), registrar("ip3", IP3)),
                Setup.LocationMode.PER_SERVER, List.of(phone),
                List.of(new CallerSetup("caller", Ip.parse("198.51.100.200"), "2000", 10 * Time.MS)), List.of(),
                List.of(), List.of(new Setup.MarkSetup("t1", 0), new Setup.MarkSetup("t2", 295 * Time.S)), 200_000);
    }

    static RegistrarSetup registrar(String name, Ip ip) {
        return new RegistrarSetup(name, ip, 5060, 10 * Time.MS,
                List.of(new RegistrarSetup.StateChange(0, RegistrarSetup.Mode.UP, -1)), RegistrarSetup.Auth.NONE,
                "sip.example.com", 60, 3600, true, true);
    }

    @Test
    void an_empty_file_is_the_seed_setup() {
        Scenario s = ok(ScenarioReader.read("seed.yaml", ""));
        assertThat(s.setup()).isEqualTo(seedSetup("seed"));
        assertThat(s.id()).isEqualTo("seed");
        assertThat(s.title()).isEmpty();
        assertThat(s.description()).isEmpty();
        assertThat(s.tags()).isEmpty();
    }

    @Test
    void a_file_of_comments_and_empty_sections_is_the_seed_setup() {
        Scenario s = ok(ScenarioReader.read("seed.yaml", "# nothing to change\nphone:\nnat: {}\nregistrars:\n"));
        assertThat(s.setup()).isEqualTo(seedSetup("seed"));
    }

    @Test
    void the_id_is_the_file_name_without_directories_and_extension() {
        assertThat(ok(ScenarioReader.read("lessons/scenarios/dns-moves.yaml", "")).id()).isEqualTo("dns-moves");
        assertThat(ok(ScenarioReader.read("x.yaml", "id: chosen")).id()).isEqualTo("chosen");
    }

    @Test
    void listing_other_registrars_gives_one_fixed_name_with_all_of_them_in_order() {
        Setup s = ok("""
                domain: voip.example.net
                registrars:
                  servers:
                    - {name: b, address: 198.51.100.20}
                    - {name: a, address: 198.51.100.10}
                """).setup();
        assertThat(s.dns().names()).containsExactly(new DnsSetup.Name("voip.example.net",
                List.of(Ip.parse("198.51.100.20"), Ip.parse("198.51.100.10")), 300, new DnsOrder.Fixed()));
        assertThat(s.registrars()).extracting(RegistrarSetup::realm).containsOnly("voip.example.net");
    }

    @Test
    void listing_the_default_three_keeps_the_seed_schedule() {
        Setup s = ok("""
                registrars:
                  servers:
                    - {name: ip1, address: 198.51.100.1}
                    - name: ip2
                      address: 198.51.100.2
                      states: [{at: 0s, state: up}, {at: 100s, state: drop}]
                    - {name: ip3, address: 198.51.100.3, port: 5070}
                """).setup();
        assertThat(s.dns()).isEqualTo(seedSetup("x").dns());
        assertThat(s.registrars().get(1).states()).hasSize(2);
    }

    @Test
    void registrar_defaults_apply_to_every_server_that_does_not_say_otherwise() {
        Setup s = ok("registrars: {defaults: {port: 5070, auth: challenge}, servers: [{name: ip1, address: "
                + "198.51.100.1}, {name: ip2, address: 198.51.100.2, port: 5080}]}").setup();
        assertThat(s.registrars()).extracting(RegistrarSetup::port).containsExactly(5070, 5080);
        assertThat(s.registrars()).extracting(RegistrarSetup::auth).containsOnly(RegistrarSetup.Auth.CHALLENGE);
    }

    @Test
    void filter_timeout_follows_udp_timeout_unless_given() {
        assertThat(ok("nat: {udp_timeout: 30s}").setup().nats().getFirst().filterTimeout()).isEqualTo(30 * Time.S);
        assertThat(ok("nat: {udp_timeout: 30s, filter_timeout: 1m}").setup().nats().getFirst().filterTimeout())
                .isEqualTo(60 * Time.S);
    }

    @Test
    void a_run_seed_replaces_seed_but_jitter_keeps_the_files_seed() {
        Setup s = ok(ScenarioReader.read("x.yaml", "seed: 3", List.of(), 7L)).setup();
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.jitterSeed()).isEqualTo(3);
    }

    @Test
    void durations_take_units_or_bare_seconds() {
        Setup s = ok("duration: 2m\nphone: {start_at: 1500ms, answer_after: 0.25}\nnat: {udp_timeout: 1h}").setup();
        assertThat(s.duration()).isEqualTo(120 * Time.S);
        assertThat(s.phones().getFirst().startAt()).isEqualTo(1500 * Time.MS);
        assertThat(s.phones().getFirst().answerAfter()).isEqualTo(250 * Time.MS);
        assertThat(s.nats().getFirst().udpTimeout()).isEqualTo(3600 * Time.S);
    }

    @Test
    void calls_default_to_the_first_caller_the_phones_user_dns_and_a_5s_hangup() {
        Setup s = ok("calls: [{at: 300s}]").setup();
        assertThat(s.calls()).containsExactly(new CallSetup("call1", 300 * Time.S, "caller", "1001", null,
                5 * Time.S));
    }

    /** The documentation's annotated example must stay a valid file that means what its comments say. */
    @Test
    void the_annotated_example_in_the_readme_reads_as_documented() {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL)
                .matcher(TestFiles.text(TestFiles.lessons().resolve("README.md")));
        assertThat(m.find()).isTrue();
        Setup s = ok(ScenarioReader.read("seed-t1-t2.yaml", m.group(1))).setup();
        assertThat(s.dns()).isEqualTo(seedSetup("x").dns());
        assertThat(s.nats()).isEqualTo(seedSetup("x").nats());
        assertThat(s.phones()).isEqualTo(seedSetup("x").phones());
        assertThat(s.registrars().get(1).states()).containsExactly(
                new RegistrarSetup.StateChange(0, RegistrarSetup.Mode.UP, -1),
                new RegistrarSetup.StateChange(100 * Time.S, RegistrarSetup.Mode.DROP, -1),
                new RegistrarSetup.StateChange(200 * Time.S, RegistrarSetup.Mode.BUSY, 30));
        assertThat(s.actions()).hasSize(4);
        assertThat(s.calls()).hasSize(1);
    }
}
