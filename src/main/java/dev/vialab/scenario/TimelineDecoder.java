package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.setup.Action;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.CallerSetup;
import dev.vialab.emulator.setup.Setup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code callers:}, {@code calls:}, {@code events:} and {@code marks:}: who acts, and when. */
final class TimelineDecoder {
    static final List<String> CALLER_KEYS = List.of("name", "address", "user", "delay");
    static final List<String> CALL_KEYS = List.of("name", "at", "caller", "to", "via", "hangup_after");
    static final List<String> EVENT_KEYS = List.of("at", "action", "proxy");
    static final int MAX_CALLERS = 50;
    static final int MAX_CALLS = 200;
    static final int MAX_EVENTS = 200;
    static final int MAX_MARKS = 100;

    private TimelineDecoder() {}

    /** @param written every caller name the file gives, valid or not (references to them are not "unknown") */
    record Callers(List<CallerSetup> list, List<String> written) {}

    static Callers callers(Fields top, Topology topo) {
        Problems pr = top.problems;
        List<CallerSetup> out = new ArrayList<>();
        List<String> written = new ArrayList<>();
        Node node = top.has("callers") ? top.node("callers") : DefaultNodes.callers(top.pos("callers"));
        Node.Seq seq = Values.seq(pr, node, top.path("callers"));
        if (seq == null) {
            return new Callers(out, written);
        }
        Values.atMost(pr, seq, top.path("callers"), MAX_CALLERS, "callers");
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            Fields f = Fields.of(pr, item, Values.index(top.path("callers"), i), item.pos(), CALLER_KEYS);
            Node nameNode = f.required("name");
            String name = nameNode == null ? null : Values.name(pr, nameNode, f.path("name"));
            if (nameNode instanceof Node.Scalar sc) {
                written.add(sc.text());
            }
            Node addressNode = f.required("address");
            Ip address = addressNode == null ? null : Values.ip(pr, addressNode, f.path("address"));
            String owner = "caller " + (name == null ? f.path : name);
            topo.name(owner, name, f.pos("name"), f.path("name"));
            topo.address(owner, address, Topology.Side.INTERNET, f.pos("address"), f.path("address"));
            CallerSetup c = new CallerSetup(name, address, PhoneDecoder.nonEmpty(f, "user", Defaults.CALLER_USER),
                    f.duration("delay", Defaults.CALLER_DELAY));
            if (name != null && address != null) {
                out.add(c);
            }
        }
        return new Callers(out, written);
    }

    /** @param callers what {@code caller:} may name (the first is the default) */
    static List<CallSetup> calls(Fields top, Callers callers, RegistrarsDecoder.Result regs,
            String phoneUser) {
        Problems pr = top.problems;
        List<CallSetup> out = new ArrayList<>();
        Node.Seq seq = top.has("calls") ? Values.seq(pr, top.node("calls"), top.path("calls")) : null;
        if (seq == null) {
            return out;
        }
        if (!Values.atMost(pr, seq, top.path("calls"), MAX_CALLS, "calls")) {
            return out;
        }
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            Fields f = Fields.of(pr, item, Values.index(top.path("calls"), i), item.pos(), CALL_KEYS);
            String name = f.name("name", "call" + (i + 1)); // call1, call2, ...: the trace marks each call by name
            String first = names.putIfAbsent(name, f.path);
            if (first != null) {
                pr.add(f.pos("name"), f.path("name"), "name '" + name + "' is already used by " + first);
            }
            Node atNode = f.required("at");
            Long at = atNode == null ? null : Values.duration(pr, atNode, f.path("at"));
            String caller = callers.written().isEmpty() ? null : callers.written().getFirst();
            if (f.has("caller")) {
                caller = f.string("caller", null);
                if (!callers.written().contains(caller)) {
                    pr.add(f.pos("caller"), f.path("caller"), "unknown caller '" + caller + "'; callers: "
                            + (callers.written().isEmpty() ? "none" : String.join(", ", callers.written())));
                }
            } else if (caller == null) {
                pr.add(f.pos(), f.path("caller"), "there is no caller to place this call");
            }
            String via = f.string("via", Defaults.VIA_DNS);
            if (!via.equals(Defaults.VIA_DNS) && !regs.written().contains(via)) {
                pr.add(f.pos("via"), f.path("via"), "unknown registrar '" + via + "'; use one of: "
                        + String.join(", ", regs.addresses().keySet()) + (regs.addresses().isEmpty() ? "" : ", ")
                        + "or dns");
            }
            CallSetup call = new CallSetup(name, at == null ? 0 : at, caller,
                    PhoneDecoder.nonEmpty(f, "to", phoneUser), via.equals(Defaults.VIA_DNS) ? null : via,
                    f.duration("hangup_after", Defaults.HANGUP_AFTER));
            if (at != null && caller != null) {
                out.add(call);
            }
        }
        return out;
    }

    static List<Action> events(Fields top, RegistrarsDecoder.Result regs, String phone) {
        Problems pr = top.problems;
        List<Action> out = new ArrayList<>();
        Node.Seq seq = top.has("events") ? Values.seq(pr, top.node("events"), top.path("events")) : null;
        if (seq == null) {
            return out;
        }
        if (!Values.atMost(pr, seq, top.path("events"), MAX_EVENTS, "events")) {
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            Fields f = Fields.of(pr, item, Values.index(top.path("events"), i), item.pos(), EVENT_KEYS);
            Node atNode = f.required("at");
            Long at = atNode == null ? null : Values.duration(pr, atNode, f.path("at"));
            Node actionNode = f.required("action");
            String action = actionNode == null ? null : Values.word(pr, actionNode, f.path("action"), Words.ACTIONS);
            Ip proxy = null;
            if ("switch-proxy".equals(action)) {
                Node proxyNode = f.required("proxy");
                proxy = proxyNode == null ? null : DnsDecoder.resolve(pr, proxyNode, f.path("proxy"), regs);
                if (proxy == null) {
                    continue;
                }
            } else if (f.has("proxy") && action != null) {
                pr.add(f.keyPos("proxy"), f.path("proxy"), "is only used with action switch-proxy");
            }
            if (at == null || action == null) {
                continue;
            }
            out.add(switch (action) {
                case "quit" -> new Action.Quit(at, phone);
                case "start" -> new Action.Start(at, phone);
                case "reregister" -> new Action.Reregister(at, phone);
                default -> new Action.SwitchProxy(at, phone, proxy);
            });
        }
        return out;
    }

    /** Named moments, in written order; call names are marks already, so a mark may not take one. */
    static List<Setup.MarkSetup> marks(Fields top, List<CallSetup> calls) {
        Problems pr = top.problems;
        List<Setup.MarkSetup> out = new ArrayList<>();
        Node node = top.has("marks") ? top.node("marks") : DefaultNodes.marks(top.pos("marks"));
        if (!(node instanceof Node.Map map)) {
            pr.add(node.pos(), top.path("marks"), "expected a map of name: time, found " + Node.describe(node));
            return out;
        }
        if (map.entries().size() > MAX_MARKS) {
            pr.add(map.pos(), top.path("marks"), "at most " + MAX_MARKS + " marks, found " + map.entries().size());
            return out;
        }
        for (Node.Entry e : map.entries()) {
            String path = Values.child(top.path("marks"), e.key());
            Long at = Node.isNull(e.value()) ? null : Values.duration(pr, e.value(), path);
            if (Node.isNull(e.value())) {
                pr.add(e.keyPos(), path, "needs a time, e.g. 295s");
            }
            if (Values.name(pr, Node.scalar(e.keyPos(), e.key()), path) == null) {
                continue;
            }
            if (calls.stream().anyMatch(c -> c.name().equals(e.key()))) {
                pr.add(e.keyPos(), path, "'" + e.key() + "' is the name of a call, which is marked already");
            } else if (at != null) {
                out.add(new Setup.MarkSetup(e.key(), at));
            }
        }
        return out;
    }
}
