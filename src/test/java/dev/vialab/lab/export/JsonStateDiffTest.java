package dev.vialab.lab.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.trace.NatRow;
import dev.vialab.emulator.trace.PMap;
import dev.vialab.emulator.trace.World;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delta between two Worlds, as each step's {@code changes} carries it. */
class JsonStateDiffTest {

    private static PMap<String, NatRow> table(NatRow... rows) {
        PMap<String, NatRow> m = PMap.empty();
        for (NatRow r : rows) {
            m = m.put(r.key(), r);
        }
        return m;
    }

    private static String changes(World before, World after) throws IOException {
        StringWriter s = new StringWriter();
        StateJson.changes(new JsonWriter(s), before, after);
        return s.toString();
    }

    @Test
    void diffListsAddedAndChangedRowsAndRemovedKeysInKeyOrder() {
        NatRow a = JsonTraces.natRow(1000, 5);
        NatRow b = JsonTraces.natRow(2000, 5);
        NatRow c = JsonTraces.natRow(3000, 5);
        NatRow bChanged = JsonTraces.natRow(2000, 9);
        NatRow d = JsonTraces.natRow(4000, 5);
        List<Map.Entry<String, NatRow>> set = new ArrayList<>();
        List<String> removed = new ArrayList<>();

        StateJson.diff(table(a, b, c), table(bChanged, c, d), set, removed);

        assertThat(set).containsExactly(Map.entry(bChanged.key(), bChanged), Map.entry(d.key(), d));
        assertThat(removed).containsExactly(a.key());
    }

    @Test
    void rowsEqualByValueButNotByReferenceAreNotReportedAsChanged() {
        List<Map.Entry<String, NatRow>> set = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        StateJson.diff(table(JsonTraces.natRow(1000, 5)), table(JsonTraces.natRow(1000, 5)), set, removed);
        assertThat(set).isEmpty();
        assertThat(removed).isEmpty();
    }

    @Test
    void aTableSharedByReferenceOrReplacedByAnEqualOneIsLeftOutOfTheChanges() throws IOException {
        World w = World.EMPTY.withNat(table(JsonTraces.natRow(1000, 5)));
        assertThat(changes(w, w)).isEqualTo("{}");
        assertThat(changes(w, w.withNat(table(JsonTraces.natRow(1000, 5))))).isEqualTo("{}");
        assertThat(changes(w, w.withNat(w.nat().put("x", JsonTraces.natRow(1000, 5)).remove("x")))).isEqualTo("{}");
    }

    @Test
    void onlyTheTablesThatChangedAreWrittenWithBothSetAndRemoved() throws IOException {
        NatRow row = JsonTraces.natRow(1000, 5);
        World before = World.EMPTY.withNat(table(row));
        String json = changes(before, World.EMPTY);
        assertThat(json).isEqualTo("{\"nat\":{\"set\":[],\"removed\":[\"nat/UDP/01000/198.51.100.1:5060\"]}}");
    }

    @Test
    void theFullStateListsEveryTableInWorldOrderEvenWhenEmpty() {
        assertThat(JsonTraces.stateJson(World.EMPTY))
                .isEqualTo("{\"nat\":[],\"bindings\":[],\"dnsCache\":[],\"phones\":[],\"calls\":[],\"tcp\":[]}");
    }
}
