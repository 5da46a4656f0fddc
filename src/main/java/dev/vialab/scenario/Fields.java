package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import java.util.List;
import java.util.SequencedMap;

/**
 * One YAML map being decoded. Knows which keys the section accepts, reports every other key (suggesting the
 * closest known one) and hands out typed values that fall back to a default when absent or wrong, so decoding
 * always finishes and reports all problems.
 */
final class Fields {
    final Problems problems;
    final String path;
    private final Node.Map map;
    private final Node.Pos pos;

    private Fields(Problems problems, String path, Node.Map map, Node.Pos pos) {
        this.problems = problems;
        this.path = path;
        this.map = map;
        this.pos = pos;
    }

    /**
     * @param node the section's node, or null when absent (then every value is a default)
     * @param anchor where problems with defaults of an absent section point: the nearest written ancestor
     */
    static Fields of(Problems pr, Node node, String path, Node.Pos anchor, List<String> known) {
        if (Node.isNull(node)) {
            return new Fields(pr, path, new Node.Map(anchor.asImplicit(), List.of()), anchor.asImplicit());
        }
        if (!(node instanceof Node.Map m)) {
            pr.add(node.pos(), path, "expected a map, found " + Node.describe(node));
            return new Fields(pr, path, new Node.Map(node.pos().asImplicit(), List.of()), node.pos().asImplicit());
        }
        for (Node.Entry e : m.entries()) {
            if (!known.contains(e.key())) {
                String near = Suggest.closest(e.key(), known);
                pr.add(e.keyPos(), Values.child(path, e.key()), "unknown key '" + e.key() + "'"
                        + (near != null ? "; did you mean '" + near + "'?" : "; known keys: " + String.join(", ", known)));
            }
        }
        return new Fields(pr, path, m, m.pos());
    }

    /** A sub-section: its problems with defaults point at this map when the sub-section is absent. */
    Fields section(String key, List<String> known) {
        return of(problems, node(key), path(key), pos(key), known);
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    /** The value, or null when absent or YAML null. */
    Node node(String key) {
        return map.get(key);
    }

    /** The value's position, or this map's (implicit) when absent: defaults have no place of their own. */
    Node.Pos pos(String key) {
        Node n = map.get(key);
        return n != null ? n.pos() : pos.asImplicit();
    }

    /** Where the key itself is written (for "this key does not belong here"), or this map's position. */
    Node.Pos keyPos(String key) {
        Node.Entry e = map.entry(key);
        return e != null ? e.keyPos() : pos.asImplicit();
    }

    Node.Pos pos() {
        return pos;
    }

    String path(String key) {
        return Values.child(path, key);
    }

    String string(String key, String def) {
        Node n = node(key);
        return n == null ? def : or(Values.string(problems, n, path(key)), def);
    }

    String name(String key, String def) {
        Node n = node(key);
        return n == null ? def : or(Values.name(problems, n, path(key)), def);
    }

    long integer(String key, long def, long min, long max) {
        Node n = node(key);
        return n == null ? def : or(Values.integer(problems, n, path(key), min, max), def);
    }

    int integer(String key, int def, int min, int max) {
        return (int) integer(key, (long) def, min, max);
    }

    int port(String key, int def) {
        Node n = node(key);
        return n == null ? def : or(Values.port(problems, n, path(key)), def);
    }

    long duration(String key, long def) {
        Node n = node(key);
        return n == null ? def : or(Values.duration(problems, n, path(key)), def);
    }

    boolean bool(String key, boolean def) {
        Node n = node(key);
        return n == null ? def : or(Values.bool(problems, n, path(key)), def);
    }

    Ip ip(String key, Ip def) {
        Node n = node(key);
        return n == null ? def : or(Values.ip(problems, n, path(key)), def);
    }

    <T> T word(String key, T def, SequencedMap<String, T> words) {
        Node n = node(key);
        return n == null ? def : or(Values.word(problems, n, path(key), words), def);
    }

    /** A key the section cannot do without (a registrar's address): reported at the map when missing. */
    Node required(String key) {
        Node n = node(key);
        if (n == null) {
            problems.add(pos, path(key), "is required");
        }
        return n;
    }

    private static <T> T or(T value, T def) {
        return value != null ? value : def;
    }
}
