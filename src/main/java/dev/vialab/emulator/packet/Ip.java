package dev.vialab.emulator.packet;

/**
 * An IPv4 address as a value. Comparable numerically, so sorted output is stable.
 */
public record Ip(int bits) implements Comparable<Ip> {

    public static Ip parse(String text) {
        Ip ip = tryParse(text);
        if (ip == null) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        return ip;
    }

    public static boolean isValid(String text) {
        return tryParse(text) != null;
    }

    /**
     * The address {@code text} spells, or null. Why not parse-and-catch: a phone checks the {@code received}
     * parameter of every response it gets (pjsua_acc.c, acc_check_nat_addr), and splitting the text into parts
     * and throwing on a host name was a tenth of what a REGISTER transaction allocated.
     */
    public static Ip tryParse(String text) {
        int bits = 0;
        int part = 0;
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                if (++digits > 3) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part <= 255 && dots < 3) {
                bits = (bits << 8) | part;
                part = 0;
                digits = 0;
                dots++;
            } else {
                return lenient(text); // a sign, a space or anything else: the rare text the slow rules decide
            }
        }
        return dots == 3 && digits > 0 && part <= 255 ? new Ip((bits << 8) | part) : null;
    }

    /** The original rules (trimmed, four parts, each what Integer.parseInt accepts and 0–255 in ≤ 3 chars). */
    private static Ip lenient(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int bits = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                return null;
            }
            if (part.isEmpty() || part.length() > 3 || octet < 0 || octet > 255) {
                return null;
            }
            bits = (bits << 8) | octet;
        }
        return new Ip(bits);
    }

    /** The address of four network-order bytes (what {@link java.net.InetAddress#getAddress} gives). */
    public static Ip of(byte[] b) {
        if (b.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + b.length + " bytes");
        }
        return new Ip((b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff));
    }

    public int octet(int i) {
        return (bits >>> (24 - 8 * i)) & 0xff;
    }

    public byte[] bytes() {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    /**
     * The prefixes pjsip's {@code is_private_ip()} treats as private (pjsua_acc.c): 10/8, 127/8, 172.16/12,
     * 192.168/16. Used by the allow_contact_rewrite == 1 exceptions (rule R22).
     */
    public boolean isPrivate() {
        int a = octet(0);
        int b = octet(1);
        return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
    }

    /** True when both addresses share the first {@code prefix} bits. */
    public boolean sameSubnet(Ip other, int prefix) {
        if (prefix == 0) {
            return true;
        }
        int mask = -1 << (32 - prefix);
        return (bits & mask) == (other.bits & mask);
    }

    /** The address as an unsigned number: a key for the emulator's lookup tables. */
    public long asLong() {
        return bits & 0xffff_ffffL;
    }

    // written out for the same reason as Endpoint's: a plain int comparison the JIT always inlines
    @Override
    public boolean equals(Object o) {
        return o instanceof Ip i && bits == i.bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }

    @Override
    public int compareTo(Ip o) {
        return Integer.compareUnsigned(bits, o.bits);
    }

    @Override
    public String toString() {
        return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
    }
}
