package dev.vialab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.Setup;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shipped scenarios are what learners open first: each must read cleanly. */
class LessonScenariosTest {
    static final Path DIR = TestFiles.lessons().resolve("scenarios");

    @TestFactory
    Stream<DynamicTest> every_lesson_scenario_reads_without_problems() {
        return TestFiles.yamlFiles(DIR).stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Scenario s = TestFiles.ok(ScenarioReader.read(f));
            assertThat(s.id()).isEqualTo(f.getFileName().toString().replace(".yaml", ""));
            assertThat(s.title()).containsKeys("en", "zh-CN");
            assertThat(s.description()).containsKeys("en", "zh-CN");
            // every scenario opens with a comment that draws its topology (lessons/README.md)
            assertThat(TestFiles.text(f)).startsWith("#").contains("── NAT");
        }));
    }

    @Test
    void the_seed_case_is_the_seed_setup_with_a_shared_location_and_two_calls_via_ip1() {
        Setup s = TestFiles.ok(ScenarioReader.read(DIR.resolve("seed-t1-t2.yaml"))).setup();
        Setup seed = DefaultsTest.seedSetup("seed-t1-t2");
        assertThat(s.location()).isEqualTo(Setup.LocationMode.SHARED);
        assertThat(s.calls()).containsExactly(
                new CallSetup("call1", 200 * Time.S, "caller", "1001", "ip1", 5 * Time.S),
                new CallSetup("call2", 300 * Time.S, "caller", "1001", "ip1", 5 * Time.S));
        assertThat(s.dns()).isEqualTo(seed.dns());
        assertThat(s.nats()).isEqualTo(seed.nats());
        assertThat(s.registrars()).isEqualTo(seed.registrars());
        assertThat(s.phones()).isEqualTo(seed.phones());
        assertThat(s.marks()).isEqualTo(seed.marks());
    }
}
