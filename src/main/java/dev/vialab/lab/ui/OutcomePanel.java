package dev.vialab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.CallOutcome;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.Explainer;
import java.util.function.IntConsumer;

/**
 * One banner per call: delivered, lost, rejected — and the chain of causes, each link a button that jumps to
 * its step (the dropped INVITE, the mapping's expiry, the keep-alives that moved, the DNS answer …).
 */
class OutcomePanel extends Composite<VerticalLayout> {
    private final IntConsumer jump;

    OutcomePanel(IntConsumer jump) {
        this.jump = jump;
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().addClassName("vl-outcomes");
    }

    void show(Trace t, Explainer ex) {
        VerticalLayout c = getContent();
        c.removeAll();
        for (CallOutcome o : t.outcomes()) {
            Div banner = new Div();
            banner.addClassNames("vl-outcome", "vl-outcome-" + o.result().name().toLowerCase(java.util.Locale.ROOT));
            Span head = new Span(getTranslation("outcome." + o.result().name()) + " · " + ex.text(o.summary()));
            head.addClassName("vl-outcome-head");
            banner.add(head);
            if (o.step() >= 0) {
                banner.add(link(t, o.step(), ex));
            }
            if (!o.chain().isEmpty()) {
                Span because = new Span(getTranslation("outcome.because") + ":");
                because.addClassName("vl-outcome-because");
                banner.add(because);
                for (CallOutcome.Link l : o.chain()) {
                    banner.add(link(t, l.step(), ex));
                }
            }
            c.add(banner);
        }
    }

    /** A link-styled, keyboard-reachable line that jumps to its step (a button would not wrap long text). */
    private Span link(Trace t, int index, Explainer ex) {
        Step s = t.step(index);
        Span link = new Span(Time.format(s.time()) + " s · " + s.node() + " · " + ex.text(s.why()));
        link.addClassName("vl-chain-link");
        link.getElement().setAttribute("role", "link");
        link.getElement().setAttribute("tabindex", "0");
        link.addClickListener(e -> jump.accept(index));
        link.getElement().addEventListener("keydown", e -> jump.accept(index)).setFilter("event.key === 'Enter'");
        return link;
    }
}
