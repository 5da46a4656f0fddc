package dev.vialab.lab.export;

import static dev.vialab.lab.export.PcapngFile.onesComplementSum;
import static dev.vialab.lab.export.PcapngFile.u16;
import static dev.vialab.lab.export.PcapngFile.u32;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recomputes every checksum from the captured bytes with an independent RFC 1071 sum. */
class PcapChecksumTest {
    private static final int ETH = 14;
    private static final int IP = ETH + 20;

    /** A captured frame and the step it came from. */
    record Captured(Step step, byte[] frame) {
        int protocol() {
            return frame[ETH + 9] & 0xff;
        }

        byte[] transport() {
            return Arrays.copyOfRange(frame, IP, frame.length);
        }

        byte[] pseudoHeader() {
            byte[] p = new byte[12];
            System.arraycopy(frame, ETH + 12, p, 0, 8);
            p[9] = (byte) protocol();
            p[10] = (byte) ((frame.length - IP) >>> 8);
            p[11] = (byte) (frame.length - IP);
            return p;
        }
    }

    private static final List<Captured> frames = new ArrayList<>();

    @BeforeAll
    static void capture() {
        for (Trace t : List.of(PcapScenarios.udpWithCall(), PcapScenarios.tcpWithRefusal(),
                PcapScenarios.udpWithIcmp())) {
            List<Step> steps = PcapngExport.packetSteps(t);
            List<PcapngFile.Packet> packets = PcapngFile.packets(PcapngExport.bytes(t));
            assertThat(packets).hasSameSizeAs(steps);
            for (int i = 0; i < steps.size(); i++) {
                frames.add(new Captured(steps.get(i), packets.get(i).frame()));
            }
        }
    }

    @Test
    void theCapturesHoldUdpTcpAndIcmp() {
        assertThat(frames).extracting(Captured::protocol).contains(1, 6, 17);
    }

    @Test
    void everyIpv4HeaderChecksumIsCorrectWithDontFragmentAndTtl64() {
        assertThat(frames).allSatisfy(c -> {
            byte[] f = c.frame();
            assertThat(u16(f, 12)).as("EtherType IPv4").isEqualTo(0x0800);
            assertThat(f[ETH]).as("version 4, IHL 5").isEqualTo((byte) 0x45);
            assertThat(u16(f, ETH + 2)).as("total length").isEqualTo(f.length - ETH);
            assertThat(u16(f, ETH + 6)).as("flags DF, offset 0").isEqualTo(0x4000);
            assertThat(f[ETH + 8] & 0xff).as("TTL").isEqualTo(64);
            assertThat(onesComplementSum(Arrays.copyOfRange(f, ETH, IP))).isEqualTo(0xffff);
            assertThat(u32(f, ETH + 12)).isEqualTo(c.step().hop().packet().srcIp().bits() & 0xffffffffL);
            assertThat(u32(f, ETH + 16)).isEqualTo(c.step().hop().packet().dstIp().bits() & 0xffffffffL);
        });
    }

    @Test
    void theIpIdentificationIncrementsPerPacketWithinACapture() {
        byte[] file = PcapngExport.bytes(PcapScenarios.udpWithCall());
        List<Integer> ids = PcapngFile.packets(file).stream().map(p -> u16(p.frame(), ETH + 4)).toList();

        for (int i = 0; i < ids.size(); i++) {
            assertThat(ids.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void everyUdpChecksumIsCorrectOverThePseudoHeaderAndCarriesTheWireBytes() {
        List<Captured> udp = frames.stream().filter(c -> c.protocol() == 17).toList();

        assertThat(udp).isNotEmpty().allSatisfy(c -> {
            Packet.Udp u = (Packet.Udp) c.step().hop().packet();
            byte[] seg = c.transport();
            assertThat(u16(seg, 0)).isEqualTo(u.src().port());
            assertThat(u16(seg, 2)).isEqualTo(u.dst().port());
            assertThat(u16(seg, 4)).isEqualTo(seg.length);
            assertThat(u16(seg, 6)).as("0 would mean no checksum").isNotZero();
            assertThat(onesComplementSum(c.pseudoHeader(), seg)).isEqualTo(0xffff);
            assertThat(Arrays.copyOfRange(seg, 8, seg.length)).isEqualTo(u.payload());
        });
    }

    @Test
    void everyTcpChecksumIsCorrectAndSegmentsCarryTheTracesSeqAckAndFlags() {
        List<Captured> tcp = frames.stream().filter(c -> c.protocol() == 6).toList();

        assertThat(tcp).isNotEmpty().allSatisfy(c -> {
            Packet.Tcp t = (Packet.Tcp) c.step().hop().packet();
            byte[] seg = c.transport();
            assertThat(u16(seg, 0)).isEqualTo(t.src().port());
            assertThat(u16(seg, 2)).isEqualTo(t.dst().port());
            assertThat(u32(seg, 4)).isEqualTo(t.seq());
            assertThat(u32(seg, 8)).isEqualTo(t.ack());
            assertThat(seg[12] & 0xff).as("data offset 5").isEqualTo(0x50);
            assertThat(seg[13] & 0xff).isEqualTo(t.flags());
            assertThat(u16(seg, 14)).as("window").isEqualTo(65535);
            assertThat(onesComplementSum(c.pseudoHeader(), seg)).isEqualTo(0xffff);
            assertThat(Arrays.copyOfRange(seg, 20, seg.length)).isEqualTo(t.payload());
        });
        assertThat(tcp).anyMatch(c -> c.transport().length > 20); // SIP over TCP, not just handshakes
    }

    @Test
    void icmpErrorsQuoteTheIpHeaderAndTheUdpHeaderWithCorrectChecksums() {
        List<Captured> icmp = frames.stream().filter(c -> c.protocol() == 1).toList();

        assertThat(icmp).isNotEmpty().allSatisfy(c -> {
            Packet.Icmp i = (Packet.Icmp) c.step().hop().packet();
            byte[] msg = c.transport();
            assertThat(msg).hasSize(8 + 20 + 8);
            assertThat(msg[0]).isEqualTo((byte) 3);
            assertThat(msg[1]).isEqualTo((byte) 3);
            assertThat(onesComplementSum(msg)).isEqualTo(0xffff);
            byte[] quotedIp = Arrays.copyOfRange(msg, 8, 28);
            assertThat(onesComplementSum(quotedIp)).isEqualTo(0xffff);
            assertThat(quotedIp[9]).as("quoted protocol UDP").isEqualTo((byte) 17);
            assertThat(u32(quotedIp, 12)).isEqualTo(i.quoted().srcIp().bits() & 0xffffffffL);
            assertThat(u16(msg, 28)).isEqualTo(i.quoted().src().port());
            assertThat(u16(msg, 30)).isEqualTo(i.quoted().dst().port());
            assertThat(u16(msg, 32)).isEqualTo(8 + i.quoted().payload().length);
        });
    }

    @Test
    void framesUseLocallyAdministeredUnicastMacsDerivedFromTheNodeNames() {
        assertThat(frames).allSatisfy(c -> {
            byte[] f = c.frame();
            assertThat(Arrays.copyOfRange(f, 0, 6)).isEqualTo(Frames.mac(c.step().hop().to()));
            assertThat(Arrays.copyOfRange(f, 6, 12)).isEqualTo(Frames.mac(c.step().hop().from()));
        });
        assertThat(Frames.mac("phone")).startsWith(0x02, 0x00).isNotEqualTo(Frames.mac("nat"));
    }

    @Test
    void theInternetChecksumMatchesTheRfc1071Example() {
        // RFC 1071 §3: these bytes sum to 0xddf2, so the checksum is its complement
        byte[] data = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};

        assertThat(Checksums.internet(data)).isEqualTo(0x220d);
        assertThat(Checksums.internet(new byte[] {0x12, 0x34, 0x56})).isEqualTo(~(0x1234 + 0x5600) & 0xffff);
    }

    @Test
    void aUdpChecksumThatComputesToZeroIsSentAsAllOnes() {
        Endpoint src = Endpoint.of("192.168.1.10", 61000);
        Endpoint dst = Endpoint.of("198.51.100.1", 5060);
        int c0 = u16(Frames.udp(new Packet.Udp(src, dst, new byte[2])), 6);
        // a payload word equal to the checksum over a zero word makes the sum all ones, i.e. a checksum of 0
        byte[] payload = {(byte) (c0 >>> 8), (byte) c0};

        byte[] seg = Frames.udp(new Packet.Udp(src, dst, payload));

        assertThat(u16(seg, 6)).isEqualTo(0xffff);
    }
}
