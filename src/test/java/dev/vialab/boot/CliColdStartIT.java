package dev.vialab.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's child JVM, started as {@link FastMain} starts it, takes every class of ours from the layout's AOT
 * cache. What the cache cannot hold is what made a cold run slow: a record's generated {@code equals} (it spins
 * method handles through {@code ObjectMethods}), a type switch (a {@code $$TypeSwitch} class per call site), a
 * JDK lambda; see bench/README, "the command line's cold start". This fails when one comes back on the seed's path.
 */
class CliColdStartIT {

    @Test
    void theSeedRunLoadsNoClassOfOursOutsideTheAotCacheAndSpinsAlmostNoMethodHandleClasses(@TempDir Path dir)
            throws Exception {
        Path seed = Path.of("lessons/scenarios/seed-t1-t2.yaml").toAbsolutePath();
        List<String> cmd = FastMain.childCommand("vialab-cli", new String[] {"run", seed.toString()}, false);
        assertThat(cmd).as("the packaged CLI layout beside target/classes").isNotNull();
        assertThat(String.join(" ", cmd)).as("a cache trained at package time").contains("-XX:AOTCache=");
        Path log = dir.resolve("class-load.txt");
        List<String> logged = new ArrayList<>(cmd);
        logged.add(1, "-Xlog:class+load=info:file=" + log);
        Process p = new ProcessBuilder(logged).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        List<String> lines = Files.readAllLines(log);
        List<String> outsideCache = lines.stream().filter(l -> !l.endsWith("source: shared objects file")).toList();
        assertThat(lines).as("classes loaded").hasSizeGreaterThan(1000);
        assertThat(outsideCache).as("classes of ours not from the AOT cache")
                .noneMatch(l -> l.contains(" dev.vialab."));
        // one LambdaForm today, spun by the JDK's SecureRandom set-up (dnsjava's Header); ObjectMethods alone spun
        // a dozen
        assertThat(outsideCache).as("classes spun at run time")
                .filteredOn(l -> l.contains("__JVM_LookupDefineClass__")).hasSizeLessThanOrEqualTo(3);
    }
}
