package dev.vialab.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generator keeps SplitMix64 in a field of its own; its draws must stay exactly those of
 * {@code java.util.SplittableRandom}, or every port, tag and jitter of every golden trace would move.
 */
class RngTest {

    private static final int[] INT_BOUNDS = {1, 2, 3, 7, 16, 64, 100, 1000, 65_535, 1 << 30, (1 << 30) + 1,
            Integer.MAX_VALUE};

    @Test
    void bounded_ints_are_those_of_a_splittable_random_with_the_same_seed() {
        for (long seed : new long[] {0, 1, -1, 42, 0x9e3779b97f4a7c15L, Long.MIN_VALUE}) {
            Rng rng = Rng.derive(seed, "phone/ka");
            SplittableRandom ref = new SplittableRandom(Rng.seedOf(seed, "phone/ka"));
            for (int i = 0; i < 20_000; i++) {
                int bound = INT_BOUNDS[i % INT_BOUNDS.length];
                assertThat(rng.nextInt(bound)).isEqualTo(ref.nextInt(bound));
            }
        }
    }

    @Test
    void ranges_of_ints_and_longs_are_those_of_a_splittable_random_including_ranges_wider_than_the_type() {
        Rng rng = Rng.derive(7, "nat/ports");
        SplittableRandom ref = new SplittableRandom(Rng.seedOf(7, "nat/ports"));
        int[][] intRanges = {{1024, 65_536}, {-5, 5}, {0, 8}, {Integer.MIN_VALUE, Integer.MAX_VALUE}, {-1, 1 << 30}};
        long[][] longRanges = {{0, 10_000_000_000L}, {-3, 3}, {0, 1L << 40}, {Long.MIN_VALUE, Long.MAX_VALUE},
            {-1, Long.MAX_VALUE}};
        for (int i = 0; i < 20_000; i++) {
            int[] r = intRanges[i % intRanges.length];
            assertThat(rng.nextInt(r[0], r[1])).isEqualTo(ref.nextInt(r[0], r[1]));
            long[] l = longRanges[i % longRanges.length];
            assertThat(rng.nextLong(l[0], l[1])).isEqualTo(ref.nextLong(l[0], l[1]));
        }
        assertThat(rng.token(40)).hasSize(40).matches("[0-9A-Za-z.-]+");
    }

    @Test
    void empty_bounds_are_refused_as_the_jdk_refuses_them() {
        Rng rng = Rng.derive(1, "x");
        assertThatThrownBy(() -> rng.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rng.nextInt(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rng.nextLong(9, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
