package dev.vialab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.DnsOrder;
import dev.vialab.emulator.setup.DnsSetup;
import dev.vialab.lab.Knobs;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Edits the answer order of one DNS name: the policy, and each order as a row of address chips that can be
 * dragged (or moved with the arrow buttons, for the keyboard). "From here" turns the policy into a schedule
 * whose new entry starts at the current step's time.
 */
class DnsOrderEditor extends Composite<VerticalLayout> {
    private final Consumer<DnsOrder> apply;
    private DnsSetup.Name name;
    private TreeMap<Ip, String> names;
    private long now;

    DnsOrderEditor(Consumer<DnsOrder> apply) {
        this.apply = apply;
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().addClassName("vl-dns-editor");
    }

    void at(long currentTime) {
        this.now = currentTime;
    }

    /** Shows {@code n}'s order; the chips are only rebuilt when the name's setup or the registrars changed. */
    void show(DnsSetup.Name n, TreeMap<Ip, String> registrarNames, long currentTime) {
        this.now = currentTime;
        if (n.equals(name) && registrarNames.equals(names)) {
            return;
        }
        this.name = n;
        this.names = registrarNames;
        this.now = currentTime;
        VerticalLayout c = getContent();
        c.removeAll();
        Select<String> policy = new Select<>();
        policy.setLabel(getTranslation("knobs.dns.policy") + " · " + n.name());
        policy.setItems("fixed", "per-query", "round-robin", "shuffle", "schedule");
        policy.setValue(policyOf(n.order()));
        policy.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                apply.accept(switch (e.getValue()) {
                    case "per-query" -> new DnsOrder.PerQuery(List.of(n.addresses()), false);
                    case "round-robin" -> new DnsOrder.RoundRobin();
                    case "shuffle" -> new DnsOrder.Shuffle();
                    case "schedule" -> new DnsOrder.Schedule(List.of(new DnsOrder.Schedule.Entry(0, n.addresses())));
                    default -> new DnsOrder.Fixed();
                });
            }
        });
        c.add(policy);
        switch (n.order()) {
            case DnsOrder.PerQuery pq -> {
                for (int i = 0; i < pq.orders().size(); i++) {
                    int at = i;
                    c.add(row(getTranslation("knobs.dns.query", i + 1), pq.orders().get(i), o -> {
                        List<List<Ip>> orders = new ArrayList<>(pq.orders());
                        orders.set(at, o);
                        apply.accept(new DnsOrder.PerQuery(orders, pq.repeat()));
                    }));
                }
            }
            case DnsOrder.Schedule sc -> {
                for (int i = 0; i < sc.entries().size(); i++) {
                    int at = i;
                    DnsOrder.Schedule.Entry e = sc.entries().get(i);
                    c.add(row(getTranslation("knobs.dns.from", Time.format(e.from())), e.order(), o -> {
                        List<DnsOrder.Schedule.Entry> entries = new ArrayList<>(sc.entries());
                        entries.set(at, new DnsOrder.Schedule.Entry(e.from(), o));
                        apply.accept(new DnsOrder.Schedule(entries));
                    }));
                }
            }
            default -> c.add(row(getTranslation("knobs.dns.policy") + ": " + policyOf(n.order()), n.addresses(),
                    o -> apply.accept(new DnsOrder.Schedule(List.of(new DnsOrder.Schedule.Entry(0, o))))));
        }
        Span help = new Span(getTranslation("knobs.dns.drag"));
        help.addClassName("vl-help");
        c.add(help);
    }

    /** A row of chips; {@code changed} gets the new order after a drag or an arrow click. */
    private Div row(String label, List<Ip> order, Consumer<List<Ip>> changed) {
        Div row = new Div();
        row.addClassName("vl-order");
        Span title = new Span(label);
        title.addClassName("vl-order-label");
        row.add(title);
        for (int i = 0; i < order.size(); i++) {
            Ip ip = order.get(i);
            String shown = names.getOrDefault(ip, ip.toString());
            Div chip = new Div();
            chip.addClassName("vl-chip");
            chip.setTitle(ip.toString());
            int index = i;
            Button left = arrow("‹", getTranslation("knobs.dns.left", shown), () -> changed.accept(move(order, index,
                    index - 1)));
            left.setEnabled(i > 0);
            Button right = arrow("›", getTranslation("knobs.dns.right", shown), () -> changed.accept(move(order, index,
                    index + 1)));
            right.setEnabled(i < order.size() - 1);
            chip.add(left, new Span(shown), right);
            DragSource<Div> drag = DragSource.create(chip);
            drag.setDragData(index);
            DropTarget<Div> drop = DropTarget.create(chip);
            drop.addDropListener(e -> e.getDragData().ifPresent(from -> changed.accept(move(order, (Integer) from,
                    index))));
            row.add(chip);
        }
        Button here = new Button(getTranslation("knobs.dns.fromhere"), e -> apply.accept(Knobs.fromHere(name.order(),
                name.addresses(), now, order)));
        here.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        row.add(here);
        return row;
    }

    private static Button arrow(String text, String label, Runnable action) {
        Button b = new Button(text, e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        b.setAriaLabel(label);
        b.setTooltipText(label);
        return b;
    }

    static List<Ip> move(List<Ip> order, int from, int to) {
        List<Ip> out = new ArrayList<>(order);
        Ip moved = out.remove(from);
        out.add(Math.max(0, Math.min(out.size(), to)), moved);
        return out;
    }

    static String policyOf(DnsOrder o) {
        return switch (o) {
            case DnsOrder.Fixed f -> "fixed";
            case DnsOrder.PerQuery p -> "per-query";
            case DnsOrder.RoundRobin r -> "round-robin";
            case DnsOrder.Shuffle s -> "shuffle";
            case DnsOrder.Schedule s -> "schedule";
        };
    }
}
