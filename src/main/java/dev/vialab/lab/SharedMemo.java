package dev.vialab.lab;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A bounded least-recently-used memo shared by every session, for values that are pure functions of their key
 * (runs, the views' JSON models). A key asked for while its value is being made is waited for, not made again:
 * a class opening the same lesson at once shares one value from the start, instead of each session making and
 * keeping its own copy.
 */
public final class SharedMemo<K, V> {
    private final Map<K, V> done;
    /** Values being made; guarded by {@code done}'s lock like {@code done} itself. */
    private final Map<K, CompletableFuture<V>> making = new HashMap<>();

    public SharedMemo(int capacity) {
        this.done = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
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
            synchronized (done) {
                done.put(key, value);
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
}
