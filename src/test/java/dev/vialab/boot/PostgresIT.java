package dev.vialab.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vialab.lab.RunKey;
import dev.vialab.lab.SavedRuns;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The same jar and schema on PostgreSQL, changing only the JDBC URL (user and password ride in it). Needs a server:
 * {@code VIALAB_PG_URL}, which {@code .ci/run} sets after installing and starting PostgreSQL; on CI a missing
 * server is a failure, elsewhere the test is skipped.
 */
class PostgresIT {

    private static String url() {
        String url = System.getenv("VIALAB_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must provide PostgreSQL: VIALAB_PG_URL is not set");
            }
            Assumptions.abort("no PostgreSQL here (set VIALAB_PG_URL=jdbc:postgresql://host/db?user=…&password=…)");
        }
        return url;
    }

    @Test
    void theAppMigratesAndServesOnPostgresqlWithOnlyTheUrlChanged(@TempDir Path dir) throws Exception {
        String url = url();
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url));
        db.sql("DROP TABLE IF EXISTS saved_run").update();
        db.sql("DROP TABLE IF EXISTS flyway_schema_history").update();
        JarApp app = JarApp.start(dir, url, 50);
        try {
            assertThat(app.awaitBench()).as(app.log()).isEqualTo(200);
            assertThat(db.sql("SELECT success FROM flyway_schema_history WHERE version = '1'").query(Boolean.class)
                    .single()).isTrue();
        } finally {
            app.kill();
        }
        // the share links' SQL on the migrated schema
        SavedRuns saved = new SavedRuns(db, Clock.systemUTC());
        RunKey key = new RunKey("seed-t1-t2", List.of("phone.rewrite=on"), null);
        String id = saved.save(key, 7, 12).orElseThrow();
        assertThat(saved.save(key, 7, 12)).contains(id);
        assertThat(saved.find(id)).contains(new SavedRuns.Saved(new RunKey("seed-t1-t2", key.overrides(), 7L), 12));
    }
}
