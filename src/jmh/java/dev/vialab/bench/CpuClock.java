package dev.vialab.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the benchmark thread and collector time, per iteration. The machine is a 2-core VM shared with
 * other builds (load average often 5–10), so wall-clock scores swing several-fold with the load; the thread's CPU
 * time does not count the time the thread waits for a core, and is the steadier figure to compare with a goal.
 * GC runs on other threads and is reported separately.
 */
final class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long cpuStart;
    private long gcStart;
    private long gcCountStart;
    private long wallStart;
    private long ops;
    private double lastCpuPerOp;

    /** Call at the start of an iteration, on the benchmark thread. */
    void start() {
        ops = 0;
        gcStart = gcMillis();
        gcCountStart = gcCount();
        wallStart = System.nanoTime();
        cpuStart = THREADS.getCurrentThreadCpuTime();
    }

    /** Call once per operation (a plain increment). */
    void op() {
        ops++;
    }

    /** Call at the end of an iteration, on the benchmark thread: one line {@code # cpu …}. */
    String stop(String unit) {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        long gc = gcMillis() - gcStart;
        long gcs = gcCount() - gcCountStart;
        double div = "ms".equals(unit) ? 1e6 : 1e3;
        long n = Math.max(1, ops);
        lastCpuPerOp = cpu / div / n;
        return String.format("# cpu %.3f %s/op (wall %.3f, %d ops, %d GCs %d ms)", cpu / div / n, unit,
                wall / div / n, ops, gcs, gc);
    }

    /** CPU time per operation of the iteration {@link #stop} ended, in its unit. */
    double lastCpuPerOp() {
        return lastCpuPerOp;
    }

    static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, b.getCollectionTime());
        }
        return t;
    }

    static long gcCount() {
        long t = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, b.getCollectionCount());
        }
        return t;
    }

    /**
     * Minor page faults of this process so far (field 10 of /proc/self/stat), or -1 where there is no procfs.
     * A fault is the kernel handing the JVM a page it had not touched yet (or had reclaimed): a heap that
     * spreads over more memory pays them in the running thread's CPU time.
     */
    static long minorFaults() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[7]); // fields after "pid (comm) ": state is field 3, minflt field 10
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * Bytes this thread has allocated so far (HotSpot's TLAB accounting), or -1 where the JVM does not count them.
     * Allocation per step is what decides how often a run meets a young collection.
     */
    static long allocatedBytes() {
        return THREADS instanceof com.sun.management.ThreadMXBean hs ? hs.getCurrentThreadAllocatedBytes() : -1;
    }
}
