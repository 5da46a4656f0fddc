package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.export.JsonExport;
import dev.vialab.lab.export.TextLadder;
import org.junit.jupiter.api.Test;

/** Same file and seed give the same bytes; another seed changes identifiers only. */
class DeterminismTest {
    private static final String FILE = "lessons/scenarios/rulebook/g03-method1-challenge.yaml";

    @Test
    void the_same_file_and_seed_give_byte_identical_json() throws Exception {
        assertThat(JsonExport.toJson(Runs.file(FILE))).isEqualTo(JsonExport.toJson(Runs.file(FILE)));
    }

    @Test
    void another_seed_changes_identifiers_only() throws Exception {
        Trace a = Runs.file(FILE);
        Trace b = Runs.fileWithSeed(FILE, 99);
        assertThat(JsonExport.toJson(a)).isNotEqualTo(JsonExport.toJson(b));
        // the compact ladder writes Call-IDs and CSeqs symbolically: the behaviour is the same
        assertThat(TextLadder.compact(b)).isEqualTo(TextLadder.compact(a));
        assertThat(b.size()).isEqualTo(a.size());
    }
}
