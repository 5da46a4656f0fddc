package dev.vialab.bench;

import java.util.Arrays;

/** The medians the benchmarks' own reports print. */
final class Stats {
    private Stats() {}

    /** The median of {@code xs} (the mean of the middle two for an even count), NaN when empty; xs is not changed. */
    static double median(double[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
