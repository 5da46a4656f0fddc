package dev.vialab.lab.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes pcapng blocks (draft-ietf-opsawg-pcapng, "PCAP Next Generation (pcapng) Capture File Format") in
 * little-endian order; the Section Header Block's byte-order magic tells readers which order that is (§4.1).
 */
final class PcapngWriter {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 0x00000001;
    static final int EPB = 0x00000006;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** LINKTYPE_ETHERNET in the tcpdump.org link-layer header types registry. */
    static final int LINKTYPE_ETHERNET = 1;
    /** Larger than any frame the emulator makes; 262144 is libpcap's default maximum. */
    static final int SNAPLEN = 262_144;

    // option codes (§3.5 common, §4.1 SHB, §4.2 IDB)
    static final int OPT_ENDOFOPT = 0;
    static final int OPT_COMMENT = 1;
    static final int SHB_USERAPPL = 4;
    static final int IF_NAME = 2;
    static final int IF_DESCRIPTION = 3;
    static final int IF_TSRESOL = 9;

    private final OutputStream out;

    PcapngWriter(OutputStream out) {
        this.out = out;
    }

    /** §4.1: byte-order magic, version 1.0, section length -1 ("not specified"), then options. */
    void sectionHeader(String application, String comment) throws IOException {
        Body b = new Body();
        b.u32(BYTE_ORDER_MAGIC).u16(1).u16(0).u64(-1L);
        b.option(SHB_USERAPPL, utf8(application)).option(OPT_COMMENT, utf8(comment)).endOfOptions();
        block(SHB, b);
    }

    /**
     * §4.2: link type, reserved, snap length, then {@code if_name}, {@code if_description} and
     * {@code if_tsresol} = 6 (the high bit clear: a power of ten, so timestamps count microseconds, as the
     * virtual clock does).
     */
    void interfaceDescription(String name, String description) throws IOException {
        Body b = new Body();
        b.u16(LINKTYPE_ETHERNET).u16(0).u32(SNAPLEN);
        b.option(IF_NAME, utf8(name)).option(IF_DESCRIPTION, utf8(description));
        b.option(IF_TSRESOL, new byte[] {6}).endOfOptions();
        block(IDB, b);
    }

    /**
     * §4.3: interface id, 64-bit timestamp in the interface's units split high/low, captured and original length
     * (equal: nothing is truncated), the frame padded to 32 bits, then an {@code opt_comment}.
     */
    void enhancedPacket(int interfaceId, long timestamp, byte[] frame, String comment) throws IOException {
        Body b = new Body();
        b.u32(interfaceId).u32((int) (timestamp >>> 32)).u32((int) timestamp).u32(frame.length).u32(frame.length);
        b.padded(frame);
        b.option(OPT_COMMENT, utf8(comment)).endOfOptions();
        block(EPB, b);
    }

    /**
     * §3.1: block type, block total length, body, block total length again. The total counts all three fixed
     * fields (12 bytes) plus the padded body; getting this wrong is what tshark reports as "block lengths don't
     * match".
     */
    private void block(int type, Body body) throws IOException {
        int total = 12 + body.size();
        Body b = new Body();
        b.u32(type).u32(total);
        body.writeTo(b);
        b.u32(total);
        b.writeTo(out);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A little-endian byte buffer that keeps everything 32-bit aligned. */
    private static final class Body extends ByteArrayOutputStream {
        Body u16(int v) {
            write(v);
            write(v >>> 8);
            return this;
        }

        Body u32(int v) {
            return u16(v).u16(v >>> 16);
        }

        Body u64(long v) {
            return u32((int) v).u32((int) (v >>> 32));
        }

        /** The bytes, then zero padding to a multiple of 4 (§3.1, §3.5). */
        Body padded(byte[] data) {
            write(data, 0, data.length);
            for (int i = data.length; i % 4 != 0; i++) {
                write(0);
            }
            return this;
        }

        /** §3.5: code, value length (without padding), value padded to 32 bits. */
        Body option(int code, byte[] value) {
            return u16(code).u16(value.length).padded(value);
        }

        Body endOfOptions() {
            return u16(OPT_ENDOFOPT).u16(0);
        }
    }
}
