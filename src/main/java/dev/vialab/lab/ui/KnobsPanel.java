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
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.lab.Knobs;
import dev.vialab.scenario.Problem;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The knobs of the current run. Each edit becomes an override ({@code path=value}) and the run is emulated
 * again at once; a value the scenario rules reject shows its message next to the knob (and nothing else
 * changes). "From here" edits start at the current step's time and leave the past as it was.
 */
class KnobsPanel extends Composite<VerticalLayout> {
    private final BiConsumer<String, String> set;
    private final Runnable reset;
    private final KnobFields fields = new KnobFields();
    private final Div problems = new Div();
    private long currentTime;
    /** The current run's setup; the knobs' listeners read it when they are used. */
    private Setup setup;
    /** What the built knobs depend on besides values: which registrars, DNS names and addresses there are. */
    private String shape;
    private DnsOrderEditor dns;
    private final KnobGroups groups = new KnobGroups();

    KnobsPanel(BiConsumer<String, String> set, Runnable reset) {
        this.set = set;
        this.reset = reset;
        getContent().addClassName("vl-knobs");
        getContent().setPadding(false);
        problems.addClassName("vl-problems");
    }

    /**
     * Shows the knobs of a run's setup. A re-run of the same scenario only sets the values that changed (building
     * the knobs again was most of a knob edit's server time); stepping does not touch them at all, it only moves
     * {@link #at(long)}, which "fork from here" reads when it is used.
     */
    void show(Setup s) {
        setup = s;
        String next = s.registrars().stream().map(r -> r.name() + "@" + r.address()).toList() + " "
                + s.dns().names().stream().map(n -> n.name()).toList();
        if (next.equals(shape)) {
            refresh();
            return;
        }
        shape = next;
        VerticalLayout c = getContent();
        c.removeAll();
        fields.clear();
        dns = null;
        problems.removeAll();
        c.add(new H3(getTranslation("knobs.title")), problems);
        c.add(section("state.phone", this::phoneKnobs));
        c.add(section("knobs.group.phone", this::phoneDetails));
        c.add(section("knobs.group.fromhere", this::actions));
        c.add(section("state.nat", this::natKnobs));
        c.add(section("state.bindings", this::registrars));
        if (!s.dns().names().isEmpty()) {
            c.add(section("knobs.dns", this::dnsOrder));
        }
        Button resetButton = new Button(getTranslation("knobs.reset"), e -> reset.run());
        resetButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Paragraph help = new Paragraph(getTranslation("knobs.fork.help"));
        help.addClassName("vl-help");
        c.add(help, resetButton);
    }

    /** Sets the built knobs to the current setup's values and clears the last refused edit's messages. */
    private void refresh() {
        problems.removeAll();
        fields.refresh(setup);
        if (dns != null) {
            dns.show(setup.dns().names().getFirst(), Knobs.names(setup), currentTime);
        }
    }

    /** The knobs the lessons turn most, open from the start (the rest is made when its group is opened). */
    private Component phoneKnobs() {
        Checkbox rewrite = new Checkbox(getTranslation("knobs.rewrite"));
        rewrite.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                set.accept("phone.rewrite", e.getValue() ? "on" : "off");
            }
        });
        field("phone.rewrite", rewrite, x -> phone(x).allowContactRewrite() != 0);
        // MicroSIP's three items (R25); for pjsua "udp+tcp" is "udp", as neither binds transport_id
        Select<String> transport = select("phone.transport", "knobs.transport", List.of("udp", "udp+tcp", "tcp"),
                x -> phone(x).transportItem());
        return new VerticalLayout(rewrite, transport);
    }

    /** Which softphone and pjsip, the rewrite method, the resolver, affinity: the finer points (R17, R28–R31). */
    private Component phoneDetails() {
        Select<String> profile = select("phone.profile", "knobs.profile",
                java.util.Arrays.stream(Profile.values()).map(Profile::id).toList(), x -> phone(x).profile().id());
        Select<String> pjsip = select("phone.pjsip", "knobs.pjsip", List.of("2.13", "2.14", "2.17", "master"),
                x -> phone(x).version().id());
        pjsip.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                set.accept("phone.pjsip", "\"" + e.getValue() + "\"");
            }
        });
        Select<String> method = select("phone.contact_rewrite_method", "knobs.method", List.of("1", "2", "5", "6"),
                x -> Integer.toString(phone(x).contactRewriteMethod()));
        Select<String> resolver = select("phone.resolver", "knobs.resolver", List.of("os", "pjsip"),
                x -> phone(x).resolver() == PhoneSetup.Resolver.OS ? "os" : "pjsip");
        Checkbox affinity = new Checkbox(getTranslation("knobs.affinity"));
        affinity.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                set.accept("phone.server_affinity", e.getValue() ? "true" : "false");
            }
        });
        field("phone.server_affinity", affinity, x -> phone(x).serverAffinity());
        return new VerticalLayout(profile, pjsip, method, resolver, affinity);
    }

    private static PhoneSetup phone(Setup s) {
        return s.phones().getFirst();
    }

    private static NatSetup nat(Setup s) {
        return s.nats().getFirst();
    }

    private Component natKnobs() {
        List<String> behaviours = List.of("endpoint-independent", "address-dependent", "address-and-port-dependent");
        IntegerField timeout = new IntegerField(getTranslation("knobs.nat.timeout"));
        timeout.setStepButtonsVisible(true);
        timeout.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                set.accept("nat.udp_timeout", e.getValue() == null ? "" : e.getValue() + "s");
            }
        });
        field("nat.udp_timeout", timeout, x -> (int) (nat(x).udpTimeout() / Time.S));
        return new VerticalLayout(select("nat.mapping", "knobs.nat.mapping", behaviours, x -> nat(x).mapping().id()),
                select("nat.filtering", "knobs.nat.filtering", behaviours, x -> nat(x).filtering().id()),
                select("nat.ports.allocation", "knobs.nat.ports", List.of("preserve", "sequential", "random", "scripted"),
                        x -> nat(x).ports().mode().name().toLowerCase(Locale.ROOT)), timeout);

    }

    private Component registrars() {
        VerticalLayout regs = new VerticalLayout();
        regs.setPadding(false);
        regs.add(select("registrars.location", "knobs.location", List.of("shared", "per-server"),
                x -> x.location() == Setup.LocationMode.SHARED ? "shared" : "per-server"));
        Select<String> auth = new Select<>();
        auth.setLabel(getTranslation("knobs.auth"));
        auth.setItems("none", "challenge");
        auth.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                for (int i = 0; i < setup.registrars().size(); i++) {
                    set.accept("registrars.servers[" + i + "].auth", e.getValue());
                }
            }
        });
        field("registrars.auth", auth, x -> x.registrars().stream()
                .anyMatch(r -> r.auth() == RegistrarSetup.Auth.CHALLENGE) ? "challenge" : "none");
        regs.add(auth);
        for (int i = 0; i < setup.registrars().size(); i++) {
            regs.add(registrar(i, setup.registrars().get(i)));
        }
        return regs;
    }

    private Component dnsOrder() {
        dns = new DnsOrderEditor(o -> set.accept("dns.names[0].order", Knobs.dnsOrder(o, Knobs.names(setup))));
        dns.show(setup.dns().names().getFirst(), Knobs.names(setup), currentTime);
        return dns;
    }

    /** The virtual time of the selected step: where "fork from here" changes start. */
    void at(long time) {
        currentTime = time;
        if (dns != null) {
            dns.at(time);
        }
    }

    private Component registrar(int i, RegistrarSetup r) {
        Select<String> state = new Select<>();
        state.setLabel(getTranslation("knobs.registrar", r.name()) + " · " + getTranslation("knobs.registrar.state"));
        state.setItems("up", "drop", "refuse", "busy");
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
                set.accept("registrars.servers[" + i + "].states", Knobs.states(Knobs.stateFromHere(
                        setup.registrars().get(i).states(), currentTime,
                        RegistrarSetup.Mode.valueOf(e.getValue().toUpperCase(Locale.ROOT)))));
            }
        });
        field("registrars.servers[" + i + "].states", state,
                x -> x.registrars().get(i).states().getFirst().mode().name().toLowerCase(Locale.ROOT));
        field("registrars.servers[" + i + "].fromhere", fromHere, x -> null);
        HorizontalLayout row = new HorizontalLayout(state, fromHere);
        row.setWrap(true);
        return row;
    }

    /** Phone actions and calls at the current time ("fork from here"). */
    private Component actions() {
        Select<String> action = new Select<>();
        action.setLabel(getTranslation("knobs.phone.action"));
        action.setItems("quit", "start", "reregister");
        action.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                set.accept("events", Knobs.withAction(setup, e.getValue(), currentTime));
            }
        });
        Select<String> call = new Select<>();
        call.setLabel(getTranslation("knobs.call.add"));
        field("phone.action", action, x -> null);
        List<String> via = new java.util.ArrayList<>(setup.registrars().stream().map(RegistrarSetup::name).toList());
        via.add("dns");
        call.setItems(via);
        call.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                Knobs.withCall(setup, e.getValue(), currentTime).ifPresent(v -> set.accept("calls", v));
            }
        });
        field("calls.add", call, x -> null);
        return new VerticalLayout(action, call);
    }

    /** Registers a knob by its override path; its DOM id ({@code knob-phone-rewrite}) is stable for tests and tools. */
    private <V> void field(String path, HasValue<?, V> c, Function<Setup, V> read) {
        fields.add(path, c, read, setup);
    }

    private Select<String> select(String path, String label, List<String> items, Function<Setup, String> read) {
        Select<String> s = new Select<>();
        s.setLabel(getTranslation(label));
        s.setItems(items);
        if (!path.equals("phone.pjsip")) {
            s.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    set.accept(path, e.getValue());
                }
            });
        }
        field(path, s, read);
        return s;
    }

    private Details section(String key, Supplier<Component> content) {
        return groups.group(key, getTranslation(key), content);
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
            fields.refuse(p.path(), p.message());
        }
    }
}
