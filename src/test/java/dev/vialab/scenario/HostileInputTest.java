package dev.vialab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input meant to hurt: too big, too deep, self-multiplying, not text, random. read() must answer, not throw. */
class HostileInputTest {

    @Test
    void a_text_over_1_MiB_is_refused_before_parsing() {
        String big = "# " + "x".repeat(1 << 20) + "\n";
        assertThat(TestFiles.problems(ScenarioReader.read("big.yaml", big))).containsExactly(
                "big.yaml:1:1: the file is 1048579 bytes; files over 1 MiB (1048576 bytes) are refused");
    }

    @Test
    void a_file_over_1_MiB_is_refused_and_named_as_given(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.write(file, new byte[(1 << 20) + 1]);
        assertThat(TestFiles.problems(ScenarioReader.read(file))).containsExactly(file + ":1:1: the file is "
                + "1048577 bytes; files over 1 MiB (1048576 bytes) are refused");
    }

    @Test
    void a_file_that_is_not_utf8_is_a_problem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "id: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(TestFiles.problems(ScenarioReader.read(file))).containsExactly(file + ":1:1: not UTF-8 text");
    }

    @Test
    void a_missing_file_is_a_problem() {
        Path file = Path.of("no/such/file.yaml");
        assertThat(TestFiles.problems(ScenarioReader.read(file))).singleElement().asString()
                .startsWith("no/such/file.yaml:1:1: cannot read the file");
    }

    @Test
    void a_billion_laughs_is_refused_at_its_first_anchor() {
        String bomb = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                """;
        assertThat(TestFiles.problems(ScenarioReader.read("lol.yaml", bomb))).containsExactly(
                "lol.yaml:1:4: YAML anchors (&a) are not allowed; write the value out");
    }

    @Test
    void problems_are_capped_so_a_hostile_file_cannot_flood_the_report() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            b.append("key").append(i).append(": 1\n");
        }
        List<String> problems = TestFiles.problems(ScenarioReader.read("many.yaml", b.toString()));
        assertThat(problems).hasSize(Problems.MAX_SHOWN + 1);
        assertThat(problems.getLast()).isEqualTo("many.yaml:101:1: 50 more problems not shown");
    }

    @Test
    void random_damage_to_a_valid_file_never_throws() {
        String good = TestFiles.text(TestFiles.resources().resolve("good/everything.yaml"));
        String alphabet = "{}[]:,-&*!#'\"\n\t |>?%@`0123456789abcxyz.~\u00e9\u4e2d\ud83d\ude00";
        Random random = new Random(20240601);
        for (int round = 0; round < 300; round++) {
            StringBuilder s = new StringBuilder(good);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            ReadResult r = ScenarioReader.read("fuzz.yaml", s.toString(), List.of("phone.port=" + s.charAt(0)));
            assertThat(r).isNotNull();
            if (r instanceof ReadResult.Invalid inv) {
                assertThat(inv.problems()).isNotEmpty().noneMatch(p -> p.message().startsWith("internal error"));
                assertThat(inv.problems()).allMatch(p -> p.line() >= 1 && p.column() >= 1);
            }
        }
    }

    @Test
    void null_arguments_are_problems_too() {
        assertThat(TestFiles.problems(ScenarioReader.read("x.yaml", null))).containsExactly("x.yaml:1:1: no text");
        assertThat(ScenarioReader.read("x.yaml", "", null)).isInstanceOf(ReadResult.Ok.class);
    }
}
