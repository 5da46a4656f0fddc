package dev.vialab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Versions of the emulator side by side in one JVM: each version's classes (a directory, such as a copy of
 * {@code target/classes} at some commit) in a class loader of its own over the same dependency jars, with these
 * benchmarks' setups loaded beside it; then N × 1 h and 2N × 1 h of each, interleaved round by round with the order
 * rotated. Prints, per version, the thread's CPU per step at N and 2N and the 2N/N ratio (of the sums, and the
 * median of the rounds), and each version's cost against the first.
 *
 * <p>Why: this VM's phases move a run's time by 20–30 % within minutes, so two JVMs a few minutes apart cannot tell
 * a 5 % change from noise; versions that take turns in one JVM go through the same phases.
 *
 * <p>Arguments: {@code N rounds topology dir [dir …]}. The setups come from this class path's {@code BenchSetups},
 * so each version must have the setup records of the current code (true for the commits of the scale work).
 */
public final class VariantProbe {
    private static final long HOUR = 3_600_000_000L;
    /** The phones' registration expiry, seconds ({@code -Dprobe.reg}; 3600: nearly only keep-alives). */
    private static final int REG = Integer.getInteger("probe.reg", 300);

    private record Version(String name, Method run, Method size, Object small, Object large) {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        String topology = args[2];
        List<URL> jars = new ArrayList<>();
        URL bench = VariantProbe.class.getProtectionDomain().getCodeSource().getLocation();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.endsWith(".jar")) {
                jars.add(Path.of(e).toUri().toURL());
            }
        }
        ClassLoader deps = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        List<Version> versions = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            Path dir = Path.of(args[i]).toAbsolutePath();
            versions.add(load(dir, bench, deps, n, topology));
        }
        int k = versions.size();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 3; w++) { // JIT warm-up of every version
            for (Version v : versions) {
                v.run().invoke(null, v.small());
                v.run().invoke(null, v.large());
            }
        }
        long[] sumSmall = new long[k];
        long[] sumLarge = new long[k];
        double[][] ratio = new double[k][rounds];
        int stepsSmall = 0;
        int stepsLarge = 0;
        for (int r = 0; r < rounds; r++) {
            long[] small = new long[k];
            long[] large = new long[k];
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < k; j++) {
                    Version v = versions.get((j + r) % k);
                    int i = versions.indexOf(v);
                    long t0 = mx.getCurrentThreadCpuTime();
                    Object trace = v.run().invoke(null, pass == 0 ? v.small() : v.large());
                    long cpu = mx.getCurrentThreadCpuTime() - t0;
                    int steps = (int) v.size().invoke(trace);
                    if (pass == 0) {
                        small[i] = cpu;
                        stepsSmall = steps;
                    } else {
                        large[i] = cpu;
                        stepsLarge = steps;
                    }
                }
            }
            StringBuilder line = new StringBuilder("round " + r + ":");
            for (int i = 0; i < k; i++) {
                sumSmall[i] += small[i];
                sumLarge[i] += large[i];
                ratio[i][r] = (double) large[i] / small[i];
                line.append(String.format("  %s %.0f / %.0f ns/step %.3f", versions.get(i).name(),
                        (double) small[i] / stepsSmall, (double) large[i] / stepsLarge, ratio[i][r]));
            }
            System.out.println(line);
        }
        System.out.printf("%d × 1 h (%d steps) and %d × 1 h (%d steps), %s, registration %d s, %d rounds, thread CPU%n",
                n, stepsSmall, 2 * n, stepsLarge, topology, REG, rounds);
        for (int i = 0; i < k; i++) {
            double[] sorted = ratio[i].clone();
            Arrays.sort(sorted);
            System.out.printf("%-12s N %5.0f ns/step  2N %5.0f ns/step  2N/N of sums %.3f, median %.3f (%.3f–%.3f)"
                    + "  cost vs %s: N %.3f, 2N %.3f%n", versions.get(i).name(),
                    (double) sumSmall[i] / rounds / stepsSmall, (double) sumLarge[i] / rounds / stepsLarge,
                    (double) sumLarge[i] / sumSmall[i], sorted[rounds / 2], sorted[0], sorted[rounds - 1],
                    versions.get(0).name(), (double) sumSmall[i] / sumSmall[0], (double) sumLarge[i] / sumLarge[0]);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Version load(Path dir, URL bench, ClassLoader deps, int n, String topology) throws Exception {
        // the emulator from dir, the setups from this class path; the dependencies shared
        ClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL(), bench}, deps);
        Class<?> setups = cl.loadClass("dev.vialab.bench.BenchSetups");
        Class<?> topo = cl.loadClass("dev.vialab.bench.BenchSetups$Topology");
        Class<?> kind = cl.loadClass("dev.vialab.bench.BenchSetups$NatKind");
        Class<?> setup = cl.loadClass("dev.vialab.emulator.setup.Setup");
        Method many = setups.getDeclaredMethod("many", int.class, topo, kind, long.class, int.class);
        many.setAccessible(true);
        Object t = Enum.valueOf((Class) topo, topology);
        Object apdm = Enum.valueOf((Class) kind, "APDM_RANDOM");
        String name = dir.getFileName().toString().equals("classes") ? dir.getParent().getFileName().toString()
                : dir.getFileName().toString();
        return new Version(name, cl.loadClass("dev.vialab.emulator.Emulator").getMethod("run", setup),
                cl.loadClass("dev.vialab.emulator.trace.Trace").getMethod("size"), many.invoke(null, n, t, apdm, HOUR, REG),
                many.invoke(null, 2 * n, t, apdm, HOUR, REG));
    }
}
