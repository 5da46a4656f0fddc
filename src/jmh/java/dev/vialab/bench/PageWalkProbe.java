package dev.vialab.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What a cold load costs on this machine by how many pages the loaded lines are spread over: a chain of dependent
 * loads visiting {@code n} cache lines in random order, the lines packed side by side (64 bytes apart) or one per
 * 4 KB page (4160 bytes apart, so they do not share cache sets). Same lines, same cache footprint; only the number
 * of pages, and so of TLB entries, differs.
 *
 * <p>Why: the emulator's cost per step grew with the number of phones although no structure it owns grows per
 * step. This probe showed why: in this VM a load whose page is not in the TLB costs a nested page walk, from 10 ns
 * at 4096 pages to 60–300 ns at 8192–65536 pages, while the same lines packed cost 5–20 ns. So what a keep-alive
 * costs depends on how many distinct pages a round of all phones' keep-alives touches (bench/README, "Linearity").
 *
 * <p>No arguments; prints ns per load for each count and layout, twice.
 */
public final class PageWalkProbe {
    private static final int LINE = 64;
    private static final int PAGE_APART = 4096 + 64;
    private static final int LOADS = 20_000_000;

    public static void main(String[] args) {
        int[] counts = {1024, 2048, 4096, 8192, 16384, 32768, 65536};
        for (int pass = 0; pass < 2; pass++) {
            for (int n : counts) {
                System.out.printf("lines %6d  packed %6.1f ns/load  one per page %6.1f ns/load%n", n,
                        chase(n, LINE), chase(n, PAGE_APART));
            }
        }
    }

    /** Nanoseconds per load of a random cycle through {@code n} lines {@code stride} bytes apart. */
    private static double chase(int n, int stride) {
        int words = stride / Integer.BYTES;
        int[] memory = new int[n * words + 16];
        List<Integer> order = Arrays.asList(new Integer[n]);
        for (int i = 0; i < n; i++) {
            order.set(i, i);
        }
        Collections.shuffle(order, new Random(1));
        for (int i = 0; i < n; i++) {
            memory[order.get(i) * words] = order.get((i + 1) % n) * words;
        }
        int p = 0;
        for (int i = 0; i < 2_000_000; i++) { // warm: TLB, caches, JIT
            p = memory[p];
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < LOADS; i++) {
            p = memory[p];
        }
        long t = System.nanoTime() - t0;
        if (p < 0) {
            throw new AssertionError(); // uses p, so the chain is not optimised away
        }
        return (double) t / LOADS;
    }
}
