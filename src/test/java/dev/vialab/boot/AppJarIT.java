package dev.vialab.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/vialab-….jar}, the README's way to run the app, through FastMain's extracted layout. */
class AppJarIT {

    @Test
    void theJarStartsTheWebAppFromItsExtractedLayoutAndStopsItWhenStopped(@TempDir Path dir) throws Exception {
        assertThat(JarApp.jar().resolveSibling("vialab-app").resolve(FastMain.LAYOUT_FILE)).isRegularFile();
        JarApp app = JarApp.start(dir, "jdbc:h2:mem:appjarit", 0);
        Process parent = app.process;
        int port = app.port;
        Path log = app.log;
        try {
            assertThat(app.awaitBench()).as(app.log()).isEqualTo(200);
            // the JVM options given to the jar reach the app (the port above), and the app ran from the layout
            assertThat(Files.readString(log)).contains("vialab-app").contains("Tomcat started on port " + port);
            List<ProcessHandle> children = parent.children().toList();
            assertThat(children).hasSize(1);

            parent.destroy(); // SIGTERM, as a service manager would send
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(children.getFirst().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(Files.readString(log)).contains("Graceful shutdown complete");
        } finally {
            app.kill();
        }
    }
}
