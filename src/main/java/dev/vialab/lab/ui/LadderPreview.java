package dev.vialab.lab.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.Explainer;
import dev.vialab.lab.LadderMapper;
import dev.vialab.lab.TimelineMapper;
import java.util.Locale;

/**
 * A page to look at the ladder and the timeline on the seed run (with a delivered and a lost call) while they
 * are built: step buttons, the row filters and a theme switch. {@code ?seconds=40000} runs longer, which gives
 * some 3,000 arrows, to check the ladder stays smooth; {@code ?lang=zh} shows the Chinese UI words. Not linked
 * from the bench.
 */
@Route("preview/ladder")
@PageTitle("ViaLab · ladder preview")
class LadderPreview extends VerticalLayout implements BeforeEnterObserver {
    private final SipLadder ladder = new SipLadder();
    private final Timeline timeline = new Timeline();
    private final Span status = new Span();
    private Trace trace;
    private Explainer explainer;
    private int step = -1;

    LadderPreview() {
        setSizeFull();
        setPadding(true);
        ladder.setId("ladder");
        ladder.setWidthFull();
        ladder.setHeight("62vh");
        timeline.setId("timeline");
        timeline.setWidthFull();
        ladder.addSelectListener(e -> show(e.getStep(), false));
        timeline.addSelectListener(e -> show(e.getStep(), true));
        status.setId("status");
        status.getStyle().set("font-size", "var(--lumo-font-size-s)").set("flex", "1").set("min-width", "0");
        add(new H2("Ladder preview"), controls(), status, ladder, timeline);
        setFlexGrow(0, ladder);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long seconds = event.getLocation().getQueryParameters().getSingleParameter("seconds")
                .map(Long::parseLong).orElse(500L);
        event.getLocation().getQueryParameters().getSingleParameter("lang")
                .ifPresent(lang -> UI.getCurrent().setLocale(Locale.forLanguageTag(lang)));
        Locale locale = UI.getCurrent().getLocale();
        trace = PreviewRun.seed(seconds);
        explainer = Explainer.of(locale);
        ladder.setLabels(UiLabels.of(locale, "ladder."));
        timeline.setLabels(UiLabels.of(locale, "timeline."));
        // once per run: the models can be large; stepping only moves `selected`
        ladder.setModel(LadderMapper.from(trace, explainer));
        timeline.setModel(TimelineMapper.from(trace));
        show(-1, true);
    }

    private HorizontalLayout controls() {
        Button first = new Button(VaadinIcon.FAST_BACKWARD.create(), e -> show(0, true));
        Button prev = new Button("step", VaadinIcon.STEP_BACKWARD.create(), e -> show(Math.max(0, step - 1), true));
        Button next = new Button("step", VaadinIcon.STEP_FORWARD.create(), e -> show(Math.min(trace.size() - 1,
                step + 1), true));
        next.setIconAfterText(true);
        Button last = new Button(VaadinIcon.FAST_FORWARD.create(), e -> show(trace.size() - 1, true));
        first.setAriaLabel("first step");
        last.setAriaLabel("last step");
        next.setId("next");
        prev.setId("prev");
        Checkbox keepalive = new Checkbox("keep-alives", true);
        Checkbox retx = new Checkbox("retransmissions", true);
        Checkbox dns = new Checkbox("DNS", true);
        Checkbox tcp = new Checkbox("TCP", true);
        Checkbox notes = new Checkbox("notes", true);
        Runnable filters = () -> ladder.setFilters(new SipLadder.Filters(keepalive.getValue(), retx.getValue(),
                dns.getValue(), tcp.getValue(), notes.getValue()));
        for (Checkbox c : new Checkbox[] {keepalive, retx, dns, tcp, notes}) {
            c.addValueChangeListener(e -> filters.run());
        }
        Button theme = new Button("dark / light", e -> UI.getCurrent().getPage().executeJs(
                "const d = document.documentElement; d.getAttribute('theme') === 'dark'"
                        + " ? d.removeAttribute('theme') : d.setAttribute('theme', 'dark')"));
        HorizontalLayout bar = new HorizontalLayout(first, prev, next, last, keepalive, retx, dns, tcp, notes, theme);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    /** Selects a step in both views; {@code push} is false when the ladder itself picked it. */
    private void show(int index, boolean push) {
        step = index;
        if (push) {
            ladder.setSelected(index);
        }
        timeline.setSelected(index);
        if (index < 0) {
            status.setText(trace.size() + " steps. Click an arrow, use the buttons, or focus the ladder and use ←/→"
                    + " and Enter.");
            return;
        }
        Step s = trace.step(index);
        status.setText("step " + index + " · " + Time.format(s.time()) + " s · " + s.node() + " · "
                + explainer.withRule(s.why()));
    }
}
