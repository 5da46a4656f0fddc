package dev.vialab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Defaults of lists and maps, as nodes. The decoder reads them exactly as if they had been written in the file,
 * and an override that indexes into an absent list ({@code registrars.servers[1].states} on an empty file) first
 * writes the default in, so both see the same thing. Every node carries an implicit position at {@code pos}.
 */
final class DefaultNodes {
    private DefaultNodes() {}

    /** The default for the absent key at {@code path} (keys and indexes), or null when it has none. */
    static Node forPath(Node root, List<Object> path, Node.Pos pos) {
        Node.Pos p = pos.asImplicit();
        String shape = shape(path);
        return switch (shape) {
            case "registrars.servers" -> servers(p);
            case "registrars.servers[].states" -> states(p);
            case "callers" -> callers(p);
            case "dns.names" -> dnsNames(root, p);
            case "marks" -> marks(p);
            case "nat.ports.list" -> ports(p);
            case "tags", "calls", "events", "dns.srv" -> new Node.Seq(p, List.of());
            default -> null;
        };
    }

    /** {@code registrars.servers[2].states} → {@code registrars.servers[].states}. */
    private static String shape(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer) {
                b.append("[]");
            } else {
                b.append(b.isEmpty() ? "" : ".").append(step);
            }
        }
        return b.toString();
    }

    static Node.Seq servers(Node.Pos p) {
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < Defaults.REGISTRAR_NAMES.size(); i++) {
            items.add(Node.map(p, "name", Defaults.REGISTRAR_NAMES.get(i), "address",
                    Defaults.REGISTRAR_ADDRESSES.get(i)));
        }
        return new Node.Seq(p, items);
    }

    static Node.Seq states(Node.Pos p) {
        return Node.seq(p, Node.map(p, "at", "0s", "state", "up"));
    }

    static Node.Seq callers(Node.Pos p) {
        return Node.seq(p, Node.map(p, "name", Defaults.CALLER_NAME, "address", Defaults.CALLER_ADDRESS, "user",
                Defaults.CALLER_USER, "delay", Values.show(Defaults.CALLER_DELAY)));
    }

    static Node.Map marks(Node.Pos p) {
        return Node.map(p, "t1", "0s", "t2", Defaults.ORDER_SWITCH);
    }

    static Node.Seq ports(Node.Pos p) {
        return new Node.Seq(p, Defaults.SCRIPTED_PORTS.stream().<Node>map(s -> Node.scalar(p, s)).toList());
    }

    /**
     * One name, the domain, answering with every registrar in listed order and a fixed policy; but when the
     * registrars are the default three (same names and addresses, in order), the seed case's schedule: [ip1, ip2,
     * ip3] from 0s and [ip3, ip1, ip2] from 295s. No registrars: no names.
     */
    static Node.Seq dnsNames(Node root, Node.Pos p) {
        Node domain = get(root, "domain");
        Node name = domain instanceof Node.Scalar s ? s : Node.scalar(p, Defaults.DOMAIN);
        Node servers = get(get(root, "registrars"), "servers");
        List<Node> refs = new ArrayList<>();
        if (servers == null) {
            Defaults.REGISTRAR_NAMES.forEach(n -> refs.add(Node.scalar(p, n)));
        } else if (servers instanceof Node.Seq seq) {
            for (Node item : seq.items()) {
                // name the registrar when it has one, else its address; the servers' own problems are reported there
                Node ref = get(item, "name") instanceof Node.Scalar s ? s : get(item, "address");
                // a name written twice is reported at the registrars; listing it twice here would repeat that
                // and past the limit of addresses per name, the registrars' own limit is the problem to report
                if (ref instanceof Node.Scalar sc && refs.size() < DnsDecoder.MAX_ADDRESSES
                        && refs.stream().noneMatch(r -> ((Node.Scalar) r).text().equals(sc.text()))) {
                    refs.add(ref);
                }
            }
        }
        if (refs.isEmpty()) {
            return new Node.Seq(p, List.of());
        }
        Node order = servers == null || isDefaultThree(servers)
                ? Node.map(p, "policy", "schedule", "schedule", Node.seq(p,
                        Node.map(p, "from", "0s", "order", Node.seq(p, ref(p, 0), ref(p, 1), ref(p, 2))),
                        Node.map(p, "from", Defaults.ORDER_SWITCH, "order", Node.seq(p, ref(p, 2), ref(p, 0), ref(p, 1)))))
                : Node.map(p, "policy", "fixed");
        return Node.seq(p, Node.map(p, "name", name, "addresses", new Node.Seq(p, refs), "ttl",
                String.valueOf(Defaults.TTL), "order", order));
    }

    private static Node ref(Node.Pos p, int i) {
        return Node.scalar(p, Defaults.REGISTRAR_NAMES.get(i));
    }

    private static boolean isDefaultThree(Node servers) {
        if (!(servers instanceof Node.Seq seq) || seq.items().size() != Defaults.REGISTRAR_NAMES.size()) {
            return false;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            if (!(get(item, "name") instanceof Node.Scalar n && n.text().equals(Defaults.REGISTRAR_NAMES.get(i))
                    && get(item, "address") instanceof Node.Scalar a
                    && a.text().equals(Defaults.REGISTRAR_ADDRESSES.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static Node get(Node n, String key) {
        return n instanceof Node.Map m ? m.get(key) : null;
    }
}
