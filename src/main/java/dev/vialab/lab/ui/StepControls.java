package dev.vialab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.slider.IntegerSlider;
import com.vaadin.flow.shared.Registration;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Mark;
import dev.vialab.emulator.trace.Trace;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * First / back / play / forward / last, a speed, a virtual-time scrubber and jumps to the named marks. The
 * keyboard works too: ← → Home End. Playing polls the server at the chosen pace, so no thread runs per session.
 */
class StepControls extends Composite<HorizontalLayout> {
    private final IntConsumer onStep;
    private final Button play;
    /** Play speed, cycled 1× → 2× → 4× → 8× by one button (a select costs a server component per option). */
    private final Button speed = new Button();
    private int speedFactor = 1;
    private final IntegerSlider scrubber = new IntegerSlider();
    private final Select<Mark> marks = new Select<>();
    private final Span position = new Span();
    private Trace trace;
    private int cursor;
    private boolean playing;
    private Registration poll;

    StepControls(IntConsumer onStep) {
        this.onStep = onStep;
        Button first = icon(VaadinIcon.FAST_BACKWARD, "bench.first", () -> go(0));
        Button back = icon(VaadinIcon.STEP_BACKWARD, "bench.back", () -> go(cursor - 1));
        play = icon(VaadinIcon.PLAY, "bench.play", this::togglePlay);
        Button forward = icon(VaadinIcon.STEP_FORWARD, "bench.forward", () -> go(cursor + 1));
        Button last = icon(VaadinIcon.FAST_FORWARD, "bench.last", () -> go(trace.size() - 1));
        speed.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        speed.setId("step-speed");
        speed.setMinWidth("4em");
        showSpeed();
        speed.addClickListener(e -> {
            speedFactor = speedFactor == 8 ? 1 : speedFactor * 2;
            showSpeed();
            if (playing) {
                startPolling();
            }
        });
        scrubber.setAriaLabel(getTranslation("bench.scrubber"));
        scrubber.setWidth("16em");
        scrubber.addValueChangeListener(e -> {
            if (e.isFromClient() && trace != null && e.getValue() != null) {
                go(trace.indexAt(e.getValue() * Time.MS));
            }
        });
        marks.setPlaceholder(getTranslation("bench.marks"));
        marks.addClassName("vl-marks");
        marks.setAriaLabel(getTranslation("bench.marks"));
        marks.setItemLabelGenerator(m -> m.name() + " · " + Time.format(m.time()) + " s");
        marks.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go(e.getValue().step());
            }
        });
        position.addClassName("vl-position");
        HorizontalLayout bar = getContent();
        bar.add(first, back, play, forward, last, speed, scrubber, marks, position);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.addClassName("vl-steps");
        bar.setWrap(true);
        Shortcuts.addShortcutListener(bar, () -> go(cursor - 1), Key.ARROW_LEFT).listenOn(UI.getCurrent());
        Shortcuts.addShortcutListener(bar, () -> go(cursor + 1), Key.ARROW_RIGHT).listenOn(UI.getCurrent());
        Shortcuts.addShortcutListener(bar, () -> go(0), Key.HOME).listenOn(UI.getCurrent());
        Shortcuts.addShortcutListener(bar, () -> go(trace.size() - 1), Key.END).listenOn(UI.getCurrent());
    }

    private Button icon(VaadinIcon icon, String label, Runnable action) {
        Button b = new Button(icon.create(), e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        b.setAriaLabel(getTranslation(label));
        b.setId("step-" + label.substring(label.indexOf('.') + 1)); // step-first, step-back, … for tests and tools
        b.setTooltipText(getTranslation(label));
        return b;
    }

    private void showSpeed() {
        speed.setText(speedFactor + "×");
        speed.setAriaLabel(getTranslation("bench.speed") + " " + speedFactor + "×");
    }

    void setTrace(Trace t, int at) {
        this.trace = t;
        scrubber.setMin(0);
        scrubber.setMax((int) Math.max(1, t.endTime() / Time.MS));
        List<Mark> m = t.marks();
        marks.setItems(m);
        marks.setEnabled(!m.isEmpty());
        show(at);
    }

    /** Shows {@code at} as the current step without asking to move there. */
    void show(int at) {
        cursor = at;
        position.setText(getTranslation("bench.step", at + 1, trace.size()) + " · "
                + getTranslation("bench.time", Time.format(trace.step(at).time())));
        scrubber.setValue((int) (trace.step(at).time() / Time.MS));
    }

    private void go(int to) {
        if (trace == null) {
            return;
        }
        int target = Math.max(0, Math.min(trace.size() - 1, to));
        if (target != cursor) {
            onStep.accept(target);
        }
        if (target == trace.size() - 1 && playing) {
            togglePlay();
        }
    }

    private void togglePlay() {
        playing = !playing;
        play.setIcon((playing ? VaadinIcon.PAUSE : VaadinIcon.PLAY).create());
        play.setAriaLabel(getTranslation(playing ? "bench.pause" : "bench.play"));
        play.setTooltipText(getTranslation(playing ? "bench.pause" : "bench.play"));
        if (playing) {
            startPolling();
        } else {
            stopPolling();
        }
    }

    private void startPolling() {
        UI ui = UI.getCurrent();
        stopPolling();
        ui.setPollInterval(Math.max(100, 800 / speedFactor));
        poll = ui.addPollListener(e -> go(cursor + 1));
    }

    private void stopPolling() {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        UI.getCurrent().setPollInterval(-1);
    }

    boolean isPlaying() {
        return playing;
    }
}
