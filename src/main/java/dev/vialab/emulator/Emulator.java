package dev.vialab.emulator;

import dev.vialab.emulator.dns.DnsServer;
import dev.vialab.emulator.nat.NatBox;
import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.Action;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.CallerSetup;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.sip.Caller;
import dev.vialab.emulator.sip.Location;
import dev.vialab.emulator.sip.Phone;
import dev.vialab.emulator.sip.Registrar;
import dev.vialab.emulator.sip.SipCodec;
import dev.vialab.emulator.trace.Mark;
import dev.vialab.emulator.trace.NodeInfo;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs one {@link Setup} to a {@link Trace}: builds the network, schedules the scenario's events, runs the
 * event queue on the virtual clock and collects marks and call outcomes. A pure function of the setup: same
 * setup (seeds included) ⇒ same trace, step for step.
 */
public final class Emulator {
    /** One-way delay of a LAN attachment (phone, the LAN side of the NAT and of the DNS server). */
    static final long LAN_DELAY = 250;

    private Emulator() {}

    public static Trace run(Setup setup) {
        TraceRecorder recorder = new TraceRecorder();
        Scheduler scheduler = new Scheduler(recorder);
        Network net = new Network(scheduler, recorder);
        SipCodec codec = new SipCodec();
        List<NodeInfo> lanes = new ArrayList<>();
        long seed = setup.seed();

        TreeMap<String, Network.Segment> lans = new TreeMap<>();
        List<NatBox> nats = new ArrayList<>();
        for (NatSetup n : setup.nats()) {
            NatBox nat = new NatBox(n, net, seed);
            Network.Segment lan = net.lan(n.name() + "-lan", n.subnet(), n.prefix());
            Network.Attachment inside = net.attach(nat, n.inside(), lan, LAN_DELAY);
            Network.Attachment outside = net.attach(nat, n.publicIp(), net.internet(), n.delay());
            net.setGateway(inside);
            nat.attach(inside, outside);
            lans.put(n.name(), lan);
            nats.add(nat);
        }

        DnsServer dns = new DnsServer("dns", setup.dns(), zoneOf(setup.domain()), net, seed, setup.jitterSeed());
        List<Ip> dnsAddresses = new ArrayList<>();
        for (Ip ip : List.of(setup.dns().address(), setup.dns().publicAddress())) {
            if (dnsAddresses.contains(ip)) {
                continue;
            }
            Network.Segment seg = segmentFor(ip, setup, lans, net);
            dns.attach(net.attach(dns, ip, seg, seg.isInternet() ? setup.dns().delay() : LAN_DELAY));
            dnsAddresses.add(ip);
        }
        dns.listen(dnsAddresses);

        TreeMap<String, String> passwords = new TreeMap<>();
        for (PhoneSetup p : setup.phones()) {
            passwords.put(p.user(), p.password());
        }
        Location shared = new Location("shared", scheduler, recorder);
        TreeMap<String, Registrar> registrars = new TreeMap<>();
        List<NodeInfo> registrarLanes = new ArrayList<>();
        for (RegistrarSetup r : setup.registrars()) {
            Location loc = setup.location() == Setup.LocationMode.SHARED ? shared
                    : new Location(r.name(), scheduler, recorder);
            Registrar reg = new Registrar(r, setup.domain(), net, codec, loc, passwords, seed);
            reg.listen();
            registrars.put(r.name(), reg);
            registrarLanes.add(new NodeInfo(r.name(), NodeInfo.Role.REGISTRAR, List.of(r.address() + ":" + r.port())));
        }

        TreeMap<String, Phone> phones = new TreeMap<>();
        for (PhoneSetup p : setup.phones()) {
            Network.Segment lan = lans.get(p.nat());
            Phone phone = new Phone(p, setup.domain(), net, lan, LAN_DELAY, new Endpoint(setup.dns().address(), 53),
                    codec, seed, setup.jitterSeed());
            phones.put(p.name(), phone);
            lanes.add(new NodeInfo(p.name(), NodeInfo.Role.PHONE, List.of(p.address() + ":" + p.port())));
            scheduler.at(p.startAt(), phone::start);
        }
        lanes.add(new NodeInfo("dns", NodeInfo.Role.DNS, dnsAddresses.stream().map(Ip::toString).toList()));
        for (NatSetup n : setup.nats()) {
            lanes.add(new NodeInfo(n.name(), NodeInfo.Role.NAT, List.of(n.inside().toString(), n.publicIp().toString())));
        }
        lanes.addAll(registrarLanes);

        TreeMap<String, Caller> callers = new TreeMap<>();
        for (CallerSetup c : setup.callers()) {
            Caller caller = new Caller(c, setup.domain(), net, new Endpoint(setup.dns().publicAddress(), 53), codec,
                    seed);
            caller.listen();
            callers.put(c.name(), caller);
            lanes.add(new NodeInfo(c.name(), NodeInfo.Role.CALLER, List.of(c.address() + ":5060")));
        }

        for (Action a : setup.actions()) {
            Phone phone = phones.get(a.phone());
            scheduler.at(a.at(), switch (a) {
                case Action.Quit q -> phone::quit;
                case Action.Start s -> phone::start;
                case Action.Reregister rr -> phone::reregister;
                case Action.SwitchProxy sp -> () -> phone.switchProxy(sp.proxy());
            });
        }
        for (CallSetup call : setup.calls()) {
            Caller caller = callers.get(call.caller());
            Endpoint server = call.server() == null ? null
                    : new Endpoint(registrars.get(call.server()).ip(), 5060);
            scheduler.at(call.at(), () -> caller.place(call, server));
        }

        Why stop = Why.of("run.end", "", Time.format(setup.duration()));
        while (scheduler.runNext(setup.duration())) {
            if (scheduler.eventsRun() >= setup.maxEvents()) {
                stop = Why.of("run.limit.events", "", setup.maxEvents(), Time.format(scheduler.now()));
                break;
            }
        }
        long end = stop.key().equals("run.end") ? setup.duration() : scheduler.now();
        Trace partial = new Trace(lanes, recorder.steps(), List.of(), List.of(), end, stop);
        List<Mark> marks = marks(setup, partial);
        return new Trace(lanes, recorder.steps(), marks, Outcomes.analyze(partial, setup), end, stop);
    }

    private static List<Mark> marks(Setup setup, Trace t) {
        List<Mark> marks = new ArrayList<>();
        for (Setup.MarkSetup m : setup.marks()) {
            marks.add(new Mark(m.name(), m.at(), Math.min(t.firstIndexFrom(m.at()), Math.max(0, t.size() - 1))));
        }
        for (CallSetup c : setup.calls()) {
            t.query().key("call.start").where(s -> s.why().arg(0).equals(c.name())).first()
                    .ifPresent(s -> marks.add(new Mark(c.name(), s.time(), s.index())));
        }
        marks.sort((a, b) -> Long.compare(a.time(), b.time()));
        return marks;
    }

    private static Network.Segment segmentFor(Ip ip, Setup setup, TreeMap<String, Network.Segment> lans,
            Network net) {
        for (NatSetup n : setup.nats()) {
            if (n.subnet().sameSubnet(ip, n.prefix())) {
                return lans.get(n.name());
            }
        }
        return net.internet();
    }

    /** The zone of the SOA for negative answers: the domain without its first label. */
    static String zoneOf(String domain) {
        int dot = domain.indexOf('.');
        return dot > 0 && domain.indexOf('.', dot + 1) > 0 ? domain.substring(dot + 1) : domain;
    }
}
