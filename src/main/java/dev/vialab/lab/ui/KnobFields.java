package dev.vialab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import dev.vialab.emulator.setup.Setup;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The knobs that are built, by override path, each with how its value is read from a setup. A re-run sets only
 * the values that changed instead of building the fields again; a refused edit marks the field of its path.
 */
final class KnobFields {
    private record Knob(HasValue<?, ?> field, Function<Setup, ?> read) {}

    private final TreeMap<String, Knob> knobs = new TreeMap<>();

    /** Registers {@code field} under {@code path} (its DOM id is {@code knob-phone-rewrite} and the like) with its value from {@code setup}. */
    <V> void add(String path, HasValue<?, V> field, Function<Setup, V> read, Setup setup) {
        ((Component) field).setId("knob-" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", ""));
        knobs.put(path, new Knob(field, read));
        field.setValue(read.apply(setup));
    }

    void clear() {
        knobs.clear();
    }

    /** Sets every field to {@code setup}'s value (server-side, so no edit follows) and clears refused-edit marks. */
    @SuppressWarnings("unchecked")
    void refresh(Setup setup) {
        for (Knob k : knobs.values()) {
            Object value = k.read().apply(setup);
            if (!Objects.equals(k.field().getValue(), value)) {
                ((HasValue<?, Object>) k.field()).setValue(value);
            }
            if (k.field() instanceof HasValidation v && v.isInvalid()) {
                v.setInvalid(false);
            }
        }
    }

    /** Marks the field of {@code path}, if it is built and can show a message. */
    void refuse(String path, String message) {
        Knob k = knobs.get(path);
        if (k != null && k.field() instanceof HasValidation v) {
            v.setInvalid(true);
            v.setErrorMessage(message);
        }
    }
}
