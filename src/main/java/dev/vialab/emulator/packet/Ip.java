package dev.vialab.emulator.packet;

/**
 * An IPv4 address as a value. Comparable numerically, so sorted output is stable.
 */
public record Ip(int bits) implements Comparable<Ip> {

    public static Ip parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        int bits = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            if (part.isEmpty() || part.length() > 3 || octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            bits = (bits << 8) | octet;
        }
        return new Ip(bits);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
