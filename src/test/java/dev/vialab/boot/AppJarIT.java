package dev.vialab.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/vialab-….jar}, the README's way to run the app, through FastMain's extracted layout. */
class AppJarIT {

    @Test
    void theJarStartsTheWebAppFromItsExtractedLayoutAndStopsItWhenStopped(@TempDir Path dir) throws Exception {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("vialab-[^/]*\\.jar")).findFirst().orElseThrow();
        }
        assertThat(jar.resolveSibling("vialab-app").resolve(FastMain.LAYOUT_FILE)).isRegularFile();
        int port = 18000 + (int) (ProcessHandle.current().pid() % 1000);
        Path log = dir.resolve("app.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dserver.port=" + port, "-jar", jar.toAbsolutePath().toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("VIALAB_DB_URL", "jdbc:h2:mem:appjarit");
        Process parent = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest page = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/bench/seed-t1-t2"))
                    .timeout(Duration.ofSeconds(5)).build();
            int status = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (status != 200 && System.nanoTime() < deadline && parent.isAlive()) {
                try {
                    status = http.send(page, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(status).as(Files.readString(log)).isEqualTo(200);
            // the JVM options given to the jar reach the app (the port above), and the app ran from the layout
            assertThat(Files.readString(log)).contains("vialab-app").contains("Tomcat started on port " + port);
            List<ProcessHandle> children = parent.children().toList();
            assertThat(children).hasSize(1);

            parent.destroy(); // SIGTERM, as a service manager would send
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(children.getFirst().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(Files.readString(log)).contains("Graceful shutdown complete");
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }
}
