package dev.vialab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, as a user runs it: {@code java -jar target/vialab-….jar run FILE}. */
class CliJarIT {
    private static final String SEED = "lessons/scenarios/seed-t1-t2.yaml";

    private static Path jar() throws Exception {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("vialab-.*\\.jar")
                    && !p.getFileName().toString().contains("-cli")).findFirst().orElseThrow();
        }
    }

    private static String inProcess(String... args) {
        var out = new ByteArrayOutputStream();
        Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String java(Path jar, String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void theFastPathPrintsExactlyWhatTheInProcessCliPrints() throws Exception {
        Path jar = jar();
        assertThat(jar.resolveSibling("vialab-cli").resolve("layout.properties")).isRegularFile();
        assertThat(java(jar, "run", Path.of(SEED).toAbsolutePath().toString(), "--lang", "zh-CN"))
                .isEqualTo(inProcess("run", Path.of(SEED).toAbsolutePath().toString(), "--lang", "zh-CN"));
    }

    @Test
    void aJarCopiedWithoutItsFastPathStillRunsTheCliThroughSpringBootsLauncher(@TempDir Path dir) throws Exception {
        Path alone = Files.copy(jar(), dir.resolve("vialab.jar"));
        String seed = Path.of(SEED).toAbsolutePath().toString();
        assertThat(java(alone, "run", seed, "--format", "compact")).isEqualTo(inProcess("run", seed, "--format", "compact"));
    }
}
