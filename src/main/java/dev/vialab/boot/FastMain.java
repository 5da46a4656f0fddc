package dev.vialab.boot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The jar's Main-Class, written against the JDK only. {@code run} and {@code validate} should be over in well
 * under a second, but opening the Spring Boot jar's 118 nested libraries alone takes about half of one. So the
 * build leaves a slim classpath (our classes and the eight libraries the CLI uses) and an ahead-of-time cache
 * (JEP 483/515, JDK 25+) beside the jar in {@code vialab-cli/}, and this class starts the CLI on them in a
 * child JVM. Anything else — or a missing or mismatched {@code vialab-cli/} — goes to Spring Boot's launcher.
 */
public final class FastMain {
    private FastMain() {}

    /**
     * The child JVM's flags; training (see {@link Packager}) uses the same ones, since an AOT cache is only used
     * by a JVM whose flags match. A run lasts a fraction of a second and allocates a few MB: C1 code is ready
     * sooner than C2 and is fast enough, the serial collector starts fastest, and the perf-data file is not
     * needed. Measured on the seed scenario (child JVM alone, medians): 0.556 s with defaults, 0.467 s with
     * SerialGC and no perf data, 0.346 s with C1 only as well.
     */
    static final List<String> CHILD_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
            "-Dslf4j.internal.verbosity=ERROR");

    public static void main(String[] args) throws Throwable {
        if (args.length > 0 && isCli(args[0])) {
            List<String> command = slimCommand(args);
            if (command != null) {
                Process p = new ProcessBuilder(command).inheritIO().start();
                System.exit(p.waitFor());
                return;
            }
        }
        Class.forName("org.springframework.boot.loader.launch.JarLauncher").getMethod("main", String[].class)
                .invoke(null, (Object) args);
    }

    static boolean isCli(String command) {
        return command.equals("run") || command.equals("validate") || command.equals("help")
                || command.equals("--help");
    }

    /** The child JVM's command, or null when there is no slim classpath built for this JDK. */
    private static List<String> slimCommand(String[] args) throws IOException {
        Path dir;
        try {
            Path self = Path.of(FastMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            dir = self.getParent().resolve("vialab-cli");
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
        Path manifest = dir.resolve("cli.properties");
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String home = System.getProperty("java.home");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(home, "bin", "java").toString());
        Path aot = dir.resolve("vialab.aot");
        // the cache is only valid for the JDK that made it; another JDK runs without it
        if (Files.isRegularFile(aot) && home.equals(p.getProperty("java.home"))
                && System.getProperty("java.version").equals(p.getProperty("java.version"))) {
            cmd.add("-XX:AOTCache=" + aot);
        }
        cmd.addAll(CHILD_FLAGS);
        cmd.add("-cp");
        cmd.add(p.getProperty("classpath"));
        cmd.add("dev.vialab.cli.Cli");
        cmd.addAll(List.of(args));
        return cmd;
    }
}
