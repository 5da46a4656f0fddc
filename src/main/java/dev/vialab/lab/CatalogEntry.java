package dev.vialab.lab;

import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * One scenario the start page lists: its id, group (the folder under lessons/scenarios, e.g. {@code rulebook}),
 * titles and descriptions per language, tags, and the file text it is read from.
 */
public record CatalogEntry(String id, String group, SortedMap<String, String> title,
        SortedMap<String, String> description, List<String> tags, String file, String text) {

    public CatalogEntry {
        title = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(title));
        description = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(description));
        tags = List.copyOf(tags);
    }

    public String title(Locale locale) {
        return pick(title, locale, id);
    }

    public String description(Locale locale) {
        return pick(description, locale, "");
    }

    static String pick(SortedMap<String, String> texts, Locale locale, String fallback) {
        String zh = texts.get("zh-CN");
        if ("zh".equals(locale.getLanguage()) && zh != null) {
            return zh;
        }
        return texts.getOrDefault("en", fallback);
    }
}
