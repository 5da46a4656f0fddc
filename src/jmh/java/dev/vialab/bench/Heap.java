package dev.vialab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import javax.management.ObjectName;

/** Heap measurements for the benchmarks: used heap after full collections, and a class histogram. */
final class Heap {
    private Heap() {}

    /** Used heap in bytes after three System.gc() calls (explicit GC is a full collection with G1's defaults). */
    static long usedAfterGc() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    /** {@code jcmd <pid> GC.class_histogram} of this JVM, first {@code lines} lines. */
    static String histogram(int lines) {
        try {
            String all = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] rows = all.split("\n");
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Math.min(lines, rows.length); i++) {
                b.append(rows[i]).append('\n');
            }
            b.append(rows[rows.length - 1]).append('\n');
            return b.toString();
        } catch (Exception e) {
            return "histogram unavailable: " + e;
        }
    }
}
