package dev.vialab.lab.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.trace.BindingRow;
import dev.vialab.emulator.trace.CallOutcome;
import dev.vialab.emulator.trace.CallView;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.DnsCacheRow;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.NatRow;
import dev.vialab.emulator.trace.NodeInfo;
import dev.vialab.emulator.trace.PhoneView;
import dev.vialab.emulator.trace.TcpRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The output against the documented schema, and the schema and its description against the code. */
class JsonSchemaTest {

    private static String resource(String name) {
        try (InputStream in = JsonExport.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode schema() {
        return JsonTraces.parse(resource("trace.schema.json"));
    }

    private static List<String> violations(JsonNode json) {
        return new MiniSchemaValidator(schema()).validate(json);
    }

    @Test
    void theSchemaFileIsADraft2020_12SchemaPinningThisFormatAndVersion() {
        JsonNode schema = schema();
        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("properties").get("format").get("const").stringValue()).isEqualTo(JsonExport.FORMAT);
        assertThat(schema.get("properties").get("version").get("const").intValue()).isEqualTo(JsonExport.VERSION);
    }

    @ParameterizedTest
    @CsvSource({"UDP,false", "UDP,true", "TCP,false", "TCP,true"})
    void theExportOfARealRunParsesAndFollowsTheSchemaWithKeysInTheDocumentedOrder(Transport t, boolean rewrite) {
        JsonNode json = JsonTraces.parse(JsonExport.toJson(JsonTraces.run(JsonTraces.seed(t, rewrite, 600))));
        assertThat(violations(json)).isEmpty();
        assertThat(json.propertyNames()).containsExactly("format", "version", "endTime", "stop", "nodes", "marks",
                "outcomes", "initial", "steps");
    }

    @Test
    void theHandBuiltTraceWithEveryPacketKindFollowsTheSchema() {
        assertThat(violations(JsonTraces.parse(JsonExport.toJson(JsonTraces.handBuilt())))).isEmpty();
    }

    @Test
    void theValidatorRejectsOutputThatBreaksTheSchemaSoPassingMeansSomething() {
        JsonNode good = JsonTraces.parse(JsonExport.toJson(JsonTraces.handBuilt()));
        List<Consumer<ObjectNode>> breakages = List.of(
                o -> o.remove("initial"),
                o -> o.put("extra", 1),
                o -> o.put("version", 2),
                o -> o.put("endTime", 1.5),
                o -> ((ObjectNode) o.get("steps").get(0)).put("kind", "PACKET"),
                o -> ((ObjectNode) o.get("steps").get(0).get("hop").get("packet")).put("proto", "sctp"),
                o -> ((ObjectNode) o.get("steps").get(1).get("hop").get("packet")).remove("hex"),
                o -> ((ObjectNode) o.get("steps").get(4).get("hop").get("packet")).put("src", "1.2.3.4:5"),
                o -> ((ObjectNode) o.get("steps").get(0).get("changes").get("nat")).remove("removed"),
                o -> {
                    ObjectNode why = (ObjectNode) o.get("stop");
                    JsonNode key = why.remove("key");
                    why.set("key", key); // now after "args": out of the documented order
                });
        for (int i = 0; i < breakages.size(); i++) {
            ObjectNode broken = (ObjectNode) good.deepCopy();
            breakages.get(i).accept(broken);
            assertThat(violations(broken)).as("breakage %d", i).isNotEmpty();
        }
    }

    @Test
    void eachRowSchemaListsKeyThenTheRecordComponentsInDeclarationOrder() {
        JsonNode defs = schema().get("$defs");
        Map<String, Class<? extends Record>> rows = Map.of("natRow", NatRow.class, "bindingRow", BindingRow.class,
                "dnsCacheRow", DnsCacheRow.class, "phoneRow", PhoneView.class, "callRow", CallView.class,
                "tcpRow", TcpRow.class);
        rows.forEach((def, type) -> {
            List<String> expected = new ArrayList<>(List.of("key"));
            Arrays.stream(type.getRecordComponents()).forEach(c -> expected.add(c.getName()));
            assertThat(defs.get(def).get("properties").propertyNames()).as(def).containsExactlyElementsOf(expected);
            assertThat(defs.get(def).get("required").values().stream().map(JsonNode::stringValue))
                    .as(def).containsExactlyElementsOf(expected);
        });
    }

    @Test
    void theSchemaEnumsAreTheJavaEnumConstantsInLowerCase() {
        JsonNode defs = schema().get("$defs");
        assertThat(enumValues(defs.get("step").get("properties").get("kind"))).isEqualTo(lower(Kind.values()));
        assertThat(enumValues(defs.get("hop").get("properties").get("category"))).isEqualTo(lower(Category.values()));
        assertThat(enumValues(defs.get("node").get("properties").get("role"))).isEqualTo(lower(NodeInfo.Role.values()));
        assertThat(enumValues(defs.get("outcome").get("properties").get("result")))
                .isEqualTo(lower(CallOutcome.Result.values()));
        assertThat(enumValues(defs.get("transport"))).isEqualTo(lower(Transport.values()));
    }

    private static List<String> enumValues(JsonNode schema) {
        return schema.get("enum").values().stream().map(JsonNode::stringValue).toList();
    }

    private static List<String> lower(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void theHumanDescriptionMentionsEveryKeyOfTheSchema() {
        String markdown = resource("TRACE-JSON.md");
        TreeSet<String> keys = new TreeSet<>();
        collectPropertyNames(schema(), keys);
        for (String key : keys) {
            assertThat(markdown).as("TRACE-JSON.md mentions %s", key).containsAnyOf("`" + key + "`", "\"" + key + "\"",
                    ", " + key + ",", key + "`");
        }
    }

    private static void collectPropertyNames(JsonNode node, TreeSet<String> into) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null && props.isObject()) {
                into.addAll(props.propertyNames());
            }
            node.values().forEach(child -> collectPropertyNames(child, into));
        } else if (node.isArray()) {
            node.values().forEach(child -> collectPropertyNames(child, into));
        }
    }
}
