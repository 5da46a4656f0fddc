package dev.vialab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML value with the place it was written. Jackson's own tree drops locations, and every problem must point
 * at a line and column, so the loader builds this small tree from the streaming parser instead.
 */
sealed interface Node permits Node.Scalar, Node.Seq, Node.Map {

    Pos pos();

    /**
     * Where a node came from.
     *
     * @param implicit the node is a default filled in by the reader (then the position is that of the nearest
     *     written ancestor, so a problem with a default still points somewhere sensible)
     */
    record Pos(String file, int line, int column, boolean implicit) {

        Pos asImplicit() {
            return implicit ? this : new Pos(file, line, column, true);
        }
    }

    /**
     * A scalar as written. Its type is decided by the field that reads it, not by YAML's guess, so {@code user:
     * 1001} and {@code user: "1001"} mean the same.
     *
     * @param plain unquoted; only plain scalars can be null
     */
    record Scalar(Pos pos, String text, boolean plain) implements Node {

        /** YAML 1.2 core schema nulls; an empty value ({@code key:}) is one, so it means "not given". */
        boolean isNull() {
            return plain && (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null")
                    || text.equals("NULL"));
        }
    }

    record Seq(Pos pos, List<Node> items) implements Node {
        public Seq {
            items = List.copyOf(items);
        }

        Seq with(int index, Node value) {
            List<Node> copy = new ArrayList<>(items);
            copy.set(index, value);
            return new Seq(pos, copy);
        }
    }

    record Entry(String key, Pos keyPos, Node value) {}

    /** Entries in file order; keys are unique (the loader reports duplicates and keeps the first). */
    record Map(Pos pos, List<Entry> entries) implements Node {
        public Map {
            entries = List.copyOf(entries);
        }

        Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e;
                }
            }
            return null;
        }

        /** The value at {@code key}, or null when the key is absent or its value is a YAML null. */
        Node get(String key) {
            Entry e = entry(key);
            return e == null || isNull(e.value()) ? null : e.value();
        }

        /** A copy with {@code key} set: replaced in place when present, appended otherwise. */
        Map with(String key, Pos keyPos, Node value) {
            List<Entry> copy = new ArrayList<>(entries);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).key().equals(key)) {
                    copy.set(i, new Entry(key, copy.get(i).keyPos(), value));
                    return new Map(pos, copy);
                }
            }
            copy.add(new Entry(key, keyPos, value));
            return new Map(pos, copy);
        }
    }

    static boolean isNull(Node n) {
        return n == null || n instanceof Scalar s && s.isNull();
    }

    /** How a problem names what it found instead of what it expected. */
    static String describe(Node n) {
        return switch (n) {
            case Map m -> "a map";
            case Seq s -> "a list";
            case Scalar s -> s.isNull() ? "nothing" : "'" + s.text() + "'";
        };
    }

    /** Builders for defaults expressed as nodes (see {@link DefaultNodes}). */
    static Scalar scalar(Pos pos, String text) {
        return new Scalar(pos, text, false);
    }

    static Seq seq(Pos pos, Node... items) {
        return new Seq(pos, List.of(items));
    }

    static Map map(Pos pos, Object... keysAndValues) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            Node value = v instanceof Node n ? n : scalar(pos, v.toString());
            entries.add(new Entry((String) keysAndValues[i], pos, value));
        }
        return new Map(pos, entries);
    }
}
