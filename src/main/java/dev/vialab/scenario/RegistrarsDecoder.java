package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.SequencedMap;

/** {@code registrars:} the location mode, the per-server defaults and the servers with their state timelines. */
final class RegistrarsDecoder {
    static final List<String> KEYS = List.of("location", "defaults", "servers");
    static final List<String> DEFAULT_KEYS = List.of("port", "delay", "auth", "realm", "min_expires", "max_expires",
            "nat_aware", "tcp");
    static final List<String> SERVER_KEYS = List.of("name", "address", "port", "delay", "auth", "realm",
            "min_expires", "max_expires", "nat_aware", "tcp", "states");
    static final List<String> STATE_KEYS = List.of("at", "state", "retry_after");
    static final int MAX_SERVERS = 50;
    static final int MAX_STATES = 100;

    /**
     * @param written every registrar name the file gives, valid or not: a reference to one of these is not
     *     "unknown" even when the registrar itself has a problem (that one is reported once, at the registrar)
     * @param addresses name to address of the registrars that decoded cleanly
     */
    record Result(List<RegistrarSetup> servers, Setup.LocationMode location, Set<String> written,
            SequencedMap<String, Ip> addresses) {}

    private RegistrarsDecoder() {}

    static Result decode(Fields top, Node root, String domain, Topology topo) {
        Problems pr = top.problems;
        Fields r = top.section("registrars", KEYS);
        Setup.LocationMode location = r.word("location", Setup.LocationMode.PER_SERVER, Words.LOCATIONS);
        Fields d = r.section("defaults", DEFAULT_KEYS);
        RegistrarSetup dflt = new RegistrarSetup("", null, d.port("port", Defaults.SIP_PORT),
                d.duration("delay", Defaults.REGISTRAR_DELAY), List.of(),
                d.word("auth", RegistrarSetup.Auth.NONE, Words.AUTH), d.string("realm", domain),
                d.integer("min_expires", Defaults.MIN_EXPIRES, 1, Integer.MAX_VALUE),
                d.integer("max_expires", Defaults.MAX_EXPIRES, 1, Integer.MAX_VALUE),
                d.bool("nat_aware", true), d.bool("tcp", true));
        expiresOrder(d, dflt.minExpires(), dflt.maxExpires());

        List<RegistrarSetup> servers = new ArrayList<>();
        Set<String> written = new HashSet<>();
        SequencedMap<String, Ip> addresses = new LinkedHashMap<>();
        Node node = r.has("servers") ? r.node("servers") : DefaultNodes.servers(r.pos("servers"));
        Node.Seq seq = Values.seq(pr, node, r.path("servers"));
        if (seq != null) {
            Values.atMost(pr, seq, r.path("servers"), MAX_SERVERS, "registrars");
            for (int i = 0; i < seq.items().size(); i++) {
                RegistrarSetup s = server(pr, seq.items().get(i), Values.index(r.path("servers"), i), dflt, written,
                        topo);
                if (s != null) {
                    servers.add(s);
                    addresses.putIfAbsent(s.name(), s.address());
                }
            }
        }
        return new Result(servers, location, written, addresses);
    }

    private static RegistrarSetup server(Problems pr, Node item, String path, RegistrarSetup dflt,
            Set<String> written, Topology topo) {
        Fields s = Fields.of(pr, item, path, item.pos(), SERVER_KEYS);
        Node nameNode = s.required("name");
        String name = nameNode == null ? null : Values.name(pr, nameNode, s.path("name"));
        if (nameNode instanceof Node.Scalar sc) {
            written.add(sc.text());
        }
        Node addressNode = s.required("address");
        Ip address = addressNode == null ? null : Values.ip(pr, addressNode, s.path("address"));
        String owner = "registrar " + (name == null ? path : name);
        topo.name(owner, name, s.pos("name"), s.path("name"));
        topo.address(owner, address, Topology.Side.INTERNET, s.pos("address"), s.path("address"));
        int min = s.integer("min_expires", dflt.minExpires(), 1, Integer.MAX_VALUE);
        int max = s.integer("max_expires", dflt.maxExpires(), 1, Integer.MAX_VALUE);
        if (s.has("min_expires") || s.has("max_expires")) {
            expiresOrder(s, min, max);
        }
        RegistrarSetup out = new RegistrarSetup(name, address, s.port("port", dflt.port()),
                s.duration("delay", dflt.delay()), states(s), s.word("auth", dflt.auth(), Words.AUTH),
                s.string("realm", dflt.realm()), min, max, s.bool("nat_aware", dflt.natAware()),
                s.bool("tcp", dflt.tcp()));
        return name == null || address == null || out.states().isEmpty() ? null : out;
    }

    private static void expiresOrder(Fields f, int min, int max) {
        if (min > max) {
            f.problems.add(f.pos("max_expires"), f.path("max_expires"),
                    "max_expires " + max + " is below min_expires " + min);
        }
    }

    /** The server's timeline: starts at 0s, strictly increasing; retry_after only where it means something. */
    private static List<RegistrarSetup.StateChange> states(Fields s) {
        Problems pr = s.problems;
        Node node = s.has("states") ? s.node("states") : DefaultNodes.states(s.pos("states"));
        Node.Seq seq = Values.seq(pr, node, s.path("states"));
        List<RegistrarSetup.StateChange> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        if (!Values.atMost(pr, seq, s.path("states"), MAX_STATES, "states")) {
            return out;
        }
        if (seq.items().isEmpty()) {
            pr.add(seq.pos(), s.path("states"), "needs at least one state, at 0s");
        }
        boolean ok = true;
        long previous = -1;
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            Fields f = Fields.of(pr, item, Values.index(s.path("states"), i), item.pos(), STATE_KEYS);
            Node atNode = f.required("at");
            Long at = atNode == null ? null : Values.duration(pr, atNode, f.path("at"));
            Node stateNode = f.required("state");
            RegistrarSetup.Mode mode = stateNode == null ? null
                    : Values.word(pr, stateNode, f.path("state"), Words.STATES);
            int retryAfter = f.integer("retry_after", -1, 0, 86400);
            if (f.has("retry_after") && mode != null && mode != RegistrarSetup.Mode.BUSY) {
                pr.add(f.pos("retry_after"), f.path("retry_after"), "is only used with state busy (a 503)");
            }
            if (at != null && i == 0 && at != 0) {
                pr.add(atNode.pos(), f.path("at"), "the first state is at 0s, found " + Values.show(at));
            } else if (at != null && previous >= 0 && at <= previous) {
                pr.add(atNode.pos(), f.path("at"), "must be later than the state before it ("
                        + Values.show(previous) + ")");
            }
            if (at == null || mode == null) {
                ok = false;
                continue;
            }
            previous = at;
            out.add(new RegistrarSetup.StateChange(at, mode, retryAfter));
        }
        return ok ? out : List.of();
    }
}
