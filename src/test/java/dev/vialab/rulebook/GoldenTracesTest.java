package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.Emulator;
import dev.vialab.lab.export.TextLadder;
import dev.vialab.scenario.ReadResult;
import dev.vialab.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario under lessons/scenarios (the rulebook's golden traces G1–G10 and the seed variants) against its
 * expected compact trace in src/test/resources/golden. Regenerate on purpose with {@code -Dgolden.update=true}
 * and review the diff.
 */
class GoldenTracesTest {
    private static final Path GOLDEN = Runs.ROOT.resolve("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> every_scenario_matches_its_golden_trace() throws IOException {
        boolean update = Boolean.getBoolean("golden.update");
        try (Stream<Path> files = Files.walk(Runs.ROOT.resolve("lessons/scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream()
                    .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                        ReadResult r = ScenarioReader.read(f);
                        assertThat(r).as(r::toString).isInstanceOf(ReadResult.Ok.class);
                        ReadResult.Ok ok = (ReadResult.Ok) r;
                        String text = TextLadder.compact(Emulator.run(ok.scenario().setup()));
                        Path golden = GOLDEN.resolve(ok.scenario().id() + ".txt");
                        if (update) {
                            Files.createDirectories(GOLDEN);
                            Files.writeString(golden, text, StandardCharsets.UTF_8);
                        }
                        assertThat(golden).as("golden trace %s missing: run with -Dgolden.update=true and review it",
                                golden).exists();
                        assertThat(text).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
                    }));
        }
    }
}
