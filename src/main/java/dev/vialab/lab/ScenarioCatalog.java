package dev.vialab.lab;

import dev.vialab.scenario.ReadResult;
import dev.vialab.scenario.ScenarioReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The scenarios under {@code lessons/scenarios}, read once. Files that do not read cleanly are kept out of the
 * catalog and listed as problems, so one bad file never takes the start page down.
 */
public final class ScenarioCatalog {
    private final TreeMap<String, CatalogEntry> entries = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    private ScenarioCatalog() {}

    /** Reads a folder on disk (the checkout's {@code lessons/scenarios}). */
    public static ScenarioCatalog fromDirectory(Path dir) {
        ScenarioCatalog c = new ScenarioCatalog();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String group = dir.relativize(f).getNameCount() > 1 ? dir.relativize(f).getName(0).toString() : "";
                c.add(group, dir.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    /** Builds the catalog from files already read: relative name (e.g. {@code rulebook/g01.yaml}) → text. */
    public static ScenarioCatalog fromFiles(java.util.SortedMap<String, String> files) {
        ScenarioCatalog c = new ScenarioCatalog();
        files.forEach((name, text) -> c.add(name.contains("/") ? name.substring(0, name.indexOf('/')) : "", name,
                text));
        return c;
    }

    private void add(String group, String file, String text) {
        switch (ScenarioReader.read(file, text)) {
            case ReadResult.Ok ok -> {
                var s = ok.scenario();
                entries.put(s.id(), new CatalogEntry(s.id(), group, s.title(), s.description(), s.tags(), file, text));
            }
            case ReadResult.Invalid bad -> bad.problems().forEach(p -> problems.add(p.toString()));
        }
    }

    public List<CatalogEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<CatalogEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
