package dev.vialab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How YAML text becomes a {@link Node} tree. The loader reads snakeyaml-engine's events itself; these cases pin
 * what the Jackson-based loader before it gave (a differential run over every lesson and test scenario and 70
 * snippets found no difference but the message for a list used as a key).
 */
class YamlLoaderTest {

    private static Node load(String text, Problems problems) {
        return YamlLoader.loadFile("f.yaml", text, problems);
    }

    private static Node.Scalar valueOfA(String text) {
        Problems problems = new Problems();
        Node root = load(text, problems);
        assertThat(problems.sorted()).isEmpty();
        return (Node.Scalar) ((Node.Map) root).entries().getFirst().value();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a: ~|~|true", "a: null|null|true", "a: yes|yes|true", "a: 1_000|1_000|true", "a: 0x1F|0x1F|true",
        "a: '5'|5|false", "a: \"5\"|5|false", "a: 'it''s'|it's|false", "a: 2001-12-14|2001-12-14|true"})
    void a_scalar_keeps_its_text_as_written_and_whether_it_was_quoted(String yaml, String text, boolean plain) {
        Node.Scalar s = valueOfA(yaml + "\n");
        assertThat(s.text()).isEqualTo(text);
        assertThat(s.plain()).isEqualTo(plain);
    }

    @Test
    void an_empty_value_is_empty_plain_text_at_the_place_it_would_start() {
        Node.Scalar s = valueOfA("a:\n");
        assertThat(s.text()).isEmpty();
        assertThat(s.plain()).isTrue();
        assertThat(s.pos().line()).isEqualTo(1);
        assertThat(s.pos().column()).isEqualTo(3);
    }

    @Test
    void block_scalars_count_as_unquoted_and_keep_their_lines() {
        assertThat(valueOfA("a: |\n  x\n  y\n").text()).isEqualTo("x\ny\n");
        assertThat(valueOfA("a: |-\n  x\n").text()).isEqualTo("x");
        assertThat(valueOfA("a: |\n  x\n").plain()).isTrue();
    }

    @Test
    void keys_values_and_items_carry_their_line_and_column() {
        Problems problems = new Problems();
        Node.Map root = (Node.Map) load("# c\na:\n  - b: 1\n    c: [x, 'y']\n", problems);
        Node.Entry a = root.entries().getFirst();
        assertThat(List.of(a.keyPos().line(), a.keyPos().column())).containsExactly(2, 1);
        Node.Map item = (Node.Map) ((Node.Seq) a.value()).items().getFirst();
        assertThat(List.of(item.pos().line(), item.pos().column())).containsExactly(3, 5);
        Node.Seq c = (Node.Seq) item.entries().get(1).value();
        Node.Scalar y = (Node.Scalar) c.items().get(1);
        assertThat(List.of(y.pos().line(), y.pos().column(), y.plain() ? 1 : 0)).containsExactly(4, 12, 0);
    }

    @Test
    void an_empty_or_comment_only_file_is_an_empty_map_so_every_default_applies() {
        assertThat(load("", new Problems())).isInstanceOf(Node.Map.class);
        assertThat(((Node.Map) load("# only a comment\n", new Problems())).entries()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a: &x 1\\nb: *x|f.yaml:1:4: YAML anchors (&x) are not allowed; write the value out",
        "a: [1, *b]|f.yaml:1:8: YAML aliases (*b) are not allowed; write the value out",
        "a: !!str 5|f.yaml:1:4: YAML tags (!!str) are not allowed",
        "!!map {a: 1}|f.yaml:1:1: YAML tags (!!map) are not allowed",
        "a: 😀 x\\nb: &y 2|f.yaml:2:4: YAML anchors (&y) are not allowed; write the value out",
        "a: 1\\n---\\nb: 2|f.yaml:3:1: only one YAML document per file",
        "? [a, b]\\n: 1|f.yaml:1:3: a key must be a single word or text, not a list or a map",
        "a: [1, 2|f.yaml:2:1: YAML syntax: expected ',' or ']', but got <stream end> (while parsing a flow sequence)"})
    void what_a_scenario_never_needs_is_refused_with_one_problem_naming_the_place(String yaml, String problem) {
        Problems problems = new Problems();
        assertThat(load(yaml.replace("\\n", "\n") + "\n", problems)).isNull();
        assertThat(problems.sorted()).extracting(Object::toString).containsExactly(problem);
    }

    @Test
    void duplicate_keys_keep_the_first_and_name_its_line() {
        Problems problems = new Problems();
        Node.Map root = (Node.Map) load("a: 1\na: 2\n", problems);
        assertThat(((Node.Scalar) root.entries().getFirst().value()).text()).isEqualTo("1");
        assertThat(problems.sorted()).extracting(Object::toString)
                .containsExactly("f.yaml:2:1: duplicate key 'a' (first at line 1)");
    }

    @Test
    void nesting_past_the_limit_is_refused_where_it_goes_too_deep() {
        Problems problems = new Problems();
        String deep = "[".repeat(70) + "1" + "]".repeat(70);
        assertThat(load(deep, problems)).isNull();
        assertThat(problems.sorted()).extracting(Object::toString)
                .containsExactly("f.yaml:1:65: nested deeper than 64 levels");
    }

    @Test
    void a_fragment_places_every_node_and_problem_at_the_override() {
        Node.Pos at = new Node.Pos("override", 1, 1, false);
        Problems problems = new Problems();
        Node.Seq seq = (Node.Seq) YamlLoader.loadFragment("[ip3, ip1,\n ip2]", at, problems);
        assertThat(seq.items()).allSatisfy(n -> assertThat(n.pos()).isEqualTo(at));
        assertThat(YamlLoader.loadFragment("{a: 1", at, problems)).isNull();
        assertThat(problems.sorted()).extracting(Object::toString).singleElement().asString()
                .startsWith("override:1:1: YAML syntax: ");
    }
}
