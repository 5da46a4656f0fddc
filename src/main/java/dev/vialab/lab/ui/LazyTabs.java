package dev.vialab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A tab sheet that builds a tab's content the first time the tab is selected and keeps only the selected tab in
 * step with the view. Vaadin holds every component of a session in server memory whether it is shown or not, and
 * most learners never open most tabs: building on demand keeps a session small and a step cheap.
 */
final class LazyTabs extends Composite<TabSheet> implements HasSize, HasStyle {
    private final List<Pane<?>> panes = new ArrayList<>();
    /** Whether there is anything to show yet: tabs sync only after the first {@link #changed()}. */
    private boolean live;

    /** One tab: how to build its content and how to bring it up to date. */
    private static final class Pane<T extends Component> {
        private final Supplier<T> build;
        private final Consumer<T> sync;
        private final Div holder = new Div();
        private T content;
        private boolean stale = true;

        Pane(Supplier<T> build, Consumer<T> sync) {
            this.build = build;
            this.sync = sync;
            holder.setSizeFull();
        }

        void show(boolean live) {
            if (content == null) {
                content = build.get();
                holder.add(content);
            }
            if (stale && live) {
                stale = false;
                sync.accept(content);
            }
        }
    }

    LazyTabs() {
        getContent().addSelectedChangeListener(e -> selected().ifPresent(p -> p.show(live)));
    }

    /** Adds a tab; {@code sync} runs when the tab is shown after {@link #changed()} and on each change while shown. */
    <T extends Component> void add(String label, Supplier<T> build, Consumer<T> sync) {
        Pane<T> pane = new Pane<>(build, sync);
        panes.add(pane);
        getContent().add(label, pane.holder);
        if (panes.size() == 1) {
            pane.show(live);
        }
    }

    /** The view changed: the selected tab syncs now, the others when next selected. */
    void changed() {
        live = true;
        panes.forEach(p -> p.stale = true);
        selected().ifPresent(p -> p.show(true));
    }

    /** The content of tab {@code index} if it has been built. */
    <T extends Component> Optional<T> built(int index, Class<T> type) {
        return Optional.ofNullable(panes.get(index).content).filter(type::isInstance).map(type::cast);
    }

    void select(int index) {
        getContent().setSelectedIndex(index);
    }

    private Optional<Pane<?>> selected() {
        int i = getContent().getSelectedIndex();
        return i >= 0 && i < panes.size() ? Optional.of(panes.get(i)) : Optional.empty();
    }
}
