package dev.vialab.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * UI strings in English and Simplified Chinese from {@code vaadin-i18n/translations*.properties}. English is
 * listed first, so a browser asking for any other language gets English; arguments are substituted as plain
 * text ({@code {0}}), because MessageFormat would swallow the apostrophes of English sentences.
 */
@Component
class Translations implements I18NProvider {
    static final List<Locale> LOCALES = List.of(Locale.ENGLISH, MainLayout.ZH_CN);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
        for (int i = 0; i < params.length; i++) {
            pattern = pattern.replace("{" + i + "}", String.valueOf(params[i]));
        }
        return pattern;
    }

    static ResourceBundle bundle(Locale locale) {
        Locale pick = locale != null && "zh".equals(locale.getLanguage()) ? MainLayout.ZH_CN : Locale.ROOT;
        return ResourceBundle.getBundle("vaadin-i18n.translations", pick, Translations.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
