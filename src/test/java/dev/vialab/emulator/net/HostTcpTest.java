package dev.vialab.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.TcpRow;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A host's small TCP (RFC 793) between two hosts on a real network: handshake, data, FIN, RST, SYN retries. */
class HostTcpTest {
    private final TraceRecorder recorder = new TraceRecorder();
    private final Scheduler scheduler = new Scheduler(recorder);
    private final Network net = new Network(scheduler, recorder);
    private final Box client = new Box("client", "198.51.100.10");
    private final Box server = new Box("server", "198.51.100.1");
    private final Endpoint sip = new Endpoint(Ip.parse("198.51.100.1"), 5060);

    private final class Box extends Host {
        Box(String name, String ip) {
            super(name, HostTcpTest.this.net, 1);
            attach(HostTcpTest.this.net.attach(this, Ip.parse(ip), HostTcpTest.this.net.internet(), Time.MS));
        }

        void listen(int port, TcpListener l) {
            listenTcp(port, l);
        }

        void windows() {
            setSynSchedule(SynSchedule.WINDOWS);
        }
    }

    /** Notes what happened to a connection, and takes data in. */
    private static final class Events implements TcpHandler {
        final List<String> seen = new ArrayList<>();

        @Override
        public void connected(TcpConnection c) {
            seen.add("connected");
        }

        @Override
        public void refused(TcpConnection c) {
            seen.add("refused");
        }

        @Override
        public void timedOut(TcpConnection c) {
            seen.add("timed out");
        }

        @Override
        public void data(TcpConnection c, Delivery d, byte[] payload) {
            d.accept(Why.of("test.data", ""));
            seen.add("data " + new String(payload, StandardCharsets.US_ASCII));
        }

        @Override
        public void closed(TcpConnection c, boolean reset) {
            seen.add(reset ? "reset" : "closed");
        }
    }

    private void runUntil(long time) {
        while (scheduler.runNext(time)) {
            // (time, sequence) order
        }
    }

    /** The labels of the packets that arrived at {@code node}, in order. */
    private List<String> arrivedAt(String node) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= recorder.lastIndex(); i++) {
            Step s = recorder.step(i);
            if (s.node().equals(node) && s.hop() != null && s.kind() != Kind.DROP) {
                labels.add(s.hop().label());
            }
        }
        return labels;
    }

    private List<TcpRow> tcpTable() {
        List<TcpRow> rows = new ArrayList<>();
        recorder.world().tcp().forEach((k, row) -> rows.add(row));
        return rows;
    }

    @Test
    void a_connection_opens_with_the_three_way_handshake_carries_data_and_closes_with_fin_both_ways() {
        Events atServer = new Events();
        server.listen(5060, (d, syn) -> atServer);
        Events atClient = new Events();
        TcpConnection c = client.connect(40000, sip, atClient, Why.of("test.connect", ""));
        runUntil(Time.S);
        assertThat(atClient.seen).containsExactly("connected");
        assertThat(c.isOpen()).isTrue();
        assertThat(tcpTable()).extracting(TcpRow::state).containsExactly("ESTABLISHED", "ESTABLISHED");

        client.tcpSend(c, "REGISTER".getBytes(StandardCharsets.US_ASCII), "REGISTER", Category.SIP,
                Why.of("test.send", ""));
        runUntil(2 * Time.S);
        client.tcpClose(c, Why.of("test.close", ""));
        runUntil(3 * Time.S);

        assertThat(atServer.seen).containsExactly("connected", "data REGISTER", "closed");
        assertThat(arrivedAt("server")).containsExactly("SYN", "ACK", "REGISTER", "FIN", "ACK");
        assertThat(arrivedAt("client")).containsExactly("SYN,ACK", "FIN"); // the server's FIN, from LAST-ACK
        assertThat(tcpTable()).isEmpty();
    }

    @Test
    void a_syn_to_a_port_nobody_listens_on_is_answered_with_rst_and_the_connect_is_refused() {
        Events atClient = new Events();
        TcpConnection c = client.connect(40000, new Endpoint(sip.ip(), 5070), atClient, Why.of("test.connect", ""));
        runUntil(Time.S);

        assertThat(atClient.seen).containsExactly("refused");
        assertThat(c.state()).isEqualTo(TcpConnection.State.CLOSED);
        assertThat(arrivedAt("client")).containsExactly("RST");
        assertThat(tcpTable()).isEmpty();
    }

    @Test
    void an_unanswered_syn_is_sent_again_on_the_os_schedule_until_the_connect_times_out() {
        server.listen(5060, (d, syn) -> {
            d.drop(Why.of("test.silent", "")); // a firewall that drops: no RST, no SYN,ACK
            return null;
        });
        Events linux = new Events();
        client.connect(40000, sip, linux, Why.of("test.connect", ""));
        runUntil(200 * Time.S);
        assertThat(linux.seen).containsExactly("timed out");
        assertThat(synTimes()).containsExactly(0L, 1L, 3L, 7L, 15L, 31L, 63L); // Linux: 6 retries, 127 s in all
        assertThat(recorder.step(recorder.lastIndex()).time()).isEqualTo(127 * Time.S);

        Box windowsClient = new Box("win", "198.51.100.11");
        windowsClient.windows();
        Events windows = new Events();
        long start = 200 * Time.S;
        scheduler.advanceTo(start);
        windowsClient.connect(40001, sip, windows, Why.of("test.connect", ""));
        runUntil(start + 60 * Time.S);
        assertThat(windows.seen).containsExactly("timed out");
        assertThat(recorder.step(recorder.lastIndex()).time()).isEqualTo(start + 21 * Time.S); // 0, 3, 9 s; 21 s
    }

    /** When the client sent its SYNs, in whole seconds from the first. */
    private List<Long> synTimes() {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i <= recorder.lastIndex(); i++) {
            Step s = recorder.step(i);
            if (s.hop() != null && s.hop().packet() instanceof Packet.Tcp t && t.has(Packet.Tcp.SYN)
                    && s.hop().from().equals("client") && s.node().equals("server")) {
                times.add(s.hop().sentAt() / Time.S);
            }
        }
        return times;
    }
}
