package dev.vialab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.BindingRow;
import dev.vialab.emulator.trace.CallView;
import dev.vialab.emulator.trace.DnsCacheRow;
import dev.vialab.emulator.trace.NatRow;
import dev.vialab.emulator.trace.PMap;
import dev.vialab.emulator.trace.PhoneView;
import dev.vialab.emulator.trace.TcpRow;
import dev.vialab.emulator.trace.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The complete state after the selected step: NAT table, registrar bindings, phone, DNS cache, calls and TCP
 * connections. Rows this step created or changed are highlighted, rows it removed are shown struck through, so a
 * learner sees mapping 13450 die while the binding still points at it.
 */
class StatePanels extends Composite<LazyTabs> {
    /** A row with how it changed at this step. */
    record Row<T>(T value, String change) {}

    private World now;
    private World before;

    @Override
    protected LazyTabs initContent() {
        return new LazyTabs();
    }

    StatePanels() {
        LazyTabs tabs = getContent();
        tabs.add(getTranslation("state.nat"), this::nat, g -> g.setItems(diff(now.nat(), before.nat())));
        tabs.add(getTranslation("state.bindings"), this::bindings,
                g -> g.setItems(diff(now.bindings(), before.bindings())));
        tabs.add(getTranslation("state.phone"), () -> {
            Div phone = new Div();
            phone.addClassName("vl-phone");
            return phone;
        }, phone -> showPhone(phone, now.phones(), before.phones()));
        tabs.add(getTranslation("state.dns"), this::dns, g -> g.setItems(diff(now.dnsCache(), before.dnsCache())));
        tabs.add(getTranslation("state.calls"), this::calls, g -> g.setItems(diff(now.calls(), before.calls())));
        tabs.add(getTranslation("state.tcp"), this::tcp, g -> g.setItems(diff(now.tcp(), before.tcp())));
        tabs.addClassName("vl-state");
    }

    private Grid<Row<NatRow>> nat() {
        Grid<Row<NatRow>> nat = grid();
        nat.addColumn(r -> r.value().inside().toString()).setHeader(getTranslation("state.nat.inside")).setAutoWidth(true);
        nat.addColumn(r -> r.value().outside().toString()).setHeader(getTranslation("state.nat.outside"))
                .setAutoWidth(true);
        nat.addColumn(r -> r.value().transport() + " " + r.value().remote()).setHeader(getTranslation("state.nat.remote"))
                .setAutoWidth(true);
        nat.addColumn(r -> Time.format(r.value().created())).setHeader(getTranslation("state.nat.created"));
        nat.addColumn(r -> Time.format(r.value().lastOutbound())).setHeader(getTranslation("state.nat.refreshed"));
        nat.addColumn(r -> r.value().expires() < 0 ? getTranslation("state.nat.withconnection")
                : Time.format(r.value().expires())).setHeader(getTranslation("state.nat.expires"));
        nat.addColumn(r -> String.join(" ", r.value().permissions().stream().map(p -> p.remote()).toList()))
                .setHeader(getTranslation("state.nat.permissions")).setAutoWidth(true);
        return nat;
    }

    private Grid<Row<BindingRow>> bindings() {
        Grid<Row<BindingRow>> bindings = grid();
        bindings.addColumn(r -> r.value().location()).setHeader(getTranslation("state.bindings.location"));
        bindings.addColumn(r -> r.value().contact()).setHeader(getTranslation("state.bindings.contact")).setAutoWidth(true);
        bindings.addColumn(r -> r.value().source().toString()).setHeader(getTranslation("state.bindings.source"))
                .setAutoWidth(true);
        bindings.addColumn(r -> r.value().server()).setHeader(getTranslation("state.bindings.server"));
        bindings.addColumn(r -> Time.format(r.value().expires())).setHeader(getTranslation("state.bindings.expires"));
        return bindings;
    }

    private Grid<Row<DnsCacheRow>> dns() {
        Grid<Row<DnsCacheRow>> dns = grid();
        dns.addColumn(r -> r.value().resolver()).setHeader(getTranslation("state.dns.resolver"));
        dns.addColumn(r -> r.value().type() + " " + r.value().name()).setHeader(getTranslation("state.dns.name"))
                .setAutoWidth(true);
        dns.addColumn(r -> String.join(" ", r.value().records())).setHeader(getTranslation("state.dns.records"))
                .setAutoWidth(true);
        dns.addColumn(r -> Time.format(r.value().expires())).setHeader(getTranslation("state.dns.expires"));
        return dns;
    }

    private Grid<Row<CallView>> calls() {
        Grid<Row<CallView>> calls = grid();
        calls.addColumn(r -> r.value().call()).setHeader(getTranslation("state.calls.call"));
        calls.addColumn(r -> r.value().state()).setHeader(getTranslation("state.calls.state"));
        calls.addColumn(r -> r.value().server()).setHeader(getTranslation("state.calls.server"));
        calls.addColumn(r -> r.value().target()).setHeader(getTranslation("state.calls.target")).setAutoWidth(true);
        return calls;
    }

    private Grid<Row<TcpRow>> tcp() {
        Grid<Row<TcpRow>> tcp = grid();
        tcp.addColumn(r -> r.value().owner()).setHeader(getTranslation("bench.node"));
        tcp.addColumn(r -> r.value().local() + " → " + r.value().remote()).setAutoWidth(true);
        tcp.addColumn(r -> r.value().state());
        return tcp;
    }

    private static <T> Grid<Row<T>> grid() {
        Grid<Row<T>> g = new Grid<>();
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        g.setAllRowsVisible(true);
        g.setPartNameGenerator(r -> r.change().isEmpty() ? null : "vl-" + r.change());
        g.setEmptyStateText("—");
        return g;
    }

    /** Shows the state after a step ({@code now}) against the state before it. */
    void show(World now, World before) {
        this.now = now;
        this.before = before;
        getContent().changed();
    }

    /** Rows now, marked new or changed, plus rows this step removed, marked removed. */
    static <T> List<Row<T>> diff(PMap<String, T> now, PMap<String, T> before) {
        List<Row<T>> out = new ArrayList<>();
        if (now == before) {
            now.forEach((k, v) -> out.add(new Row<>(v, "")));
            return out;
        }
        now.forEach((k, v) -> {
            T old = before.get(k);
            out.add(new Row<>(v, old == null ? "new" : old.equals(v) ? "" : "changed"));
        });
        before.forEach((k, v) -> {
            if (!now.containsKey(k)) {
                out.add(new Row<>(v, "removed"));
            }
        });
        return out;
    }

    private void showPhone(Div phone, PMap<String, PhoneView> now, PMap<String, PhoneView> before) {
        phone.removeAll();
        for (PhoneView v : now.values()) {
            PhoneView old = before.get(v.phone());
            phone.add(field("state.phone.state", v, old, PhoneView::state));
            phone.add(field("state.phone.server", v, old, PhoneView::server));
            phone.add(field("state.phone.contact", v, old, PhoneView::contact));
            phone.add(field("state.phone.via", v, old, PhoneView::viaSentBy));
            phone.add(field("state.phone.received", v, old, PhoneView::lastReceived));
            phone.add(field("state.phone.ka", v, old, PhoneView::kaTarget));
            phone.add(field("state.phone.refresh", v, old, p -> time(p.nextRefresh())));
            phone.add(field("state.phone.retry", v, old, p -> time(p.nextRetry())));
            phone.add(field("state.phone.callid", v, old, p -> p.callId().isEmpty() ? "" : p.callId() + " / " + p.cseq()));
            phone.add(field("state.phone.guard", v, old,
                    p -> getTranslation(p.rewriteGuard() ? "state.yes" : "state.no")));
        }
        if (now.isEmpty()) {
            phone.add(new Paragraph(getTranslation("state.empty")));
        }
    }

    private Component field(String label, PhoneView v, PhoneView old, Function<PhoneView, String> get) {
        Div row = new Div();
        row.addClassName("vl-field");
        Span name = new Span(getTranslation(label));
        name.addClassName("vl-field-name");
        String value = get.apply(v);
        Span val = new Span(value.isEmpty() ? "—" : value);
        val.addClassName("vl-field-value");
        if (old != null && !get.apply(old).equals(value)) {
            row.addClassName("vl-changed");
        }
        row.add(name, val);
        return row;
    }

    private static String time(long micros) {
        return micros < 0 ? "" : Time.format(micros) + " s";
    }
}
