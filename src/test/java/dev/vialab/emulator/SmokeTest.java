package dev.vialab.emulator;

import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.PjsipVersion;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.Explainer;
import dev.vialab.lab.export.TextLadder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void prints() {
        Profile p = Profile.valueOf(System.getenv().getOrDefault("PROFILE", "MICROSIP_3_20"));
        Setup s = Fixtures.seed(Fixtures.phone(p, "1".equals(System.getenv("RW")), PjsipVersion.valueOf(System.getenv().getOrDefault("PJ", "V2_13")), Transport.valueOf(System.getenv().getOrDefault("TP", "UDP"))),
                Setup.LocationMode.valueOf(System.getenv().getOrDefault("LOC", "PER_SERVER")), true,
                RegistrarSetup.Auth.valueOf(System.getenv().getOrDefault("AUTH", "NONE")),
                List.of(new CallSetup("call1", Long.parseLong(System.getenv().getOrDefault("CALLAT", "430")) * Time.S, "caller", "1001", "ip1", 5 * Time.S)), 500 * Time.S);
        Trace t = Emulator.run(s);
        System.out.println("1".equals(System.getenv("FULL")) ? TextLadder.full(t, Explainer.english()) : TextLadder.compact(t));
    }
}
