package dev.vialab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths and reading helpers shared by the scenario tests. */
final class TestFiles {
    private TestFiles() {}

    /** The project root: surefire sets {@code vialab.root}; an IDE runs from the root. */
    static Path root() {
        return Path.of(System.getProperty("vialab.root", "."));
    }

    static Path resources() {
        return root().resolve("src/test/resources/scenario");
    }

    static Path lessons() {
        return root().resolve("lessons");
    }

    static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> yamlFiles(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and insists on success, showing the problems when there are any. */
    static Scenario ok(ReadResult r) {
        if (r instanceof ReadResult.Invalid inv) {
            assertThat(inv.problems()).as("problems").isEmpty();
        }
        return ((ReadResult.Ok) r).scenario();
    }

    static Scenario ok(String text, String... overrides) {
        return ok(ScenarioReader.read("test.yaml", text, List.of(overrides)));
    }

    static List<String> problems(ReadResult r) {
        assertThat(r).isInstanceOf(ReadResult.Invalid.class);
        return ((ReadResult.Invalid) r).problems().stream().map(Problem::toString).toList();
    }
}
