package dev.vialab.lab;

import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.Fixtures;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.Action;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.PjsipVersion;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Trace;
import java.util.List;

/** Real emulator runs for the ladder and timeline tests, each run once per JVM. */
final class LadderTraces {
    private static Trace seed;

    private LadderTraces() {}

    /**
     * The rulebook seed with a shared location service and two calls via ip1: at 200 s the INVITE reaches the
     * phone (INVITE/180/200/ACK/BYE); at 430 s the binding points at the mapping made for ip3, so the NAT
     * drops ip1's INVITE and its retransmissions.
     */
    static synchronized Trace seed() {
        if (seed == null) {
            seed = Emulator.run(seedSetup(List.of()));
        }
        return seed;
    }

    static Setup seedSetup(List<Action> actions) {
        Setup s = Fixtures.seed(Fixtures.phone(Profile.MICROSIP_3_20, false, PjsipVersion.V2_13, Transport.UDP),
                Setup.LocationMode.SHARED, true, RegistrarSetup.Auth.NONE,
                List.of(new CallSetup("call1", 200 * Time.S, "caller", "1001", "ip1", 5 * Time.S),
                        new CallSetup("call2", 430 * Time.S, "caller", "1001", "ip1", 5 * Time.S)),
                500 * Time.S);
        return new Setup(s.name(), s.seed(), s.jitterSeed(), s.duration(), s.domain(), s.dns(), s.nats(),
                s.registrars(), s.location(), s.phones(), s.callers(), s.calls(), actions, s.marks(), s.maxEvents());
    }

    /** The seed, but the phone quits at 100 s: an un-REGISTER. */
    static Trace quitting() {
        return Emulator.run(seedSetup(List.of(new Action.Quit(100 * Time.S, "phone"))));
    }
}
