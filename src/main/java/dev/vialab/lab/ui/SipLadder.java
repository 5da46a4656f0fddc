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
import dev.vialab.lab.LadderModel;
import java.util.Map;

/**
 * The {@code <sip-ladder>} web component ({@code frontend/sip-ladder/}): one lane per device, one row per packet
 * or note. The model goes to the browser once per run (it can hold thousands of arrows); stepping changes only
 * {@code selected}, a single number.
 */
@Tag("sip-ladder")
@JsModule("./sip-ladder/sip-ladder.ts")
public class SipLadder extends Component implements HasSize, HasStyle {

    /** Which kinds of rows are drawn; a hidden kind is left out of the drawing and of keyboard stepping. */
    public record Filters(boolean keepalive, boolean retransmissions, boolean dns, boolean tcp, boolean notes) {
        public static Filters all() {
            return new Filters(true, true, true, true, true);
        }
    }

    public SipLadder() {
        // the element sets its own `selected` on click/Enter; keep the server's copy in step on that event
        getElement().addPropertyChangeListener("selected", "ladder-select", e -> {});
    }

    /** Sends the whole run to the browser. Call once per run. */
    public void setModel(LadderModel model) {
        getElement().setPropertyBean("model", model);
    }

    /** The same, from a model already in JSON (shared between sessions, see {@code ViewModels}). */
    void setModel(tools.jackson.databind.node.BaseJsonNode model) {
        getElement().setPropertyJson("model", model);
    }

    /** Highlights the row of a trace step and scrolls it into view; -1 clears the selection. */
    public void setSelected(int step) {
        getElement().setProperty("selected", step);
    }

    public int getSelected() {
        return getElement().getProperty("selected", -1);
    }

    public void setFilters(Filters filters) {
        getElement().setPropertyBean("filters", filters);
    }

    /**
     * Translated UI words, keyed as in {@code frontend/sip-ladder/ladder-labels.ts} ({@code ladder}, {@code
     * dropped}, {@code idle}, {@code arrow}, {@code note}, {@code lane}, {@code natLane}, {@code role.PHONE}, …);
     * missing keys stay English.
     */
    public void setLabels(Map<String, String> labels) {
        getElement().setPropertyMap("labels", labels);
    }

    public Registration addSelectListener(ComponentEventListener<SelectEvent> listener) {
        return addListener(SelectEvent.class, listener);
    }

    /** The learner picked a step in the ladder (click, or Enter on the keyboard cursor). */
    @DomEvent("ladder-select")
    public static class SelectEvent extends ComponentEvent<SipLadder> {
        private final int step;

        public SelectEvent(SipLadder source, boolean fromClient, @EventData("event.detail.step") int step) {
            super(source, fromClient);
            this.step = step;
        }

        public int getStep() {
            return step;
        }
    }
}
