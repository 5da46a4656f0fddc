package dev.vialab.emulator;

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
import java.util.List;

/** Setups built in code for emulator tests (scenario files are tested in the scenario package). */
public final class Fixtures {
    public static final Ip IP1 = Ip.parse("198.51.100.1");
    public static final Ip IP2 = Ip.parse("198.51.100.2");
    public static final Ip IP3 = Ip.parse("198.51.100.3");

    private Fixtures() {}

    public static PhoneSetup phone(Profile profile, boolean rewrite, PjsipVersion v, Transport t) {
        int acr = profile.isMicrosip() ? (rewrite ? 2 : 0) : (rewrite ? 1 : 0);
        boolean via = profile.isMicrosip() ? rewrite : true;
        return new PhoneSetup("phone", "nat", Ip.parse("192.168.1.10"), 61000, "1001", "secret", profile, v,
                PhoneSetup.Resolver.OS, t, profile.isMicrosip() && t == Transport.UDP, acr, profile.rewriteMethod(), via,
                profile.isMicrosip() && rewrite, 300, 15, 300, profile.firstRetryInterval(), 10, 5, true,
                profile.isMicrosip(), PhoneSetup.Failover.NONE, false, 0, 2 * Time.S, profile.userAgent(), List.of());
    }

    public static NatSetup apdm(List<Integer> ports) {
        return new NatSetup("nat", Ip.parse("192.168.1.1"), Ip.parse("192.168.1.0"), 24, Ip.parse("203.0.113.195"),
                NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT, NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT,
                new NatSetup.PortAllocation(NatSetup.PortAllocation.Mode.SCRIPTED, 20000, ports), 120 * Time.S,
                120 * Time.S, 2 * Time.MS);
    }

    public static RegistrarSetup registrar(String name, Ip ip, RegistrarSetup.Auth auth, boolean natAware) {
        return new RegistrarSetup(name, ip, 5060, 10 * Time.MS,
                List.of(new RegistrarSetup.StateChange(0, RegistrarSetup.Mode.UP, -1)), auth, "sip.example.com", 60,
                3600, natAware, true);
    }

    /** The rulebook's common environment: DNS [ip1,ip2,ip3] until 295 s, then [ip3,ip1,ip2]; APDM NAT. */
    public static Setup seed(PhoneSetup phone, Setup.LocationMode location, boolean natAware,
            RegistrarSetup.Auth auth, List<CallSetup> calls, long duration) {
        DnsOrder order = new DnsOrder.Schedule(List.of(
                new DnsOrder.Schedule.Entry(0, List.of(IP1, IP2, IP3)),
                new DnsOrder.Schedule.Entry(295 * Time.S, List.of(IP3, IP1, IP2))));
        DnsSetup dns = new DnsSetup(Ip.parse("192.168.1.1"), Ip.parse("192.0.2.53"), 5 * Time.MS,
                List.of(new DnsSetup.Name("sip.example.com", List.of(IP1, IP2, IP3), 300, order)), List.of());
        // the NAT's own inside address is .1; the DNS forwarder sits at .1 in the rulebook, so use .2 here
        dns = new DnsSetup(Ip.parse("192.168.1.2"), dns.publicAddress(), dns.delay(), dns.names(), dns.srv());
        return new Setup("seed", 1, 1, duration, "sip.example.com", dns, List.of(apdm(List.of(13450, 13000))),
                List.of(registrar("ip1", IP1, auth, natAware), registrar("ip2", IP2, auth, natAware),
                        registrar("ip3", IP3, auth, natAware)),
                location, List.of(phone),
                List.of(new CallerSetup("caller", Ip.parse("198.51.100.200"), "2000", 10 * Time.MS)), calls, List.of(),
                List.of(new Setup.MarkSetup("t1", 0), new Setup.MarkSetup("t2", 295 * Time.S)), 1_000_000);
    }
}
