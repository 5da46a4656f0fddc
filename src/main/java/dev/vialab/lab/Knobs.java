package dev.vialab.lab;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.Action;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.DnsOrder;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Knob values as overrides: each knob has a stable path in the scenario format (lessons/README.md) and its value
 * is written as YAML flow text, so an edit in the bench, a URL and a share link all carry the same thing.
 * "From here" edits add a time-stamped entry (a DNS schedule entry, a registrar state, an event or a call) at
 * the current step's time, so the run before that time is unchanged.
 */
public final class Knobs {
    private Knobs() {}

    /** Registrar names by address, so orders are written as {@code [ip3, ip1, ip2]}. */
    public static TreeMap<Ip, String> names(Setup s) {
        TreeMap<Ip, String> out = new TreeMap<>();
        for (RegistrarSetup r : s.registrars()) {
            out.put(r.address(), r.name());
        }
        return out;
    }

    public static String order(List<Ip> ips, TreeMap<Ip, String> names) {
        List<String> out = new ArrayList<>();
        for (Ip ip : ips) {
            out.add(names.getOrDefault(ip, ip.toString()));
        }
        return "[" + String.join(", ", out) + "]";
    }

    public static String dnsOrder(DnsOrder order, TreeMap<Ip, String> names) {
        return switch (order) {
            case DnsOrder.Fixed f -> "{policy: fixed}";
            case DnsOrder.RoundRobin r -> "{policy: round-robin}";
            case DnsOrder.Shuffle s -> "{policy: shuffle}";
            case DnsOrder.PerQuery pq -> {
                List<String> orders = new ArrayList<>();
                for (List<Ip> o : pq.orders()) {
                    orders.add(order(o, names));
                }
                yield "{policy: per-query, orders: [" + String.join(", ", orders) + "], then: "
                        + (pq.repeat() ? "repeat" : "hold") + "}";
            }
            case DnsOrder.Schedule sc -> {
                List<String> entries = new ArrayList<>();
                for (DnsOrder.Schedule.Entry e : sc.entries()) {
                    entries.add("{from: " + duration(e.from()) + ", order: " + order(e.order(), names) + "}");
                }
                yield "{policy: schedule, schedule: [" + String.join(", ", entries) + "]}";
            }
        };
    }

    /**
     * The order policy after "use {@code order} from {@code time} on": a schedule whose earlier entries keep
     * what the current policy answered (a fixed, round-robin or shuffled policy becomes its zone order until then).
     */
    public static DnsOrder fromHere(DnsOrder current, List<Ip> zone, long time, List<Ip> order) {
        List<DnsOrder.Schedule.Entry> entries = new ArrayList<>();
        if (current instanceof DnsOrder.Schedule sc) {
            for (DnsOrder.Schedule.Entry e : sc.entries()) {
                if (e.from() < time) {
                    entries.add(e);
                }
            }
        } else {
            entries.add(new DnsOrder.Schedule.Entry(0, zone));
        }
        if (entries.isEmpty()) {
            entries.add(new DnsOrder.Schedule.Entry(0, zone));
        }
        entries.add(new DnsOrder.Schedule.Entry(time, order));
        return new DnsOrder.Schedule(entries);
    }

    public static String states(List<RegistrarSetup.StateChange> states) {
        List<String> out = new ArrayList<>();
        for (RegistrarSetup.StateChange s : states) {
            String mode = s.mode().name().toLowerCase(java.util.Locale.ROOT);
            out.add("{at: " + duration(s.at()) + ", state: " + mode
                    + (s.retryAfter() >= 0 ? ", retry_after: " + s.retryAfter() : "") + "}");
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** The states after "{@code mode} from {@code time} on". */
    public static List<RegistrarSetup.StateChange> stateFromHere(List<RegistrarSetup.StateChange> states, long time,
            RegistrarSetup.Mode mode) {
        List<RegistrarSetup.StateChange> out = new ArrayList<>();
        for (RegistrarSetup.StateChange s : states) {
            if (s.at() < time) {
                out.add(s);
            }
        }
        out.add(new RegistrarSetup.StateChange(time, mode, -1));
        return out;
    }

    /** The {@code events} override that adds a phone action ({@code quit}, {@code start}, {@code reregister}) at {@code at}. */
    public static String withAction(Setup s, String kind, long at) {
        List<Action> list = new ArrayList<>(s.actions());
        String phone = s.phones().getFirst().name();
        list.add(switch (kind) {
            case "quit" -> new Action.Quit(at, phone);
            case "start" -> new Action.Start(at, phone);
            case "reregister" -> new Action.Reregister(at, phone);
            default -> throw new IllegalArgumentException("no phone action " + kind);
        });
        list.sort((a, b) -> Long.compare(a.at(), b.at()));
        return events(list, names(s));
    }

    /**
     * The {@code calls} override that adds a call from the first caller to the phone at {@code at}, through the
     * server named {@code via} or {@code dns} (the caller resolves the domain); empty when there is no caller.
     */
    public static java.util.Optional<String> withCall(Setup s, String via, long at) {
        if (s.callers().isEmpty()) {
            return java.util.Optional.empty();
        }
        List<CallSetup> calls = new ArrayList<>(s.calls());
        calls.add(new CallSetup("call" + (calls.size() + 1), at, s.callers().getFirst().name(),
                s.phones().getFirst().user(), via.equals("dns") ? null : via, 5 * Time.S));
        return java.util.Optional.of(calls(calls));
    }

    public static String events(List<Action> actions, TreeMap<Ip, String> names) {
        List<String> out = new ArrayList<>();
        for (Action a : actions) {
            String at = "{at: " + duration(a.at()) + ", action: ";
            out.add(switch (a) {
                case Action.Quit q -> at + "quit}";
                case Action.Start s -> at + "start}";
                case Action.Reregister r -> at + "reregister}";
                case Action.SwitchProxy sp -> at + "switch-proxy, proxy: " + names.getOrDefault(sp.proxy(),
                        sp.proxy().toString()) + "}";
            });
        }
        return "[" + String.join(", ", out) + "]";
    }

    public static String calls(List<CallSetup> calls) {
        List<String> out = new ArrayList<>();
        for (CallSetup c : calls) {
            out.add("{name: " + c.name() + ", at: " + duration(c.at()) + ", caller: " + c.caller() + ", to: \""
                    + c.user() + "\", via: " + (c.server() == null ? "dns" : c.server()) + ", hangup_after: "
                    + duration(c.hangupAfter()) + "}");
        }
        return "[" + String.join(", ", out) + "]";
    }

    /** A duration in the scenario syntax: {@code 295s}, {@code 295.027s}, {@code 500ms}. */
    public static String duration(long micros) {
        if (micros % Time.S == 0) {
            return micros / Time.S + "s";
        }
        if (micros % Time.MS == 0 && micros < Time.S) {
            return micros / Time.MS + "ms";
        }
        return Time.format(micros) + "s";
    }
}
