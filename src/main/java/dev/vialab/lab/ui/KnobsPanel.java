package dev.vialab.lab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.lab.Knobs;
import dev.vialab.scenario.Problem;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The knobs of the current run. Each edit becomes an override ({@code path=value}) and the run is emulated
 * again at once; a value the scenario rules reject shows its message next to the knob (and nothing else
 * changes). "From here" edits start at the current step's time and leave the past as it was.
 */
class KnobsPanel extends Composite<VerticalLayout> {
    private final BiConsumer<String, String> set;
    private final Runnable reset;
    private final TreeMap<String, HasValue<?, ?>> fields = new TreeMap<>();
    private final Div problems = new Div();
    private long currentTime;

    KnobsPanel(BiConsumer<String, String> set, Runnable reset) {
        this.set = set;
        this.reset = reset;
        getContent().addClassName("vl-knobs");
        getContent().setPadding(false);
        problems.addClassName("vl-problems");
    }

    void show(Setup s, long now) {
        this.currentTime = now;
        VerticalLayout c = getContent();
        c.removeAll();
        fields.clear();
        problems.removeAll();
        c.add(new H3(getTranslation("knobs.title")), problems);
        PhoneSetup p = s.phones().getFirst();
        Select<String> profile = select("phone.profile", "knobs.profile",
                java.util.Arrays.stream(Profile.values()).map(Profile::id).toList(), p.profile().id());
        Select<String> pjsip = select("phone.pjsip", "knobs.pjsip", List.of("2.13", "2.14", "2.17"), p.version().id());
        pjsip.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                set.accept("phone.pjsip", "\"" + e.getValue() + "\"");
            }
        });
        Checkbox rewrite = new Checkbox(getTranslation("knobs.rewrite"), p.allowContactRewrite() != 0);
        rewrite.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                set.accept("phone.rewrite", e.getValue() ? "on" : "off");
            }
        });
        fields.put("phone.rewrite", rewrite);
        Select<String> method = select("phone.contact_rewrite_method", "knobs.method", List.of("1", "2", "5", "6"),
                Integer.toString(p.contactRewriteMethod()));
        Select<String> transport = select("phone.transport", "knobs.transport", List.of("udp", "tcp"),
                p.transport() == Transport.TCP ? "tcp" : "udp");
        Select<String> resolver = select("phone.resolver", "knobs.resolver", List.of("os", "pjsip"),
                p.resolver() == PhoneSetup.Resolver.OS ? "os" : "pjsip");
        c.add(section("state.phone", profile, pjsip, rewrite, method, transport, resolver, actions(s)));

        NatSetup n = s.nats().getFirst();
        List<String> behaviours = List.of("endpoint-independent", "address-dependent", "address-and-port-dependent");
        IntegerField timeout = new IntegerField(getTranslation("knobs.nat.timeout"));
        timeout.setValue((int) (n.udpTimeout() / Time.S));
        timeout.setStepButtonsVisible(true);
        timeout.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                set.accept("nat.udp_timeout", e.getValue() == null ? "" : e.getValue() + "s");
            }
        });
        fields.put("nat.udp_timeout", timeout);
        c.add(section("state.nat", select("nat.mapping", "knobs.nat.mapping", behaviours, n.mapping().id()),
                select("nat.filtering", "knobs.nat.filtering", behaviours, n.filtering().id()),
                select("nat.ports.allocation", "knobs.nat.ports", List.of("preserve", "sequential", "random", "scripted"),
                        n.ports().mode().name().toLowerCase(Locale.ROOT)), timeout));

        VerticalLayout regs = new VerticalLayout();
        regs.setPadding(false);
        regs.add(select("registrars.location", "knobs.location", List.of("shared", "per-server"),
                s.location() == Setup.LocationMode.SHARED ? "shared" : "per-server"));
        Select<String> auth = new Select<>();
        auth.setLabel(getTranslation("knobs.auth"));
        auth.setItems("none", "challenge");
        auth.setValue(s.registrars().stream().anyMatch(r -> r.auth() == RegistrarSetup.Auth.CHALLENGE) ? "challenge"
                : "none");
        auth.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                for (int i = 0; i < s.registrars().size(); i++) {
                    set.accept("registrars.servers[" + i + "].auth", e.getValue());
                }
            }
        });
        regs.add(auth);
        for (int i = 0; i < s.registrars().size(); i++) {
            regs.add(registrar(i, s.registrars().get(i), now));
        }
        c.add(section("state.bindings", regs));

        if (!s.dns().names().isEmpty()) {
            TreeMap<dev.vialab.emulator.packet.Ip, String> names = Knobs.names(s);
            DnsOrderEditor dns = new DnsOrderEditor(o -> set.accept("dns.names[0].order", Knobs.dnsOrder(o, names)));
            dns.show(s.dns().names().getFirst(), names, now);
            c.add(section("knobs.dns", dns));
        }
        Button resetButton = new Button(getTranslation("knobs.reset"), e -> reset.run());
        resetButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Paragraph help = new Paragraph(getTranslation("knobs.fork.help"));
        help.addClassName("vl-help");
        c.add(help, resetButton);
    }

    private Component registrar(int i, RegistrarSetup r, long now) {
        Select<String> state = new Select<>();
        state.setLabel(getTranslation("knobs.registrar", r.name()) + " · " + getTranslation("knobs.registrar.state"));
        state.setItems("up", "drop", "refuse", "busy");
        state.setValue(r.states().getFirst().mode().name().toLowerCase(Locale.ROOT));
        state.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                set.accept("registrars.servers[" + i + "].states", Knobs.states(List.of(
                        new RegistrarSetup.StateChange(0, RegistrarSetup.Mode.valueOf(
                                e.getValue().toUpperCase(Locale.ROOT)), -1))));
            }
        });
        Select<String> fromHere = new Select<>();
        fromHere.setLabel(getTranslation("knobs.registrar.fromhere"));
        fromHere.setItems("up", "drop", "refuse", "busy");
        fromHere.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                set.accept("registrars.servers[" + i + "].states", Knobs.states(Knobs.stateFromHere(r.states(), now,
                        RegistrarSetup.Mode.valueOf(e.getValue().toUpperCase(Locale.ROOT)))));
            }
        });
        fields.put("registrars.servers[" + i + "].states", state);
        HorizontalLayout row = new HorizontalLayout(state, fromHere);
        row.setWrap(true);
        return row;
    }

    /** Phone actions and calls at the current time ("fork from here"). */
    private Component actions(Setup s) {
        long at = currentTime;
        Select<String> action = new Select<>();
        action.setLabel(getTranslation("knobs.phone.action"));
        action.setItems("quit", "start", "reregister");
        action.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                var list = new java.util.ArrayList<>(s.actions());
                String phone = s.phones().getFirst().name();
                list.add(switch (e.getValue()) {
                    case "quit" -> new dev.vialab.emulator.setup.Action.Quit(at, phone);
                    case "start" -> new dev.vialab.emulator.setup.Action.Start(at, phone);
                    default -> new dev.vialab.emulator.setup.Action.Reregister(at, phone);
                });
                list.sort((a, b) -> Long.compare(a.at(), b.at()));
                set.accept("events", Knobs.events(list, Knobs.names(s)));
            }
        });
        Select<String> call = new Select<>();
        call.setLabel(getTranslation("knobs.call.add"));
        List<String> via = new java.util.ArrayList<>(s.registrars().stream().map(RegistrarSetup::name).toList());
        via.add("dns");
        call.setItems(via);
        call.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && !s.callers().isEmpty()) {
                var calls = new java.util.ArrayList<>(s.calls());
                calls.add(new dev.vialab.emulator.setup.CallSetup("call" + (calls.size() + 1), at,
                        s.callers().getFirst().name(), s.phones().getFirst().user(),
                        e.getValue().equals("dns") ? null : e.getValue(), 5 * Time.S));
                set.accept("calls", Knobs.calls(calls));
            }
        });
        HorizontalLayout row = new HorizontalLayout(action, call);
        row.setWrap(true);
        return row;
    }

    private Select<String> select(String path, String label, List<String> items, String value) {
        Select<String> s = new Select<>();
        s.setLabel(getTranslation(label));
        s.setItems(items);
        s.setValue(value);
        if (!path.equals("phone.pjsip")) {
            s.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    set.accept(path, e.getValue());
                }
            });
        }
        fields.put(path, s);
        return s;
    }

    private Details section(String label, Component... content) {
        VerticalLayout body = new VerticalLayout(content);
        body.setPadding(false);
        Details d = new Details(getTranslation(label), body);
        d.setOpened(true);
        return d;
    }

    /** Shows why an edit was refused, next to its knob when the path has one, else at the top. */
    void showProblems(List<Problem> list) {
        problems.removeAll();
        problems.add(new Paragraph(getTranslation("bench.invalid")));
        for (Problem p : list) {
            String where = p.path().isEmpty() ? "" : p.path() + ": ";
            Paragraph line = new Paragraph(where + p.message());
            line.addClassName("vl-problem");
            problems.add(line);
            HasValue<?, ?> f = fields.get(p.path());
            if (f instanceof com.vaadin.flow.component.HasValidation v) {
                v.setInvalid(true);
                v.setErrorMessage(p.message());
            }
        }
    }
}
