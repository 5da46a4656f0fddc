package dev.vialab.lab.export;

import dev.vialab.emulator.packet.Ip;

/**
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum of the data taken
 * as big-endian 16-bit words, an odd last byte padded with a zero byte.
 */
final class Checksums {
    static final int UDP = 17;
    static final int TCP = 6;

    private Checksums() {}

    /** The checksum of {@code len} bytes of {@code data} from {@code off} (RFC 1071 §4.1). */
    static int internet(byte[] data, int off, int len) {
        return finish(sum(0, data, off, len));
    }

    static int internet(byte[] data) {
        return internet(data, 0, data.length);
    }

    /**
     * The UDP or TCP checksum: over the pseudo-header (source, destination, zero, protocol, length; RFC 768 and
     * RFC 793 §3.1) followed by the whole segment, whose checksum field must be zero while this runs.
     */
    static int transport(Ip src, Ip dst, int protocol, byte[] segment) {
        byte[] pseudo = new byte[12];
        System.arraycopy(src.bytes(), 0, pseudo, 0, 4);
        System.arraycopy(dst.bytes(), 0, pseudo, 4, 4);
        pseudo[9] = (byte) protocol;
        pseudo[10] = (byte) (segment.length >>> 8);
        pseudo[11] = (byte) segment.length;
        // the pseudo-header has an even length, so the two sums add up word-aligned
        return finish(sum(sum(0, pseudo, 0, pseudo.length), segment, 0, segment.length));
    }

    private static long sum(long acc, byte[] data, int off, int len) {
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) {
            acc += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (i < end) {
            acc += (data[i] & 0xff) << 8;
        }
        return acc;
    }

    private static int finish(long acc) {
        while ((acc >>> 16) != 0) {
            acc = (acc & 0xffff) + (acc >>> 16);
        }
        return (int) (~acc & 0xffff);
    }
}
