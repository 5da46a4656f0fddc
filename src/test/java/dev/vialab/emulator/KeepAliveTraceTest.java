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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
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

    /**
     * The refreshing REGISTERs go out between keep-alives on the same socket and mapping; the keep-alives after a
     * refresh are still the same datagram on the same legs, so a long run holds one leg per link for all of them.
     */
    @Test
    void keep_alives_share_their_legs_across_the_registration_refreshes_between_them() {
        Setup s = Fixtures.seed(Fixtures.phone(Profile.MICROSIP_3_20, false, PjsipVersion.V2_13, Transport.UDP),
                Setup.LocationMode.PER_SERVER, true, RegistrarSetup.Auth.NONE, List.of(), 1000 * Time.S);
        Trace t = Emulator.run(s);
        // from 295 s DNS puts ip3 first: keep-alives go there, with refreshes about every 295 s in between
        List<Step> refreshes = t.query().kind(Kind.FORWARD).key("nat.out")
                .where(x -> x.time() > 300 * Time.S && x.hop().label().startsWith("REGISTER")).list();
        assertThat(refreshes).isNotEmpty();
        List<Step> forwards = t.query().kind(Kind.FORWARD).key("nat.out")
                .where(x -> x.time() > 300 * Time.S && x.hop().label().equals("keep-alive")).list();
        assertThat(forwards.getFirst().time()).isLessThan(refreshes.getFirst().time());
        assertThat(forwards.getLast().time()).isGreaterThan(refreshes.getLast().time());
        assertThat(legObjects(forwards)).isEqualTo(1); // the phone's leg, one object
        List<Step> arrivals = t.query().kind(Kind.PACKET).key("registrar.rx.keepalive")
                .where(x -> x.time() > 300 * Time.S).list();
        assertThat(arrivals).hasSameSizeAs(forwards);
        assertThat(legObjects(arrivals)).isEqualTo(1); // the NAT's, to ip3
    }

    /** How many leg objects the steps' hops hold (legs are records: equal values are not enough). */
    private static int legObjects(List<Step> steps) {
        Set<Object> legs = Collections.newSetFromMap(new IdentityHashMap<>());
        steps.forEach(x -> legs.add(x.hop().leg()));
        return legs.size();
    }
}
