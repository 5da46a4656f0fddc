package dev.vialab.lab.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PcapngStructureTest {
    private static final Packet UDP = new Packet.Udp(Endpoint.of("192.168.1.10", 61000),
            Endpoint.of("198.51.100.1", 5060), "OPTIONS sip:x SIP/2.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));

    private static Trace trace;
    private static byte[] file;

    @BeforeAll
    static void run() {
        trace = PcapScenarios.udpWithCall();
        file = PcapngExport.bytes(trace);
    }

    @Test
    void theCaptureStartsWithALittleEndianSectionHeaderOfVersion1_0() {
        PcapngFile.Block shb = PcapngFile.blocks(file).getFirst();
        var b = PcapngFile.le(shb.body());

        assertThat(shb.type()).isEqualTo(0x0A0D0D0A);
        assertThat(b.getInt(0)).isEqualTo(0x1A2B3C4D);
        assertThat(b.getShort(4)).isEqualTo((short) 1);
        assertThat(b.getShort(6)).isEqualTo((short) 0);
        assertThat(b.getLong(8)).isEqualTo(-1L);
        assertThat(PcapngFile.options(shb.body(), 16)).extracting(PcapngFile.Option::text).contains("ViaLab");
    }

    @Test
    void everyBlockHasMatchingLeadingAndTrailingLengthsAndTheBlocksTileTheFile() {
        List<PcapngFile.Block> blocks = PcapngFile.blocks(file);

        int end = 0;
        for (PcapngFile.Block b : blocks) {
            assertThat(b.offset()).isEqualTo(end);
            assertThat(b.trailingLength()).as("block at %d", b.offset()).isEqualTo(b.totalLength());
            assertThat(b.totalLength() % 4).isZero();
            end += b.totalLength();
        }
        assertThat(end).isEqualTo(file.length);
        assertThat(blocks).extracting(PcapngFile.Block::type)
                .startsWith(PcapngWriter.SHB, PcapngWriter.IDB, PcapngWriter.IDB)
                .containsOnly(PcapngWriter.SHB, PcapngWriter.IDB, PcapngWriter.EPB);
    }

    @Test
    void thereAreExactlyTwoEthernetInterfacesLanAndWanWithMicrosecondTimestamps() {
        List<PcapngFile.Interface> ifs = PcapngFile.interfaces(file);

        assertThat(ifs).hasSize(2);
        assertThat(ifs).extracting(i -> i.option(PcapngWriter.IF_NAME)).containsExactly("lan", "wan");
        assertThat(ifs).allSatisfy(i -> {
            assertThat(i.linkType()).isEqualTo(1);
            assertThat(i.raw(PcapngWriter.IF_TSRESOL)).containsExactly(6);
            assertThat(i.option(PcapngWriter.IF_DESCRIPTION)).isNotBlank();
        });
    }

    @Test
    void eachPacketStepBecomesOneEnhancedPacketOnItsLinksInterfaceAtItsSendTime() {
        List<Step> steps = trace.steps().stream().filter(Step::hasPacket).toList();
        List<PcapngFile.Packet> packets = PcapngFile.packets(file);

        assertThat(packets).hasSize(steps.size());
        assertThat(packets).extracting(PcapngFile.Packet::interfaceId).contains(0, 1);
        List<Step> sorted = PcapngExport.packetSteps(trace);
        for (int i = 0; i < packets.size(); i++) {
            PcapngFile.Packet p = packets.get(i);
            Step s = sorted.get(i);
            assertThat(p.interfaceId()).isEqualTo(s.hop().onInternet() ? 1 : 0);
            assertThat(p.timestamp()).isEqualTo(PcapngExport.EPOCH_MICROS + s.hop().sentAt());
            assertThat(p.capturedLength()).isEqualTo(p.originalLength());
        }
        assertThat(packets).extracting(PcapngFile.Packet::timestamp).isSorted();
        assertThat(packets.getFirst().timestamp()).isEqualTo(1_767_225_600_000_000L); // 2026-01-01T00:00:00Z
    }

    @Test
    void packetsAreWrittenInSendOrderEvenWhenTheyArrivedInAnotherOrder() {
        Trace t = PcapScenarios.synthetic(List.of(
                PcapScenarios.step(0, 30, Kind.PACKET, "phone", "nat", 20, "nat-lan", UDP, "fast", false, "a"),
                PcapScenarios.step(1, 40, Kind.PACKET, "ip1", "nat", 10, "internet", UDP, "slow", false, "b"),
                PcapScenarios.step(2, 40, Kind.PACKET, "ip2", "nat", 10, "internet", UDP, "tie", false, "c")));

        List<PcapngFile.Packet> packets = PcapngFile.packets(PcapngExport.bytes(t));

        assertThat(packets).extracting(PcapngFile.Packet::comment)
                .containsExactly("ip1 -> nat: slow", "ip2 -> nat: tie", "phone -> nat: fast");
        assertThat(packets).extracting(PcapngFile.Packet::interfaceId).containsExactly(1, 1, 0);
    }

    @Test
    void commentsNameSenderReceiverAndLabelAndMarkDropsAndRetransmissions() {
        Trace t = PcapScenarios.synthetic(List.of(
                PcapScenarios.step(0, 5, Kind.FORWARD, "phone", "nat", 1, "nat-lan", UDP, "REGISTER", false, "x"),
                PcapScenarios.step(1, 6, Kind.DROP, "ip1", "nat", 2, "internet", UDP, "200 OK", true,
                        "nat.drop.filtered"),
                PcapScenarios.step(2, 7, Kind.PACKET, "nat", "phone", 3, "nat-lan", UDP, "caf\u00e9\n", false,
                        "y")));

        assertThat(PcapngFile.packets(PcapngExport.bytes(t))).extracting(PcapngFile.Packet::comment)
                .containsExactly("phone -> nat: REGISTER",
                        "ip1 -> nat: 200 OK [dropped: nat.drop.filtered] (retransmission)",
                        "nat -> phone: caf??");
    }

    @Test
    void aRegisterDroppedByASilentServerIsInTheCaptureWithItsReason() {
        Trace t = PcapScenarios.udpWithSilentRegistrar();
        Step drop = t.query().kind(Kind.DROP).label("REGISTER").first().orElseThrow();

        List<String> comments = PcapngFile.packets(PcapngExport.bytes(t)).stream()
                .map(PcapngFile.Packet::comment).toList();

        assertThat(comments).contains("nat -> ip1: REGISTER [dropped: " + drop.why().key() + "]");
        assertThat(comments).anyMatch(c -> c.startsWith("phone -> nat: REGISTER") && c.endsWith("(retransmission)"));
    }

    @Test
    void theSameTraceGivesByteIdenticalCaptures() throws Exception {
        byte[] again = PcapngExport.bytes(trace);
        byte[] rerun = PcapngExport.bytes(PcapScenarios.udpWithCall());
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        PcapngExport.write(trace, streamed);

        assertThat(sha256(again)).isEqualTo(sha256(file));
        assertThat(sha256(rerun)).isEqualTo(sha256(file));
        assertThat(streamed.toByteArray()).isEqualTo(file);
    }

    @Test
    void aTraceWithoutPacketsIsAHeaderAndTwoInterfaces() {
        Trace empty = PcapScenarios.synthetic(List.of());

        assertThat(PcapngFile.blocks(PcapngExport.bytes(empty))).extracting(PcapngFile.Block::type)
                .containsExactly(PcapngWriter.SHB, PcapngWriter.IDB, PcapngWriter.IDB);
        assertThat(Time.S).isEqualTo(1_000_000L); // if_tsresol 6 assumes the clock counts microseconds
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
