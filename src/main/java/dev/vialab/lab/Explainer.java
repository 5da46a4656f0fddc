package dev.vialab.lab;

import dev.vialab.emulator.trace.Why;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns a step's {@link Why} into a sentence in the learner's language. Arguments are substituted as plain
 * text ({@code {0}}, {@code {1}}, …): MessageFormat would reinterpret apostrophes and numbers by locale.
 */
public final class Explainer {
    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    private final ResourceBundle bundle;
    private final Locale locale;

    private Explainer(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("dev.vialab.lab.explain", locale, Explainer.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Explainer english() {
        return new Explainer(Locale.ROOT);
    }

    public static Explainer of(Locale locale) {
        return locale.getLanguage().equals("zh") ? new Explainer(ZH_CN) : english();
    }

    public Locale locale() {
        return locale;
    }

    public String text(Why why) {
        String pattern;
        try {
            pattern = bundle.getString(why.key());
        } catch (MissingResourceException e) {
            return why.key() + " " + why.args();
        }
        return substitute(pattern, why);
    }

    /** The sentence with its rule appended, e.g. {@code … (R13)}. */
    public String withRule(Why why) {
        String t = text(why);
        return why.rule().isEmpty() || t.contains(why.rule()) ? t : t + " [" + why.rule() + "]";
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    static String substitute(String pattern, Why why) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 2 < pattern.length() && Character.isDigit(pattern.charAt(i + 1))) {
                int close = pattern.indexOf('}', i);
                if (close > 0) {
                    int n = Integer.parseInt(pattern.substring(i + 1, close));
                    out.append(why.arg(n));
                    i = close;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
