package dev.vialab.lab.export;

import dev.vialab.emulator.trace.PMap;
import dev.vialab.emulator.trace.World;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes World tables: in full (the {@code initial} state) and as the difference between two consecutive steps
 * (each step's {@code changes}). Deltas, not snapshots, because a trace can have 10^5 steps and the state rarely
 * changes between two of them; a reader rebuilds step i's state by applying changes 0..i to {@code initial}.
 */
final class StateJson {
    private StateJson() {}

    @FunctionalInterface
    interface RowWriter<R> {
        void write(JsonWriter w, String key, R row) throws IOException;
    }

    /** One World table: its JSON name, how to read it from a World, and how to write one row. */
    record Table<R>(String name, Function<World, PMap<String, R>> map, RowWriter<R> writer) {}

    /** The tables in their fixed output order (the order of World's components). */
    static final List<Table<?>> TABLES = List.of(
            new Table<>("nat", World::nat, RowJson::nat),
            new Table<>("bindings", World::bindings, RowJson::binding),
            new Table<>("dnsCache", World::dnsCache, RowJson::dnsCache),
            new Table<>("phones", World::phones, RowJson::phone),
            new Table<>("calls", World::calls, RowJson::call),
            new Table<>("tcp", World::tcp, RowJson::tcp));

    /** {@code {"nat":[row…],"bindings":[…],…}}: every table, rows in key order. */
    static void full(JsonWriter w, World world) throws IOException {
        w.beginObject();
        for (Table<?> t : TABLES) {
            fullTable(w, t, world);
        }
        w.endObject();
    }

    private static <R> void fullTable(JsonWriter w, Table<R> t, World world) throws IOException {
        w.name(t.name()).beginArray();
        for (Map.Entry<String, R> e : t.map().apply(world).entries()) {
            t.writer().write(w, e.getKey(), e.getValue());
        }
        w.endArray();
    }

    /**
     * {@code {"nat":{"set":[row…],"removed":[key…]},…}} listing only the tables that differ between
     * {@code before} and {@code after}; {@code {}} when nothing changed.
     */
    static void changes(JsonWriter w, World before, World after) throws IOException {
        w.beginObject();
        if (before != after) {
            for (Table<?> t : TABLES) {
                tableChanges(w, t, before, after);
            }
        }
        w.endObject();
    }

    private static <R> void tableChanges(JsonWriter w, Table<R> t, World before, World after) throws IOException {
        PMap<String, R> a = t.map().apply(before);
        PMap<String, R> b = t.map().apply(after);
        if (a == b) {
            return; // the common case: persistent maps share the unchanged table by reference
        }
        List<Map.Entry<String, R>> set = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        diff(a, b, set, removed);
        if (set.isEmpty() && removed.isEmpty()) {
            return; // a new map with the same content (e.g. put then remove within one step)
        }
        w.name(t.name()).beginObject();
        w.name("set").beginArray();
        for (Map.Entry<String, R> e : set) {
            t.writer().write(w, e.getKey(), e.getValue());
        }
        w.endArray();
        RowJson.strings(w.name("removed"), removed);
        w.endObject();
    }

    /**
     * Merges the two key-sorted entry lists in one pass: keys only in {@code a} were removed, keys only in
     * {@code b} were added, and keys in both changed when their rows differ (same reference first: the persistent
     * map keeps untouched rows by reference, so equals runs only on rows that were actually replaced).
     */
    static <R> void diff(PMap<String, R> a, PMap<String, R> b, List<Map.Entry<String, R>> set,
            List<String> removed) {
        List<Map.Entry<String, R>> x = a.entries();
        List<Map.Entry<String, R>> y = b.entries();
        int i = 0;
        int j = 0;
        while (i < x.size() || j < y.size()) {
            int c = i == x.size() ? 1 : j == y.size() ? -1 : x.get(i).getKey().compareTo(y.get(j).getKey());
            if (c < 0) {
                removed.add(x.get(i++).getKey());
            } else if (c > 0) {
                set.add(y.get(j++));
            } else {
                R old = x.get(i++).getValue();
                Map.Entry<String, R> now = y.get(j++);
                if (old != now.getValue() && !old.equals(now.getValue())) {
                    set.add(now);
                }
            }
        }
    }
}
