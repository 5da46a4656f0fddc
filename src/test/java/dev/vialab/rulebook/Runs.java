package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.scenario.ReadResult;
import dev.vialab.scenario.ScenarioReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs scenario text or files for the rulebook tests, and reads SIP facts off the trace. */
final class Runs {
    static final Path ROOT = Path.of(System.getProperty("vialab.root", "."));

    private Runs() {}

    static Trace yaml(String text, String... overrides) {
        ReadResult r = ScenarioReader.read("test.yaml", text, List.of(overrides));
        assertThat(r).as(() -> r.toString()).isInstanceOf(ReadResult.Ok.class);
        return Emulator.run(((ReadResult.Ok) r).scenario().setup());
    }

    static Trace file(String relative, String... overrides) throws Exception {
        Path p = ROOT.resolve(relative);
        ReadResult r = ScenarioReader.read(p.toString(), Files.readString(p, StandardCharsets.UTF_8),
                List.of(overrides));
        assertThat(r).as(() -> r.toString()).isInstanceOf(ReadResult.Ok.class);
        return Emulator.run(((ReadResult.Ok) r).scenario().setup());
    }

    /** Runs a file with another identifier seed (the timing seed stays as the file says). */
    static Trace fileWithSeed(String relative, long seed) throws Exception {
        Path p = ROOT.resolve(relative);
        ReadResult r = ScenarioReader.read(p.toString(), Files.readString(p, StandardCharsets.UTF_8), List.of(), seed);
        assertThat(r).as(() -> r.toString()).isInstanceOf(ReadResult.Ok.class);
        return Emulator.run(((ReadResult.Ok) r).scenario().setup());
    }

    /** A SIP request or response as it arrived at its destination (the step that took it in). */
    record Sip(Step step, String from, String to, String text, Endpoint publicSide) {
        String method() {
            return text.substring(0, text.indexOf(' '));
        }

        boolean isRequest(String m) {
            return text.startsWith(m + " ");
        }

        String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }

        List<String> headers(String name) {
            List<String> out = new ArrayList<>();
            for (String line : text.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    out.add(line.substring(name.length() + 1).trim());
                }
            }
            return out;
        }

        int expires() {
            String e = header("Expires");
            return e == null ? -1 : Integer.parseInt(e);
        }

        String callId() {
            return header("Call-ID");
        }

        long cseq() {
            return Long.parseLong(header("CSeq").split(" ")[0]);
        }

        String viaSentBy() {
            String v = header("Via");
            String hostPort = v.split(" ")[1];
            return hostPort.substring(0, hostPort.indexOf(';'));
        }

        double time() {
            return step.time() / 1e6;
        }

        double sentAt() {
            return step.hop().sentAt() / 1e6;
        }
    }

    /** Every SIP message that reached a node, with where it came from and its public (NAT outside) endpoint. */
    static List<Sip> sip(Trace t) {
        java.util.TreeMap<Integer, String> origin = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, Endpoint> pub = new java.util.TreeMap<>();
        List<Sip> out = new ArrayList<>();
        for (Step s : t.steps()) {
            Hop h = s.hop();
            if (h == null) {
                continue;
            }
            origin.putIfAbsent(h.flight(), h.from());
            if (h.onInternet() && h.packet() instanceof Packet.Udp u) {
                pub.putIfAbsent(h.flight(), u.src().ip().toString().equals("203.0.113.195") ? u.src()
                        : u.dst().ip().toString().equals("203.0.113.195") ? u.dst() : null);
            }
            if (h.onInternet() && h.packet() instanceof Packet.Tcp tc) {
                pub.putIfAbsent(h.flight(), tc.src().ip().toString().equals("203.0.113.195") ? tc.src()
                        : tc.dst().ip().toString().equals("203.0.113.195") ? tc.dst() : null);
            }
            if (s.kind() == Kind.PACKET && h.category() == dev.vialab.emulator.trace.Category.SIP) {
                out.add(new Sip(s, origin.get(h.flight()), s.node(), h.packet().text(), pub.get(h.flight())));
            }
        }
        return out;
    }

    static List<Sip> registers(Trace t) {
        return sip(t).stream().filter(m -> m.isRequest("REGISTER") && !m.from().equals(m.to())).toList();
    }
}
