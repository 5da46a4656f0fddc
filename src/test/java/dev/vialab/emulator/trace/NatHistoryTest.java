package dev.vialab.emulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Transport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A NAT row read at a step carries the refreshes logged up to that step, and none after it. */
class NatHistoryTest {
    private static final long UDP_TIMEOUT = 120;
    private static final long FILTER_TIMEOUT = 60;

    private static NatRow row(long last, int step, NatRow.Permission... perms) {
        return new NatRow("nat", Transport.UDP, Endpoint.of("192.168.1.10", 61000),
                Endpoint.of("203.0.113.195", 13450), "*", 100, last, last + UDP_TIMEOUT, List.of(perms), 3, step);
    }

    @Test
    void a_row_reads_its_latest_refresh_at_or_before_the_tables_step() {
        NatHistory history = new NatHistory();
        NatHistory.Log log = new NatHistory.Log(UDP_TIMEOUT, FILTER_TIMEOUT);
        log.refreshed("a", 5, 100);
        log.refreshed("b", 7, 110);
        // published at step 7, when b was first permitted: exact then
        NatRow stored = history.register(row(110, 7, new NatRow.Permission("a", 160),
                new NatRow.Permission("b", 170)), log);
        log.refreshed("a", 9, 130);
        log.refreshed("a", 12, 150);
        log.refreshed("a", 12, 155); // a second packet in the same step: the last one counts
        PMap<String, NatRow> table = PMap.<String, NatRow>empty().put("k", stored);

        assertThat(table.readAt(history, 7).get("k")).isSameAs(stored);
        assertThat(table.readAt(history, 8).get("k")).isSameAs(stored);
        NatRow at9 = row(130, 9, new NatRow.Permission("a", 190), new NatRow.Permission("b", 170));
        assertThat(table.readAt(history, 9).get("k")).isEqualTo(at9);
        assertThat(table.readAt(history, 11).values()).containsExactly(at9);
        assertThat(table.readAt(history, 12).get("k"))
                .isEqualTo(row(155, 12, new NatRow.Permission("a", 215), new NatRow.Permission("b", 170)));
        assertThat(table.readAt(history, 9)).isEqualTo(table.readAt(history, 11))
                .isNotEqualTo(table.readAt(history, 12));
    }

    /**
     * Refreshes reported to the history are filed into their logs in batches; whenever a row is read — in the
     * middle of a batch, across several full batches, or after the run has ended — it reads exactly what filing
     * each refresh at once would give.
     */
    @Test
    void refreshes_filed_in_batches_read_as_if_each_were_filed_at_once() {
        NatHistory batched = new NatHistory();
        NatHistory direct = new NatHistory();
        int mappings = 7;
        NatHistory.Log[] viaHistory = new NatHistory.Log[mappings];
        NatHistory.Log[] filedAtOnce = new NatHistory.Log[mappings];
        PMap<String, NatRow> tb = PMap.empty();
        PMap<String, NatRow> td = PMap.empty();
        for (int m = 0; m < mappings; m++) {
            viaHistory[m] = new NatHistory.Log(UDP_TIMEOUT, FILTER_TIMEOUT);
            filedAtOnce[m] = new NatHistory.Log(UDP_TIMEOUT, FILTER_TIMEOUT);
            NatRow stored = row(100, 3);
            tb = tb.put("k" + m, batched.register(stored, viaHistory[m]));
            td = td.put("k" + m, direct.register(new NatRow(stored.nat(), stored.transport(), stored.inside(),
                    stored.outside(), stored.remote(), stored.created(), stored.lastOutbound(), stored.expires(),
                    stored.permissions(), stored.createdStep(), stored.refreshedStep()), filedAtOnce[m]));
        }
        int steps = 40_000; // more than two full batches
        for (int step = 4; step < steps; step++) {
            int m = step % mappings;
            long time = 100L * step;
            batched.refreshed(viaHistory[m], NatHistory.ANY, step, time);
            filedAtOnce[m].refreshed(NatHistory.ANY, step, time);
            if (step % 9_973 == 0) { // read while the run goes on: mid-batch
                assertThat(tb.readAt(batched, step).values()).isEqualTo(td.readAt(direct, step).values());
            }
        }
        new StepLog(batched).freeze(); // the run ends: everything filed
        for (int at : new int[] {3, 4, 5, 16_387, 16_388, 32_000, steps - 1}) {
            assertThat(tb.readAt(batched, at).values()).as("at %d", at).isEqualTo(td.readAt(direct, at).values());
        }
        assertThat(tb.readAt(batched, steps - 1).get("k0").lastOutbound()).isEqualTo(100L * (steps - 1 - (steps - 1) % mappings));
    }

    @Test
    void reading_at_the_same_step_keeps_the_map_and_changes_keep_the_step() {
        NatHistory history = new NatHistory();
        PMap<String, NatRow> t = PMap.<String, NatRow>empty().readAt(history, 4);
        assertThat(t.readAt(history, 4)).isSameAs(t);
        NatRow plain = row(100, 3); // not registered: read as stored
        PMap<String, NatRow> u = t.put("x", plain);
        assertThat(u.get("x")).isSameAs(plain);
        assertThat(u.containsKey("x")).isTrue();
        assertThat(u.remove("x").isEmpty()).isTrue();
    }
}
