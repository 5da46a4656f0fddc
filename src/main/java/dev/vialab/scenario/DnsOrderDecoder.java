package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.setup.DnsOrder;
import java.util.ArrayList;
import java.util.List;

/** {@code dns.names[i].order}: the policy and, for per-query and schedule, its orders. */
final class DnsOrderDecoder {
    static final List<String> KEYS = List.of("policy", "orders", "then", "schedule");
    static final List<String> ENTRY_KEYS = List.of("from", "order");
    static final int MAX_ORDERS = 100;

    private DnsOrderDecoder() {}

    /** Null when something is wrong (already reported). */
    static DnsOrder decode(Fields o, DnsDecoder.Addresses zone, RegistrarsDecoder.Result regs) {
        String policy = o.word("policy", "fixed", Words.POLICIES);
        // keys of another policy are a mistake the learner should see, not silently ignored settings
        notFor(o, policy, "orders", "per-query");
        notFor(o, policy, "then", "per-query");
        notFor(o, policy, "schedule", "schedule");
        return switch (policy) {
            case "per-query" -> perQuery(o, zone, regs);
            case "round-robin" -> new DnsOrder.RoundRobin();
            case "shuffle" -> new DnsOrder.Shuffle();
            case "schedule" -> schedule(o, zone, regs);
            default -> new DnsOrder.Fixed();
        };
    }

    private static void notFor(Fields o, String policy, String key, String owner) {
        if (o.has(key) && !policy.equals(owner) && o.has("policy")) {
            o.problems.add(o.keyPos(key), o.path(key), "is only used with policy " + owner);
        } else if (o.has(key) && !policy.equals(owner)) {
            o.problems.add(o.keyPos(key), o.path(key), "is only used with policy " + owner
                    + " (the policy is fixed unless given)");
        }
    }

    private static DnsOrder perQuery(Fields o, DnsDecoder.Addresses zone, RegistrarsDecoder.Result regs) {
        boolean repeat = o.word("then", false, Words.THEN);
        Node.Seq seq = list(o, "orders");
        if (seq == null) {
            return null;
        }
        List<List<Ip>> orders = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < seq.items().size(); i++) {
            List<Ip> order = permutation(o.problems, seq.items().get(i), Values.index(o.path("orders"), i), zone, regs);
            ok &= order != null;
            orders.add(order);
        }
        return ok ? new DnsOrder.PerQuery(orders, repeat) : null;
    }

    private static DnsOrder schedule(Fields o, DnsDecoder.Addresses zone, RegistrarsDecoder.Result regs) {
        Node.Seq seq = list(o, "schedule");
        if (seq == null) {
            return null;
        }
        List<DnsOrder.Schedule.Entry> entries = new ArrayList<>();
        boolean ok = true;
        long previous = -1;
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            Fields e = Fields.of(o.problems, item, Values.index(o.path("schedule"), i), item.pos(), ENTRY_KEYS);
            Node fromNode = e.required("from");
            Long from = fromNode == null ? null : Values.duration(o.problems, fromNode, e.path("from"));
            if (from != null && i == 0 && from != 0) {
                o.problems.add(fromNode.pos(), e.path("from"), "the first entry is from 0s, found " + Values.show(from));
            } else if (from != null && previous >= 0 && from <= previous) {
                o.problems.add(fromNode.pos(), e.path("from"),
                        "must be later than the entry before it (" + Values.show(previous) + ")");
            }
            Node orderNode = e.required("order");
            List<Ip> order = orderNode == null ? null
                    : permutation(o.problems, orderNode, e.path("order"), zone, regs);
            if (from == null || order == null) {
                ok = false;
                continue;
            }
            previous = from;
            entries.add(new DnsOrder.Schedule.Entry(from, order));
        }
        return ok ? new DnsOrder.Schedule(entries) : null;
    }

    private static Node.Seq list(Fields o, String key) {
        Node node = o.required(key);
        Node.Seq seq = node == null ? null : Values.seq(o.problems, node, o.path(key));
        if (seq == null) {
            return null;
        }
        if (seq.items().isEmpty()) {
            o.problems.add(seq.pos(), o.path(key), "needs at least one order");
            return null;
        }
        return Values.atMost(o.problems, seq, o.path(key), MAX_ORDERS, "orders per policy") ? seq : null;
    }

    /** Every order must hold exactly the name's addresses: the server only reorders, it never adds or drops. */
    private static List<Ip> permutation(Problems pr, Node node, String path, DnsDecoder.Addresses zone,
            RegistrarsDecoder.Result regs) {
        DnsDecoder.Addresses order = DnsDecoder.addresses(pr, node, path, regs, false);
        if (order == null || !order.complete() || zone == null || !zone.complete()) {
            return null;
        }
        List<Ip> a = new ArrayList<>(order.ips());
        List<Ip> b = new ArrayList<>(zone.ips());
        a.sort(null);
        b.sort(null);
        if (!a.equals(b)) {
            pr.add(node.pos(), path, "must be a permutation of the name's addresses [" + String.join(", ", zone.written())
                    + "], found [" + String.join(", ", order.written()) + "]");
            return null;
        }
        return order.ips();
    }
}
