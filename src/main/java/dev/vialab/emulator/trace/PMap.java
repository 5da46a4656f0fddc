package dev.vialab.emulator.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A persistent (immutable, structurally shared) sorted map: an AVL tree copied along the changed path only.
 *
 * <p>Why: every trace step keeps the complete emulated state, and a learner can jump to any step. Sharing
 * unchanged subtrees makes a snapshot O(1) to keep and O(log n) to change, so memory grows with changes, not
 * with steps × state size.
 *
 * <p>A map can also carry a {@link Reader} and the step it is read at ({@link #readAt}): every read then hands
 * the stored value to the reader first. Why: a value that changes at almost every step (a NAT row whose
 * last-outbound time moves with each keep-alive) would otherwise cost one path copy per change; instead its
 * stable part is stored once and the moving fields are derived, as of the map's step, from a log the reader
 * keeps (see {@link NatHistory}). Reading at another step costs a new map object sharing the same tree.
 */
public final class PMap<K extends Comparable<K>, V> {
    private static final PMap<?, ?> EMPTY = new PMap<>(null, null, 0);

    private record Node<K, V>(K key, V value, Node<K, V> left, Node<K, V> right, int height, int size) {}

    /** Derives the value read at step {@code asOf} from the value stored; must be a pure function of both. */
    public interface Reader<V> {
        V read(V stored, int asOf);
    }

    private final Node<K, V> root;
    private final Reader<V> reader;
    private final int asOf;

    private PMap(Node<K, V> root, Reader<V> reader, int asOf) {
        this.root = root;
        this.reader = reader;
        this.asOf = asOf;
    }

    @SuppressWarnings("unchecked")
    public static <K extends Comparable<K>, V> PMap<K, V> empty() {
        return (PMap<K, V>) EMPTY;
    }

    public int size() {
        return root == null ? 0 : root.size;
    }

    public boolean isEmpty() {
        return root == null;
    }

    public V get(K key) {
        V v = stored(key);
        return v == null ? null : read(v);
    }

    public boolean containsKey(K key) {
        return stored(key) != null;
    }

    private V stored(K key) {
        Node<K, V> n = root;
        while (n != null) {
            int c = key.compareTo(n.key);
            if (c == 0) {
                return n.value;
            }
            n = c < 0 ? n.left : n.right;
        }
        return null;
    }

    private V read(V stored) {
        return reader == null ? stored : reader.read(stored, asOf);
    }

    /**
     * The same entries, read through {@code r} as of step {@code step}. O(1): the tree is shared, so a step whose
     * only change is a derived field costs this object and no path copy.
     */
    public PMap<K, V> readAt(Reader<V> r, int step) {
        return r == reader && step == asOf ? this : new PMap<>(root, r, step);
    }

    public PMap<K, V> put(K key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null values are not stored; use remove");
        }
        Node<K, V> r = put(root, key, value);
        return r == root ? this : new PMap<>(r, reader, asOf);
    }

    public PMap<K, V> remove(K key) {
        Node<K, V> r = remove(root, key);
        return r == root ? this : new PMap<>(r, reader, asOf);
    }

    public void forEach(BiConsumer<K, V> action) {
        walk(root, reader == null ? action : (k, v) -> action.accept(k, reader.read(v, asOf)));
    }

    public List<V> values() {
        List<V> out = new ArrayList<>(size());
        forEach((k, v) -> out.add(v));
        return Collections.unmodifiableList(out);
    }

    public List<Map.Entry<K, V>> entries() {
        List<Map.Entry<K, V>> out = new ArrayList<>(size());
        forEach((k, v) -> out.add(Map.entry(k, v)));
        return Collections.unmodifiableList(out);
    }

    private static <K, V> void walk(Node<K, V> n, BiConsumer<K, V> action) {
        while (n != null) {
            walk(n.left, action);
            action.accept(n.key, n.value);
            n = n.right;
        }
    }

    private static int height(Node<?, ?> n) {
        return n == null ? 0 : n.height;
    }

    private static int size(Node<?, ?> n) {
        return n == null ? 0 : n.size;
    }

    private static <K, V> Node<K, V> node(K k, V v, Node<K, V> l, Node<K, V> r) {
        return new Node<>(k, v, l, r, Math.max(height(l), height(r)) + 1, size(l) + size(r) + 1);
    }

    private static <K extends Comparable<K>, V> Node<K, V> put(Node<K, V> n, K key, V value) {
        if (n == null) {
            return node(key, value, null, null);
        }
        int c = key.compareTo(n.key);
        if (c == 0) {
            return n.value.equals(value) ? n : node(key, value, n.left, n.right);
        }
        if (c < 0) {
            Node<K, V> l = put(n.left, key, value);
            return l == n.left ? n : balance(n.key, n.value, l, n.right);
        }
        Node<K, V> r = put(n.right, key, value);
        return r == n.right ? n : balance(n.key, n.value, n.left, r);
    }

    private static <K extends Comparable<K>, V> Node<K, V> remove(Node<K, V> n, K key) {
        if (n == null) {
            return null;
        }
        int c = key.compareTo(n.key);
        if (c < 0) {
            Node<K, V> l = remove(n.left, key);
            return l == n.left ? n : balance(n.key, n.value, l, n.right);
        }
        if (c > 0) {
            Node<K, V> r = remove(n.right, key);
            return r == n.right ? n : balance(n.key, n.value, n.left, r);
        }
        if (n.left == null) {
            return n.right;
        }
        if (n.right == null) {
            return n.left;
        }
        Node<K, V> min = n.right;
        while (min.left != null) {
            min = min.left;
        }
        return balance(min.key, min.value, n.left, removeMin(n.right));
    }

    private static <K, V> Node<K, V> removeMin(Node<K, V> n) {
        if (n.left == null) {
            return n.right;
        }
        return balance(n.key, n.value, removeMin(n.left), n.right);
    }

    private static <K, V> Node<K, V> balance(K k, V v, Node<K, V> l, Node<K, V> r) {
        int diff = height(l) - height(r);
        if (diff > 1) {
            if (height(l.left) >= height(l.right)) {
                return node(l.key, l.value, l.left, node(k, v, l.right, r));
            }
            Node<K, V> lr = l.right;
            return node(lr.key, lr.value, node(l.key, l.value, l.left, lr.left), node(k, v, lr.right, r));
        }
        if (diff < -1) {
            if (height(r.right) >= height(r.left)) {
                return node(r.key, r.value, node(k, v, l, r.left), r.right);
            }
            Node<K, V> rl = r.left;
            return node(rl.key, rl.value, node(k, v, l, rl.left), node(r.key, r.value, rl.right, r.right));
        }
        return node(k, v, l, r);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PMap<?, ?> other && entries().equals(other.entries());
    }

    @Override
    public int hashCode() {
        return entries().hashCode();
    }

    @Override
    public String toString() {
        return entries().toString();
    }
}
