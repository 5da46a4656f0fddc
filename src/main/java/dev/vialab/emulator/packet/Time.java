package dev.vialab.emulator.packet;

/**
 * Virtual time is a {@code long} count of microseconds since the start of a run. Never read from a wall clock.
 */
public final class Time {
    public static final long MS = 1_000;
    public static final long S = 1_000_000;

    private Time() {}

    public static long ms(double ms) {
        return Math.round(ms * MS);
    }

    public static long s(double s) {
        return Math.round(s * S);
    }

    /** Seconds with millisecond precision, e.g. {@code 295.001}; stable across locales. */
    public static String format(long micros) {
        long ms = Math.floorDiv(micros, MS);
        long sec = Math.floorDiv(ms, 1000);
        long frac = Math.floorMod(ms, 1000);
        return sec + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
    }

    /**
     * A moment kept as a number and written as {@link #format} only when read: an explanation argument that most
     * steps of a long run never show (a NAT row's expiry on every keep-alive) then costs no string.
     */
    public record Stamp(long micros) {
        @Override
        public String toString() {
            return format(micros);
        }
    }

    /** A duration for humans: {@code 300 s}, {@code 0.5 s}, {@code 12 ms}. */
    public static String duration(long micros) {
        if (micros % S == 0) {
            return micros / S + " s";
        }
        if (micros >= S) {
            return format(micros) + " s";
        }
        if (micros % MS == 0) {
            return micros / MS + " ms";
        }
        return micros + " µs";
    }
}
