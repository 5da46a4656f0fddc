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
import java.util.Collection;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
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
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(2)
public class SipMessageCostBench {
    static final int CODEC_MESSAGES = 2;

    private Setup setup;
    private SipCodec codec;
    private HeaderFactoryImpl headers;
    private AddressFactoryImpl addresses;
    private int sequence;

    @org.openjdk.jmh.annotations.Setup(Level.Trial)
    public void prepare() {
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
    }

    @Benchmark
    public Trace scenario() {
        return Emulator.run(setup);
    }

    @Benchmark
    public SIPResponse codec() throws Exception {
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
     * Runs both benchmarks (JMH command-line options are honoured, e.g. {@code -f 1 -i 5}) and prints the ratio.
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Options opts = new OptionsBuilder().parent(cli).include(SipMessageCostBench.class.getSimpleName()).build();
        Collection<RunResult> results = new Runner(opts).run();
        double scenario = Double.NaN;
        double codecPerOp = Double.NaN;
        for (RunResult rr : results) {
            String label = rr.getParams().getBenchmark();
            double score = rr.getPrimaryResult().getScore();
            if (label.endsWith(".scenario")) {
                scenario = score;
            } else if (label.endsWith(".codec")) {
                codecPerOp = score;
            }
        }
        int messages = BenchSetups.sipMessages(Emulator.run(BenchSetups.seed()));
        double perEmitted = scenario / messages;
        double perCodec = codecPerOp / CODEC_MESSAGES;
        System.out.printf("%nSIP messages in the seed scenario: %d%n", messages);
        System.out.printf("scenario: %.1f us/run = %.2f us per SIP message%n", scenario, perEmitted);
        System.out.printf("codec: %.2f us per REGISTER+200 = %.2f us per message%n", codecPerOp, perCodec);
        System.out.printf("ratio (emulator per message / codec per message): %.2f (goal <= 3)%n",
                perEmitted / perCodec);
    }
}
