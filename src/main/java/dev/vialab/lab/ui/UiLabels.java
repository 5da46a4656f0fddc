package dev.vialab.lab.ui;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The web components' UI words in the learner's language, from {@code ladder-labels*.properties}: the keys under
 * a prefix ({@code ladder.}, {@code timeline.}) without it, ready for {@link SipLadder#setLabels} and
 * {@link Timeline#setLabels}. Properties files are read as UTF-8 (Java 9+), so Chinese needs no escapes.
 */
final class UiLabels {
    private UiLabels() {}

    static Map<String, String> of(Locale locale, String prefix) {
        Locale pick = locale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        ResourceBundle bundle = ResourceBundle.getBundle("dev.vialab.lab.ui.ladder-labels", pick,
                UiLabels.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> labels = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(prefix)) {
                labels.put(key.substring(prefix.length()), bundle.getString(key));
            }
        }
        return labels;
    }
}
