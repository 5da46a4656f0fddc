package dev.vialab.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.PjsipVersion;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keep-alives are most of a long run's steps: the trace keeps one leg per repeated datagram and link, and the NAT's
 * explanation still shows each keep-alive's own new expiry (R13; RFC 4787 §4.3 REQ-6).
 */
class KeepAliveTraceTest {

    private static Trace seedRun() {
        Setup s = Fixtures.seed(Fixtures.phone(Profile.MICROSIP_3_20, false, PjsipVersion.V2_13, Transport.UDP),
                Setup.LocationMode.PER_SERVER, true, RegistrarSetup.Auth.NONE, List.of(), 290 * Time.S);
        return Emulator.run(s);
    }

    @Test
    void the_keep_alives_of_one_mapping_share_their_legs_and_each_says_its_own_expiry() {
        Trace t = seedRun();
        List<Step> forwards = t.query().kind(Kind.FORWARD).key("nat.out")
                .where(s -> s.hop().label().equals("keep-alive")).list();
        assertThat(forwards).hasSizeGreaterThan(15); // 290 s of keep-alives every 12–14 s

        Step first = forwards.getFirst();
        for (Step s : forwards) {
            assertThat(s.hop().leg()).isSameAs(first.hop().leg()); // phone → NAT: one leg for all of them
            assertThat(s.why().arg(3)).isEqualTo(Time.format(s.time() + 120 * Time.S));
        }
        List<Step> arrivals = t.query().kind(Kind.PACKET).key("registrar.rx.keepalive").list();
        assertThat(arrivals).hasSameSizeAs(forwards);
        for (Step s : arrivals) {
            assertThat(s.hop().leg()).isSameAs(arrivals.getFirst().hop().leg()); // NAT → ip1 as well
        }
        // what is not shared is each hop's own: its flight and its send time
        assertThat(arrivals.stream().map(s -> s.hop().flight()).distinct()).hasSameSizeAs(arrivals);
        assertThat(arrivals.stream().map(s -> s.hop().sentAt()).distinct()).hasSameSizeAs(arrivals);
    }
}
