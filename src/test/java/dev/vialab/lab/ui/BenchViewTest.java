package dev.vialab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.vialab.emulator.trace.Step;
import dev.vialab.lab.export.TextLadder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The bench without a browser: stepping, knob edits that re-run, invalid input, compare and forks. */
@ViewPackages(classes = {BenchView.class, ShareView.class})
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1")
class BenchViewTest extends SpringBrowserlessTest {

    private BenchView open(String query) {
        com.vaadin.flow.component.UI.getCurrent().navigate("bench/seed-t1-t2",
                com.vaadin.flow.router.QueryParameters.fromString(query.isEmpty() ? "" : query.substring(1)));
        return (BenchView) getCurrentView();
    }

    private Button button(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getElement().getAttribute("aria-label")))
                .findFirst().orElseThrow();
    }

    @Test
    void the_url_step_is_shown_and_the_buttons_and_keys_move_the_cursor() {
        BenchView v = open("?step=10");
        assertThat(v.cursor()).isEqualTo(9);
        test(button(v.getTranslation("bench.forward"))).click();
        assertThat(v.cursor()).isEqualTo(10);
        fireShortcut(Key.ARROW_LEFT);
        fireShortcut(Key.ARROW_LEFT);
        assertThat(v.cursor()).isEqualTo(8);
        fireShortcut(Key.END);
        assertThat(v.cursor()).isEqualTo(v.current().trace().size() - 1);
        test(button(v.getTranslation("bench.first"))).click();
        assertThat(v.cursor()).isZero();
    }

    @Test
    void a_short_share_link_reopens_the_same_run_at_the_same_step() {
        BenchView v = open("?step=40");
        Checkbox rewrite = $(Checkbox.class).id("knob-phone-rewrite");
        test(rewrite).click();
        int step = v.cursor();
        var run = v.current();
        String link = v.shareLink();
        assertThat(link).matches("s/[0-9a-zA-Z]{12}");
        com.vaadin.flow.component.UI.getCurrent().navigate(link);
        BenchView shared = (BenchView) getCurrentView();
        assertThat(shared.current().key().overrides()).isEqualTo(run.key().overrides());
        assertThat(shared.cursor()).isEqualTo(step);
        assertThat(TextLadder.compactLines(shared.current().trace())).isEqualTo(TextLadder.compactLines(run.trace()));
    }

    @Test
    void an_unknown_share_link_says_so() {
        com.vaadin.flow.component.UI.getCurrent().navigate("s/nosuchid0000");
        assertThat($(com.vaadin.flow.component.html.H2.class).first().getText())
                .isEqualTo(((com.vaadin.flow.component.Component) getCurrentView()).getTranslation("share.unknown.title"));
    }

    @Test
    void server_affinity_needs_pjsip_master_and_then_pins_the_first_server() {
        BenchView v = open("");
        openKnobs(v, "knobs.group.phone");
        var run = v.current();
        Checkbox affinity = $(Checkbox.class).id("knob-phone-server-affinity");
        test(affinity).click();
        assertThat(v.current()).as("refused on 2.13").isSameAs(run);
        assertThat(affinity.isInvalid()).isTrue();
        @SuppressWarnings("unchecked")
        Select<String> pjsip = $(Select.class).id("knob-phone-pjsip");
        test(pjsip).selectItem("master");
        test(affinity).click();
        assertThat(v.current().key().overrides()).contains("phone.server_affinity=true");
        // MicroSIP over UDP sets transport_id, so affinity is bypassed, and the trace says so (R28)
        assertThat(v.current().trace().query().key("acc.affinity.bypassed").count()).isEqualTo(1);
    }

    @Test
    void the_speed_button_cycles_through_four_speeds() {
        open("");
        Button speed = $(Button.class).id("step-speed");
        StringBuilder seen = new StringBuilder(speed.getText());
        for (int i = 0; i < 4; i++) {
            test(speed).click();
            seen.append(' ').append(speed.getText());
        }
        assertThat(seen.toString()).isEqualTo("1× 2× 4× 8× 1×");
    }

    @Test
    void stepping_back_shows_exactly_the_state_of_that_step() {
        BenchView v = open("?step=40");
        var before = v.statePanels();
        var world = v.current().trace().stateAt(39);
        fireShortcut(Key.ARROW_RIGHT);
        fireShortcut(Key.ARROW_RIGHT);
        fireShortcut(Key.ARROW_LEFT);
        fireShortcut(Key.ARROW_LEFT);
        assertThat(v.cursor()).isEqualTo(39);
        assertThat(v.current().trace().stateAt(v.cursor())).isEqualTo(world);
        assertThat(before).isSameAs(v.statePanels());
    }

    @Test
    void turning_rewrite_on_reruns_at_once_and_keeps_the_same_moment() {
        BenchView v = open("?step=60");
        long time = v.current().trace().step(v.cursor()).time();
        Checkbox rewrite = $(Checkbox.class).all().stream()
                .filter(c -> c.getLabel().equals(v.getTranslation("knobs.rewrite"))).findFirst().orElseThrow();
        test(rewrite).click();
        assertThat(v.current().key().overrides()).contains("phone.rewrite=on");
        long unregisters = v.current().trace().query().label("REGISTER")
                .where(s -> s.hop().packet().text().contains("\r\nExpires: 0\r\n")).count();
        assertThat(unregisters).isPositive(); // method 1 un-REGISTERs (R17)
        long now = v.current().trace().step(v.cursor()).time();
        assertThat(now).isLessThanOrEqualTo(time);
        assertThat(v.current().trace().indexAt(time)).isEqualTo(v.cursor());
    }

    /** Knob groups other than the phone's are made when first opened. */
    private void openKnobs(BenchView v, String group) {
        $(com.vaadin.flow.component.details.Details.class).all().stream()
                .filter(d -> v.getTranslation(group).equals(d.getSummaryText())).findFirst().orElseThrow()
                .setOpened(true);
    }

    @Test
    void a_closed_knob_group_has_no_components_until_it_is_opened() {
        BenchView v = open("");
        assertThat($(IntegerField.class).all()).isEmpty();
        openKnobs(v, "state.nat");
        assertThat($(IntegerField.class).all()).hasSize(1);
        $(com.vaadin.flow.component.button.Button.class).id("step-forward").click();
        assertThat($(IntegerField.class).all()).as("stepping keeps the knobs").hasSize(1);
    }

    @Test
    void a_tab_is_built_when_first_selected_and_shows_the_current_step() {
        BenchView v = open("?step=12");
        assertThat($(StepTable.class).all()).isEmpty();
        assertThat($(ComparePanel.class).all()).isEmpty();
        $(com.vaadin.flow.component.tabs.TabSheet.class).first().setSelectedIndex(1);
        StepTable table = $(StepTable.class).single();
        @SuppressWarnings("unchecked")
        Grid<Step> grid = $(Grid.class, table).single();
        assertThat(grid.getSelectedItems()).extracting(Step::index).containsExactly(11);
        $(com.vaadin.flow.component.button.Button.class).id("step-forward").click();
        assertThat(grid.getSelectedItems()).extracting(Step::index).containsExactly(12);
    }

    @Test
    void a_rerun_keeps_the_knobs_and_sets_their_values_from_the_new_setup() {
        BenchView v = open("");
        Checkbox rewrite = $(Checkbox.class).id("knob-phone-rewrite");
        test(rewrite).click();
        assertThat($(Checkbox.class).id("knob-phone-rewrite")).as("same component").isSameAs(rewrite);
        assertThat(rewrite.getValue()).isTrue();
        test($(Button.class).withText(v.getTranslation("knobs.reset")).single()).click();
        assertThat(v.current().key().overrides()).isEmpty();
        assertThat(rewrite.getValue()).as("reset reads the scenario's value back").isFalse();
    }

    @Test
    void an_invalid_value_is_reported_next_to_the_knob_and_nothing_else_changes() {
        BenchView v = open("");
        var run = v.current();
        openKnobs(v, "state.nat");
        IntegerField timeout = $(IntegerField.class).first();
        test(timeout).setValue(-5);
        assertThat(v.current()).isSameAs(run);
        assertThat(timeout.isInvalid()).isTrue();
        assertThat(timeout.getErrorMessage()).isNotBlank();
        test(timeout).setValue(30);
        assertThat(v.current().key().overrides()).contains("nat.udp_timeout=30s");
        assertThat(timeout.isInvalid()).as("a valid run clears the mark").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void compare_aligns_two_runs_and_marks_what_differs() {
        BenchView v = open("");
        ComparePanel compare = v.comparePanel();
        Select<ComparePanel.Variant> variants = $(Select.class, compare).first();
        ComparePanel.Variant rewrite = variants.getListDataView().getItems()
                .filter(x -> x.path().equals("phone.rewrite")).findFirst().orElseThrow();
        test(variants).selectItem(variants.getItemLabelGenerator().apply(rewrite));
        var grid = $(com.vaadin.flow.component.grid.Grid.class, compare).first();
        assertThat(test(grid).size()).isPositive();
    }

    @Test
    void a_change_from_here_keeps_the_past_as_it_was() {
        BenchView v = open("?step=50");
        long t = v.current().trace().step(v.cursor()).time();
        openKnobs(v, "state.bindings");
        List<TextLadder.Line> before = TextLadder.compactLines(v.current().trace()).stream()
                .filter(l -> l.time() < t).toList();
        Select<String> state = $(Select.class).all().stream()
                .filter(s -> v.getTranslation("knobs.registrar.fromhere").equals(s.getLabel()))
                .findFirst().orElseThrow();
        test(state).selectItem("drop");
        assertThat(v.current().key().overrides()).anyMatch(o -> o.startsWith("registrars.servers[0].states="));
        List<TextLadder.Line> after = TextLadder.compactLines(v.current().trace()).stream()
                .filter(l -> l.time() < t).toList();
        assertThat(after).extracting(TextLadder.Line::text).isEqualTo(before.stream().map(TextLadder.Line::text).toList());
        List<Step> dropped = v.current().trace().query().node("ip1").where(s -> s.time() >= t)
                .key("registrar.down.drop").list();
        assertThat(dropped).isNotEmpty();
    }

    @Test
    void an_unknown_scenario_says_so() {
        BenchView v = navigate("bench/no-such-thing", BenchView.class);
        assertThat(v.current()).isNull();
    }
}
