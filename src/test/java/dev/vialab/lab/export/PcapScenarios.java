package dev.vialab.lab.export;

import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.Fixtures;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.PjsipVersion;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.StepLog;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.emulator.trace.Why;
import dev.vialab.emulator.trace.World;
import java.util.ArrayList;
import java.util.List;

/** Emulated runs for the capture tests, built like the emulator's own fixtures. */
final class PcapScenarios {
    private PcapScenarios() {}

    /**
     * UDP through the NAT: DNS, REGISTER and 200 OK with Via received/rport, keep-alives, and an answered call
     * from the internet (INVITE, 100/180/200, ACK, BYE) routed back through the mapping.
     */
    static Trace udpWithCall() {
        return Emulator.run(setup(Transport.UDP, RegistrarSetup.Mode.UP,
                List.of(new CallSetup("call1", 60 * Time.S, "caller", "1001", "ip1", 5 * Time.S)), 90 * Time.S));
    }

    /** SIP over TCP; the first registrar refuses (RST), so the capture holds a refused connection too. */
    static Trace tcpWithRefusal() {
        return Emulator.run(setup(Transport.TCP, RegistrarSetup.Mode.REFUSE, List.of(), 90 * Time.S));
    }

    /** UDP where the first registrar's port is closed: ICMP port unreachable, translated back by the NAT. */
    static Trace udpWithIcmp() {
        return Emulator.run(setup(Transport.UDP, RegistrarSetup.Mode.REFUSE, List.of(), 60 * Time.S));
    }

    /** The first registrar drops every packet silently: the REGISTER is a DROP step, then retransmitted. */
    static Trace udpWithSilentRegistrar() {
        return Emulator.run(setup(Transport.UDP, RegistrarSetup.Mode.DROP, List.of(), 20 * Time.S));
    }

    /** A hand-made trace from steps (indices must match positions). */
    static Trace synthetic(List<Step> steps) {
        return new Trace(List.of(), StepLog.of(steps), List.of(), List.of(), 10 * Time.S, Why.of("run.end", ""));
    }

    /** A hop whose step records it; {@code to} is the receiver. */
    static Step step(int index, long arrival, Kind kind, String from, String to, long sentAt, String link,
            Packet packet, String label, boolean retransmission, String why) {
        Hop hop = new Hop(index + 1, from, to, sentAt, link, packet, label, Category.SIP, retransmission,
                Why.of("test.sent", ""));
        return new Step(index, arrival, kind, to, hop, Why.of(why, ""), -1, World.EMPTY);
    }

    private static Setup setup(Transport transport, RegistrarSetup.Mode first, List<CallSetup> calls,
            long duration) {
        Setup s = Fixtures.seed(Fixtures.phone(Profile.PJSUA_DEFAULT, true, PjsipVersion.V2_13, transport),
                Setup.LocationMode.PER_SERVER, true, RegistrarSetup.Auth.NONE, calls, duration);
        List<RegistrarSetup> registrars = new ArrayList<>(s.registrars());
        RegistrarSetup r = registrars.getFirst();
        registrars.set(0, new RegistrarSetup(r.name(), r.address(), r.port(), r.delay(),
                List.of(new RegistrarSetup.StateChange(0, first, -1)), r.auth(), r.realm(), r.minExpires(),
                r.maxExpires(), r.natAware(), r.tcp()));
        return new Setup(s.name(), s.seed(), s.jitterSeed(), s.duration(), s.domain(), s.dns(), s.nats(),
                registrars, s.location(), s.phones(), s.callers(), s.calls(), s.actions(), s.marks(),
                s.maxEvents());
    }
}
