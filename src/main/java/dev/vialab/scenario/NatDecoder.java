package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.setup.NatSetup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code nat:} the one NAT the phone sits behind (RFC 4787 behaviours, port allocation, timeouts). */
final class NatDecoder {
    static final List<String> KEYS = List.of("inside", "subnet", "public", "mapping", "filtering", "ports",
            "udp_timeout", "filter_timeout", "delay");
    static final List<String> PORT_KEYS = List.of("allocation", "list", "start");
    static final int MAX_SCRIPTED_PORTS = 1000;

    private NatDecoder() {}

    static NatSetup decode(Fields top, Topology topo) {
        Fields n = top.section("nat", KEYS);
        Ip inside = n.ip("inside", Defaults.NAT_INSIDE);
        Ip publicIp = n.ip("public", Defaults.NAT_PUBLIC);
        topo.address("the NAT's inside", inside, Topology.Side.LAN, n.pos("inside"), n.path("inside"));
        topo.address("the NAT's public side", publicIp, Topology.Side.INTERNET, n.pos("public"), n.path("public"));
        Ip subnet = Defaults.SUBNET;
        int prefix = Defaults.PREFIX;
        if (n.has("subnet")) {
            Subnet parsed = subnet(n.problems, n.node("subnet"), n.path("subnet"));
            if (parsed != null) {
                subnet = parsed.net();
                prefix = parsed.prefix();
            }
        }
        topo.subnet(subnet, prefix, n.pos("subnet"));

        Fields p = n.section("ports", PORT_KEYS);
        NatSetup.PortAllocation.Mode mode = p.word("allocation", NatSetup.PortAllocation.Mode.SCRIPTED,
                Words.ALLOCATIONS);
        List<Integer> script = scripted(p);
        int start = p.port("start", Defaults.PORT_START);

        long udpTimeout = n.duration("udp_timeout", Defaults.UDP_TIMEOUT);
        return new NatSetup(Defaults.NAT_NAME, inside, subnet, prefix, publicIp,
                n.word("mapping", NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT, Words.BEHAVIOURS),
                n.word("filtering", NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT, Words.BEHAVIOURS),
                new NatSetup.PortAllocation(mode, start, script), udpTimeout,
                n.duration("filter_timeout", udpTimeout), n.duration("delay", Defaults.NAT_DELAY));
    }

    /** {@code 192.168.1.0/24}: an address, a prefix 1–30, no host bits (a typo there hides a wrong subnet). */
    private record Subnet(Ip net, int prefix) {}

    private static Subnet subnet(Problems pr, Node node, String path) {
        String s = Values.string(pr, node, path);
        if (s == null) {
            return null;
        }
        int slash = s.indexOf('/');
        String prefixText = slash < 0 ? "" : s.substring(slash + 1);
        if (slash < 0 || !Ip.isValid(s.substring(0, slash)) || !prefixText.matches("[0-9]{1,2}")) {
            pr.add(node.pos(), path, "'" + s + "' is not a subnet like 192.168.1.0/24");
            return null;
        }
        Ip ip = Ip.parse(s.substring(0, slash));
        int prefix = Integer.parseInt(prefixText);
        if (prefix < 1 || prefix > 30) {
            pr.add(node.pos(), path, "the prefix must be between 1 and 30, found /" + prefix);
            return null;
        }
        Ip net = new Ip(ip.bits() & (-1 << (32 - prefix)));
        if (!net.equals(ip)) {
            pr.add(node.pos(), path, s + " has host bits set; the subnet is " + net + "/" + prefix);
            return null;
        }
        return new Subnet(net, prefix);
    }

    private static List<Integer> scripted(Fields p) {
        Node node = p.has("list") ? p.node("list") : DefaultNodes.ports(p.pos("list"));
        Node.Seq seq = Values.seq(p.problems, node, p.path("list"));
        List<Integer> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        if (!Values.atMost(p.problems, seq, p.path("list"), MAX_SCRIPTED_PORTS, "scripted ports")) {
            return out;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            Integer port = Values.port(p.problems, item, Values.index(p.path("list"), i));
            if (port != null && !seen.add(port)) {
                p.problems.add(item.pos(), Values.index(p.path("list"), i), "port " + port + " is listed twice");
            } else if (port != null) {
                out.add(port);
            }
        }
        return out;
    }
}
