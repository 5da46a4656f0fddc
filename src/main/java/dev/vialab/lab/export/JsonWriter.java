package dev.vialab.lab.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * A minimal streaming JSON writer. Hand-written rather than Jackson so the CLI starts fast and the output is fully
 * under our control: keys appear exactly in the order they are written, numbers are plain integers
 * ({@link Long#toString}, never locale-dependent), and the escaping rules below never change, so the same input
 * always produces the same bytes.
 *
 * <p>The writer tracks commas itself so callers write values in order and never think about separators. It does no
 * validation of nesting beyond what keeps the commas right: callers are package-internal and tested.
 */
final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    /** Per nesting level: has this container got an element yet (so the next one needs a comma)? */
    private boolean[] hasElement = new boolean[16];
    /** Per nesting level: put each element of this array on its own line (steps), for grep and line diffs. */
    private boolean[] linePerElement = new boolean[16];
    private int depth;
    /** True right after a key: the value that follows takes no comma. */
    private boolean afterName;

    JsonWriter(Writer out) {
        this.out = out;
    }

    JsonWriter beginObject() throws IOException {
        beforeValue();
        out.write('{');
        push(false);
        return this;
    }

    JsonWriter endObject() throws IOException {
        depth--;
        out.write('}');
        return this;
    }

    JsonWriter beginArray() throws IOException {
        return beginArray(false);
    }

    /** An array whose elements each start on a new line; only whitespace changes, the JSON value is the same. */
    JsonWriter beginArray(boolean onePerLine) throws IOException {
        beforeValue();
        out.write('[');
        push(onePerLine);
        return this;
    }

    JsonWriter endArray() throws IOException {
        if (linePerElement[depth - 1] && hasElement[depth - 1]) {
            out.write('\n');
        }
        depth--;
        out.write(']');
        return this;
    }

    JsonWriter name(String key) throws IOException {
        if (hasElement[depth - 1]) {
            out.write(',');
        }
        hasElement[depth - 1] = true;
        writeString(key);
        out.write(':');
        afterName = true;
        return this;
    }

    /** A string value; {@code null} becomes JSON {@code null}. */
    JsonWriter value(String s) throws IOException {
        beforeValue();
        if (s == null) {
            out.write("null");
        } else {
            writeString(s);
        }
        return this;
    }

    JsonWriter value(long n) throws IOException {
        beforeValue();
        out.write(Long.toString(n));
        return this;
    }

    JsonWriter value(boolean b) throws IOException {
        beforeValue();
        out.write(b ? "true" : "false");
        return this;
    }

    JsonWriter nullValue() throws IOException {
        beforeValue();
        out.write("null");
        return this;
    }

    JsonWriter field(String key, String s) throws IOException {
        return name(key).value(s);
    }

    JsonWriter field(String key, long n) throws IOException {
        return name(key).value(n);
    }

    JsonWriter field(String key, boolean b) throws IOException {
        return name(key).value(b);
    }

    private void push(boolean onePerLine) {
        if (depth == hasElement.length) {
            hasElement = Arrays.copyOf(hasElement, depth * 2);
            linePerElement = Arrays.copyOf(linePerElement, depth * 2);
        }
        hasElement[depth] = false;
        linePerElement[depth] = onePerLine;
        depth++;
    }

    private void beforeValue() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        if (hasElement[depth - 1]) {
            out.write(',');
        }
        hasElement[depth - 1] = true;
        if (linePerElement[depth - 1]) {
            out.write('\n');
        }
    }

    /**
     * Escapes what RFC 8259 §7 requires (quote, backslash, U+0000..U+001F) with the short forms where they exist, so
     * SIP's CRLF reads as {@code \r\n}. Everything else, including non-ASCII, is written as is and becomes UTF-8 in
     * the caller's encoding. Unpaired surrogates cannot be encoded as UTF-8 (an encoder would write {@code ?}), so
     * they are written as {@code \}{@code uXXXX} escapes: the text survives a round trip instead of being changed.
     */
    private void writeString(String s) throws IOException {
        out.write('"');
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String esc = null;
            boolean unicode = false;
            if (c == '"') {
                esc = "\\\"";
            } else if (c == '\\') {
                esc = "\\\\";
            } else if (c < 0x20) {
                esc = switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    default -> null;
                };
                unicode = esc == null;
            } else if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) ? i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
                        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                unicode = !paired;
            }
            if (esc == null && !unicode) {
                continue;
            }
            out.write(s, start, i - start);
            start = i + 1;
            if (unicode) {
                out.write(new char[] {'\\', 'u', HEX[c >> 12], HEX[(c >> 8) & 0xf], HEX[(c >> 4) & 0xf], HEX[c & 0xf]});
            } else {
                out.write(esc);
            }
        }
        out.write(s, start, n - start);
        out.write('"');
    }
}
