package dev.vialab.boot;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The jar's Main-Class, written against the JDK only (the build copies just this class to the jar's root, so it
 * has no nested classes). Spring Boot's launcher opens the jar's ~120 nested libraries before any of our code
 * runs: about half a second for the CLI, over a second for the web app. So the build leaves two ready-made
 * layouts beside the jar, each with an ahead-of-time cache (JEP 483/514/515, JDK 25+) trained at package time,
 * and this class starts the real main class on one of them in a child JVM:
 * <ul>
 *   <li>{@code vialab-cli/}: our classes and the four libraries the CLI loads, for {@code run}/{@code validate};
 *   <li>{@code vialab-app/}: Spring Boot's extracted layout ({@code -Djarmode=tools extract}), for the web app.
 * </ul>
 * A missing layout, or one made by another JDK, falls back to Spring Boot's launcher: same behaviour, slower start.
 * {@code VIALAB_FAST_START=false} forces the fallback.
 *
 * <p>This JVM starts with the JDK's default flags and no cache of ours, so it avoids what costs a cold JVM most:
 * no lambdas or string concatenation with {@code +} (linking their invokedynamic call sites was a fifth of this
 * class's async-profiler samples; whole runs got 1-3 % faster, near the noise), and no {@code System.exit} on
 * success.
 */
public final class FastMain implements Runnable {
    private final Process child;

    private FastMain(Process child) {
        this.child = child;
    }

    /** Written by {@link Packager} in each layout directory. */
    static final String LAYOUT_FILE = "layout.properties";

    /**
     * The CLI child's flags; training uses the same ones, since the JVM ignores a cache made under other flags. A run
     * lasts a fraction of a second and allocates a few MB: C1 code is ready sooner than C2 and is fast enough, the
     * serial collector starts fastest, and the perf-data file is not needed. Measured on the seed scenario (child
     * JVM alone, medians): 0.556 s with defaults, 0.467 s with SerialGC and no perf data, 0.346 s with C1 only too.
     */
    static final List<String> CLI_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
            "-Dslf4j.internal.verbosity=ERROR");

    public static void main(String[] args) throws Throwable {
        boolean cli = args.length > 0 && isCli(args[0]);
        boolean fallback = "false".equals(System.getenv("VIALAB_FAST_START"))
                || System.getProperty("jarmode") != null; // Spring Boot's jar modes, e.g. -Djarmode=tools extract
        List<String> command = fallback ? null
                : childCommand(cli ? "vialab-cli" : "vialab-app", args, !cli);
        if (command == null) {
            Class.forName("org.springframework.boot.loader.launch.JarLauncher").getMethod("main", String[].class)
                    .invoke(null, (Object) args);
            return;
        }
        Process child = new ProcessBuilder(command).inheritIO().start();
        // a SIGTERM to this JVM (a service manager, pkill) must stop the web app gracefully, not orphan it
        Thread stop = new Thread(new FastMain(child));
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        if (code != 0) { // on success just return: System.exit would start java.util.logging (see Cli.main)
            System.exit(code);
        }
    }

    /** The shutdown hook: stop the child and wait for it (a class of its own would be a second file to copy). */
    @Override
    public void run() {
        child.destroy();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isCli(String command) {
        return command.equals("run") || command.equals("validate") || command.equals("help")
                || command.equals("--help");
    }

    /** The child JVM's command line, or null when the layout is missing. */
    static List<String> childCommand(String layout, String[] args, boolean passJvmOptions)
            throws IOException {
        Path dir;
        try {
            Path self = Path.of(FastMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            dir = self.getParent().resolve(layout);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
        Path file = dir.resolve(LAYOUT_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String home = System.getProperty("java.home");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(home, "bin", "java").toString());
        String aot = p.getProperty("aot", "");
        // a cache is only valid for the JDK build that made it; any other JDK runs without one
        if (!aot.isEmpty() && Files.isRegularFile(dir.resolve(aot)) && home.equals(p.getProperty("java.home"))
                && System.getProperty("java.version").equals(p.getProperty("java.version"))) {
            cmd.add("-XX:AOTCache=".concat(dir.resolve(aot).toString()));
            cmd.add("-Xlog:aot=off"); // if the layout was moved the cache is skipped: quietly, it only costs time
        }
        for (String flag : p.getProperty("flags", "").split(" ")) {
            if (!flag.isEmpty()) {
                cmd.add(flag);
            }
        }
        if (passJvmOptions) { // e.g. java -Dserver.port=9090 -Xmx1g -jar vialab.jar
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
        List<String> classpath = new ArrayList<>();
        for (String entry : p.getProperty("classpath").split(" ")) {
            classpath.add(dir.resolve(entry).toString());
        }
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classpath));
        cmd.add(p.getProperty("main"));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
