package dev.vialab.boot;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * A build step (run by Maven after Spring Boot's repackage): writes {@code vialab-cli/cli.properties} (the slim
 * classpath), trains the ahead-of-time cache on the seed scenario when the JDK has JEP 483/515 (25+), and makes
 * {@link FastMain} the jar's Main-Class. {@code jar uf} keeps the nested libraries stored, as Spring Boot needs.
 *
 * <p>Arguments: target directory, jar file name, scenario to train on.
 */
public final class Packager {
    private Packager() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path jar = target.resolve(args[1]);
        Path scenario = Path.of(args[2]).toAbsolutePath();
        Path dir = target.resolve("vialab-cli");
        List<String> cp = new ArrayList<>();
        try (Stream<Path> own = Files.list(dir)) {
            own.filter(p -> p.getFileName().toString().startsWith("vialab-classes")).forEach(p -> cp.add(p.toString()));
        }
        try (Stream<Path> libs = Files.list(dir.resolve("lib"))) {
            libs.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> cp.add(p.toString()));
        }
        String classpath = String.join(java.io.File.pathSeparator, cp);
        String home = System.getProperty("java.home");
        Properties props = new Properties();
        props.setProperty("classpath", classpath);
        props.setProperty("java.home", home);
        props.setProperty("java.version", System.getProperty("java.version"));
        try (var out = Files.newBufferedWriter(dir.resolve("cli.properties"), StandardCharsets.UTF_8)) {
            props.store(out, "the CLI's slim classpath (see dev.vialab.boot.FastMain)");
        }
        Path aot = dir.resolve("vialab.aot");
        Files.deleteIfExists(aot);
        if (Runtime.version().feature() >= 25) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(home, "bin", "java").toString(),
                    "-XX:AOTCacheOutput=" + aot));
            cmd.addAll(FastMain.CHILD_FLAGS);
            cmd.addAll(List.of("-cp", classpath, "dev.vialab.cli.Cli", "run", scenario.toString(), "--out",
                    dir.resolve("training-run.txt").toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("training.log").toFile()).start();
            if (p.waitFor() != 0 || !Files.isRegularFile(aot)) {
                System.out.println("vialab: no AOT cache (see " + dir.resolve("training.log") + "); the CLI runs without");
                Files.deleteIfExists(aot);
            } else {
                System.out.println("vialab: AOT cache for the CLI: " + aot + " (" + Files.size(aot) / 1024 + " KiB)");
            }
        }
        patchMainClass(jar, target.resolve("classes"));
    }

    private static void patchMainClass(Path jar, Path classes) throws IOException {
        Path manifest = Files.createTempFile("vialab-manifest", ".mf");
        Files.writeString(manifest, "Main-Class: " + FastMain.class.getName() + "\n");
        ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow(() -> new IOException("no jar tool"));
        StringWriter err = new StringWriter();
        int code = tool.run(new PrintWriter(System.out), new PrintWriter(err), "ufm", jar.toString(),
                manifest.toString(), "-C", classes.toString(), "dev/vialab/boot/FastMain.class");
        Files.deleteIfExists(manifest);
        if (code != 0) {
            throw new IOException("jar ufm failed: " + err);
        }
    }
}
