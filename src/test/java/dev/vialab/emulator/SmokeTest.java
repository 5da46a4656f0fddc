package dev.vialab.emulator;

import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.PjsipVersion;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void prints() {
        Setup s = Fixtures.seed(Fixtures.phone(Profile.MICROSIP_3_20, "1".equals(System.getenv("RW")), PjsipVersion.V2_13, Transport.UDP),
                Setup.LocationMode.PER_SERVER, true, RegistrarSetup.Auth.NONE,
                List.of(new CallSetup("call1", 430 * Time.S, "caller", "1001", "ip1", 5 * Time.S)), 500 * Time.S);
        Trace t = Emulator.run(s);
        for (Step st : t.steps()) {
            String hop = st.hop() == null ? "" : st.hop().from() + "->" + st.hop().to() + " " + st.hop().label() + " " + st.hop().packet().srcIp() + "->" + st.hop().packet().dstIp();
            System.out.println(Time.format(st.time()) + " " + st.node() + " " + st.kind() + " " + hop + " | " + st.why().key() + " " + st.why().args() + " <" + st.cause());
        }
        System.out.println(t.outcomes());
        System.out.println(t.stop());
    }
}
