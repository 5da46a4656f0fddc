package dev.vialab.emulator.net;

import java.util.SplittableRandom;

/**
 * A seeded random stream for one purpose of one node (Call-IDs of the phone, ports of the NAT, …). Separate
 * streams keep a change in one place (one more keep-alive) from shifting identifiers somewhere else.
 */
public final class Rng {
    private static final char[] TOKEN = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-"
            .toCharArray();
    private final SplittableRandom random;

    private Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A stream derived from the run's seed and a stable name such as {@code phone/callid}. */
    public static Rng derive(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return new Rng(h ^ (seed * 0x9E3779B97F4A7C15L));
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in [from, to). */
    public int nextInt(int from, int to) {
        return random.nextInt(from, to);
    }

    public long nextLong(long from, long to) {
        return random.nextLong(from, to);
    }

    /**
     * A token like pjsip's {@code pj_generate_unique_string()} on Windows (the seed's branch
     * {@code z9hG4bKPjE9fHx.Zlv3t3dl3hMt-uYlNAv423a-uX}): letters, digits, '.' and '-'.
     */
    public String token(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = TOKEN[random.nextInt(TOKEN.length)];
        }
        return new String(out);
    }

    public String hex(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = TOKEN[random.nextInt(16)];
        }
        return new String(out);
    }
}
