package dev.vialab.lab.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal, independent pcapng reader for the tests (little-endian sections only, which is what we write). */
final class PcapngFile {
    record Block(int type, int offset, int totalLength, int trailingLength, byte[] body) {}

    record Option(int code, byte[] value) {
        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    record Interface(int linkType, int snapLen, List<Option> options) {
        String option(int code) {
            return options.stream().filter(o -> o.code() == code).map(Option::text).findFirst().orElse(null);
        }

        byte[] raw(int code) {
            return options.stream().filter(o -> o.code() == code).map(Option::value).findFirst().orElse(null);
        }
    }

    record Packet(int interfaceId, long timestamp, int capturedLength, int originalLength, byte[] frame,
            List<Option> options) {
        String comment() {
            return options.stream().filter(o -> o.code() == 1).map(Option::text).findFirst().orElse(null);
        }
    }

    private PcapngFile() {}

    /** Splits the file into blocks; stops at the first block whose length does not fit. */
    static List<Block> blocks(byte[] file) {
        List<Block> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        while (at + 12 <= file.length) {
            int type = b.getInt(at);
            int total = b.getInt(at + 4);
            if (total < 12 || at + total > file.length) {
                break;
            }
            byte[] body = new byte[total - 12];
            System.arraycopy(file, at + 8, body, 0, body.length);
            out.add(new Block(type, at, total, b.getInt(at + total - 4), body));
            at += total;
        }
        return out;
    }

    static List<Interface> interfaces(byte[] file) {
        return blocks(file).stream().filter(bl -> bl.type() == PcapngWriter.IDB).map(bl -> {
            ByteBuffer b = le(bl.body());
            return new Interface(b.getShort(0) & 0xffff, b.getInt(4), options(bl.body(), 8));
        }).toList();
    }

    static List<Packet> packets(byte[] file) {
        return blocks(file).stream().filter(bl -> bl.type() == PcapngWriter.EPB).map(bl -> {
            ByteBuffer b = le(bl.body());
            long ts = ((b.getInt(4) & 0xffffffffL) << 32) | (b.getInt(8) & 0xffffffffL);
            int caplen = b.getInt(12);
            byte[] frame = new byte[caplen];
            System.arraycopy(bl.body(), 20, frame, 0, caplen);
            return new Packet(b.getInt(0), ts, caplen, b.getInt(16), frame,
                    options(bl.body(), 20 + pad(caplen)));
        }).toList();
    }

    /** Options from {@code at} up to opt_endofopt or the end of the body. */
    static List<Option> options(byte[] body, int at) {
        List<Option> out = new ArrayList<>();
        ByteBuffer b = le(body);
        while (at + 4 <= body.length) {
            int code = b.getShort(at) & 0xffff;
            int len = b.getShort(at + 2) & 0xffff;
            if (code == 0) {
                break;
            }
            byte[] value = new byte[len];
            System.arraycopy(body, at + 4, value, 0, len);
            out.add(new Option(code, value));
            at += 4 + pad(len);
        }
        return out;
    }

    static int pad(int n) {
        return (n + 3) & ~3;
    }

    static ByteBuffer le(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    static int u16(byte[] data, int at) {
        return ((data[at] & 0xff) << 8) | (data[at + 1] & 0xff);
    }

    static long u32(byte[] data, int at) {
        return ((long) u16(data, at) << 16) | u16(data, at + 2);
    }

    /** RFC 1071 one's complement sum, folded to 16 bits (0xffff over data that includes a correct checksum). */
    static int onesComplementSum(byte[]... parts) {
        long sum = 0;
        for (byte[] p : parts) {
            for (int i = 0; i < p.length; i += 2) {
                sum += ((p[i] & 0xff) << 8) | (i + 1 < p.length ? p[i + 1] & 0xff : 0);
            }
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }
}
