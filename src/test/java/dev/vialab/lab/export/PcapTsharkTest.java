package dev.vialab.lab.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.trace.Trace;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the captures with tshark, the reference reader, with checksum validation on. Skipped when tshark is not
 * installed ({@code apt-get install tshark}), so the build never depends on it.
 */
class PcapTsharkTest {
    private static final List<String> CHECK_CHECKSUMS = List.of("-o", "ip.check_checksum:TRUE", "-o",
            "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE");

    @TempDir
    Path dir;

    private Path tshark;

    record Result(int exit, String output) {}

    @BeforeEach
    void findTshark() {
        tshark = onPath("tshark");
        Assumptions.assumeTrue(tshark != null, "tshark is not on PATH");
    }

    @Test
    void tsharkDecodesDnsRegisterWithViaReceivedAndRportAndTheCallOnNamedInterfaces() throws Exception {
        Result r = verbose(capture("udp", PcapScenarios.udpWithCall()));

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output())
                .contains("Interface name: lan", "Interface name: wan")
                .contains("Domain Name System (query)", "Domain Name System (response)")
                .contains("Session Initiation Protocol (REGISTER)", "Status-Line: SIP/2.0 200 OK")
                .contains("Received: 203.0.113.195")
                .containsPattern("Via: SIP/2\\.0/UDP 192\\.168\\.1\\.10:61000;rport=\\d+;.*received=203\\.0\\.113\\.195")
                .containsPattern("RPort: \\d+")
                .contains("Request-Line: INVITE sip:1001@", "[Header checksum status: Good]")
                .contains("phone -> nat: REGISTER", "nat -> ip1: REGISTER");
        assertNoProblems(r.output());
    }

    @Test
    void tsharkDecodesSipOverTcpAndTheRefusedConnection() throws Exception {
        Path file = capture("tcp", PcapScenarios.tcpWithRefusal());

        Result r = verbose(file);
        Result sipOverTcp = run(file, "-Y", "tcp && sip", "-T", "fields", "-e", "sip.Method", "-e",
                "sip.Status-Code");

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Transmission Control Protocol", "Flags: 0x014 (RST, ACK)",
                "Flags: 0x012 (SYN, ACK)", "Session Initiation Protocol (REGISTER)");
        assertNoProblems(r.output());
        assertThat(sipOverTcp.exit()).isZero();
        assertThat(sipOverTcp.output()).contains("REGISTER").containsPattern("(?m)^\\s*200\\s*$");
    }

    @Test
    void tsharkDecodesIcmpPortUnreachableQuotingTheRegister() throws Exception {
        Result r = verbose(capture("icmp", PcapScenarios.udpWithIcmp()));

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Internet Control Message Protocol", "Type: 3 (Destination unreachable)",
                "Code: 3 (Port unreachable)", "ip1 -> nat: ICMP port unreachable");
        assertNoProblems(r.output());
    }

    /** tshark 4.0 writes a bad checksum as "Checksum: 0x… incorrect, should be 0x…" and "Status: Bad". */
    private static void assertNoProblems(String output) {
        assertThat(output).doesNotContain("incorrect", "Status: Bad", "Malformed", "block lengths don't match",
                "Expert Info (Error");
    }

    private Path capture(String name, Trace trace) throws IOException {
        Path file = dir.resolve(name + ".pcapng");
        Files.write(file, PcapngExport.bytes(trace));
        return file;
    }

    private Result verbose(Path file) throws Exception {
        return run(file, "-V");
    }

    private Result run(Path file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tshark.toString(), "-r", file.toString()));
        cmd.addAll(CHECK_CHECKSUMS);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("tshark did not finish");
        }
        return new Result(p.exitValue(), out);
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d.isEmpty() ? "." : d, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
