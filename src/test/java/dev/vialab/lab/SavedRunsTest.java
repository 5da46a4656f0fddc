package dev.vialab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Short share links against the real schema (Flyway V1) on an in-memory H2. */
class SavedRunsTest {
    private SavedRuns saved;

    @BeforeEach
    void migrate() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:saved" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        saved = new SavedRuns(JdbcClient.create(ds), Clock.systemUTC());
    }

    @Test
    void a_saved_view_comes_back_exactly_under_its_id() {
        RunKey key = new RunKey("seed-t1-t2", List.of("phone.rewrite=on", "dns.names[0].order={policy: fixed}"), null);
        String id = saved.save(key, 42, 17).orElseThrow();
        assertThat(id).hasSize(12).matches("[0-9a-zA-Z]+");
        assertThat(saved.find(id)).contains(new SavedRuns.Saved(new RunKey("seed-t1-t2", key.overrides(), 42L), 17));
    }

    @Test
    void the_same_view_shared_twice_gets_the_same_link_and_another_view_another() {
        RunKey key = new RunKey("seed-t1-t2", List.of(), null);
        String once = saved.save(key, 1, 5).orElseThrow();
        assertThat(saved.save(key, 1, 5)).contains(once);
        assertThat(saved.save(key, 1, 6)).isNotEqualTo(java.util.Optional.of(once));
    }

    @Test
    void overrides_with_separators_and_newlines_survive() {
        List<String> odd = List.of("calls=[{at: 10s, via: ip1}]", "a&b=c%d", "multi=line\none");
        assertThat(SavedRuns.decode(SavedRuns.encode(odd))).isEqualTo(odd);
        assertThat(SavedRuns.decode(SavedRuns.encode(List.of()))).isEmpty();
    }

    @Test
    void a_view_too_long_to_store_gets_no_short_link() {
        String huge = "events=" + "x".repeat(SavedRuns.MAX_OVERRIDES);
        assertThat(saved.save(new RunKey("seed-t1-t2", List.of(huge), null), 1, 0)).isEmpty();
    }

    @Test
    void an_unknown_id_is_empty() {
        assertThat(saved.find("nosuchid0000")).isEmpty();
    }
}
