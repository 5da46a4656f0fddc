package dev.vialab.scenario;

import static dev.vialab.scenario.TestFiles.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** read(write(read(x))) equals read(x), and the written text is the documented, explicit form. */
class RoundTripTest {

    static Scenario roundTrip(Scenario s) {
        String text = ScenarioWriter.write(s);
        Scenario back = ok(ScenarioReader.read(s.id() + ".yaml", text));
        assertThat(back).as(text).isEqualTo(s);
        assertThat(ScenarioWriter.write(back)).as("writing is stable").isEqualTo(text);
        return back;
    }

    @Test
    void an_empty_file_round_trips() {
        roundTrip(ok(ScenarioReader.read("seed.yaml", "")));
    }

    @Test
    void a_file_using_every_key_round_trips() {
        roundTrip(ok(ScenarioReader.read(TestFiles.resources().resolve("good/everything.yaml"))));
    }

    @Test
    void overrides_and_a_run_seed_survive_the_round_trip() {
        roundTrip(ok(ScenarioReader.read("x.yaml", "seed: 3", List.of("phone.rewrite=on",
                "dns.names[0].order={policy: per-query, orders: [[ip3, ip1, ip2], [ip2, ip3, ip1]], then: repeat}",
                "events=[{at: 10s, action: switch-proxy, proxy: 198.51.100.2}]"), 99L)));
    }

    @TestFactory
    Stream<DynamicTest> every_lesson_scenario_round_trips() {
        return TestFiles.yamlFiles(TestFiles.lessons().resolve("scenarios")).stream().map(f -> DynamicTest
                .dynamicTest(f.getFileName().toString(), () -> roundTrip(ok(ScenarioReader.read(f)))));
    }

    @Test
    void the_writer_emits_every_top_level_key_in_documented_order_after_a_topology_comment() {
        String text = ScenarioWriter.write(ok(ScenarioReader.read("seed.yaml", "")));
        assertThat(text).startsWith("# Topology:\n#\n#   phone 192.168.1.10:5060 ── NAT 192.168.1.1 │ 203.0.113.195 ──┬── "
                + "ip1 198.51.100.1:5060\n");
        List<String> keys = new ArrayList<>();
        text.lines().filter(l -> !l.startsWith("#") && !l.startsWith(" ")).forEach(l -> keys.add(l.substring(0,
                l.indexOf(':'))));
        assertThat(keys).isEqualTo(ScenarioDecoder.KEYS);
        assertThat(text).contains("  udp_timeout: 120s\n", "  delay: 5ms\n", "        - {from: 295s, order: "
                + "[ip3, ip1, ip2]}\n", "  user: \"1001\"\n", "  pjsip: \"2.13\"\n");
    }

    @Test
    void durations_are_written_in_the_largest_exact_unit() {
        assertThat(Values.show(295_000_000)).isEqualTo("295s");
        assertThat(Values.show(500_000)).isEqualTo("500ms");
        assertThat(Values.show(1_500)).isEqualTo("0.0015s");
        assertThat(Values.show(0)).isEqualTo("0s");
    }

    @Test
    void texts_that_need_quotes_get_them() {
        assertThat(YamlText.str("ip1")).isEqualTo("ip1");
        assertThat(YamlText.str("on")).isEqualTo("\"on\"");
        assertThat(YamlText.str("a: b # c")).isEqualTo("\"a: b # c\"");
        assertThat(YamlText.str("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
    }

}
