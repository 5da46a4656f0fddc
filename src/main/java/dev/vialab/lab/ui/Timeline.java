package dev.vialab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import dev.vialab.lab.TimelineModel;
import java.util.Map;

/**
 * The {@code <vl-timeline>} web component ({@code frontend/vl-timeline/}): NAT mapping, keep-alive and binding
 * lifetimes over virtual time, with a cursor at the selected step. Like {@link SipLadder}, the model is sent once
 * per run and stepping changes only {@code selected}.
 */
@Tag("vl-timeline")
@JsModule("./vl-timeline/vl-timeline.ts")
public class Timeline extends Component implements HasSize, HasStyle {

    public Timeline() {
        getElement().addPropertyChangeListener("selected", "timeline-select", e -> {});
    }

    public void setModel(TimelineModel model) {
        getElement().setPropertyBean("model", model);
    }

    private tools.jackson.databind.node.BaseJsonNode model;

    /** Shows {@code model} (sent only when it is another run's) with the cursor at {@code step}. */
    void show(tools.jackson.databind.node.BaseJsonNode model, int step) {
        if (model != this.model) {
            this.model = model;
            getElement().setPropertyJson("model", model);
        }
        setSelected(step);
    }

    /** Puts the cursor at the time of a trace step; -1 hides it. */
    public void setSelected(int step) {
        getElement().setProperty("selected", step);
    }

    public int getSelected() {
        return getElement().getProperty("selected", -1);
    }

    /** Translated UI words, keyed as {@code TIMELINE_LABELS} in {@code vl-timeline.ts}; missing keys stay English. */
    public void setLabels(Map<String, String> labels) {
        getElement().setPropertyMap("labels", labels);
    }

    public Registration addSelectListener(ComponentEventListener<SelectEvent> listener) {
        return addListener(SelectEvent.class, listener);
    }

    /** The learner clicked a time (the nearest step) or moved to the previous/next lifetime start or end. */
    @DomEvent("timeline-select")
    public static class SelectEvent extends ComponentEvent<Timeline> {
        private final int step;

        public SelectEvent(Timeline source, boolean fromClient, @EventData("event.detail.step") int step) {
            super(source, fromClient);
            this.step = step;
        }

        public int getStep() {
            return step;
        }
    }
}
