package dev.vialab.lab.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.vialab.base.ui.MainLayout;
import dev.vialab.lab.CatalogEntry;
import dev.vialab.lab.ScenarioCatalog;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** The start page: every scenario, grouped (the seed case first, then the rulebook traces), one card each. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("ViaLab")
class StartView extends VerticalLayout {

    StartView(ScenarioCatalog catalog) {
        addClassName("vl-start");
        Locale locale = getLocale();
        add(new H1(getTranslation("start.title")), new Paragraph(getTranslation("start.intro")));
        TreeMap<String, List<CatalogEntry>> groups = new TreeMap<>();
        for (CatalogEntry e : catalog.entries()) {
            groups.computeIfAbsent(e.group(), g -> new java.util.ArrayList<>()).add(e);
        }
        groups.forEach((group, entries) -> {
            add(new H2(getTranslation("start.group." + group)));
            Div cards = new Div();
            cards.addClassName("vl-cards");
            for (CatalogEntry e : entries) {
                cards.add(card(e, locale));
            }
            add(cards);
        });
        if (!catalog.problems().isEmpty()) {
            add(new H2(getTranslation("start.problems")));
            for (String p : catalog.problems()) {
                Paragraph line = new Paragraph(p);
                line.addClassName("vl-problem");
                add(line);
            }
        }
    }

    private Anchor card(CatalogEntry e, Locale locale) {
        Span title = new Span(e.title(locale));
        title.addClassName("vl-card-title");
        Paragraph description = new Paragraph(e.description(locale));
        Div tags = new Div();
        tags.addClassName("vl-tags");
        for (String t : e.tags()) {
            Span tag = new Span(t);
            tag.getElement().getThemeList().add("badge contrast small");
            tags.add(tag);
        }
        Anchor card = new Anchor("bench/" + e.id(), "");
        card.add(title, description, tags);
        card.addClassName("vl-card");
        card.getElement().setAttribute("aria-label", getTranslation("start.open") + ": " + e.title(locale));
        return card;
    }
}
