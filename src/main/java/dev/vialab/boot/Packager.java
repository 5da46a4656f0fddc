package dev.vialab.boot;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * A build step, run by Maven after Spring Boot's repackage. It completes the two layouts {@link FastMain} starts
 * (the CLI's slim classpath, which Maven has already copied, and the web app's extracted jar), trains an
 * ahead-of-time cache for each, and makes FastMain the jar's Main-Class. {@code jar uf} keeps the nested libraries
 * stored, as Spring Boot's launcher needs.
 *
 * <p>Training follows the JDK's two-step-in-one workflow ({@code -XX:AOTCacheOutput}, JEP 514): the CLI runs the
 * seed scenario; the web app starts on a random port with an in-memory database and stops once its context is
 * refreshed ({@code spring.context.exit=onRefresh}, Spring Boot's documented training switch). Measured on a
 * 2-core machine, start to first page served: 11.8 s through Spring Boot's launcher, 5.3 s extracted with a
 * cache, 3.8 s with Spring AOT as well (bench/app-ready.sh). Without JDK 25 or
 * if training fails the layout still works, only without a cache.
 *
 * <p>Arguments: target directory, jar file name, scenario to train the CLI on.
 */
public final class Packager {
    private Packager() {}

    /**
     * The web app's flags: use the bean definitions Spring AOT generated at build time (the pom's process-aot)
     * instead of parsing configuration classes at start-up, which was a third of it. Profiles are therefore fixed
     * at build time; properties such as {@code server.port} or the database URL still apply at run time.
     */
    static final List<String> APP_FLAGS = List.of("-Dspring.aot.enabled=true");

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path jar = target.resolve(args[1]);
        Path scenario = Path.of(args[2]).toAbsolutePath();

        Path cli = target.resolve("vialab-cli");
        List<String> cliClasspath = new ArrayList<>();
        try (Stream<Path> own = Files.list(cli)) {
            own.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("vialab-classes")).forEach(cliClasspath::add);
        }
        try (Stream<Path> libs = Files.list(cli.resolve("lib"))) {
            libs.map(p -> "lib/" + p.getFileName()).filter(n -> n.endsWith(".jar")).sorted().forEach(cliClasspath::add);
        }
        layout(cli, cliClasspath, "dev.vialab.cli.Cli", FastMain.CLI_FLAGS, List.of("run", scenario.toString(),
                "--out", cli.resolve("training-run.txt").toString()), Map.of(), List.of());

        Path app = target.resolve("vialab-app");
        deleteTree(app);
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", app.toString()),
                target.resolve("vialab-extract.log"), Map.of());
        layout(app, List.of(args[1]), "dev.vialab.Main", APP_FLAGS, List.of(),
                Map.of("PORT", "0", "VIALAB_DB_URL", "jdbc:h2:mem:aot-training"),
                List.of("-Dspring.context.exit=onRefresh"));

        patchMainClass(jar, target.resolve("classes"));
    }

    /** Writes {@code layout.properties} and trains the layout's cache by running it once. */
    private static void layout(Path dir, List<String> classpath, String main, List<String> flags,
            List<String> trainingArgs, Map<String, String> trainingEnv, List<String> trainingFlags)
            throws IOException, InterruptedException {
        Path aot = dir.resolve("vialab.aot");
        Files.deleteIfExists(aot);
        boolean trained = false;
        if (Runtime.version().feature() >= 25) {
            List<String> cmd = new ArrayList<>(List.of(java(), "-XX:AOTCacheOutput=" + aot));
            cmd.addAll(flags);
            cmd.addAll(trainingFlags);
            cmd.add("-cp");
            cmd.add(String.join(File.pathSeparator, classpath.stream().map(e -> dir.resolve(e).toString()).toList()));
            cmd.add(main);
            cmd.addAll(trainingArgs);
            Path log = dir.resolve("training.log");
            trained = run(cmd, log, trainingEnv) && Files.isRegularFile(aot);
            System.out.println(trained
                    ? "vialab: AOT cache " + aot + " (" + Files.size(aot) / (1024 * 1024) + " MiB)"
                    : "vialab: no AOT cache for " + dir.getFileName() + " (see " + log + "); it starts without one");
            if (!trained) {
                Files.deleteIfExists(aot);
            }
        }
        Properties props = new Properties();
        props.setProperty("classpath", String.join(" ", classpath));
        props.setProperty("main", main);
        props.setProperty("flags", String.join(" ", flags));
        props.setProperty("aot", trained ? aot.getFileName().toString() : "");
        props.setProperty("java.home", System.getProperty("java.home"));
        props.setProperty("java.version", System.getProperty("java.version"));
        try (var out = Files.newBufferedWriter(dir.resolve(FastMain.LAYOUT_FILE), StandardCharsets.UTF_8)) {
            props.store(out, "how dev.vialab.boot.FastMain starts this layout (written by dev.vialab.boot.Packager)");
        }
    }

    private static boolean run(List<String> cmd, Path log, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start().waitFor() == 0;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void patchMainClass(Path jar, Path classes) throws IOException {
        ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow(() -> new IOException("no jar tool"));
        StringWriter err = new StringWriter();
        int code = tool.run(new PrintWriter(System.out), new PrintWriter(err), "--update", "--file", jar.toString(),
                "--main-class", FastMain.class.getName(), "-C", classes.toString(), "dev/vialab/boot/FastMain.class");
        if (code != 0) {
            throw new IOException("jar --update failed: " + err);
        }
    }
}
