package dev.vialab.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a scenario file (plus overrides and a seed) into a {@link Scenario}, or into every problem it has. Never
 * throws: an unreadable, oversized, malformed or hostile file is a problem like any other.
 */
public final class ScenarioReader {
    /** Scenarios are a few kB; refusing before parsing bounds memory and time for any input. */
    static final long MAX_BYTES = 1 << 20;

    private ScenarioReader() {}

    /** Problems name the file as given ({@code file.toString()}). */
    public static ReadResult read(Path file) {
        String name = String.valueOf(file);
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return tooLarge(name, size);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_BYTES) {
                return tooLarge(name, bytes.length); // grew while we looked
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return invalid(name, "not UTF-8 text");
            }
            return read(name, text, List.of(), null);
        } catch (IOException | RuntimeException e) {
            return invalid(name, "cannot read the file: " + e.getMessage());
        }
    }

    public static ReadResult read(String fileName, String text) {
        return read(fileName, text, List.of(), null);
    }

    /** @param overrides {@code path=yaml-value}, applied in order before validation */
    public static ReadResult read(String fileName, String text, List<String> overrides) {
        return read(fileName, text, overrides, null);
    }

    /** @param seed when not null, replaces {@code seed} (not {@code jitter_seed}, which defaults to the file's seed) */
    public static ReadResult read(String fileName, String text, List<String> overrides, Long seed) {
        String name = fileName == null ? "scenario" : fileName;
        try {
            if (text == null) {
                return invalid(name, "no text");
            }
            long bytes = utf8Length(text);
            if (bytes > MAX_BYTES) {
                return tooLarge(name, bytes);
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a BOM from Windows editors is not content
            }
            Problems pr = new Problems();
            Node root = YamlLoader.loadFile(name, text, pr);
            Node tree = root != null ? root : new Node.Map(new Node.Pos(name, 1, 1, false), List.of());
            tree = Overrides.apply(tree, overrides == null ? List.of() : overrides, pr);
            Scenario scenario = root == null ? null : ScenarioDecoder.decode(tree, name, seed, pr);
            return scenario != null && pr.isEmpty() ? new ReadResult.Ok(scenario)
                    : new ReadResult.Invalid(pr.sorted());
        } catch (RuntimeException | StackOverflowError e) {
            // a bug of ours must still come out as a problem, never as an exception in the caller's face
            return invalid(name, "internal error while reading: " + e);
        }
    }

    private static ReadResult tooLarge(String name, long bytes) {
        return invalid(name, "the file is " + bytes + " bytes; files over 1 MiB (" + MAX_BYTES
                + " bytes) are refused");
    }

    private static ReadResult invalid(String name, String message) {
        return new ReadResult.Invalid(List.of(new Problem(name, 1, 1, "", message)));
    }

    /** UTF-8 byte count without encoding; stops early once over the limit. */
    private static long utf8Length(String s) {
        if (s.length() > MAX_BYTES) {
            return s.length();
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
