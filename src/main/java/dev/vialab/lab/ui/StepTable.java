package dev.vialab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.Explainer;
import dev.vialab.lab.Flights;
import java.util.function.IntConsumer;

/**
 * The ladder as an accessible table: one row per step with time, node, packet and explanation. Screen readers
 * and keyboard users get everything the drawing shows; selecting a row selects the step.
 */
class StepTable extends Composite<Grid<Step>> {
    private Trace trace;
    private Flights flights;
    private boolean updating;

    StepTable(IntConsumer select) {
        Grid<Step> g = getContent();
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        g.addColumn(s -> s.index() + 1).setHeader("#").setWidth("4em").setFlexGrow(0);
        g.addColumn(s -> Time.format(s.time())).setHeader(getTranslation("bench.scrubber")).setWidth("7em")
                .setFlexGrow(0);
        g.addColumn(Step::node).setHeader(getTranslation("bench.node")).setWidth("6em").setFlexGrow(0);
        g.addColumn(this::packet).setHeader(getTranslation("bench.packet")).setAutoWidth(true).setFlexGrow(0);
        g.addColumn(s -> explainer().text(s.why())).setHeader(getTranslation("bench.explanation")).setFlexGrow(1);
        g.setSelectionMode(Grid.SelectionMode.SINGLE);
        g.addSelectionListener(e -> {
            if (!updating && e.isFromClient()) {
                e.getFirstSelectedItem().ifPresent(s -> select.accept(s.index()));
            }
        });
        g.addClassName("vl-steptable");
        g.setHeightFull();
    }

    private Explainer explainer;

    private Explainer explainer() {
        return explainer;
    }

    /** Shows {@code t} at step {@code index}; the rows are only replaced when the run changed. */
    void show(Trace t, Flights f, Explainer ex, int index) {
        if (t != trace || ex != explainer) {
            this.flights = f;
            setTrace(t, ex);
        }
        select(index);
    }

    private void setTrace(Trace t, Explainer ex) {
        this.trace = t;
        this.explainer = ex;
        getContent().setItems(t.steps());
    }

    private void select(int index) {
        updating = true;
        try {
            getContent().select(trace.step(index));
            getContent().scrollToIndex(index);
        } finally {
            updating = false;
        }
    }

    private String packet(Step s) {
        Hop h = s.hop();
        if (h == null) {
            return "";
        }
        // the flight's first sender: the phone's private address, not the NAT's, for a translated packet
        String from = trace.step(flights.of(s).getFirst()).hop().from();
        return from + " → " + h.to() + "  " + h.label();
    }
}
