package dev.vialab.scenario;

import java.util.List;
import java.util.Locale;

/** "did you mean": the known word closest to a misspelt one, by edit distance. */
final class Suggest {
    private Suggest() {}

    /** The closest candidate within a third of the word's length (at least 2 edits), or null. */
    static String closest(String word, List<String> candidates) {
        if (word.length() > 64) {
            return null; // nobody misspells a 64-letter key; keeps hostile keys cheap
        }
        String w = normal(word);
        int limit = Math.max(2, word.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (Math.abs(c.length() - w.length()) > limit) {
                continue; // at least that many edits apart; skipping keeps a file of junk keys fast
            }
            int d = distance(w, normal(c));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** {@code udp-timeout} and {@code UDP_Timeout} are the same slip as {@code udp_timeout}. */
    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
