package dev.vialab.bench;

import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.sip.SipCodec;
import dev.vialab.emulator.trace.Trace;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.header.ContactHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the emulator costs per SIP message it emits, against what JAIN-SIP alone costs to build, serialise and
 * parse one message, in the same run.
 *
 * <ul>
 *   <li>{@link #scenario}: the seed scenario end to end; its SIP message count (distinct flights of SIP hops) is
 *       printed by {@link #prepare}.
 *   <li>{@link #codec}: a REGISTER built header by header with the emulator's factories (as {@code Regc.build}),
 *       encoded, parsed with {@link SipCodec#parse}; the registrar's stamping of received/rport; a 200 OK built
 *       from it (as {@code SipMessages.response} plus the binding's Contact), encoded, parsed. Two messages per
 *       operation.
 * </ul>
 *
 * Ratio = (scenario time / SIP messages) / (codec time / 2). Goal ≤ 3. Run {@link #main} to get the ratio
 * computed; through {@code org.openjdk.jmh.Main} the two scores are printed and the ratio is left to the reader.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(2)
public class SipMessageCostBench {
    private final CpuClock clock = new CpuClock();
    static final int CODEC_MESSAGES = 2;

    private Setup setup;
    private SipCodec codec;
    private HeaderFactoryImpl headers;
    private AddressFactoryImpl addresses;
    private int sequence;

    /**
     * Checks both halves, then warms the JIT with a fixed amount of the work the fork measures (3000 scenario runs,
     * or 30000 codec round trips, about the same time when warm): time-based warm-up alone left some forks
     * interpreting on the loaded machine.
     */
    @org.openjdk.jmh.annotations.Setup(Level.Trial)
    public void prepare(BenchmarkParams benchmark) {
        setup = BenchSetups.seed();
        codec = new SipCodec(); // also sets JAIN-SIP's static encoding options the emulator uses
        headers = new HeaderFactoryImpl();
        addresses = new AddressFactoryImpl();
        Trace t = Emulator.run(setup);
        System.out.println("# seed scenario: " + t.size() + " steps, " + BenchSetups.sipMessages(t)
                + " SIP messages");
        if (codecRoundTrip().getStatusCode() != 200) {
            throw new IllegalStateException("codec round trip failed");
        }
        if (benchmark.getBenchmark().endsWith(".scenario")) {
            for (int i = 0; i < SeedScenarioBench.WARM_RUNS; i++) {
                Emulator.run(setup);
            }
        } else {
            for (int i = 0; i < 10 * SeedScenarioBench.WARM_RUNS; i++) {
                codecRoundTrip();
            }
        }
    }

    @org.openjdk.jmh.annotations.Setup(Level.Iteration)
    public void startClock() {
        clock.start();
    }

    @TearDown(Level.Iteration)
    public void stopClock(BenchmarkParams benchmark, IterationParams iteration) throws IOException {
        System.out.println(clock.stop("us"));
        String out = System.getProperty("bench.cpu.out");
        if (out != null && iteration.getType() == IterationType.MEASUREMENT) {
            String method = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
            Files.writeString(Path.of(out), method + " " + clock.lastCpuPerOp() + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    @Benchmark
    public Trace scenario() {
        clock.op();
        return Emulator.run(setup);
    }

    @Benchmark
    public SIPResponse codec() throws Exception {
        clock.op();
        return codecRoundTrip();
    }

    private SIPResponse codecRoundTrip() {
        try {
            int n = ++sequence;
            String aor = "sip:1001@sip.example.com";
            // the phone: REGISTER as Regc.build writes it
            SIPRequest r = new SIPRequest();
            r.setMethod("REGISTER");
            r.setRequestURI(addresses.createURI("sip:sip.example.com"));
            Via via = (Via) headers.createViaHeader("192.168.1.10", 61000, "UDP", null);
            via.setRPort();
            via.setBranch("z9hG4bKPj" + n);
            r.addHeader(via);
            r.addHeader(headers.createMaxForwardsHeader(70));
            r.addHeader(headers.createFromHeader(addresses.createAddress(aor), "tag" + n));
            r.addHeader(headers.createToHeader(addresses.createAddress(aor), null));
            r.addHeader(headers.createCallIdHeader("call-" + n));
            r.addHeader(headers.createCSeqHeader(1000L + n, "REGISTER"));
            r.addHeader(raw("User-Agent", "MicroSIP/3.20.5"));
            r.addHeader(headers.createContactHeader(addresses.createAddress("sip:1001@192.168.1.10:61000;ob")));
            r.addHeader(headers.createExpiresHeader(300));
            r.addHeader(raw("Allow", "PRACK, INVITE, ACK, BYE, CANCEL, UPDATE, INFO, SUBSCRIBE, NOTIFY, REFER, "
                    + "MESSAGE, OPTIONS"));
            byte[] wire = SipCodec.encode(r);

            // the registrar: parse, stamp received/rport, answer 200 OK with the binding
            SIPRequest req = ((SipCodec.Message) codec.parse(wire)).request();
            Via top = req.getTopmostVia();
            top.setReceived("203.0.113.195");
            top.setParameter("rport", "13450");
            SIPResponse ok = new SIPResponse();
            ok.setStatusCode(200);
            ok.setReasonPhrase("OK");
            for (Via v : req.getViaHeaders()) {
                ok.addHeader((Header) v.clone());
            }
            ok.addHeader((Header) req.getFrom().clone());
            ToHeader to = (ToHeader) req.getTo().clone();
            to.setTag("totag" + n);
            ok.addHeader(to);
            ok.addHeader((Header) req.getCallId().clone());
            ok.addHeader((Header) req.getCSeq().clone());
            ContactHeader c = headers.createContactHeader(addresses.createAddress("sip:1001@192.168.1.10:61000;ob"));
            c.setExpires(300);
            ok.addHeader(c);
            byte[] answer = SipCodec.encode(ok);

            // the phone again: parse the answer
            return ((SipCodec.Message) codec.parse(answer)).response();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Header raw(String name, String value) {
        ExtensionHeaderImpl h = new ExtensionHeaderImpl(name);
        h.setValue(value);
        return h;
    }

    /**
     * Runs the two benchmarks alternately, one fork each, for {@code -Dbench.rounds} rounds (default 4), and
     * prints each round's ratio and their median. Alternating keeps both halves of a ratio under about the same
     * machine load, which on a shared 2-core machine moves far more than JIT noise does. JMH command-line options
     * are honoured (e.g. {@code -wi 5 -i 5}); forks are forced to 1 per round.
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        int rounds = Integer.getInteger("bench.rounds", 4);
        int messages = BenchSetups.sipMessages(Emulator.run(BenchSetups.seed()));
        Path cpuFile = Files.createTempFile("sip-cpu", ".txt");
        List<double[]> rows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Files.writeString(cpuFile, "");
            double codecPerOp = score(cli, "codec", cpuFile);
            double scenario = score(cli, "scenario", cpuFile);
            double codecCpu = medianCpu(cpuFile, "codec");
            double scenarioCpu = medianCpu(cpuFile, "scenario");
            rows.add(new double[] {scenario, scenario / messages, codecPerOp / CODEC_MESSAGES,
                    (scenario / messages) / (codecPerOp / CODEC_MESSAGES), scenarioCpu, codecCpu / CODEC_MESSAGES,
                    (scenarioCpu / messages) / (codecCpu / CODEC_MESSAGES)});
        }
        Files.deleteIfExists(cpuFile);
        System.out.printf("%nSIP messages in the seed scenario: %d; one codec operation = %d messages%n", messages,
                CODEC_MESSAGES);
        System.out.println("wall = JMH score (average time); cpu = median over measured iterations of the benchmark"
                + " thread's CPU time per op");
        System.out.printf("%-6s %12s %12s %12s %8s %12s %12s %8s%n", "round", "scen wall", "us/SIP msg",
                "codec us/msg", "ratio", "scen cpu", "codec cpu/msg", "ratio");
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            System.out.printf("%-6d %12.1f %12.2f %12.2f %8.2f %12.1f %12.2f %8.2f%n", i + 1, r[0], r[1], r[2], r[3],
                    r[4], r[5], r[6]);
        }
        System.out.printf("median (wall): scenario %.1f us = %.2f us per SIP message; codec %.2f us per message;"
                + " ratio %.2f (goal <= 3)%n", median(rows, 0), median(rows, 1), median(rows, 2), median(rows, 3));
        System.out.printf("median (cpu):  scenario %.1f us = %.2f us per SIP message; codec %.2f us per message;"
                + " ratio %.2f (goal <= 3)%n", median(rows, 4), median(rows, 4) / messages, median(rows, 5),
                median(rows, 6));
    }

    private static double score(CommandLineOptions cli, String method, Path cpuFile) throws Exception {
        Options opts = new OptionsBuilder().parent(cli)
                .include(SipMessageCostBench.class.getName() + "\\." + method + "$").forks(1)
                .jvmArgsAppend("-Dbench.cpu.out=" + cpuFile).build();
        RunResult rr = new Runner(opts).runSingle();
        return rr.getPrimaryResult().getScore();
    }

    private static double medianCpu(Path file, String method) throws IOException {
        return Stats.median(Files.readAllLines(file).stream().filter(l -> l.startsWith(method + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(method.length() + 1))).toArray());
    }

    private static double median(List<double[]> rows, int column) {
        return Stats.median(rows.stream().mapToDouble(r -> r[column]).toArray());
    }
}
