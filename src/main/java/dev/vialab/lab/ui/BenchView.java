package dev.vialab.lab.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.vialab.base.ui.MainLayout;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.Explainer;
import dev.vialab.lab.RunKey;
import dev.vialab.lab.RunResult;
import dev.vialab.lab.RunService;
import dev.vialab.lab.SavedRuns;
import java.util.List;
import java.util.Map;

/**
 * The lab bench: one scenario, one run at a time. The URL carries the run (scenario, overrides, seed) and the
 * step, so reloading, the share link and the back button all show the same view. Views only draw the trace.
 */
@Route(value = "bench/:scenario", layout = MainLayout.class)
class BenchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final RunService runs;
    private final ViewModels models;
    private final SavedRuns saved;
    private final H2 title = new H2();
    private final Div banner = new Div();
    private final StepControls controls = new StepControls(this::select);
    private final InspectorPanel inspector = new InspectorPanel(this::select);
    private final StatePanels state = new StatePanels();
    private final KnobsPanel knobs = new KnobsPanel(this::edit, this::resetKnobs);
    private final OutcomePanel outcomes = new OutcomePanel(this::select);
    private final ExportMenu export;
    private final LazyTabs views = new LazyTabs();
    private final SipLadder ladder = new SipLadder();
    private SipLadder.Filters filters = SipLadder.Filters.all();
    private RunResult.Ran run;
    private int cursor;
    private Explainer explainer;

    BenchView(RunService runs, ViewModels models, SavedRuns saved) {
        this.runs = runs;
        this.models = models;
        this.saved = saved;
        this.export = new ExportMenu(() -> run.trace(), this::shareLink, () -> explainer);
        addClassName("vl-bench");
        setSizeFull();
        banner.addClassName("vl-banner");
        HorizontalLayout head = new HorizontalLayout(title, export);
        head.setWidthFull();
        head.expand(title);
        head.setDefaultVerticalComponentAlignment(Alignment.CENTER);

        ladder.setLabels(UiLabels.of(getLocale(), "ladder."));
        ladder.addSelectListener(e -> select(e.getStep()));
        ladder.setSizeFull();
        VerticalLayout ladderTab = new VerticalLayout(filterBar(), ladder);
        ladderTab.setPadding(false);
        ladderTab.setSizeFull();
        ladderTab.expand(ladder);
        views.add(getTranslation("bench.tab.ladder"), () -> ladderTab, l -> { });
        views.add(getTranslation("bench.tab.table"), () -> new StepTable(this::select),
                table -> table.show(run.trace(), run.flights(), explainer, cursor));
        views.add(getTranslation("bench.tab.timeline"), this::timeline,
                timeline -> timeline.show(models.timeline(run), cursor));
        views.add(getTranslation("compare.title"), () -> new ComparePanel(runs, this::select),
                compare -> compare.show(run));
        views.setSizeFull();
        views.addClassName("vl-views");

        VerticalLayout right = new VerticalLayout(outcomes, inspector, state);
        right.setPadding(false);
        right.addClassName("vl-right");
        SplitLayout center = new SplitLayout(views, right);
        center.setSplitterPosition(60);
        center.setSizeFull();
        Div knobsColumn = new Div(knobs);
        knobsColumn.addClassName("vl-knobs-column");
        SplitLayout main = new SplitLayout(knobsColumn, center);
        main.setSplitterPosition(16);
        main.setSizeFull();
        add(head, controls, banner, main);
        expand(main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String scenario = event.getRouteParameters().get("scenario").orElse("");
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        Long seed = null;
        if (q.containsKey("seed")) {
            try {
                seed = Long.parseLong(q.get("seed").getFirst());
            } catch (NumberFormatException e) {
                seed = null;
            }
        }
        int step = 0;
        if (q.containsKey("step")) {
            try {
                step = Integer.parseInt(q.get("step").getFirst()) - 1;
            } catch (NumberFormatException e) {
                step = 0;
            }
        }
        explainer = Explainer.of(getLocale());
        load(new RunKey(scenario, q.getOrDefault("set", List.of()), seed), step, -1);
    }

    /** Runs {@code key} and shows it at {@code step}, or, when {@code time} ≥ 0, at the same virtual moment. */
    private boolean load(RunKey key, int step, long time) {
        RunResult result = runs.run(key);
        switch (result) {
            case RunResult.Unknown u -> {
                title.setText(getTranslation("bench.unknown", key.scenario()));
                return false;
            }
            case RunResult.Invalid bad -> {
                if (run == null) {
                    title.setText(key.scenario());
                    banner.removeAll();
                    banner.add(new Paragraph(getTranslation("bench.invalid")));
                    bad.problems().forEach(p -> banner.add(new Paragraph(p.toString())));
                }
                knobs.showProblems(bad.problems());
                return false;
            }
            case RunResult.Ran ran -> {
                run = ran;
                Trace t = ran.trace();
                title.setText(runs.catalog().find(key.scenario()).map(e -> e.title(getLocale())).orElse(key.scenario()));
                export.setName(key.scenario());
                banner.removeAll();
                if (!t.stop().key().equals("run.end")) {
                    banner.add(new Paragraph(getTranslation("bench.stopped", explainer.text(t.stop()))));
                }
                ladder.setModel(models.ladder(ran, explainer, getLocale()));
                int at = time >= 0 ? Math.max(0, t.indexAt(time)) : Math.max(0, Math.min(step, t.size() - 1));
                controls.setTrace(t, at);
                outcomes.show(t, explainer);
                knobs.show(ran.scenario().setup());
                show(at);
                return true;
            }
        }
    }

    /** Show or hide keep-alives, retransmissions, DNS, TCP handshakes and decision notes in the ladder. */
    private HorizontalLayout filterBar() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.addClassName("vl-filters");
        bar.add(filter("bench.filter.keepalive", f -> new SipLadder.Filters(!f.keepalive(), f.retransmissions(),
                f.dns(), f.tcp(), f.notes())));
        bar.add(filter("bench.filter.retransmissions", f -> new SipLadder.Filters(f.keepalive(),
                !f.retransmissions(), f.dns(), f.tcp(), f.notes())));
        bar.add(filter("bench.filter.dns", f -> new SipLadder.Filters(f.keepalive(), f.retransmissions(), !f.dns(),
                f.tcp(), f.notes())));
        bar.add(filter("bench.filter.tcp", f -> new SipLadder.Filters(f.keepalive(), f.retransmissions(), f.dns(),
                !f.tcp(), f.notes())));
        bar.add(filter("bench.filter.notes", f -> new SipLadder.Filters(f.keepalive(), f.retransmissions(), f.dns(),
                f.tcp(), !f.notes())));
        return bar;
    }

    private com.vaadin.flow.component.checkbox.Checkbox filter(String label,
            java.util.function.UnaryOperator<SipLadder.Filters> flip) {
        com.vaadin.flow.component.checkbox.Checkbox box = new com.vaadin.flow.component.checkbox.Checkbox(
                getTranslation(label), true);
        box.addValueChangeListener(e -> {
            filters = flip.apply(filters);
            ladder.setFilters(filters);
        });
        return box;
    }

    private Timeline timeline() {
        Timeline timeline = new Timeline();
        timeline.setLabels(UiLabels.of(getLocale(), "timeline."));
        timeline.addSelectListener(e -> select(e.getStep()));
        timeline.setWidthFull();
        return timeline;
    }

    private void select(int index) {
        if (run != null && index >= 0 && index < run.trace().size()) {
            show(index);
        }
    }

    private void show(int index) {
        cursor = index;
        Trace t = run.trace();
        Step s = t.step(index);
        controls.show(index);
        ladder.setSelected(index);
        views.changed();
        inspector.show(t, index, run.flights().of(s), explainer);
        state.show(t.stateAt(index), t.stateAt(index - 1));
        knobs.at(s.time());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location()));
    }

    private void edit(String path, String value) {
        RunKey next = run.key().with(path, value);
        load(next, 0, run.trace().step(cursor).time());
    }

    private void resetKnobs() {
        load(new RunKey(run.key().scenario(), List.of(), run.key().seed()), 0, run.trace().step(cursor).time());
    }

    private Location location() {
        Map<String, List<String>> q = new java.util.LinkedHashMap<>();
        if (!run.key().overrides().isEmpty()) {
            q.put("set", run.key().overrides());
        }
        if (run.key().seed() != null) {
            q.put("seed", List.of(run.key().seed().toString()));
        }
        q.put("step", List.of(Integer.toString(cursor + 1)));
        return new Location("bench/" + run.key().scenario(), new QueryParameters(q));
    }

    /** A short link ({@code s/ID}) that rebuilds this view; the full URL when the edits are too long to store. */
    String shareLink() {
        return saved.save(run.key(), run.scenario().setup().seed(), cursor).map(id -> "s/" + id)
                .orElseGet(() -> location().getPathWithQueryParameters());
    }

    // for the view's tests (same package)
    int cursor() {
        return cursor;
    }

    RunResult.Ran current() {
        return run;
    }

    KnobsPanel knobs() {
        return knobs;
    }

    /** The compare tab, selected (and so built) first. */
    ComparePanel comparePanel() {
        views.select(3);
        return views.built(3, ComparePanel.class).orElseThrow();
    }

    StatePanels statePanels() {
        return state;
    }

    @Override
    public String getPageTitle() {
        return "ViaLab · " + (run == null ? "" : run.key().scenario());
    }
}
