package dev.vialab.lab.ui;

import dev.vialab.emulator.Emulator;
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
import dev.vialab.emulator.trace.Trace;
import java.util.List;

/**
 * The run the preview shows, built in code until scenario files reach the app: the rulebook seed (MicroSIP
 * behind an APDM NAT, DNS order [ip1, ip2, ip3] flipping to [ip3, ip1, ip2] at 295 s, shared location service),
 * the same as the tests' {@code Fixtures.seed}, with two calls via ip1: at 200 s it rings through, at 430 s the
 * binding points at the mapping made for ip3 and the NAT drops ip1's INVITE.
 */
final class PreviewRun {
    private static final Ip IP1 = Ip.parse("198.51.100.1");
    private static final Ip IP2 = Ip.parse("198.51.100.2");
    private static final Ip IP3 = Ip.parse("198.51.100.3");

    private PreviewRun() {}

    /** @param seconds how long to run; longer runs add keep-alives and refreshes (a load test for the ladder) */
    static Trace seed(long seconds) {
        return Emulator.run(setup(Math.max(1, seconds) * Time.S));
    }

    private static Setup setup(long duration) {
        Profile p = Profile.MICROSIP_3_20;
        PhoneSetup phone = new PhoneSetup("phone", "nat", Ip.parse("192.168.1.10"), 61000, "1001", "secret", p,
                PjsipVersion.V2_13, PhoneSetup.Resolver.OS, Transport.UDP, p.isMicrosip(), 0, p.rewriteMethod(), false,
                false, 300, 15, 300, p.firstRetryInterval(), 10, 5, true, true, PhoneSetup.Failover.NONE, false, 0, 2 * Time.S,
                p.userAgent(), List.of());
        NatSetup nat = new NatSetup("nat", Ip.parse("192.168.1.1"), Ip.parse("192.168.1.0"), 24,
                Ip.parse("203.0.113.195"), NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT,
                NatSetup.Behaviour.ADDRESS_AND_PORT_DEPENDENT,
                new NatSetup.PortAllocation(NatSetup.PortAllocation.Mode.SCRIPTED, 20000, List.of(13450, 13000)),
                120 * Time.S, 120 * Time.S, 2 * Time.MS);
        DnsOrder order = new DnsOrder.Schedule(List.of(
                new DnsOrder.Schedule.Entry(0, List.of(IP1, IP2, IP3)),
                new DnsOrder.Schedule.Entry(295 * Time.S, List.of(IP3, IP1, IP2))));
        DnsSetup dns = new DnsSetup(Ip.parse("192.168.1.2"), Ip.parse("192.0.2.53"), 5 * Time.MS,
                List.of(new DnsSetup.Name("sip.example.com", List.of(IP1, IP2, IP3), 300, order)), List.of());
        List<CallSetup> calls = List.of(new CallSetup("call1", 200 * Time.S, "caller", "1001", "ip1", 5 * Time.S),
                new CallSetup("call2", 430 * Time.S, "caller", "1001", "ip1", 5 * Time.S));
        return new Setup("seed", 1, 1, duration, "sip.example.com", dns, List.of(nat),
                List.of(registrar("ip1", IP1), registrar("ip2", IP2), registrar("ip3", IP3)),
                Setup.LocationMode.SHARED, List.of(phone),
                List.of(new CallerSetup("caller", Ip.parse("198.51.100.200"), "2000", 10 * Time.MS)), calls,
                List.of(), List.of(new Setup.MarkSetup("t1", 0), new Setup.MarkSetup("t2", 295 * Time.S)),
                1_000_000);
    }

    private static RegistrarSetup registrar(String name, Ip ip) {
        return new RegistrarSetup(name, ip, 5060, 10 * Time.MS,
                List.of(new RegistrarSetup.StateChange(0, RegistrarSetup.Mode.UP, -1)), RegistrarSetup.Auth.NONE,
                "sip.example.com", 60, 3600, true, true);
    }
}
