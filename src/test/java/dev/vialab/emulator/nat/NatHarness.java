package dev.vialab.emulator.nat;

import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.Host;
import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.UdpSocket;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A NAT between one inside host and a few internet hosts that send and record datagrams. */
final class NatHarness {
    final TraceRecorder recorder = new TraceRecorder();
    final Scheduler scheduler = new Scheduler(recorder);
    final Network net = new Network(scheduler, recorder);
    final NatBox nat;
    final Probe inside;
    final Probe ip1;
    final Probe ip2;

    /** A host that records what reaches each of its ports. */
    static final class Probe extends Host {
        final List<Packet.Udp> received = new ArrayList<>();
        private final java.util.TreeMap<Integer, UdpSocket> sockets = new java.util.TreeMap<>();

        Probe(String name, Network net) {
            super(name, net, 1);
        }

        UdpSocket port(int p) {
            return sockets.computeIfAbsent(p, x -> bind(x, this::got));
        }

        private void got(Delivery d, Packet.Udp p) {
            d.accept(Why.of("test.got", ""));
            received.add(p);
        }

        void send(int fromPort, Endpoint to, String text) {
            port(fromPort).send(to, text.getBytes(StandardCharsets.US_ASCII), text, Category.SIP, false,
                    Why.of("test.send", ""));
        }

        List<String> texts() {
            return received.stream().map(Packet::text).toList();
        }
    }

    NatHarness(NatSetup.Behaviour mapping, NatSetup.Behaviour filtering, long udpTimeout) {
        NatSetup s = new NatSetup("nat", Ip.parse("192.168.1.1"), Ip.parse("192.168.1.0"), 24,
                Ip.parse("203.0.113.195"), mapping, filtering,
                new NatSetup.PortAllocation(NatSetup.PortAllocation.Mode.SEQUENTIAL, 40000, List.of()), udpTimeout,
                udpTimeout, Time.MS);
        nat = new NatBox(s, net, 1);
        Network.Segment lan = net.lan("nat-lan", Ip.parse("192.168.1.0"), 24);
        Network.Attachment in = net.attach(nat, s.inside(), lan, 100);
        Network.Attachment out = net.attach(nat, s.publicIp(), net.internet(), 100);
        net.setGateway(in);
        nat.attach(in, out);
        inside = new Probe("phone", net);
        inside.attach(net.attach(inside, Ip.parse("192.168.1.10"), lan, 100));
        ip1 = new Probe("ip1", net);
        ip1.attach(net.attach(ip1, Ip.parse("198.51.100.1"), net.internet(), 100));
        ip2 = new Probe("ip2", net);
        ip2.attach(net.attach(ip2, Ip.parse("198.51.100.2"), net.internet(), 100));
        for (Probe p : List.of(inside, ip1, ip2)) {
            p.port(5060);
            p.port(5080);
        }
    }

    void at(long time, Runnable r) {
        scheduler.at(time, r);
    }

    void run() {
        runUntil(Long.MAX_VALUE);
    }

    void runUntil(long time) {
        while (scheduler.runNext(time)) {
            // run every event due by then
        }
    }

    /** The public endpoint the first packet reaching ip1 came from. */
    Endpoint seenByIp1() {
        return ip1.received.getFirst().src();
    }
}
