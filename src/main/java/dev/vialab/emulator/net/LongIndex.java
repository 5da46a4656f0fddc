package dev.vialab.emulator.net;

/**
 * A lookup table from a {@code long} key (an address, address:port, transport|port packed into bits) to a value:
 * open addressing with linear probing. It has no iteration, so nothing it holds can reach output in an order that
 * depends on hashing; the emulator's sorted structures stay {@code TreeMap}s.
 *
 * <p>Why not a {@code TreeMap}: the NAT and the network look up a mapping or a host for every packet, and with a
 * thousand phones behind one NAT a tree of boxed or string keys is ten levels of objects scattered over the heap,
 * a cache miss at each. That made the cost of a packet grow with the number of phones (a 1000-phone run took 3.5
 * times a 500-phone one). Here a lookup reads one or two neighbouring slots of two arrays.
 */
public final class LongIndex<V> {
    private static final float LOAD = 0.5f;

    private long[] keys = new long[8];
    private Object[] values = new Object[8];
    private int size;

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    public V get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
        }
    }

    public boolean containsKey(long key) {
        return get(key) != null;
    }

    /** Sets the value of {@code key} (never null) and returns the previous one, or null. */
    @SuppressWarnings("unchecked")
    public V put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null values are not stored; use remove");
        }
        if (size + 1 > keys.length * LOAD) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null) {
            if (keys[i] == key) {
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
        return null;
    }

    /** Removes {@code key}; returns its value, or null. */
    @SuppressWarnings("unchecked")
    public V remove(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return null;
        }
        V old = (V) values[i];
        // backward-shift deletion (Knuth 6.4, algorithm R): move later entries of the run into the hole, so no
        // tombstones pile up in a table that sees a mapping created and removed per phone and hour
        int hole = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = null;
        size--;
        return old;
    }

    private void rehash(int capacity) {
        long[] k = keys;
        Object[] v = values;
        keys = new long[capacity];
        values = new Object[capacity];
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (v[i] != null) {
                insertFresh(k[i], v[i]);
            }
        }
    }

    private void insertFresh(long key, Object value) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** A fixed mix (the 64-bit finaliser of MurmurHash3), so consecutive ports and addresses spread out. */
    private static int slot(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    @Override
    public String toString() {
        return "LongIndex[size=" + size + ", capacity=" + keys.length + "]";
    }

    /** For tests: the table's capacity (a power of two). */
    int capacity() {
        return keys.length;
    }
}
