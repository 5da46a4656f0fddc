package dev.vialab.scenario;

import dev.vialab.emulator.setup.Setup;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A scenario file, read and resolved.
 *
 * @param id the scenario's stable name (a run is id + overrides + seed + step)
 * @param title language tag (e.g. {@code en}, {@code zh-CN}) to text
 * @param description language tag to one line for the start page
 * @param setup everything the emulator needs, no defaults left to apply
 */
public record Scenario(String id, SortedMap<String, String> title, SortedMap<String, String> description,
        List<String> tags, Setup setup) {

    public Scenario {
        // copies: a Scenario is a value; nobody may change the maps it was built from behind its back
        title = Collections.unmodifiableSortedMap(new TreeMap<>(title));
        description = Collections.unmodifiableSortedMap(new TreeMap<>(description));
        tags = List.copyOf(tags);
    }
}
