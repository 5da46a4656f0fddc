package dev.vialab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.trace.Why;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The explanation bundles: the Chinese one translates every English text with the same placeholders and rule
 * citations, and the English one holds exactly the keys the emulator uses.
 *
 * <p>A key missing from {@code explain_zh_CN.properties} would not fail at run time: {@code ResourceBundle}
 * falls back to the English parent and a Chinese learner silently gets English. Hence the key-set test.
 */
class ExplanationBundlesTest {
    private static final String ENGLISH = "/dev/vialab/lab/explain.properties";
    private static final String CHINESE = "/dev/vialab/lab/explain_zh_CN.properties";
    private static final Path MAIN_SOURCES = Path.of(System.getProperty("vialab.root", ".")).resolve("src/main/java");

    /** The key families of the bundle. A new family must be added here, so that its literals are scanned too. */
    private static final Set<String> FAMILIES = Set.of("acc", "binding", "call", "dns", "nat", "net", "outcome",
            "phone", "proxy", "registrar", "run", "sip", "tcp", "tsx");
    private static final Pattern KEY_SHAPED = Pattern.compile(
            "(" + String.join("|", new TreeSet<>(FAMILIES)) + ")\\.[a-zA-Z0-9]+(\\.[a-zA-Z0-9]+)*");
    /** The first argument of {@code Why.of(…)} when it is a literal, whatever its shape. */
    private static final Pattern WHY_OF_LITERAL = Pattern.compile("Why\\.of\\(\\s*\"([^\"]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** Citations that also let {@link Explainer#withRule} see that the text already names its rule. */
    private static final Pattern CITATION = Pattern.compile(
            "\\bR\\d+\\b|\\bG\\d+\\b|REQ-\\d+|pjsip #\\d+|RFC \\d+(?: §\\d+(?:\\.\\d+)*)?|pjsip \\d+\\.\\d+\\+?");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /**
     * Literals of a key's shape in the main sources that are not explanation keys. Empty today; an entry needs
     * a comment saying what the literal is (e.g. a log category that happens to look like {@code net.foo}).
     */
    private static final Set<String> NOT_KEYS = Set.of();

    /**
     * Keys that no literal in the main sources names, e.g. a key built by concatenation. Empty today: every key
     * is written out, also those chosen by a ternary ({@code "acc.ka.start"/"acc.ka.moved"}), passed through a
     * variable ({@code "nat.mapping.expired"}, {@code "net.unroutable.private"}) or through
     * {@code Location.put} ({@code "binding.added"}). An entry needs a comment pointing at the code that builds it.
     */
    private static final Set<String> BUILT_KEYS = Set.of();

    private static Map<String, String> english;
    private static Map<String, String> chinese;
    private static Set<String> literals;

    @BeforeAll
    static void load() throws IOException {
        english = bundle(ENGLISH);
        chinese = bundle(CHINESE);
        literals = keyLiteralsInMainSources();
    }

    @Test
    void theChineseBundleHasExactlyTheKeysOfTheEnglishOne() {
        assertThat(chinese.keySet()).as("keys of %s", CHINESE).containsExactlyInAnyOrderElementsOf(english.keySet());
    }

    @Test
    void everyChineseTextUsesExactlyThePlaceholdersOfItsEnglishText() {
        Map<String, String> differences = new TreeMap<>();
        english.forEach((key, text) -> {
            if (chinese.containsKey(key) && !placeholders(text).equals(placeholders(chinese.get(key)))) {
                differences.put(key, placeholders(text) + " in English, " + placeholders(chinese.get(key))
                        + " in Chinese");
            }
        });
        assertThat(differences).isEmpty();
    }

    @Test
    void everyChineseTextKeepsTheRuleCitationsOfItsEnglishText() {
        Map<String, String> missing = new TreeMap<>();
        english.forEach((key, text) -> {
            Set<String> lost = citations(text);
            lost.removeAll(citations(chinese.getOrDefault(key, "")));
            if (!lost.isEmpty()) {
                missing.put(key, lost.toString());
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyChineseTextIsWrittenInChinese() {
        assertThat(chinese.entrySet()).allSatisfy(
                e -> assertThat(HAN.matcher(e.getValue()).find()).as("%s=%s", e.getKey(), e.getValue()).isTrue());
    }

    @Test
    void theChineseBundleIsStrictUtf8() throws IOException {
        // Java reads a properties bundle that is not valid UTF-8 as ISO-8859-1, without an error: mojibake.
        byte[] bytes = resource(CHINESE);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new AssertionError(CHINESE + " is not valid UTF-8", e);
        }
        assertThat(Explainer.of(Locale.SIMPLIFIED_CHINESE).text(Why.of("acc.unregistered", "")))
                .isEqualTo(chinese.get("acc.unregistered"));
    }

    @Test
    void everyKeyTheMainSourcesNameIsInTheEnglishBundle() {
        Set<String> unknown = new TreeSet<>(literals);
        unknown.removeAll(NOT_KEYS);
        unknown.removeAll(english.keySet());
        assertThat(unknown).as("key literals in %s without an English text", MAIN_SOURCES).isEmpty();
        assertThat(literals).as("literals of a key's shape, to be sure the scan sees the sources")
                .contains("nat.mapping.expired", "acc.ka.start", "acc.ka.moved", "binding.moved", "proxy.lookup",
                        "nat.out.tcp", "net.unroutable.nohost", "tcp.reset", "acc.rewrite.detected.always",
                        "outcome.notstarted");
    }

    @Test
    void everyKeyOfTheEnglishBundleIsUsedByTheMainSources() {
        Set<String> unused = new TreeSet<>(english.keySet());
        unused.removeAll(literals);
        unused.removeAll(BUILT_KEYS);
        assertThat(unused).as("English keys that no literal in %s names", MAIN_SOURCES).isEmpty();
    }

    @Test
    void everyKeyBelongsToAFamilyTheSourceScanKnows() {
        assertThat(english.keySet()).allSatisfy(key -> assertThat(KEY_SHAPED.matcher(key).matches())
                .as("%s: add its family to FAMILIES", key).isTrue());
    }

    @Test
    void theAllowListsNameOnlyLiteralsAndKeysThatStillExist() {
        Set<String> stale = new TreeSet<>();
        NOT_KEYS.stream().filter(k -> !literals.contains(k) || english.containsKey(k)).forEach(stale::add);
        BUILT_KEYS.stream().filter(k -> literals.contains(k) || !english.containsKey(k)).forEach(stale::add);
        assertThat(stale).as("allow-list entries to remove").isEmpty();
    }

    @Test
    void theExplainerSubstitutesEveryArgumentOfEveryKeyInBothLanguages() {
        for (Explainer explainer : List.of(Explainer.english(), Explainer.of(Locale.SIMPLIFIED_CHINESE))) {
            Map<String, String> texts = explainer.locale().equals(Locale.ROOT) ? english : chinese;
            for (String key : english.keySet()) {
                Object[] args = new Object[8];
                for (int i = 0; i < args.length; i++) {
                    args[i] = "«arg" + i + "»";
                }
                Why why = Why.of(key, "", args);
                String text = explainer.text(why);
                assertThat(explainer.has(key)).as("%s in %s", key, explainer.locale()).isTrue();
                assertThat(text).as("%s in %s", key, explainer.locale()).doesNotContain("{", "}")
                        .doesNotStartWith(key + " [").isEqualTo(Explainer.substitute(texts.get(key), why));
                for (int n : placeholders(texts.get(key))) {
                    assertThat(text).as("%s in %s", key, explainer.locale()).contains("«arg" + n + "»");
                }
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ExplanationBundlesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Map<String, String> bundle(String name) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(resource(name), StandardCharsets.UTF_8)));
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static Set<String> citations(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * The string literals of the main sources, comments left out, that look like keys (family + dots) or are
     * the first argument of {@code Why.of}. Keys reach {@code Why.of} directly, through ternaries, variables,
     * parameters ({@code expire(m, "nat.mapping.expired")}, {@code Location.put(row, key, …)}) and switch labels
     * ({@code case "call.answered"}); a literal of a key's shape names a key wherever it stands.
     */
    private static Set<String> keyLiteralsInMainSources() throws IOException {
        Set<String> out = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MAIN_SOURCES)) {
            // the scenario package's literals are field paths and defaults (nat.ports.list, sip.example.com), and
            // the views' are UI message keys: neither explains a trace step
            files = walk.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(MAIN_SOURCES.resolve("dev/vialab/scenario")))
                    .filter(f -> !f.toString().contains("/ui/"))
                    .sorted().toList();
        }
        assertThat(files).as("Java files under %s", MAIN_SOURCES).isNotEmpty();
        for (Path f : files) {
            String code = withoutComments(Files.readString(f));
            for (String literal : stringLiterals(code)) {
                if (KEY_SHAPED.matcher(literal).matches()) {
                    out.add(literal);
                }
            }
            Matcher m = WHY_OF_LITERAL.matcher(code);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Java source with its comments blanked out; string, text-block and char literals are kept as they are. */
    static String withoutComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? src.length() : end + 3;
                out.append(src, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, src.length());
                out.append(src, i, j);
                i = j;
            } else if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The contents of the ordinary string literals of comment-free source. */
    static List<String> stringLiterals(String code) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                i = end < 0 ? code.length() : end + 3;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != '\'') {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != '"') {
                    if (code.charAt(j) == '\\' && j + 1 < code.length()) {
                        s.append(code, j, j + 2);
                        j += 2;
                    } else {
                        s.append(code.charAt(j++));
                    }
                }
                out.add(s.toString());
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
