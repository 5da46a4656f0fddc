package dev.vialab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.JacksonUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ladder and timeline models travel to the browser through Flow's {@code Element.setPropertyBean}, which in
 * Vaadin 25 converts with Jackson 3 ({@code com.vaadin.flow.internal.JacksonUtils.beanToJson}). These tests pin
 * that API and the JSON shape the TypeScript types mirror, and keep a golden of the seed model.
 */
class LadderModelJsonTest {
    private static final Path GOLDEN = Path.of(System.getProperty("vialab.root", "."),
            "src/test/resources/dev/vialab/lab/ladder-seed.golden.json");

    private final LadderModel model = LadderMapper.from(LadderTraces.seed(), Explainer.english());

    @Test
    void flow_serialises_the_ladder_model_with_jackson_3_and_keeps_record_component_names() {
        ObjectNode json = JacksonUtils.beanToJson(model);
        assertThat(json.propertyNames()).containsExactlyInAnyOrder("lanes", "arrows", "notes", "marks", "endTime",
                "steps");
        JsonNode arrow = json.get("arrows").get(2);
        assertThat(arrow.propertyNames()).containsExactlyInAnyOrder("flight", "label", "detail", "category",
                "retransmission", "sentAt", "hops", "dropped", "firstStep", "lastStep");
        assertThat(arrow.get("dropped").isNull()).isTrue();
        assertThat(arrow.get("hops").get(0).propertyNames()).containsExactlyInAnyOrder("from", "to", "sentAt",
                "arriveAt", "step", "src", "dst");
        assertThat(json.get("lanes").get(2).get("role").asString()).isEqualTo("NAT");
        assertThat(json.get("notes").get(0).propertyNames()).containsExactlyInAnyOrder("step", "time", "lane",
                "kind", "text", "rule");
        assertThat(json.get("steps").asInt()).isEqualTo(model.steps());
    }

    @Test
    void an_element_keeps_the_model_as_one_json_property() {
        Element element = new Element("sip-ladder");
        element.setPropertyBean("model", model);
        assertThat(element.getPropertyRaw("model")).isInstanceOf(ObjectNode.class);
        assertThat(((ObjectNode) element.getPropertyRaw("model")).get("arrows").size())
                .isEqualTo(model.arrows().size());
    }

    @Test
    void flow_serialises_the_timeline_model_with_step_times_as_a_number_array() {
        TimelineModel timeline = TimelineMapper.from(LadderTraces.seed());
        ObjectNode json = JacksonUtils.beanToJson(timeline);
        assertThat(json.propertyNames()).containsExactlyInAnyOrder("endTime", "rows", "targets", "marks",
                "stepTimes");
        assertThat(json.get("stepTimes").size()).isEqualTo(LadderTraces.seed().size());
        assertThat(json.get("rows").get(0).get("bars").get(0).get("ended").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void the_seed_model_matches_its_golden_json() throws IOException {
        String actual = lines(JacksonUtils.beanToJson(model));
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("golden file; create or refresh it with -Dgolden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    /** Compact JSON with one array element per line, so a behaviour change shows as a readable diff. */
    private static String lines(ObjectNode json) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            StringBuilder b = new StringBuilder("\"").append(e.getKey()).append("\":");
            if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                List<String> items = new ArrayList<>();
                e.getValue().forEach(item -> items.add(item.toString()));
                b.append("[\n").append(String.join(",\n", items)).append("\n]");
            } else {
                b.append(e.getValue());
            }
            fields.add(b.toString());
        }
        return "{" + String.join(",\n", fields) + "}\n";
    }
}
