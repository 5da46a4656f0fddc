package dev.vialab.emulator.trace;

import java.util.List;

/**
 * Why a step happened: a message key the UI translates, its arguments (already formatted, so output does not
 * depend on locale), and the rule it follows ({@code R13}, {@code RFC 4787 §4.1}, or empty).
 */
public record Why(String key, String rule, List<String> args) {

    public Why {
        args = List.copyOf(args);
    }

    public static Why of(String key, String rule, Object... args) {
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        return new Why(key, rule, List.of(text));
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }
}
