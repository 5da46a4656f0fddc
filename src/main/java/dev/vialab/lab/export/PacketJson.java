package dev.vialab.lab.export;

import dev.vialab.emulator.dns.DnsText;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.trace.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes one packet as it was on one link. The payload is shown in the form a learner reads: SIP and keep-alives
 * as text (CRLFs escaped by the writer), DNS as dig-like text plus the wire bytes in hex (so a tool can decode it
 * again), anything else non-empty as hex only.
 */
final class PacketJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int DNS_PORT = 53;

    private PacketJson() {}

    static void write(JsonWriter w, Packet packet, Category category) throws IOException {
        w.beginObject();
        switch (packet) {
            case Packet.Udp u -> {
                w.field("proto", "udp").field("src", u.src().toString()).field("dst", u.dst().toString());
                payload(w, u.payload(), category, u.src().port() == DNS_PORT || u.dst().port() == DNS_PORT);
            }
            case Packet.Tcp t -> {
                w.field("proto", "tcp").field("src", t.src().toString()).field("dst", t.dst().toString());
                w.name("flags").beginArray();
                // fixed order SYN, FIN, RST, PSH, ACK: the order flagNames() and the ladder use
                flag(w, t, Packet.Tcp.SYN, "SYN");
                flag(w, t, Packet.Tcp.FIN, "FIN");
                flag(w, t, Packet.Tcp.RST, "RST");
                flag(w, t, Packet.Tcp.PSH, "PSH");
                flag(w, t, Packet.Tcp.ACK, "ACK");
                w.endArray();
                w.field("seq", t.seq()).field("ack", t.ack());
                // the emulator carries DNS over UDP only, so TCP payloads are SIP, keep-alives or nothing
                payload(w, t.payload(), category, false);
            }
            case Packet.Icmp i -> {
                // ICMP has no ports: src and dst are bare addresses
                w.field("proto", "icmp").field("src", i.srcIp().toString()).field("dst", i.dstIp().toString())
                        .field("type", i.type()).field("code", i.code());
                w.name("quoted").beginObject()
                        .field("src", i.quoted().src().toString())
                        .field("dst", i.quoted().dst().toString())
                        .endObject();
            }
        }
        w.endObject();
    }

    private static void flag(JsonWriter w, Packet.Tcp t, int bit, String name) throws IOException {
        if (t.has(bit)) {
            w.value(name);
        }
    }

    private static void payload(JsonWriter w, byte[] bytes, Category category, boolean dns) throws IOException {
        w.field("size", bytes.length);
        if (dns) {
            w.field("dns", DnsText.dig(bytes)).field("hex", hex(bytes));
        } else if (category == Category.SIP || category == Category.KEEPALIVE) {
            w.field("text", new String(bytes, StandardCharsets.UTF_8));
        } else if (bytes.length > 0) {
            w.field("hex", hex(bytes));
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
