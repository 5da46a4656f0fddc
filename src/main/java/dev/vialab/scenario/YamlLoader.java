package dev.vialab.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.BiFunction;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Turns YAML text into a {@link Node} tree with positions, from Jackson's streaming parser. Refuses what a
 * scenario never needs and a hostile file could abuse: aliases and anchors (billion laughs), tags (typed
 * objects), nesting deeper than {@link #MAX_DEPTH}, more than one document.
 */
final class YamlLoader {
    static final int MAX_DEPTH = 64;

    // immutable once built and thread-safe: parsers are created per call
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String text;
    private final BiFunction<Integer, Integer, Node.Pos> at;
    private final Problems problems;
    private int[] charOfCodePoint; // only for text with characters outside the BMP

    private YamlLoader(String text, BiFunction<Integer, Integer, Node.Pos> at, Problems problems) {
        this.text = text;
        this.at = at;
        this.problems = problems;
    }

    /** A file: nodes carry their own line and column. Returns null when the text is not usable YAML. */
    static Node loadFile(String file, String text, Problems problems) {
        return new YamlLoader(text, (l, c) -> new Node.Pos(file, l, c, false), problems).load();
    }

    /** A fragment (an override's value): every node and problem is placed at {@code pos}. */
    static Node loadFragment(String text, Node.Pos pos, Problems problems) {
        return new YamlLoader(text, (l, c) -> pos, problems).load();
    }

    /** Thrown to abandon a file the loader refuses; never leaves this class. */
    private static final class Refused extends RuntimeException {
        final Node.Pos pos;

        Refused(Node.Pos pos, String message) {
            super(message, null, false, false);
            this.pos = pos;
        }
    }

    private Node load() {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Node.Map(at.apply(1, 1), List.of()); // empty, or only comments: all defaults
            }
            Node root = value(p, t, 1);
            if (p.nextToken() != null) {
                throw new Refused(pos(p), "only one YAML document per file");
            }
            return root;
        } catch (Refused r) {
            problems.add(r.pos, "", r.getMessage());
        } catch (JacksonException e) {
            syntaxError(e);
        }
        return null;
    }

    private Node value(JsonParser p, JsonToken t, int depth) {
        Node.Pos pos = pos(p);
        refuseMarkup(p, pos);
        switch (t) {
            case START_OBJECT -> {
                deeper(depth, pos);
                List<Node.Entry> entries = new ArrayList<>();
                HashMap<String, Node.Pos> seen = new HashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    ended(k, pos);
                    String key = p.currentName();
                    Node.Pos keyPos = pos(p);
                    refuseMarkup(p, keyPos);
                    Node v = value(p, p.nextToken(), depth + 1);
                    Node.Pos first = seen.putIfAbsent(key, keyPos);
                    if (first != null) {
                        problems.add(keyPos, "", "duplicate key '" + key + "' (first at line " + first.line() + ")");
                    } else {
                        entries.add(new Node.Entry(key, keyPos, v));
                    }
                }
                return new Node.Map(pos, entries);
            }
            case START_ARRAY -> {
                deeper(depth, pos);
                List<Node> items = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                    ended(i, pos);
                    items.add(value(p, i, depth + 1));
                }
                return new Node.Seq(pos, items);
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                char first = charAt(p);
                return new Node.Scalar(pos, p.getString() == null ? "" : p.getString(), first != '"' && first != '\'');
            }
            default -> throw new Refused(pos, "unsupported YAML value (" + t + ")");
        }
    }

    /** The parser reports truncation itself; this only keeps a surprise from becoming a loop or an NPE. */
    private static void ended(JsonToken t, Node.Pos pos) {
        if (t == null) {
            throw new Refused(pos, "the document ends inside this value");
        }
    }

    private static void deeper(int depth, Node.Pos pos) {
        if (depth > MAX_DEPTH) {
            throw new Refused(pos, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /**
     * Anchors, aliases and tags start with an indicator character at the token's position; the parser reports
     * anchors only on collections, so the character is the reliable test.
     */
    private void refuseMarkup(JsonParser p, Node.Pos pos) {
        YAMLParser yp = (YAMLParser) p;
        char c = charAt(p);
        if (yp.isCurrentAlias() || c == '*') {
            throw new Refused(pos, "YAML aliases (" + indicatorWord(p) + ") are not allowed; write the value out");
        }
        if (c == '&') {
            throw new Refused(pos, "YAML anchors (" + indicatorWord(p) + ") are not allowed; write the value out");
        }
        if (c == '!' || yp.getTypeId() != null) {
            throw new Refused(pos, "YAML tags (" + (c == '!' ? indicatorWord(p) : "!") + ") are not allowed");
        }
    }

    /** {@code &name}, {@code *name} or {@code !tag} as written, for the message. */
    private String indicatorWord(JsonParser p) {
        long cp = p.currentTokenLocation().getCharOffset();
        int start = cp < 0 ? -1 : charIndex((int) cp);
        if (start < 0 || start >= text.length()) {
            return "?";
        }
        int end = start + 1;
        while (end < text.length() && end - start < 40 && " \t\r\n,[]{}".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(start, end);
    }

    private char charAt(JsonParser p) {
        long cp = p.currentTokenLocation().getCharOffset();
        int i = cp < 0 ? -1 : charIndex((int) cp);
        return i >= 0 && i < text.length() ? text.charAt(i) : 0;
    }

    /** The parser counts code points; Java strings count UTF-16 units, which differ past the BMP (emoji). */
    private int charIndex(int codePoint) {
        if (charOfCodePoint == null) {
            if (text.codePointCount(0, text.length()) == text.length()) {
                return codePoint;
            }
            charOfCodePoint = new int[text.codePointCount(0, text.length()) + 1];
            for (int i = 0, n = 0; i <= text.length(); n++) {
                charOfCodePoint[n] = i;
                i = i < text.length() ? text.offsetByCodePoints(i, 1) : i + 1;
            }
        }
        return codePoint < charOfCodePoint.length ? charOfCodePoint[codePoint] : -1;
    }

    private Node.Pos pos(JsonParser p) {
        TokenStreamLocation l = p.currentTokenLocation();
        return at.apply(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** The scanner's own mark is where the text is wrong; Jackson's location is the last good token. */
    private void syntaxError(JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException m) {
            Node.Pos pos = m.getProblemMark().map(k -> at.apply(k.getLine() + 1, k.getColumn() + 1))
                    .orElse(at.apply(1, 1));
            String context = m.getContext();
            problems.add(pos, "", "YAML syntax: " + m.getProblem().strip()
                    + (context == null || context.isBlank() ? "" : " (" + context.strip() + ")"));
            return;
        }
        TokenStreamLocation l = e.getLocation();
        Node.Pos pos = l == null ? at.apply(1, 1) : at.apply(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
        problems.add(pos, "", "YAML syntax: " + e.getOriginalMessage().strip());
    }
}
