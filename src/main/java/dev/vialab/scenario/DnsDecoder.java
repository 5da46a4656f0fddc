package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.setup.DnsOrder;
import dev.vialab.emulator.setup.DnsSetup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code dns:} the server's two addresses, its A record sets with their answer-order policies, SRV records. */
final class DnsDecoder {
    static final List<String> KEYS = List.of("address", "public_address", "delay", "names", "srv");
    static final List<String> NAME_KEYS = List.of("name", "addresses", "ttl", "order");
    static final List<String> SRV_KEYS = List.of("service", "priority", "weight", "port", "target", "ttl");
    static final int MAX_NAMES = 100;
    static final int MAX_ADDRESSES = 50;
    static final int MAX_SRV = 100;

    private DnsDecoder() {}

    static DnsSetup decode(Fields top, Node root, RegistrarsDecoder.Result regs, Topology topo) {
        Problems pr = top.problems;
        Fields d = top.section("dns", KEYS);
        Ip address = d.ip("address", Defaults.DNS_ADDRESS);
        Ip publicAddress = d.ip("public_address", Defaults.DNS_PUBLIC);
        // the phone may ask a LAN address (the home router) or the public one across the NAT
        topo.address("the DNS server", address, Topology.Side.EITHER, d.pos("address"), d.path("address"));
        if (!publicAddress.equals(address)) {
            topo.address("the DNS server", publicAddress, Topology.Side.INTERNET, d.pos("public_address"),
                    d.path("public_address"));
        }
        long delay = d.duration("delay", Defaults.DNS_DELAY);

        List<DnsSetup.Name> names = new ArrayList<>();
        Map<String, String> namePaths = new HashMap<>();
        Node namesNode = d.has("names") ? d.node("names") : DefaultNodes.dnsNames(root, d.pos("names"));
        Node.Seq seq = Values.seq(pr, namesNode, d.path("names"));
        if (seq != null) {
            Values.atMost(pr, seq, d.path("names"), MAX_NAMES, "DNS names");
            for (int i = 0; i < seq.items().size(); i++) {
                DnsSetup.Name n = name(pr, seq.items().get(i), Values.index(d.path("names"), i), regs, namePaths);
                if (n != null) {
                    names.add(n);
                }
            }
        }
        return new DnsSetup(address, publicAddress, delay, names, srv(d, namePaths));
    }

    private static DnsSetup.Name name(Problems pr, Node item, String path, RegistrarsDecoder.Result regs,
            Map<String, String> namePaths) {
        Fields f = Fields.of(pr, item, path, item.pos(), NAME_KEYS);
        Node nameNode = f.required("name");
        String name = nameNode == null ? null : Values.hostname(pr, nameNode, f.path("name"));
        if (name != null) {
            String first = namePaths.putIfAbsent(name.toLowerCase(Locale.ROOT), path);
            if (first != null) {
                pr.add(nameNode.pos(), f.path("name"), "name '" + name + "' is already listed at " + first);
            }
        }
        Node addressesNode = f.required("addresses");
        Addresses zone = addressesNode == null ? null : addresses(pr, addressesNode, f.path("addresses"), regs, true);
        int ttl = f.integer("ttl", Defaults.TTL, 0, Integer.MAX_VALUE);
        DnsOrder order = DnsOrderDecoder.decode(f.section("order", DnsOrderDecoder.KEYS), zone, regs);
        if (name == null || zone == null || !zone.complete() || order == null) {
            return null;
        }
        return new DnsSetup.Name(name, zone.ips(), ttl, order);
    }

    /**
     * A list of registrar names or addresses, resolved.
     *
     * @param written the entries as written, for messages about orders
     * @param complete every entry resolved (an unresolved one was reported, or belongs to a broken registrar)
     */
    record Addresses(List<Ip> ips, List<String> written, boolean complete) {}

    static Addresses addresses(Problems pr, Node node, String path, RegistrarsDecoder.Result regs, boolean zone) {
        Node.Seq seq = Values.seq(pr, node, path);
        if (seq == null) {
            return null;
        }
        if (zone) {
            if (!Values.atMost(pr, seq, path, MAX_ADDRESSES, "addresses")) {
                return null;
            }
            if (seq.items().isEmpty()) {
                pr.add(seq.pos(), path, "needs at least one address");
            }
        }
        List<Ip> ips = new ArrayList<>();
        List<String> written = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            String p = Values.index(path, i);
            Ip ip = resolve(pr, item, p, regs);
            written.add(item instanceof Node.Scalar s ? s.text() : Node.describe(item));
            if (ip == null) {
                complete = false;
            } else if (zone && ips.contains(ip)) {
                pr.add(item.pos(), p, written.getLast() + " is listed twice");
                complete = false;
            } else {
                ips.add(ip);
            }
        }
        return new Addresses(ips, written, complete);
    }

    /** An IPv4 address, or a registrar's name standing for its address. */
    static Ip resolve(Problems pr, Node node, String path, RegistrarsDecoder.Result regs) {
        String s = Values.string(pr, node, path);
        if (s == null) {
            return null;
        }
        if (Ip.isValid(s)) {
            return Ip.parse(s);
        }
        Ip ip = regs.addresses().get(s);
        if (ip == null && !regs.written().contains(s)) {
            pr.add(node.pos(), path, "'" + s + "' is neither an IPv4 address nor a registrar ("
                    + (regs.written().isEmpty() ? "there are none" : String.join(", ", regs.addresses().keySet()))
                    + ")");
        }
        return ip;
    }

    private static List<DnsSetup.Srv> srv(Fields d, Map<String, String> namePaths) {
        Problems pr = d.problems;
        List<DnsSetup.Srv> out = new ArrayList<>();
        if (!d.has("srv")) {
            return out;
        }
        Node.Seq seq = Values.seq(pr, d.node("srv"), d.path("srv"));
        if (seq == null) {
            return out;
        }
        if (!Values.atMost(pr, seq, d.path("srv"), MAX_SRV, "SRV records")) {
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            Fields f = Fields.of(pr, item, Values.index(d.path("srv"), i), item.pos(), SRV_KEYS);
            Node serviceNode = f.required("service");
            String service = serviceNode == null ? null : Values.hostname(pr, serviceNode, f.path("service"));
            Node targetNode = f.required("target");
            String target = targetNode == null ? null : Values.hostname(pr, targetNode, f.path("target"));
            if (target != null && !namePaths.containsKey(target.toLowerCase(Locale.ROOT))) {
                pr.add(targetNode.pos(), f.path("target"), "'" + target + "' has no entry in dns.names (an SRV "
                        + "target needs its own A records)");
                target = null;
            }
            DnsSetup.Srv srv = new DnsSetup.Srv(service, f.integer("priority", 10, 0, 65535),
                    f.integer("weight", 10, 0, 65535), f.port("port", Defaults.SIP_PORT), target,
                    f.integer("ttl", Defaults.TTL, 0, Integer.MAX_VALUE));
            if (service != null && target != null) {
                out.add(srv);
            }
        }
        return out;
    }
}
