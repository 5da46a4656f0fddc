package dev.vialab.lab.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.vialab.base.ui.MainLayout;
import dev.vialab.lab.SavedRuns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A short share link ({@code /s/ID}): forwards to the bench at the saved run and step, or says the link is unknown. */
@Route(value = "s/:id", layout = MainLayout.class)
@PageTitle("ViaLab")
class ShareView extends VerticalLayout implements BeforeEnterObserver {
    private final SavedRuns saved;

    ShareView(SavedRuns saved) {
        this.saved = saved;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        saved.find(id).ifPresentOrElse(s -> {
            Map<String, List<String>> q = new LinkedHashMap<>();
            if (!s.key().overrides().isEmpty()) {
                q.put("set", s.key().overrides());
            }
            q.put("seed", List.of(String.valueOf(s.key().seed())));
            q.put("step", List.of(Integer.toString(s.step() + 1)));
            event.forwardTo("bench/" + s.key().scenario(), new QueryParameters(q));
        }, () -> {
            removeAll();
            add(new H2(getTranslation("share.unknown.title")), new Paragraph(getTranslation("share.unknown", id)),
                    new Anchor("", getTranslation("share.start")));
        });
    }
}
