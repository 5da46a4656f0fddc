package dev.vialab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The knob panel's collapsible groups. Only the phone's is open at first, and a closed group's knobs are made when
 * it is first opened: they are most of a session's components (each select option is one), and a session must
 * stay small. A group the learner opened stays open across re-runs.
 */
final class KnobGroups {
    private final Set<String> opened = new TreeSet<>(Set.of("state.phone"));

    /** A group named by translation key {@code key}, shown as {@code title}, whose knobs {@code content} makes. */
    Details group(String key, String title, Supplier<Component> content) {
        Details d = new Details(title);
        Runnable fill = () -> {
            Component body = content.get();
            if (body instanceof VerticalLayout v) {
                v.setPadding(false);
            }
            d.add(body);
        };
        if (opened.contains(key)) {
            fill.run();
            d.setOpened(true);
        }
        d.addOpenedChangeListener(e -> {
            if (e.isOpened() && d.getContent().findAny().isEmpty()) {
                fill.run();
            }
            if (e.isFromClient() && e.isOpened()) {
                opened.add(key);
            } else if (e.isFromClient()) {
                opened.remove(key);
            }
        });
        return d;
    }
}
