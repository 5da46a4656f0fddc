package dev.vialab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;

/**
 * The frame of every page: the name, a language switch (English, 简体中文) and a light/dark switch. Both
 * choices live in the session; the page reloads so every view renders again in the new language, and the URL
 * keeps the learner's place.
 */
public final class MainLayout extends Div implements RouterLayout {
    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    static final String DARK = "vialab.dark";
    private final Main content = new Main();

    MainLayout() {
        Anchor home = new Anchor("", getTranslation("app.name"));
        home.addClassName("vl-brand");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("vl-tagline");

        Select<Locale> language = new Select<>();
        language.setItems(List.of(Locale.ENGLISH, ZH_CN));
        language.setItemLabelGenerator(l -> l.getLanguage().equals("zh") ? "简体中文" : "English");
        language.setValue(getLocale().getLanguage().equals("zh") ? ZH_CN : Locale.ENGLISH);
        language.setAriaLabel(getTranslation("layout.language"));
        language.addClassName("vl-language");
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                VaadinSession.getCurrent().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });

        Checkbox dark = new Checkbox(getTranslation("layout.theme"));
        dark.addClassName("vl-dark");
        boolean isDark = Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(DARK));
        dark.setValue(isDark);
        applyTheme(isDark);
        dark.addValueChangeListener(e -> {
            VaadinSession.getCurrent().setAttribute(DARK, e.getValue());
            applyTheme(e.getValue());
        });

        HorizontalLayout bar = new HorizontalLayout(home, tagline, language, dark);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(tagline);
        bar.setWidthFull();
        Header header = new Header(bar);
        header.addClassName("vl-navbar");
        content.addClassName("vl-content");
        addClassName("vl-layout");
        add(header, content);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }

    private static void applyTheme(boolean dark) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getElement().executeJs("document.documentElement.setAttribute('theme', $0 ? 'dark' : '')", dark);
        }
    }
}
