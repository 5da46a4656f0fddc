package dev.vialab.lab.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The export of real emulator traces: determinism, state deltas that rebuild the state, payload forms, speed. */
class JsonExportTest {

    @Test
    void exportingTwoRunsOfTheSameSetupGivesIdenticalText() {
        String first = JsonExport.toJson(JsonTraces.run(JsonTraces.seed(Transport.UDP, true, 500)));
        String second = JsonExport.toJson(JsonTraces.run(JsonTraces.seed(Transport.UDP, true, 500)));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void writingToAUtf8WriterGivesTheUtf8BytesOfToJson() throws Exception {
        Trace trace = JsonTraces.run(JsonTraces.seed(Transport.UDP, false, 120));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            JsonExport.write(trace, out);
        }
        assertThat(bytes.toByteArray()).isEqualTo(JsonExport.toJson(trace).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void replayingTheChangesOfEachStepRebuildsTheStateOfEveryTenthStep(Transport transport) {
        Trace trace = JsonTraces.run(JsonTraces.seed(transport, true, 600));
        JsonNode json = JsonTraces.parse(JsonExport.toJson(trace));
        assertThat(json.get("initial")).isEqualTo(JsonTraces.parse(JsonTraces.stateJson(trace.stateAt(-1))));

        Map<String, TreeMap<String, JsonNode>> tables = new LinkedHashMap<>();
        json.get("initial").properties().forEach(t -> {
            TreeMap<String, JsonNode> rows = new TreeMap<>();
            t.getValue().values().forEach(row -> rows.put(row.get("key").stringValue(), row));
            tables.put(t.getKey(), rows);
        });
        JsonNode steps = json.get("steps");
        assertThat(steps.size()).isEqualTo(trace.size());
        int compared = 0;
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).get("index").intValue()).isEqualTo(i);
            steps.get(i).get("changes").properties().forEach(t -> {
                TreeMap<String, JsonNode> rows = tables.get(t.getKey());
                t.getValue().get("set").values().forEach(row -> rows.put(row.get("key").stringValue(), row));
                t.getValue().get("removed").values().forEach(key -> rows.remove(key.stringValue()));
            });
            if (i % 10 == 0 || i == steps.size() - 1) {
                assertThat(render(tables)).as("state after step %d", i)
                        .isEqualTo(JsonTraces.parse(JsonTraces.stateJson(trace.stateAt(i))));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(5);
    }

    /** The rebuilt tables in the shape of {@code initial}: rows in key order. */
    private static JsonNode render(Map<String, TreeMap<String, JsonNode>> tables) {
        StringBuilder b = new StringBuilder("{");
        tables.forEach((name, rows) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(JsonTraces.quoted(name)).append(":[");
            b.append(String.join(",", rows.values().stream().map(JsonNode::toString).toList())).append(']');
        });
        return JsonTraces.parse(b.append('}').toString());
    }

    @Test
    void stepsThatChangeNoStateCarryEmptyChangesAndChangedTablesOnlyAppearWhenTheyChanged() {
        Trace trace = JsonTraces.run(JsonTraces.seed(Transport.UDP, true, 600));
        JsonNode steps = JsonTraces.parse(JsonExport.toJson(trace)).get("steps");
        int empty = 0;
        for (int i = 0; i < trace.size(); i++) {
            JsonNode changes = steps.get(i).get("changes");
            boolean same = i > 0 && trace.stateAt(i).equals(trace.stateAt(i - 1));
            if (same) {
                assertThat(changes.isEmpty()).as("changes of step %d", i).isTrue();
                empty++;
            }
            for (String table : changes.propertyNames()) {
                assertThat(changes.get(table).get("set").size() + changes.get(table).get("removed").size())
                        .as("%s changes of step %d", table, i).isPositive();
            }
        }
        assertThat(empty).as("most steps change nothing").isGreaterThan(trace.size() / 4);
    }

    @Test
    void sipTravelsAsEscapedTextDnsAsDigTextPlusHexAndStepsWithoutAPacketHaveNoHop() {
        Trace trace = JsonTraces.run(JsonTraces.seed(Transport.UDP, true, 60));
        String json = JsonExport.toJson(trace);
        JsonNode steps = JsonTraces.parse(json).get("steps");
        boolean sawSip = false;
        boolean sawDns = false;
        for (Step s : trace.steps()) {
            JsonNode step = steps.get(s.index());
            if (s.hop() == null) {
                assertThat(step.has("hop")).isFalse();
                continue;
            }
            JsonNode packet = step.get("hop").get("packet");
            if (s.hop().packet() instanceof Packet.Udp u) {
                assertThat(packet.get("src").stringValue()).isEqualTo(u.src().toString());
                assertThat(packet.get("dst").stringValue()).isEqualTo(u.dst().toString());
            }
            if (s.hop().category() == Category.SIP) {
                assertThat(packet.get("text").stringValue()).isEqualTo(s.hop().packet().text());
                sawSip = true;
            } else if (s.hop().category() == Category.DNS) {
                assertThat(packet.get("dns").stringValue()).contains(";; QUESTION SECTION:");
                assertThat(packet.get("hex").stringValue()).isEqualTo(PacketJson.hex(s.hop().packet().payload()));
                assertThat(packet.has("text")).isFalse();
                sawDns = true;
            }
        }
        assertThat(sawSip).isTrue();
        assertThat(sawDns).isTrue();
        assertThat(json).contains("REGISTER sip:sip.example.com SIP/2.0\\r\\nVia: SIP/2.0/UDP ");
    }

    @Test
    void everyPacketKindOfAHandBuiltTraceIsWrittenInItsOwnForm() {
        JsonNode steps = JsonTraces.parse(JsonExport.toJson(JsonTraces.handBuilt())).get("steps");
        JsonNode sip = steps.get(0).get("hop").get("packet");
        assertThat(sip.get("text").stringValue()).contains("é ☎ \"q\" \\\r\n");
        JsonNode dns = steps.get(1).get("hop").get("packet");
        assertThat(dns.get("dns").stringValue()).contains(";sip.example.com.\t\tIN\tA");
        assertThat(dns.get("hex").stringValue()).isEqualTo(PacketJson.hex(JsonTraces.dnsQuery()));
        JsonNode syn = steps.get(2).get("hop").get("packet");
        assertThat(syn.toString()).isEqualTo("{\"proto\":\"tcp\",\"src\":\"192.168.1.10:61000\","
                + "\"dst\":\"198.51.100.1:5060\",\"flags\":[\"SYN\"],\"seq\":1000,\"ack\":0,\"size\":0}");
        JsonNode data = steps.get(3).get("hop").get("packet");
        assertThat(data.get("flags").toString()).isEqualTo("[\"PSH\",\"ACK\"]");
        assertThat(data.get("hex").stringValue()).isEqualTo("0001abff");
        JsonNode icmp = steps.get(4).get("hop").get("packet");
        assertThat(icmp.toString()).isEqualTo("{\"proto\":\"icmp\",\"src\":\"198.51.100.1\",\"dst\":\"203.0.113.195\","
                + "\"type\":3,\"code\":3,\"quoted\":{\"src\":\"203.0.113.195:13450\",\"dst\":\"198.51.100.1:5060\"}}");
        assertThat(steps.get(5).has("hop")).isFalse();
        assertThat(steps.get(5).get("why").toString())
                .isEqualTo("{\"key\":\"k.none\",\"rule\":\"R1\",\"args\":[\"1\",\"two\"]}");
    }

    @Test
    void explanationsWithQuotesControlCharactersAndNonAsciiSurviveTheRoundTrip() {
        String json = JsonExport.toJson(JsonTraces.handBuilt());
        JsonNode step = JsonTraces.parse(json).get("steps").get(0);
        assertThat(step.get("why").get("args").get(0).stringValue()).isEqualTo(JsonTraces.HOSTILE);
        assertThat(step.get("hop").get("sentBecause").get("args").get(0).stringValue()).isEqualTo(JsonTraces.HOSTILE);
        assertThat(json).contains("nul\\u0000 bell\\u0007 del\u007f é ☎ 😀 lone\\ud800 end\\r\\n");
    }

    @Test
    void aTenMinuteSeedTraceExportsWellUnderASecondAndGrowsWithChangesNotWithSteps() {
        Trace trace = JsonTraces.run(JsonTraces.seed(Transport.UDP, true, 600));
        JsonExport.toJson(trace); // warm up: class loading and JIT are the CLI's start-up cost, not the export's
        List<Long> millis = new ArrayList<>();
        String json = "";
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            json = JsonExport.toJson(trace);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        // best of three: the build machine is shared, a single slow run says nothing about the exporter
        assertThat(millis.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(500);
        // one SIP message is ~500 bytes and appears as text once per step it is seen on; full state snapshots
        // per step would add the whole NAT, binding and phone tables to every line
        assertThat(json.length() / trace.size()).isLessThan(2_000);
        assertThat(json.lines().count()).isEqualTo(trace.size() + 2); // one line per step, plus head and tail lines
    }
}
