package dev.vialab.emulator.net;

/**
 * A seeded random stream for one purpose of one node (Call-IDs of the phone, ports of the NAT, …). Separate
 * streams keep a change in one place (one more keep-alive) from shifting identifiers somewhere else.
 */
public final class Rng {
    private static final char[] TOKEN = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-"
            .toCharArray();
    /** SplittableRandom's golden gamma: the step of the SplitMix64 sequence. */
    private static final long GAMMA = 0x9e3779b97f4a7c15L;
    /**
     * The SplitMix64 state, here rather than in a {@code java.util.SplittableRandom} held by reference. Why: a
     * phone draws its keep-alive jitter every 12–15 s, and with thousands of phones the generator is cold each
     * time; one object fewer per draw is one cache miss fewer. The numbers are exactly those of
     * {@code new SplittableRandom(seed)} (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
     * OOPSLA 2014; the bounded draws as {@code RandomSupport.boundedNextInt/Long}), which a test checks.
     */
    private long seed;

    private Rng(long seed) {
        this.seed = seed;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    private int nextInt() {
        return mix32(seed += GAMMA);
    }

    private long nextLong() {
        return mix64(seed += GAMMA);
    }

    /** Reads the state without drawing from it: a keep-alive reads its jitter stream ahead ({@link Scheduler.Warm}). */
    public long warm() {
        return seed;
    }

    /** A stream derived from the run's seed and a stable name such as {@code phone/callid}. */
    public static Rng derive(long seed, String name) {
        return new Rng(seedOf(seed, name));
    }

    /** The SplitMix64 seed of the stream {@code name} of a run with {@code seed}: FNV-1a of the name, mixed. */
    static long seedOf(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ (seed * 0x9E3779B97F4A7C15L);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int m = bound - 1;
        int r = nextInt();
        if ((bound & m) == 0) {
            return r & m;
        }
        // reject the over-represented top of the range (u + m - r overflows exactly there)
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // draw again
        }
        return r;
    }

    /** Uniform in [from, to). */
    public int nextInt(int from, int to) {
        if (from >= to) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        int r = nextInt();
        int n = to - from;
        int m = n - 1;
        if ((n & m) == 0) {
            return (r & m) + from;
        }
        if (n > 0) {
            for (int u = r >>> 1; u + m - (r = u % n) < 0; u = nextInt() >>> 1) {
                // draw again
            }
            return r + from;
        }
        while (r < from || r >= to) { // the range is wider than an int
            r = nextInt();
        }
        return r;
    }

    public long nextLong(long from, long to) {
        if (from >= to) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        long r = nextLong();
        long n = to - from;
        long m = n - 1;
        if ((n & m) == 0L) {
            return (r & m) + from;
        }
        if (n > 0L) {
            for (long u = r >>> 1; u + m - (r = u % n) < 0L; u = nextLong() >>> 1) {
                // draw again
            }
            return r + from;
        }
        while (r < from || r >= to) {
            r = nextLong();
        }
        return r;
    }

    /**
     * A token like pjsip's {@code pj_generate_unique_string()} on Windows (the seed's branch
     * {@code z9hG4bKPjE9fHx.Zlv3t3dl3hMt-uYlNAv423a-uX}): letters, digits, '.' and '-'.
     */
    public String token(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = TOKEN[nextInt(TOKEN.length)];
        }
        return new String(out);
    }

    public String hex(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = TOKEN[nextInt(16)];
        }
        return new String(out);
    }
}
