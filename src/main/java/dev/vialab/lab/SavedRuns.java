package dev.vialab.lab;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Short share links: a saved run is a value (scenario, overrides, seed, step) stored under an id made from its
 * content, so sharing the same view twice gives the same link and a link always rebuilds exactly what was seen.
 * Plain SQL on the {@code saved_run} table (V1), which runs unchanged on H2 and PostgreSQL.
 */
public final class SavedRuns {
    /** The column's size; a view whose overrides do not fit keeps its long URL. */
    static final int MAX_OVERRIDES = 8000;
    private static final String ALPHABET = "0123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";

    private final JdbcClient jdbc;
    private final Clock clock;

    /** A shared view: the run and the (0-based) step shown. */
    public record Saved(RunKey key, int step) {}

    public SavedRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Saves a view and returns its id, or empty when its overrides are too long to store. {@code seed} is the seed
     * the run used, stored even when the key left it to the scenario, so an edit of the file's seed cannot change
     * what the link shows.
     */
    public Optional<String> save(RunKey key, long seed, int step) {
        String overrides = encode(key.overrides());
        if (overrides.length() > MAX_OVERRIDES) {
            return Optional.empty();
        }
        String id = id(key.scenario(), overrides, seed, step);
        try {
            jdbc.sql("INSERT INTO saved_run (id, scenario, overrides, seed, step, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, key.scenario(), overrides, seed, step, Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException already) {
            Saved existing = find(id).orElseThrow();
            if (!existing.equals(new Saved(new RunKey(key.scenario(), key.overrides(), seed), step))) {
                throw new IllegalStateException("share id " + id + " already names another view");
            }
        }
        return Optional.of(id);
    }

    public Optional<Saved> find(String id) {
        return jdbc.sql("SELECT scenario, overrides, seed, step FROM saved_run WHERE id = ?").param(id)
                .query((rs, n) -> new Saved(new RunKey(rs.getString(1), decode(rs.getString(2)), rs.getLong(3)),
                        rs.getInt(4)))
                .optional();
    }

    /** Overrides one per line would break on a value with a newline; URL-encoding each keeps any text. */
    static String encode(List<String> overrides) {
        return String.join("&", overrides.stream().map(o -> URLEncoder.encode(o, StandardCharsets.UTF_8)).toList());
    }

    static List<String> decode(String stored) {
        return stored.isEmpty() ? List.of()
                : Arrays.stream(stored.split("&")).map(o -> URLDecoder.decode(o, StandardCharsets.UTF_8)).toList();
    }

    /** 12 characters of an unambiguous alphabet from SHA-256 of the content (about 70 bits). */
    static String id(String scenario, String overrides, long seed, int step) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest((scenario + '\n' + overrides + '\n' + seed + '\n' + step)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
        StringBuilder id = new StringBuilder(12);
        java.math.BigInteger n = new java.math.BigInteger(1, hash);
        java.math.BigInteger base = java.math.BigInteger.valueOf(ALPHABET.length());
        for (int i = 0; i < 12; i++) {
            java.math.BigInteger[] qr = n.divideAndRemainder(base);
            id.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        return id.toString();
    }
}
