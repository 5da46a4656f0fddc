package dev.vialab.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Turns YAML text into a {@link Node} tree with positions, from snakeyaml-engine's event parser. Refuses what a
 * scenario never needs and a hostile file could abuse: aliases and anchors (billion laughs), tags (typed
 * objects), nesting deeper than {@link #MAX_DEPTH}, more than one document.
 *
 * <p>It reads the events of snakeyaml-engine, the parser under Jackson's YAML module, itself: a Node keeps only a
 * scalar's text and whether it was quoted, so Jackson's tokens added nothing, and its parser's base class
 * initialises {@code BigDecimal}, whose static initialiser computes 5^65536 (JDK 25): with Jackson's layer that was
 * a fifth of a cold CLI run's main thread (async-profiler). {@code YamlLoaderTest} pins the trees and the
 * problems, which are the ones the Jackson-based loader gave.
 */
final class YamlLoader {
    static final int MAX_DEPTH = 64;

    // immutable and thread-safe: parsers are made per call
    private static final LoadSettings SETTINGS = LoadSettings.builder().build();

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
        try {
            Parser p = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text));
            Event e = nextNode(p);
            if (e == null) {
                return new Node.Map(at.apply(1, 1), List.of()); // empty, or only comments: all defaults
            }
            Node root = value(p, e, 1);
            Event more = nextNode(p);
            if (more != null) {
                throw new Refused(pos(more), "only one YAML document per file");
            }
            return root;
        } catch (Refused r) {
            problems.add(r.pos, "", r.getMessage());
        } catch (YamlEngineException e) {
            syntaxError(e);
        }
        return null;
    }

    /** The next event that is a node or ends a collection; null at the end of the stream. */
    private static Event nextNode(Parser p) {
        while (p.hasNext()) {
            Event e = p.next();
            switch (e.getEventId()) {
                case StreamStart, StreamEnd, DocumentStart, DocumentEnd, Comment -> { }
                default -> {
                    return e;
                }
            }
        }
        return null;
    }

    private Node value(Parser p, Event e, int depth) {
        Node.Pos pos = pos(e);
        refuseMarkup(e, pos);
        switch (e.getEventId()) {
            case MappingStart -> {
                deeper(depth, pos);
                List<Node.Entry> entries = new ArrayList<>();
                HashMap<String, Node.Pos> seen = new HashMap<>();
                for (Event k = next(p, pos); k.getEventId() != Event.ID.MappingEnd; k = next(p, pos)) {
                    Node.Pos keyPos = pos(k);
                    refuseMarkup(k, keyPos);
                    if (!(k instanceof ScalarEvent keyEvent)) {
                        throw new Refused(keyPos, "a key must be a single word or text, not a list or a map");
                    }
                    String key = keyEvent.getValue();
                    Node v = value(p, next(p, pos), depth + 1);
                    Node.Pos first = seen.putIfAbsent(key, keyPos);
                    if (first != null) {
                        problems.add(keyPos, "", "duplicate key '" + key + "' (first at line " + first.line() + ")");
                    } else {
                        entries.add(new Node.Entry(key, keyPos, v));
                    }
                }
                return new Node.Map(pos, entries);
            }
            case SequenceStart -> {
                deeper(depth, pos);
                List<Node> items = new ArrayList<>();
                for (Event i = next(p, pos); i.getEventId() != Event.ID.SequenceEnd; i = next(p, pos)) {
                    items.add(value(p, i, depth + 1));
                }
                return new Node.Seq(pos, items);
            }
            case Scalar -> {
                ScalarEvent scalar = (ScalarEvent) e;
                return new Node.Scalar(pos, scalar.getValue(), !scalar.isSQuoted() && !scalar.isDQuoted());
            }
            default -> throw new Refused(pos, "unsupported YAML value (" + e.getEventId() + ")");
        }
    }

    /** The parser reports truncation itself; this only keeps a surprise from becoming a loop or an NPE. */
    private static Event next(Parser p, Node.Pos pos) {
        Event e = nextNode(p);
        if (e == null) {
            throw new Refused(pos, "the document ends inside this value");
        }
        return e;
    }

    private static void deeper(int depth, Node.Pos pos) {
        if (depth > MAX_DEPTH) {
            throw new Refused(pos, "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    /**
     * Anchors, aliases and tags start with an indicator character at the event's start mark (the start of a node's
     * properties); the character is the test, and the word there names it in the message.
     */
    private void refuseMarkup(Event e, Node.Pos pos) {
        char c = charAt(e);
        if (e instanceof AliasEvent || c == '*') {
            throw new Refused(pos, "YAML aliases (" + indicatorWord(e) + ") are not allowed; write the value out");
        }
        if (c == '&' || e instanceof NodeEvent n && n.getAnchor().isPresent()) {
            throw new Refused(pos, "YAML anchors (" + indicatorWord(e) + ") are not allowed; write the value out");
        }
        Optional<String> tag = e instanceof ScalarEvent s ? s.getTag()
                : e instanceof CollectionStartEvent c2 ? c2.getTag() : Optional.empty();
        if (c == '!' || tag.isPresent()) {
            throw new Refused(pos, "YAML tags (" + (c == '!' ? indicatorWord(e) : "!") + ") are not allowed");
        }
    }

    /** {@code &name}, {@code *name} or {@code !tag} as written, for the message. */
    private String indicatorWord(Event e) {
        int start = e.getStartMark().map(m -> charIndex(m.getIndex())).orElse(-1);
        if (start < 0 || start >= text.length()) {
            return "?";
        }
        int end = start + 1;
        while (end < text.length() && end - start < 40 && " \t\r\n,[]{}".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(start, end);
    }

    private char charAt(Event e) {
        int i = e.getStartMark().map(m -> charIndex(m.getIndex())).orElse(-1);
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

    private Node.Pos pos(Event e) {
        return e.getStartMark().map(m -> at.apply(m.getLine() + 1, m.getColumn() + 1)).orElse(at.apply(1, 1));
    }

    /** The scanner's own mark is where the text is wrong. */
    private void syntaxError(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException m) {
            Node.Pos pos = m.getProblemMark().map(k -> at.apply(k.getLine() + 1, k.getColumn() + 1))
                    .orElse(at.apply(1, 1));
            String context = m.getContext();
            problems.add(pos, "", "YAML syntax: " + m.getProblem().strip()
                    + (context == null || context.isBlank() ? "" : " (" + context.strip() + ")"));
            return;
        }
        problems.add(at.apply(1, 1), "", "YAML syntax: " + String.valueOf(e.getMessage()).strip());
    }
}
