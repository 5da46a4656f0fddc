package dev.vialab.bench;

import dev.vialab.emulator.trace.StepLog;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.emulator.trace.World;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who owns the retained heap of a trace: walks every step and charges each object, once, to the first part of
 * the trace that reaches it (the step log's columns, hop and packet, explanation, then each map of the world), by
 * class.
 *
 * <p>Sizes are computed for the default 64-bit layout of this JDK (12-byte headers, compressed references,
 * 8-byte alignment, Latin-1 strings) and agree with the class histogram's per-class sizes. Objects the walk does
 * not know (enums, classes, the setup) are not charged.
 */
final class TraceFootprint {
    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    /** part → class → {count, bytes}. */
    private final Map<String, Map<String, long[]>> parts = new TreeMap<>();
    private static final Map<Class<?>, Long> SHALLOW = new java.util.HashMap<>();

    static String report(Trace t) {
        TraceFootprint f = new TraceFootprint();
        f.columns(t.steps());
        StepLog log = t.steps();
        for (int i = 0; i < log.size(); i++) {
            // a Step, its Hop and an explanation with step-bound arguments are made on reading: charge what the
            // row stores (the hop's shared leg, the explanation as recorded), not what a read makes of it
            f.walk("hop", stored(log, i, 1));
            f.walk("why", stored(log, i, 2));
            World w = log.state(i);
            if (f.charge("world", w, false)) {
                f.walk("world.nat", w.nat());
                f.walk("world.bindings", w.bindings());
                f.walk("world.dnsCache", w.dnsCache());
                f.walk("world.phones", w.phones());
                f.walk("world.calls", w.calls());
                f.walk("world.tcp", w.tcp());
            }
        }
        return f.format();
    }

    /** Slot {@code slot} of row {@code i} of the step log's reference columns (1: the hop's leg, 2: the why). */
    private static Object stored(StepLog log, int i, int slot) {
        try {
            return REF.invoke(log, i, slot);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StepLog.ref(int, int) is what the footprint reads", e);
        }
    }

    private static final java.lang.reflect.Method REF = refMethod();

    private static java.lang.reflect.Method refMethod() {
        try {
            java.lang.reflect.Method m = StepLog.class.getDeclaredMethod("ref", int.class, int.class);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The step log's own arrays (its columns, in chunks), charged to "steps"; not what the rows refer to. */
    private void columns(StepLog log) {
        for (Field fd : StepLog.class.getDeclaredFields()) {
            if (Modifier.isStatic(fd.getModifiers()) || !fd.getType().isArray()) {
                continue;
            }
            try {
                fd.setAccessible(true);
                Object outer = fd.get(log);
                chargeRaw("steps", fd.getType().getSimpleName(), arrayBytes(outer));
                for (int i = 0; i < Array.getLength(outer); i++) {
                    Object chunk = Array.get(outer, i);
                    if (chunk != null) {
                        chargeRaw("steps", chunk.getClass().getSimpleName(), arrayBytes(chunk));
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long arrayBytes(Object array) {
        Class<?> t = array.getClass().getComponentType();
        long each = t == long.class || t == double.class ? 8 : t == byte.class || t == boolean.class ? 1
                : t == short.class || t == char.class ? 2 : 4;
        return align(16 + each * Array.getLength(array));
    }

    private String format() {
        long total = 0;
        for (Map<String, long[]> m : parts.values()) {
            for (long[] v : m.values()) {
                total += v[1];
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format("trace footprint by part (each object charged once): %.1f MB%n", total / 1e6));
        for (Map.Entry<String, Map<String, long[]>> p : parts.entrySet()) {
            long bytes = p.getValue().values().stream().mapToLong(v -> v[1]).sum();
            b.append(String.format("  %-16s %8.1f MB %5.1f%%  ", p.getKey(), bytes / 1e6, 100.0 * bytes / total));
            List<Map.Entry<String, long[]>> rows = new ArrayList<>(p.getValue().entrySet());
            rows.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
            for (int i = 0; i < Math.min(6, rows.size()); i++) {
                long[] v = rows.get(i).getValue();
                b.append(String.format("%s %d×=%.1fMB  ", rows.get(i).getKey(), v[0], v[1] / 1e6));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Counts {@code o} under {@code part} unless already counted; true when it was new. */
    private boolean charge(String part, Object o, boolean walkFields) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return false;
        }
        String cls = o.getClass().getName();
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        long[] v = parts.computeIfAbsent(part, k -> new TreeMap<>()).computeIfAbsent(cls, k -> new long[2]);
        v[0]++;
        v[1] += sizeOf(o);
        return true;
    }

    private void walk(String part, Object o) {
        if (o == null || o instanceof Enum<?> || o instanceof Class<?> || seen.containsKey(o)) {
            return;
        }
        if (o instanceof String s) {
            charge(part, s, false);
            boolean latin1 = s.chars().allMatch(ch -> ch < 256);
            chargeRaw(part, "byte[] (String)", align(16 + (latin1 ? 1L : 2L) * s.length()));
            return;
        }
        if (o instanceof byte[] || o instanceof Number || o instanceof Boolean) {
            charge(part, o, false);
            return;
        }
        if (o instanceof List<?> l) {
            charge(part, o, false);
            for (Object e : l) {
                walk(part, e);
            }
            return;
        }
        if (!charge(part, o, false)) {
            return;
        }
        Class<?> c = o.getClass();
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                if (!rc.getType().isPrimitive()) {
                    walk(part, get(rc, o));
                }
            }
            return;
        }
        // PMap and its nodes, or any other plain object of the emulator: its reference fields
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                    try {
                        f.setAccessible(true);
                        walk(part, f.get(o));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // not ours to walk
                    }
                }
            }
        }
    }

    private void chargeRaw(String part, String cls, long bytes) {
        long[] v = parts.computeIfAbsent(part, k -> new TreeMap<>()).computeIfAbsent(cls, k -> new long[2]);
        v[0]++;
        v[1] += bytes;
    }

    private static Object get(RecordComponent rc, Object o) {
        try {
            var m = rc.getAccessor();
            m.setAccessible(true);
            return m.invoke(o);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }

    /** Shallow size: 12-byte header + fields (compressed references), 8-aligned; arrays 16 + elements. */
    private static long sizeOf(Object o) {
        if (o instanceof byte[] a) {
            return align(16 + a.length);
        }
        if (o instanceof Object[] a) {
            return align(16 + 4L * a.length);
        }
        if (o instanceof List<?> l && o.getClass().getName().endsWith("ListN")) {
            return 16 + align(16 + 4L * l.size());
        }
        return SHALLOW.computeIfAbsent(o.getClass(), c -> {
            long s = 12;
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    Class<?> t = f.getType();
                    s += t == long.class || t == double.class ? 8 : t == boolean.class || t == byte.class ? 1
                            : t == short.class || t == char.class ? 2 : 4;
                }
            }
            return align(s);
        });
    }
}
