package dev.vialab.emulator.trace;

import java.util.List;

/** One answer in a resolver's cache (pjsip's own resolver only; the OS resolver mode caches nothing, R29). */
public record DnsCacheRow(String resolver, String name, String type, List<String> records, long expires) {
    public DnsCacheRow {
        records = List.copyOf(records);
    }

    public String key() {
        return resolver + '|' + type + '|' + name;
    }
}
