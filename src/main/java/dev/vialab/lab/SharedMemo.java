package dev.vialab.lab;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A bounded least-recently-used memo shared by every session, for values that are pure functions of their key
 * (runs, the views' JSON models). A key asked for while its value is being made is waited for, not made again:
 * a class opening the same lesson at once shares one value from the start, instead of each session making and
 * keeping its own copy.
 *
 * <p>Bounded by count and, when given a weight, by the sum of the weights too: values of one kind can differ in size
 * by thousands of times (runs: see {@link RunService}). The entry just made is never the one evicted, so a value
 * heavier than the whole budget is still kept until the next one comes.
 */
public final class SharedMemo<K, V> {
    private final LinkedHashMap<K, V> done = new LinkedHashMap<>(64, 0.75f, true);
    /** Values being made; guarded by {@code done}'s lock like {@code done} itself. */
    private final Map<K, CompletableFuture<V>> making = new HashMap<>();
    private final int capacity;
    private final long budget;
    private final ToLongFunction<V> weight;
    /** The weights of the values in {@code done}, summed; guarded by {@code done}'s lock. */
    private long weighed;

    /** At most {@code capacity} values. */
    public SharedMemo(int capacity) {
        this(capacity, Long.MAX_VALUE, v -> 0);
    }

    /** At most {@code capacity} values, whose weights add up to at most {@code budget} (see the class comment). */
    public SharedMemo(int capacity, long budget, ToLongFunction<V> weight) {
        if (capacity < 1 || budget < 0) {
            throw new IllegalArgumentException("capacity " + capacity + ", budget " + budget);
        }
        this.capacity = capacity;
        this.budget = budget;
        this.weight = weight;
    }

    /** The value of {@code key}, made by {@code make} outside the lock if no one has it or is making it. */
    public V get(K key, Function<K, V> make) {
        CompletableFuture<V> pending;
        synchronized (done) {
            V hit = done.get(key);
            if (hit != null) {
                return hit;
            }
            pending = making.get(key);
            if (pending == null) {
                making.put(key, new CompletableFuture<>());
            }
        }
        if (pending != null) {
            return pending.join();
        }
        CompletableFuture<V> mine;
        try {
            V value = make.apply(key);
            long w = weight.applyAsLong(value);
            synchronized (done) {
                keep(key, value, w);
                mine = making.remove(key);
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            synchronized (done) {
                mine = making.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** What the memo holds: how many values, and their weights summed. */
    public record Held(int count, long weight) {}

    public Held held() {
        synchronized (done) {
            return new Held(done.size(), weighed);
        }
    }

    /** Adds {@code value} as the most recently used and evicts the least recently used others while over a bound. */
    private void keep(K key, V value, long w) {
        V old = done.put(key, value);
        if (old != null) {
            weighed -= weight.applyAsLong(old);
        }
        weighed += w;
        Iterator<Map.Entry<K, V>> eldest = done.entrySet().iterator();
        while ((done.size() > capacity || weighed > budget) && done.size() > 1) {
            Map.Entry<K, V> e = eldest.next();
            weighed -= weight.applyAsLong(e.getValue());
            eldest.remove();
        }
    }
}
