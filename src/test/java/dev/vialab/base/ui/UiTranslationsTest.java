package dev.vialab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every UI string exists in English and Chinese, and every key the views ask for exists. */
class UiTranslationsTest {
    private static final Path ROOT = Path.of(System.getProperty("vialab.root", "."));
    private static final Pattern KEY = Pattern.compile("getTranslation\\(\\s*\"([a-zA-Z0-9_.]+)\"");

    @Test
    void both_languages_have_the_same_keys() throws IOException {
        Properties en = load("translations.properties");
        Properties zh = load("translations_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String k : en.stringPropertyNames()) {
            assertThat(placeholders(zh.getProperty(k))).as(k).isEqualTo(placeholders(en.getProperty(k)));
            assertThat(zh.getProperty(k)).as(k).isNotBlank();
        }
    }

    @Test
    void every_key_the_views_ask_for_is_translated() throws IOException {
        Properties en = load("translations.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // keys built from a prefix: every outcome result and every scenario group has its text
        used.removeIf(k -> k.endsWith("."));
        for (var r : dev.vialab.emulator.trace.CallOutcome.Result.values()) {
            used.add("outcome." + r.name());
        }
        used.add("start.group.");
        used.add("start.group.rulebook");
        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(k -> assertThat(en.stringPropertyNames()).as("key %s", k).contains(k));
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(ROOT.resolve("src/main/resources/vaadin-i18n/" + name)),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
