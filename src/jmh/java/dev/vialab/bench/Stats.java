package dev.vialab.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The medians and intervals the benchmarks' own reports print. */
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

    /** A two-sided interval: {@code low} and {@code high} bound the statistic (at 95 % confidence, as made here). */
    record Interval(double low, double high) {}

    /**
     * A 95 % percentile-bootstrap interval for sum(num) / sum(den), resampling the pairs (num[i], den[i]) with
     * replacement (Efron and Tibshirani, "An Introduction to the Bootstrap", ch. 13). Why pairs: the two runs of one
     * round (or one pair of forks) share the host's phase of the moment, so they are resampled together; the
     * interval then says how far the ratio of sums could move had the rounds met other phases of a noisy VM.
     * Seeded, so the same figures always print the same interval.
     */
    static Interval ratioOfSums95(double[] num, double[] den) {
        if (num.length != den.length || num.length == 0) {
            throw new IllegalArgumentException(num.length + " numerators, " + den.length + " denominators");
        }
        int resamples = 10_000;
        SplittableRandom rng = new SplittableRandom(1);
        double[] ratios = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double n = 0;
            double d = 0;
            for (int i = 0; i < num.length; i++) {
                int k = rng.nextInt(num.length);
                n += num[k];
                d += den[k];
            }
            ratios[b] = n / d;
        }
        Arrays.sort(ratios);
        return new Interval(ratios[(int) (resamples * 0.025)], ratios[(int) (resamples * 0.975) - 1]);
    }
}
