package dev.vialab.emulator.trace;

import java.util.Arrays;
import java.util.List;

/**
 * Why a step happened: a message key the UI translates, its arguments, and the rule it follows ({@code R13},
 * {@code RFC 4787 §4.1}, or empty). Arguments are kept as given and turned into text only when read — most
 * steps of a long run are never read, and formatting addresses eagerly was a measurable part of a run.
 */
public final class Why {
    private final String key;
    private final String rule;
    private final Object[] raw;
    private List<String> args;

    private Why(String key, String rule, Object[] raw) {
        this.key = key;
        this.rule = rule;
        this.raw = raw;
    }

    public static Why of(String key, String rule, Object... args) {
        return new Why(key, rule, args.clone());
    }

    public String key() {
        return key;
    }

    public String rule() {
        return rule;
    }

    /** The arguments as text (formatted once, on first use). */
    public List<String> args() {
        List<String> a = args;
        if (a == null) {
            String[] text = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                text[i] = String.valueOf(raw[i]);
            }
            a = List.of(text);
            args = a;
        }
        return a;
    }

    public String arg(int i) {
        return i < raw.length ? args().get(i) : "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Why w && key.equals(w.key) && rule.equals(w.rule) && args().equals(w.args());
    }

    @Override
    public int hashCode() {
        return (key.hashCode() * 31 + rule.hashCode()) * 31 + args().hashCode();
    }

    @Override
    public String toString() {
        return "Why[key=" + key + ", rule=" + rule + ", args=" + Arrays.toString(raw) + "]";
    }
}
