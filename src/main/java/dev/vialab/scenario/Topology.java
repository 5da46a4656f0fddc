package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Who claims which address and name, checked once everything is decoded: no two nodes share an address or a
 * name, the LAN side sits inside the NAT's subnet and the internet side outside it. A clash is reported at the
 * later of the two places in the file; a default (implicit) value is never "later" than a written one.
 */
final class Topology {
    /** Where an address must be relative to the NAT's subnet. */
    enum Side { LAN, INTERNET, EITHER }

    private record Claim(String owner, Ip ip, Side side, Node.Pos pos, String path) {}

    private record NameClaim(String owner, String name, Node.Pos pos, String path) {}

    private final Problems problems;
    private final List<Claim> addresses = new ArrayList<>();
    private final List<NameClaim> names = new ArrayList<>();
    private Ip subnet;
    private int prefix;
    private Node.Pos subnetPos;

    Topology(Problems problems) {
        this.problems = problems;
        // lanes and trace steps use these names for the DNS server and the NAT
        names.add(new NameClaim("the DNS server", "dns", null, ""));
        names.add(new NameClaim("the NAT", Defaults.NAT_NAME, null, ""));
    }

    void subnet(Ip net, int prefix, Node.Pos pos) {
        this.subnet = net;
        this.prefix = prefix;
        this.subnetPos = pos;
    }

    /** @param owner how a message names the node, e.g. {@code registrar ip1} */
    void address(String owner, Ip ip, Side side, Node.Pos pos, String path) {
        if (ip != null) {
            addresses.add(new Claim(owner, ip, side, pos, path));
        }
    }

    void name(String owner, String name, Node.Pos pos, String path) {
        if (name != null) {
            names.add(new NameClaim(owner, name, pos, path));
        }
    }

    void check() {
        HashMap<String, NameClaim> byName = new HashMap<>();
        for (NameClaim c : inFileOrder(names, NameClaim::pos)) {
            NameClaim first = byName.putIfAbsent(c.name(), c);
            if (first != null && c.pos() != null) {
                problems.add(c.pos(), c.path(), "name '" + c.name() + "' is already taken by " + first.owner());
            }
        }
        HashMap<Ip, Claim> byIp = new HashMap<>();
        for (Claim c : inFileOrder(addresses, Claim::pos)) {
            Claim first = byIp.putIfAbsent(c.ip(), c);
            if (first != null) {
                problems.add(c.pos(), c.path(), c.ip() + dflt(c) + " is already the address of " + first.owner());
            }
            side(c);
        }
    }

    private void side(Claim c) {
        if (subnet == null) {
            return;
        }
        String net = subnet + "/" + prefix;
        boolean inside = subnet.sameSubnet(c.ip(), prefix);
        // a default that a written subnet excludes: point at the subnet, which is what the learner changed
        Node.Pos at = c.pos().implicit() && !subnetPos.implicit() ? subnetPos : c.pos();
        if (c.side() == Side.LAN && !inside) {
            problems.add(at, c.path(), c.ip() + dflt(c) + " is outside the NAT's subnet " + net);
        } else if (c.side() == Side.INTERNET && inside) {
            problems.add(at, c.path(), c.ip() + dflt(c) + " is inside the NAT's subnet " + net
                    + "; it must be on the internet");
        } else if (c.side() != Side.INTERNET && inside && prefix < 31) {
            int host = c.ip().bits() & ~(-1 << (32 - prefix));
            if (host == 0 || host == ~(-1 << (32 - prefix))) {
                problems.add(at, c.path(), c.ip() + dflt(c) + " is the " + (host == 0 ? "network" : "broadcast")
                        + " address of " + net);
            }
        }
    }

    private static String dflt(Claim c) {
        return c.pos().implicit() ? " (default)" : "";
    }

    /** Built-ins and defaults first, then written values by position: the later one is the one to fix. */
    private static <T> List<T> inFileOrder(List<T> claims, java.util.function.Function<T, Node.Pos> pos) {
        List<T> out = new ArrayList<>(claims);
        // one lambda, not Comparator.comparingInt(…).thenComparingInt(…): the JDK's own lambdas inside those are
        // linked at run time (a cold CLI run paid ~4 ms for them), while ours come linked from the AOT cache
        out.sort((a, b) -> comparePlaces(pos.apply(a), pos.apply(b)));
        return out;
    }

    private static int comparePlaces(Node.Pos a, Node.Pos b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int c = Boolean.compare(!a.implicit(), !b.implicit());
        if (c == 0) {
            c = Boolean.compare(Problems.OVERRIDE.equals(a.file()), Problems.OVERRIDE.equals(b.file()));
        }
        if (c == 0) {
            c = Integer.compare(a.line(), b.line());
        }
        return c != 0 ? c : Integer.compare(a.column(), b.column());
    }
}
