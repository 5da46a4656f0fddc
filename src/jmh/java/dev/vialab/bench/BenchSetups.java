package dev.vialab.bench;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.CallerSetup;
import dev.vialab.emulator.setup.DnsOrder;
import dev.vialab.emulator.setup.DnsSetup;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.PjsipVersion;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Setups for the benchmarks, built in code. The seed setup is a copy of the test {@code Fixtures.seed} (benchmarks
 * do not see test classes' package-private details, and must not change when a test fixture does).
 */
public final class BenchSetups {
    static final Ip IP1 = Ip.parse("198.51.100.1");
    static final Ip IP2 = Ip.parse("198.51.100.2");
    static final Ip IP3 = Ip.parse("198.51.100.3");
    static final Ip DNS_PUBLIC = Ip.parse("192.0.2.53");
    static final String DOMAIN = "sip.example.com";

    private BenchSetups() {}

    // ---- the seed scenario ---------------------------------------------------------------------------------

    /** Fixtures.phone: MicroSIP 3.20, pjsip 2.13, UDP, rewrite off. */
    static PhoneSetup seedPhone() {
        Profile profile = Profile.MICROSIP_3_20;
        return new PhoneSetup("phone", "nat", Ip.parse("192.168.1.10"), 61000, "1001", "secret", profile,
                PjsipVersion.V2_13, PhoneSetup.Resolver.OS, Transport.UDP, profile.isMicrosip(), 0,
                profile.rewriteMethod(), false, false, 300, 15, 300, profile.firstRetryInterval(), 10, 5, true, profile.isMicrosip(),
                PhoneSetup.Failover.NONE, false, 0, 2 * Time.S, profile.userAgent(), List.of());
    }

    static RegistrarSetup registrar(String name, Ip ip) {
        return new RegistrarSetup(name, ip, 5060, 10 * Time.MS,
                List.of(new RegistrarSetup.StateChange(0, RegistrarSetup.Mode.UP, -1)), RegistrarSetup.Auth.NONE,
                DOMAIN, 60, 3600, true, true);
    }

    /**
     * Fixtures.seed with the SmokeTest's arguments: rewrite off, per-server locations, NAT-aware registrars without
     * auth, DNS [ip1,ip2,ip3] until 295 s then [ip3,ip1,ip2], APDM NAT with scripted ports, one call at 430 s via
     * ip1, 600 s.
     */
    static Setup seed() {
        DnsOrder order = new DnsOrder.Schedule(List.of(
                new DnsOrder.Schedule.Entry(0, List.of(IP1, IP2, IP3)),
                new DnsOrder.Schedule.Entry(295 * Time.S, List.of(IP3, IP1, IP2))));
        DnsSetup dns = new DnsSetup(Ip.parse("192.168.1.2"), DNS_PUBLIC, 5 * Time.MS,
                List.of(new DnsSetup.Name(DOMAIN, List.of(IP1, IP2, IP3), 300, order)), List.of());
        NatSetup nat = new NatSetup("nat", Ip.parse("192.168.1.1"), Ip.parse("192.168.1.0"), 24,
                Ip.parse("203.0.113.195"), NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT,
                NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT,
                new NatSetup.PortAllocation(NatSetup.PortAllocation.Mode.SCRIPTED, 20000, List.of(13450, 13000)),
                120 * Time.S, 120 * Time.S, 2 * Time.MS);
        return new Setup("seed", 1, 1, 600 * Time.S, DOMAIN, dns, List.of(nat),
                List.of(registrar("ip1", IP1), registrar("ip2", IP2), registrar("ip3", IP3)),
                Setup.LocationMode.PER_SERVER, List.of(seedPhone()),
                List.of(new CallerSetup("caller", Ip.parse("198.51.100.200"), "2000", 10 * Time.MS)),
                List.of(new CallSetup("call1", 430 * Time.S, "caller", "1001", "ip1", 5 * Time.S)), List.of(),
                List.of(new Setup.MarkSetup("t1", 0), new Setup.MarkSetup("t2", 295 * Time.S)), 1_000_000);
    }

    // ---- many phones ---------------------------------------------------------------------------------------

    /** Where the phones sit. */
    public enum Topology {
        /** All phones in 10.0.0.0/16 behind one NAT (inside 10.0.0.1, public 203.0.113.1). */
        ONE_NAT,
        /** Each phone behind its own NAT: LAN 192.168.1.0/24, phone 192.168.1.10, public 100.64.x.y each. */
        NAT_PER_PHONE
    }

    /** The NAT flavour: mapping/filtering behaviour and port allocation. */
    public enum NatKind {
        APDM_RANDOM(NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT, NatSetup.PortAllocation.Mode.RANDOM),
        EIM_SEQUENTIAL(NatSetup.Behaviour.ENDPOINT_INDEPENDENT, NatSetup.PortAllocation.Mode.SEQUENTIAL);

        final NatSetup.Behaviour behaviour;
        final NatSetup.PortAllocation.Mode ports;

        NatKind(NatSetup.Behaviour behaviour, NatSetup.PortAllocation.Mode ports) {
            this.behaviour = behaviour;
            this.ports = ports;
        }
    }

    static NatSetup nat(String name, Ip inside, Ip subnet, int prefix, Ip publicIp, NatKind kind) {
        return new NatSetup(name, inside, subnet, prefix, publicIp, kind.behaviour, kind.behaviour,
                new NatSetup.PortAllocation(kind.ports, 20000, List.of()), 120 * Time.S, 120 * Time.S, 2 * Time.MS);
    }

    /**
     * {@code n} phones for {@code duration}: registration (300 s, refreshed about every 295 s) and UDP keep-alives
     * every 15 s, no calls, no auth. DNS answers in fixed order [ip1,ip2,ip3] from a public server (192.0.2.53),
     * asked through the NAT, so both topologies resolve the same way (the OS resolver asks per REGISTER). Phones
     * start spread over the first 60 s.
     */
    static Setup many(int n, Topology topology, NatKind kind, long duration) {
        return many(n, topology, kind, duration, 300);
    }

    /**
     * As {@link #many(int, Topology, NatKind, long)} with another registration expiry, seconds. With 3600 the hour
     * holds one REGISTER per phone and nearly only keep-alives: the steps whose cost grows with the number of
     * phones, without the REGISTERs' larger constant cost diluting them.
     */
    static Setup many(int n, Topology topology, NatKind kind, long duration, int regTimeout) {
        DnsSetup dns = new DnsSetup(DNS_PUBLIC, DNS_PUBLIC, 5 * Time.MS,
                List.of(new DnsSetup.Name(DOMAIN, List.of(IP1, IP2, IP3), 300, new DnsOrder.Fixed())), List.of());
        List<NatSetup> nats = new ArrayList<>();
        List<PhoneSetup> phones = new ArrayList<>();
        if (topology == Topology.ONE_NAT) {
            nats.add(nat("nat", Ip.parse("10.0.0.1"), Ip.parse("10.0.0.0"), 16, Ip.parse("203.0.113.1"), kind));
        }
        for (int i = 0; i < n; i++) {
            String natName;
            Ip address;
            if (topology == Topology.ONE_NAT) {
                natName = "nat";
                address = new Ip(Ip.parse("10.0.1.0").bits() + i + 10); // 10.0.1.10 … 10.0.4.249 for 1000
            } else {
                natName = String.format("nat%04d", i);
                nats.add(nat(natName, Ip.parse("192.168.1.1"), Ip.parse("192.168.1.0"), 24,
                        new Ip(Ip.parse("100.64.0.0").bits() + i + 1), kind));
                address = Ip.parse("192.168.1.10");
            }
            phones.add(phone(String.format("p%04d", i), natName, address, String.valueOf(10000 + i),
                    i * 60 * Time.S / n, regTimeout));
        }
        return new Setup("scale-" + n + "-" + topology + "-" + kind, 1, 1, duration, DOMAIN, dns, nats,
                List.of(registrar("ip1", IP1), registrar("ip2", IP2), registrar("ip3", IP3)),
                Setup.LocationMode.PER_SERVER, phones, List.of(), List.of(), List.of(), List.of(), Long.MAX_VALUE);
    }

    static PhoneSetup phone(String name, String nat, Ip address, String user, long startAt, int regTimeout) {
        Profile profile = Profile.MICROSIP_3_20;
        return new PhoneSetup(name, nat, address, 5060, user, "secret", profile, PjsipVersion.V2_13,
                PhoneSetup.Resolver.OS, Transport.UDP, profile.isMicrosip(), 0, profile.rewriteMethod(), false, false,
                regTimeout, 15, 300, profile.firstRetryInterval(), 10, 5, true, profile.isMicrosip(),
                PhoneSetup.Failover.NONE, false, startAt, 2 * Time.S, profile.userAgent(), List.of());
    }

    // ---- trace facts ---------------------------------------------------------------------------------------

    /** SIP packets the run emitted: distinct flights among the steps whose hop carries SIP. */
    static int sipMessages(Trace t) {
        BitSet flights = new BitSet();
        for (Step s : t.steps()) {
            if (s.hop() != null && s.hop().category() == Category.SIP) {
                flights.set(s.hop().flight());
            }
        }
        return flights.cardinality();
    }

    /** Phones whose last published state is {@code registered}, to check a setup does what it should. */
    static long registered(Trace t) {
        return t.stateAt(t.size() - 1).phones().values().stream().filter(p -> p.state().equals("registered"))
                .count();
    }
}
