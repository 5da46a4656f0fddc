package dev.vialab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The translated UI words stay in step with the keys the web components know (their English defaults). */
class UiLabelsTest {
    private static final Path ROOT = Path.of(System.getProperty("vialab.root", "."));
    private static final Pattern KEY = Pattern.compile("^\\s+'?([A-Za-z][\\w.]*)'?:\\s*'", Pattern.MULTILINE);

    /** Keys of the object literal that starts at {@code start} in a TypeScript file (one key per line). */
    private static Set<String> tsKeys(String file, String start) throws IOException {
        String text = Files.readString(ROOT.resolve(file));
        int from = text.indexOf(start);
        String body = text.substring(from, text.indexOf("\n};", from));
        Set<String> keys = new TreeSet<>();
        Matcher m = KEY.matcher(body);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    void every_ladder_word_has_english_and_chinese_and_the_component_knows_its_key() throws IOException {
        Set<String> ts = tsKeys("frontend/sip-ladder/ladder-labels.ts", "export const DEFAULT_LABELS");
        assertThat(ts).contains("dropped", "role.NAT", "natLane");
        assertThat(UiLabels.of(Locale.ENGLISH, "ladder.").keySet()).isEqualTo(ts);
        assertThat(UiLabels.of(Locale.SIMPLIFIED_CHINESE, "ladder.").keySet()).isEqualTo(ts);
        assertThat(UiLabels.of(Locale.SIMPLIFIED_CHINESE, "ladder.").get("dropped")).isEqualTo("已丢弃");
    }

    @Test
    void every_timeline_word_has_english_and_chinese_and_the_component_knows_its_key() throws IOException {
        Set<String> ts = tsKeys("frontend/vl-timeline/vl-timeline.ts", "export const TIMELINE_LABELS");
        assertThat(ts).contains("keepalive", "end.EXPIRED", "kind.BINDING");
        assertThat(UiLabels.of(Locale.ROOT, "timeline.").keySet()).isEqualTo(ts);
        assertThat(UiLabels.of(Locale.CHINA, "timeline.").keySet()).isEqualTo(ts);
    }
}
