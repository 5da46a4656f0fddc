package dev.vialab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.Action;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.scenario.ReadResult;
import dev.vialab.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "From here" edits become overrides that the scenario reader takes back into exactly the intended setup. */
class KnobsTest {
    private static Setup read(String... overrides) throws Exception {
        Path file = Path.of("lessons/scenarios/seed-t1-t2.yaml");
        ReadResult r = ScenarioReader.read(file.getFileName().toString(), Files.readString(file), List.of(overrides),
                null);
        assertThat(r).as(r.toString()).isInstanceOf(ReadResult.Ok.class);
        return ((ReadResult.Ok) r).scenario().setup();
    }

    @Test
    void a_phone_action_from_here_is_added_at_that_time_in_time_order() throws Exception {
        Setup s = read();
        Setup once = read("events=" + Knobs.withAction(s, "reregister", 250 * Time.S));
        Setup twice = read("events=" + Knobs.withAction(once, "quit", 100 * Time.S));
        assertThat(twice.actions()).extracting(Action::at).isSorted().contains(100 * Time.S, 250 * Time.S);
        assertThat(twice.actions()).hasSize(s.actions().size() + 2);
        assertThat(twice.actions()).anyMatch(a -> a instanceof Action.Quit q && q.at() == 100 * Time.S);
    }

    @Test
    void a_call_from_here_goes_through_the_chosen_server_or_the_callers_dns() throws Exception {
        Setup s = read();
        Setup viaIp3 = read("calls=" + Knobs.withCall(s, "ip3", 400 * Time.S).orElseThrow());
        assertThat(viaIp3.calls()).hasSize(s.calls().size() + 1);
        assertThat(viaIp3.calls().getLast().server()).isEqualTo("ip3");
        assertThat(viaIp3.calls().getLast().at()).isEqualTo(400 * Time.S);
        Setup viaDns = read("calls=" + Knobs.withCall(s, "dns", 400 * Time.S).orElseThrow());
        assertThat(viaDns.calls().getLast().server()).isNull();
    }

    @Test
    void without_a_caller_there_is_no_call_to_add() throws Exception {
        Setup s = read("callers=[]", "calls=[]");
        assertThat(Knobs.withCall(s, "ip1", 10 * Time.S)).isEmpty();
    }
}
