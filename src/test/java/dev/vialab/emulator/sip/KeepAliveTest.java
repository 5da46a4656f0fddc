package dev.vialab.emulator.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.Host;
import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Rng;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.UdpSocket;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pjsua's UDP keep-alive (R13), on a real network of hosts: when, where and what it sends, and when it stops. */
class KeepAliveTest {
    private final TraceRecorder recorder = new TraceRecorder();
    private final Scheduler scheduler = new Scheduler(recorder);
    private final Network net = new Network(scheduler, recorder);
    private final Server ip1 = new Server("ip1", "198.51.100.1");
    private final Server ip2 = new Server("ip2", "198.51.100.2");
    private final Server phone = new Server("phone", "198.51.100.10");
    private final UdpSocket socket = phone.bind(5060, (d, p) -> d.accept(Why.of("test.got", "")));

    /** A host on the internet that notes when each datagram to its port 5060 arrived and what it held. */
    private final class Server extends Host {
        final List<Long> arrivals = new ArrayList<>();
        final List<String> payloads = new ArrayList<>();
        final Endpoint sip;

        Server(String name, String ip) {
            super(name, KeepAliveTest.this.net, 1);
            attach(KeepAliveTest.this.net.attach(this, Ip.parse(ip), KeepAliveTest.this.net.internet(), Time.MS));
            sip = new Endpoint(ip(), 5060);
            if (!name.equals("phone")) {
                bind(5060, this::got);
            }
        }

        private void got(Delivery d, Packet.Udp p) {
            d.accept(Why.of("test.got", ""));
            arrivals.add(scheduler.now());
            payloads.add(p.text());
        }

        List<Long> gaps() {
            List<Long> g = new ArrayList<>();
            for (int i = 1; i < arrivals.size(); i++) {
                g.add(arrivals.get(i) - arrivals.get(i - 1));
            }
            return g;
        }
    }

    private KeepAlive keepAlive(String stream) {
        return new KeepAlive(scheduler, Rng.derive(7, stream), 15);
    }

    private void runUntil(long time) {
        while (scheduler.runNext(time)) {
            // events in (time, sequence) order
        }
        scheduler.advanceTo(time);
    }

    @Test
    void keep_alives_are_crlf_every_80_to_100_percent_of_the_interval_to_the_target_until_stopped() {
        KeepAlive ka = keepAlive("phone/ka");
        ka.start(ip1.sip, socket);
        runUntil(200 * Time.S);
        ka.stop();
        runUntil(400 * Time.S);

        assertThat(ip1.arrivals).hasSizeBetween(200 / 15, 200 / 12);
        assertThat(ip1.arrivals.getFirst()).isBetween(12 * Time.S, 15 * Time.S); // a full delay before the first
        assertThat(ip1.gaps()).allSatisfy(g -> assertThat(g).isBetween(12 * Time.S, 14 * Time.S));
        assertThat(ip1.payloads).containsOnly("\r\n");
        assertThat(ip1.arrivals.getLast()).isLessThanOrEqualTo(200 * Time.S); // nothing after the stop
        assertThat(ka.target()).isNull();
    }

    @Test
    void a_restart_towards_another_server_waits_a_full_delay_and_sends_only_there() {
        KeepAlive ka = keepAlive("phone/ka");
        ka.start(ip1.sip, socket);
        runUntil(50 * Time.S);
        ka.start(ip2.sip, socket); // a REGISTER succeeded elsewhere (R13: keep-alives follow the last 2xx)
        runUntil(120 * Time.S);

        assertThat(ip1.arrivals).hasSizeGreaterThanOrEqualTo(3) // sent until 50 s, and 2 ms on the way
                .allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(50 * Time.S + 2 * Time.MS));
        assertThat(ka.target()).isEqualTo(ip2.sip);
        assertThat(ip2.arrivals.getFirst()).isBetween(50 * Time.S + 12 * Time.S, 50 * Time.S + 15 * Time.S);
        assertThat(ip2.gaps()).allSatisfy(g -> assertThat(g).isBetween(12 * Time.S, 14 * Time.S));
    }

    /**
     * pjsua restarts the keep-alive at every successful registration; the cancelled timer waits in the queue until
     * its time, and the account's keep-alive alternates two timers (a third when restarted again before either
     * came out). Whatever the pattern, exactly one keep-alive runs: never two CRLFs within the jitter's floor.
     */
    @Test
    void restarts_at_any_pace_leave_exactly_one_keep_alive_running() {
        KeepAlive ka = keepAlive("phone/ka");
        ka.start(ip1.sip, socket);
        runUntil(20 * Time.S);
        for (int i = 0; i < 3; i++) { // three restarts in a row: both timers still queued at the third
            ka.start(ip1.sip, socket);
            runUntil(20 * Time.S + (i + 1) * Time.MS);
        }
        for (long t = 60; t <= 600; t += 40) { // then a refresh every 40 s, as registrations do
            runUntil(t * Time.S);
            ka.start(ip1.sip, socket);
        }
        runUntil(700 * Time.S);

        assertThat(ip1.gaps()).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(12 * Time.S));
        assertThat(ip1.arrivals.getLast()).isGreaterThan(600 * Time.S + 12 * Time.S); // still running after the last
        assertThat(ip1.arrivals).hasSizeGreaterThanOrEqualTo(45); // 700 s at most 15 s apart, less the restarts
    }

    @Test
    void the_times_come_from_the_seeded_jitter_stream_alone() {
        KeepAlive a = keepAlive("phone/ka");
        a.start(ip1.sip, socket);
        runUntil(300 * Time.S);
        a.stop();
        KeepAlive b = keepAlive("phone/ka");
        b.start(ip2.sip, socket);
        runUntil(600 * Time.S);
        b.stop();

        List<Long> firstGaps = ip1.gaps();
        List<Long> secondGaps = ip2.gaps();
        int n = Math.min(firstGaps.size(), secondGaps.size());
        assertThat(secondGaps.subList(0, n)).isEqualTo(firstGaps.subList(0, n)); // same stream, same jitter

        Server ip3 = new Server("ip3", "198.51.100.3");
        KeepAlive other = keepAlive("other/ka");
        other.start(ip3.sip, socket);
        runUntil(900 * Time.S);
        assertThat(ip3.gaps().subList(0, n)).isNotEqualTo(firstGaps.subList(0, n)); // another stream, other times
    }
}
