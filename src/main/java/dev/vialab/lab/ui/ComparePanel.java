package dev.vialab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.lab.Comparison;
import dev.vialab.lab.RunKey;
import dev.vialab.lab.RunResult;
import dev.vialab.lab.RunService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * This run beside a variant that differs by one knob (rewrite off vs on, UDP vs TCP, another NAT, another
 * DNS order …), aligned by virtual time; differing rows, NAT mappings and outcomes are marked.
 */
class ComparePanel extends Composite<VerticalLayout> {
    /** A one-knob variant: its label and the override that makes it. */
    record Variant(String label, String path, String value) {}

    private final RunService runs;
    private final IntConsumer jump;
    private final Select<Variant> variant = new Select<>();
    private final Div summary = new Div();
    private final Grid<Comparison.Row> rows = new Grid<>();
    private RunResult.Ran current;

    ComparePanel(RunService runs, IntConsumer jump) {
        this.runs = runs;
        this.jump = jump;
        variant.setLabel(getTranslation("compare.with"));
        variant.setItemLabelGenerator(Variant::label);
        variant.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                compare(e.getValue());
            }
        });
        rows.addThemeVariants(GridVariant.LUMO_COMPACT);
        rows.addColumn(r -> Time.format(r.time())).setHeader(getTranslation("compare.time")).setWidth("7em")
                .setFlexGrow(0);
        rows.addColumn(Comparison.Row::left).setHeader(getTranslation("compare.left")).setFlexGrow(1);
        rows.addColumn(Comparison.Row::right).setHeader(getTranslation("compare.right")).setFlexGrow(1);
        rows.setPartNameGenerator(r -> r.same() ? null : "vl-differs");
        rows.addItemClickListener(e -> {
            if (e.getItem().leftStep() >= 0) {
                jump.accept(e.getItem().leftStep());
            }
        });
        rows.setHeight("28em");
        summary.addClassName("vl-compare-summary");
        getContent().add(variant, summary, rows);
        getContent().setPadding(false);
        getContent().addClassName("vl-compare");
    }

    /** Offers the variants of {@code run}; a comparison already shown stays while the run is the same. */
    void show(RunResult.Ran run) {
        if (run == current) {
            return;
        }
        this.current = run;
        List<Variant> options = variants(run.scenario().setup());
        variant.setItems(options);
        summary.removeAll();
        rows.setItems(List.of());
    }

    private List<Variant> variants(Setup s) {
        PhoneSetup p = s.phones().getFirst();
        NatSetup n = s.nats().getFirst();
        List<Variant> out = new ArrayList<>();
        boolean rewrite = p.allowContactRewrite() != 0;
        out.add(new Variant(getTranslation("knobs.rewrite") + ": " + (rewrite ? "off" : "on"), "phone.rewrite",
                rewrite ? "off" : "on"));
        boolean tcp = p.transport() == Transport.TCP;
        out.add(new Variant(getTranslation("knobs.transport") + ": " + (tcp ? "UDP" : "TCP"), "phone.transport",
                tcp ? "udp" : "tcp"));
        String eim = NatSetup.Behaviour.ENDPOINT_INDEPENDENT.id();
        String apdm = NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT.id();
        String other = n.mapping() == NatSetup.Behaviour.ENDPOINT_INDEPENDENT ? apdm : eim;
        out.add(new Variant(getTranslation("knobs.nat.mapping") + ": " + other, "nat.mapping", other));
        boolean shared = s.location() == Setup.LocationMode.SHARED;
        out.add(new Variant(getTranslation("knobs.location") + ": " + (shared ? "per-server" : "shared"),
                "registrars.location", shared ? "per-server" : "shared"));
        out.add(new Variant(getTranslation("knobs.dns") + ": fixed", "dns.names[0].order", "{policy: fixed}"));
        for (String v : List.of("2.13", "2.14", "2.17", "master")) {
            if (!v.equals(p.version().id())) {
                out.add(new Variant(getTranslation("knobs.pjsip") + ": " + v, "phone.pjsip", "\"" + v + "\""));
            }
        }
        for (var profile : dev.vialab.emulator.setup.Profile.values()) {
            if (profile != p.profile()) {
                out.add(new Variant(getTranslation("knobs.profile") + ": " + profile.id(), "phone.profile",
                        profile.id()));
            }
        }
        return out;
    }

    private void compare(Variant v) {
        RunKey key = current.key().with(v.path(), v.value());
        summary.removeAll();
        switch (runs.run(key)) {
            case RunResult.Ran other -> {
                Comparison c = Comparison.of(current.trace(), other.trace());
                rows.setItems(c.rows());
                summary.add(new Paragraph(c.differences() == 0 ? getTranslation("compare.same")
                        : getTranslation("compare.differs") + ": " + c.differences()));
                summary.add(new H4(getTranslation("compare.outcomes")));
                for (Comparison.OutcomePair o : c.outcomes()) {
                    Span line = new Span(o.call() + ": " + getTranslation("outcome." + o.left()) + " → "
                            + getTranslation("outcome." + o.right()));
                    if (o.left() != o.right()) {
                        line.addClassName("vl-differs");
                    }
                    summary.add(new Div(line));
                }
                summary.add(new H4(getTranslation("compare.nat")));
                summary.add(new Div(new Span(getTranslation("compare.left") + ": " + String.join(", ",
                        c.leftMappings()))));
                Span right = new Span(getTranslation("compare.right") + ": " + String.join(", ", c.rightMappings()));
                if (!c.leftMappings().equals(c.rightMappings())) {
                    right.addClassName("vl-differs");
                }
                summary.add(new Div(right));
                Anchor open = new Anchor("bench/" + key.scenario() + "?" + new QueryParameters(Map.of("set",
                        key.overrides())).getQueryString(), getTranslation("compare.open"));
                summary.add(open);
            }
            case RunResult.Invalid bad -> summary.add(new Paragraph(bad.problems().toString()));
            case RunResult.Unknown u -> summary.add(new Paragraph(getTranslation("bench.unknown", u.key().scenario())));
        }
    }
}
