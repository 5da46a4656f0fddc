package dev.vialab.boot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar started as the README says ({@code java -jar}), for the tests of the whole app. */
final class JarApp {
    final Process process;
    final int port;
    final Path log;

    private JarApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("vialab-[^/]*\\.jar")).findFirst().orElseThrow();
        }
    }

    /** Starts the jar in {@code dir} with {@code dbUrl} as VIALAB_DB_URL on a port of its own. */
    static JarApp start(Path dir, String dbUrl, int portOffset) throws IOException {
        int port = 18000 + portOffset + (int) (ProcessHandle.current().pid() % 900);
        Path log = dir.resolve("app.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dserver.port=" + port, "-jar", jar().toAbsolutePath().toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("VIALAB_DB_URL", dbUrl);
        return new JarApp(pb.start(), port, log);
    }

    /** The status of the bench page once the app answers (or 0 if it never did within 90 s). */
    int awaitBench() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest page = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/bench/seed-t1-t2"))
                .timeout(Duration.ofSeconds(5)).build();
        int status = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (status != 200 && System.nanoTime() < deadline && process.isAlive()) {
            try {
                status = http.send(page, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        return status;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
