package dev.vialab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final String SEED = "lessons/scenarios/seed-t1-t2.yaml";

    private record Result(int code, String out, String err) {}

    private static Result cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runPrintsTheLadderWithExplanationsAndTheLostCall() {
        Result r = cli("run", SEED);
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("REGISTER", "203.0.113.195:13450", "203.0.113.195:13000")
                .contains("The run ended at 600.000 s.");
    }

    @Test
    void theSameScenarioAndSeedPrintTheSameBytes() {
        assertThat(cli("run", SEED, "--seed", "7").out()).isEqualTo(cli("run", SEED, "--seed", "7").out());
        assertThat(cli("run", SEED, "--seed", "7").out()).isNotEqualTo(cli("run", SEED, "--seed", "8").out());
    }

    @Test
    void chineseExplanationsWithLangZhCn() {
        Result r = cli("run", SEED, "--lang", "zh-CN");
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.out()).containsPattern("[\\u4e00-\\u9fff]");
        assertThat(cli("run", SEED).out()).doesNotContainPattern("[\\u4e00-\\u9fff]");
    }

    @Test
    void anOverrideChangesTheRun() {
        String plain = cli("run", SEED, "--format", "compact").out();
        Result rewritten = cli("run", SEED, "--format", "compact", "--set", "phone.rewrite=on");
        assertThat(rewritten.code()).as(rewritten.err()).isEqualTo(Cli.OK);
        assertThat(rewritten.out()).isNotEqualTo(plain);
    }

    @Test
    void jsonAndPcapGoToTheOutFile(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("t.json");
        assertThat(cli("run", SEED, "--format", "json", "--out", json.toString()).code()).isEqualTo(Cli.OK);
        assertThat(Files.readString(json)).startsWith("{").contains("\"steps\"");
        Path pcap = dir.resolve("t.pcapng");
        Result r = cli("run", SEED, "-f", "pcap", "-o", pcap.toString());
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.out()).isEmpty();
        byte[] bytes = Files.readAllBytes(pcap);
        // pcapng Section Header Block type 0x0A0D0D0A
        assertThat(bytes).startsWith(0x0A, 0x0D, 0x0D, 0x0A);
    }

    @Test
    void validateNamesFileLineAndFieldOfEachProblemAndRunsNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                id: bad
                title: {en: Bad, zh-CN: 坏}
                registrars:
                  servers:
                    - {name: ip1, address: 198.51.100.999}
                """);
        Result r = cli("validate", bad.toString());
        assertThat(r.code()).isEqualTo(Cli.INVALID);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(bad + ":5:").contains("registrars.servers[0].address")
                .contains("nothing was run");
        assertThat(cli("run", bad.toString()).code()).isEqualTo(Cli.INVALID);
    }

    @Test
    void validateAcceptsEveryShippedScenario() throws Exception {
        try (var files = Files.walk(Path.of("lessons/scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Result r = cli("validate", f.toString());
                assertThat(r.code()).as(f + ": " + r.err()).isEqualTo(Cli.OK);
                assertThat(r.out()).contains("valid");
            }
        }
    }

    @Test
    void aBadOverrideIsReportedAgainstTheOverride() {
        Result r = cli("run", SEED, "--set", "nat.mapping=sideways");
        assertThat(r.code()).isEqualTo(Cli.INVALID);
        assertThat(r.err()).contains("override");
    }

    @Test
    void usageErrorsExitWithTwoAndShowUsage() {
        assertThat(cli().code()).isEqualTo(Cli.USAGE);
        assertThat(cli("frobnicate", SEED).err()).contains("unknown command frobnicate").contains("usage:");
        assertThat(cli("run").err()).contains("missing scenario FILE");
        assertThat(cli("run", SEED, "--format", "xml").err()).contains("--format must be");
        assertThat(cli("run", SEED, "--seed", "x").err()).contains("whole number");
        assertThat(cli("run", SEED, "--out").err()).contains("--out needs a value");
        assertThat(cli("run", "no/such/file.yaml").err()).contains("no such file");
        assertThat(cli("help").out()).contains("usage:");
    }
}
