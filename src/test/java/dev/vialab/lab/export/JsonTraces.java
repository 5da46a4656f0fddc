package dev.vialab.lab.export;

import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.Fixtures;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.PjsipVersion;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.CallOutcome;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Mark;
import dev.vialab.emulator.trace.NatRow;
import dev.vialab.emulator.trace.NodeInfo;
import dev.vialab.emulator.trace.PMap;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.StepLog;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.emulator.trace.Why;
import dev.vialab.emulator.trace.World;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Traces and helpers for the export tests: real emulator runs, and a hand-built trace with every packet kind. */
final class JsonTraces {
    /** Strict: a duplicate key in our output is a bug, not something to let the last one win. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Text that needs every kind of escaping, plus non-ASCII that must stay as is. */
    static final String HOSTILE = "quote\" back\\ tab\t nul\u0000 bell\u0007 del\u007f é ☎ 😀 lone\uD800 end\r\n";

    private JsonTraces() {}

    /** The rulebook seed: MicroSIP behind the APDM NAT, DNS order flips at 295 s, one call at 430 s. */
    static Setup seed(Transport transport, boolean rewrite, long seconds) {
        return Fixtures.seed(Fixtures.phone(Profile.MICROSIP_3_20, rewrite, PjsipVersion.V2_13, transport),
                Setup.LocationMode.PER_SERVER, true, RegistrarSetup.Auth.NONE,
                List.of(new CallSetup("call1", 430 * Time.S, "caller", "1001", "ip1", 5 * Time.S)),
                seconds * Time.S);
    }

    static Trace run(Setup setup) {
        return Emulator.run(setup);
    }

    static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    /** A World rendered exactly as the export renders {@code initial}. */
    static String stateJson(World world) {
        StringWriter s = new StringWriter();
        try {
            StateJson.full(new JsonWriter(s), world);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    /** What {@link JsonWriter} makes of one string value. */
    static String quoted(String value) {
        StringWriter s = new StringWriter();
        try {
            new JsonWriter(s).value(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    static NatRow natRow(int port, long expires) {
        return new NatRow("nat", Transport.UDP, Endpoint.of("192.168.1.10", 61000),
                Endpoint.of("203.0.113.195", port), "198.51.100.1:5060", 1500, 1500, expires,
                List.of(new NatRow.Permission("198.51.100.1:5060", expires)), 0, 0);
    }

    static byte[] dnsQuery() {
        try {
            Message query = Message.newQuery(Record.newRecord(Name.fromString("sip.example.com."), Type.A, DClass.IN));
            query.getHeader().setID(0x1234); // dnsjava picks a random id; tests compare bytes
            return query.toWire();
        } catch (TextParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One step per packet kind the export formats differently (SIP text, DNS, TCP SYN, TCP data that is not SIP,
     * ICMP), hostile text in explanations, and a NAT row that is added, changed and removed.
     */
    static Trace handBuilt() {
        Endpoint phone = Endpoint.of("192.168.1.10", 61000);
        Endpoint server = Endpoint.of("198.51.100.1", 5060);
        Why because = Why.of("test.sent", "R0", HOSTILE);
        byte[] sip = ("OPTIONS sip:x SIP/2.0\r\nSubject: " + "é ☎ \"q\" \\" + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        Packet.Udp sipPacket = new Packet.Udp(phone, server, sip);
        Packet.Udp dns = new Packet.Udp(Endpoint.of("192.168.1.10", 53321), Endpoint.of("192.168.1.2", 53), dnsQuery());
        Packet.Tcp syn = new Packet.Tcp(phone, server, Packet.Tcp.SYN, 1000, 0, new byte[0]);
        Packet.Tcp data = new Packet.Tcp(phone, server, Packet.Tcp.PSH | Packet.Tcp.ACK, 1001, 77,
                new byte[] {0, 1, (byte) 0xab, (byte) 0xff});
        Packet.Icmp icmp = new Packet.Icmp(Ip.parse("198.51.100.1"), Ip.parse("203.0.113.195"), 3, 3,
                new Packet.Udp(Endpoint.of("203.0.113.195", 13450), server, new byte[0]));

        World w0 = World.EMPTY.withNat(PMap.<String, NatRow>empty().put(natRow(13450, 100).key(), natRow(13450, 100)));
        World w1 = w0.withNat(w0.nat().put(natRow(13450, 200).key(), natRow(13450, 200)));
        World w2 = w1.withNat(w1.nat().remove(natRow(13450, 200).key()));
        List<Step> steps = List.of(
                new Step(0, 0, Kind.PACKET, "ip1", hop(1, sipPacket, Category.SIP, because), Why.of("k.sip", "",
                        HOSTILE), -1, w0),
                new Step(1, 10, Kind.PACKET, "dns", hop(2, dns, Category.DNS, because), Why.of("k.dns", ""), 0, w1),
                new Step(2, 20, Kind.PACKET, "ip1", hop(3, syn, Category.TCP, because), Why.of("k.syn", ""), 1, w1),
                new Step(3, 30, Kind.PACKET, "ip1", hop(3, data, Category.TCP, because), Why.of("k.data", ""), 2, w2),
                new Step(4, 40, Kind.DROP, "nat", hop(4, icmp, Category.ICMP, because), Why.of("k.icmp", ""), 3, w2),
                new Step(5, 50, Kind.REGISTRATION, "phone", null, Why.of("k.none", "R1", 1, "two"), 4, w2));
        List<NodeInfo> nodes = List.of(
                new NodeInfo("phone", NodeInfo.Role.PHONE, List.of("192.168.1.10:61000")),
                new NodeInfo("nat", NodeInfo.Role.NAT, List.of("192.168.1.1", "203.0.113.195")),
                new NodeInfo("ip1", NodeInfo.Role.REGISTRAR, List.of("198.51.100.1:5060")),
                new NodeInfo("dns", NodeInfo.Role.DNS, List.of("192.168.1.2")));
        List<CallOutcome> outcomes = List.of(new CallOutcome("call1", CallOutcome.Result.LOST, 4,
                Why.of("outcome.lost", ""), List.of(new CallOutcome.Link(4, Why.of("k.icmp", "")))));
        return new Trace(nodes, StepLog.of(steps), List.of(new Mark("t1", 0, 0)), outcomes, 60,
                Why.of("run.end", "", "0.000"));
    }

    private static Hop hop(int flight, Packet p, Category c, Why because) {
        return new Hop(flight, "phone", "ip1", 0, "internet", p, "label " + flight, c, false, because);
    }
}
