package dev.vialab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code scenario/bad/NAME.yaml} (with overrides from {@code NAME.overrides}, one a line, when present)
 * must give exactly the problem lines of {@code NAME.expected}. Adding a case is adding files.
 */
class BadInputTest {
    static final Path DIR = TestFiles.resources().resolve("bad");

    @TestFactory
    Stream<DynamicTest> each_bad_file_gives_exactly_its_expected_problems() {
        return TestFiles.yamlFiles(DIR).stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> assertThat(problemsOf(file)).containsExactlyElementsOf(
                        expected(file))));
    }

    @Test
    void there_are_enough_cases_and_each_has_its_expected_file() {
        List<Path> files = TestFiles.yamlFiles(DIR);
        assertThat(files).hasSizeGreaterThanOrEqualTo(25);
        assertThat(files).allSatisfy(f -> assertThat(sibling(f, ".expected")).exists());
    }

    static List<String> problemsOf(Path file) throws Exception {
        String name = file.getFileName().toString();
        Path overrides = sibling(file, ".overrides");
        List<String> o = Files.exists(overrides) ? Files.readAllLines(overrides) : List.of();
        return TestFiles.problems(ScenarioReader.read(name, Files.readString(file), o));
    }

    static List<String> expected(Path file) throws Exception {
        return Files.readAllLines(sibling(file, ".expected")).stream().filter(l -> !l.isBlank()).toList();
    }

    static Path sibling(Path file, String extension) {
        return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.yaml$", extension));
    }
}
