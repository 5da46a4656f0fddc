package dev.vialab.lab.export;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Wire framing of an emulated packet: Ethernet II around IPv4 around UDP, TCP or ICMP, all in network byte
 * order with correct checksums, so Wireshark decodes it as if captured on a real link.
 */
final class Frames {
    static final int ETHERNET_HEADER = 14;
    static final int IPV4_HEADER = 20;
    static final int UDP_HEADER = 8;
    static final int TCP_HEADER = 20;
    static final int ICMP_HEADER = 8;
    static final int ICMP = 1;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int TTL = 64;
    /** RFC 791 §3.1 flags: "don't fragment" is bit 1 of the 3 flag bits in front of the fragment offset. */
    private static final int DONT_FRAGMENT = 0x4000;
    private static final int TCP_WINDOW = 65535;

    private Frames() {}

    /**
     * A locally administered unicast MAC derived from a node name: first octet 0x02 (U/L bit set, I/G bit
     * clear; IEEE 802 §8.2, RFC 7042 §2.1), second 0x00, then the 32-bit FNV-1a hash of the UTF-8 name.
     */
    static byte[] mac(String node) {
        int h = 0x811c9dc5;
        for (byte b : node.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return new byte[] {0x02, 0x00, (byte) (h >>> 24), (byte) (h >>> 16), (byte) (h >>> 8), (byte) h};
    }

    /** An Ethernet II frame (no preamble, no FCS, as a capture shows it) from {@code from} to {@code to}. */
    static byte[] ethernet(String from, String to, byte[] ipDatagram) {
        ByteBuffer b = ByteBuffer.allocate(ETHERNET_HEADER + ipDatagram.length);
        b.put(mac(to)).put(mac(from)).putShort((short) ETHERTYPE_IPV4).put(ipDatagram);
        return b.array();
    }

    /** The IPv4 datagram carrying {@code packet}, with identification {@code id} (low 16 bits used). */
    static byte[] ipv4(Packet packet, int id) {
        return switch (packet) {
            case Packet.Udp u -> ipv4(u.srcIp(), u.dstIp(), Checksums.UDP, id, udp(u));
            case Packet.Tcp t -> ipv4(t.srcIp(), t.dstIp(), Checksums.TCP, id, tcp(t));
            case Packet.Icmp i -> ipv4(i.srcIp(), i.dstIp(), ICMP, id, icmp(i));
        };
    }

    /** A 20-byte IPv4 header (RFC 791 §3.1: no options, DF, TTL 64) followed by {@code body}. */
    static byte[] ipv4(Ip src, Ip dst, int protocol, int id, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(IPV4_HEADER + body.length);
        b.put((byte) 0x45) // version 4, IHL 5 words
                .put((byte) 0) // DSCP/ECN
                .putShort((short) (IPV4_HEADER + body.length))
                .putShort((short) id)
                .putShort((short) DONT_FRAGMENT)
                .put((byte) TTL)
                .put((byte) protocol)
                .putShort((short) 0) // checksum, filled in below
                .put(src.bytes())
                .put(dst.bytes());
        byte[] out = b.put(body).array();
        putShort(out, 10, Checksums.internet(out, 0, IPV4_HEADER));
        return out;
    }

    /** A UDP datagram (RFC 768); a computed checksum of 0 is sent as 0xffff, since 0 means "none". */
    static byte[] udp(Packet.Udp u) {
        byte[] payload = u.payload();
        ByteBuffer b = ByteBuffer.allocate(UDP_HEADER + payload.length);
        b.putShort((short) u.src().port())
                .putShort((short) u.dst().port())
                .putShort((short) (UDP_HEADER + payload.length))
                .putShort((short) 0)
                .put(payload);
        byte[] out = b.array();
        int sum = Checksums.transport(u.srcIp(), u.dstIp(), Checksums.UDP, out);
        putShort(out, 6, sum == 0 ? 0xffff : sum);
        return out;
    }

    /** A TCP segment (RFC 793 §3.1): data offset 5 (no options), window 65535, urgent pointer 0. */
    static byte[] tcp(Packet.Tcp t) {
        byte[] payload = t.payload();
        ByteBuffer b = ByteBuffer.allocate(TCP_HEADER + payload.length);
        b.putShort((short) t.src().port())
                .putShort((short) t.dst().port())
                .putInt((int) t.seq())
                .putInt((int) t.ack())
                .put((byte) (5 << 4))
                .put((byte) (t.flags() & 0x3f))
                .putShort((short) TCP_WINDOW)
                .putShort((short) 0) // checksum, filled in below
                .putShort((short) 0) // urgent pointer
                .put(payload);
        byte[] out = b.array();
        putShort(out, 16, Checksums.transport(t.srcIp(), t.dstIp(), Checksums.TCP, out));
        return out;
    }

    /**
     * An ICMP error (RFC 792, destination unreachable): type, code, checksum, 4 unused bytes, then the internet
     * header of the datagram that caused it and its first 64 bits of data — here the quoted UDP header. The quoted
     * header's identification is 0: the emulator does not keep the original's.
     */
    static byte[] icmp(Packet.Icmp i) {
        Packet.Udp q = i.quoted();
        byte[] quoted = ipv4(q.srcIp(), q.dstIp(), Checksums.UDP, 0, udp(q));
        int quotedLength = IPV4_HEADER + UDP_HEADER;
        ByteBuffer b = ByteBuffer.allocate(ICMP_HEADER + quotedLength);
        b.put((byte) i.type()).put((byte) i.code()).putShort((short) 0).putInt(0).put(quoted, 0, quotedLength);
        byte[] out = b.array();
        putShort(out, 2, Checksums.internet(out));
        return out;
    }

    private static void putShort(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }
}
