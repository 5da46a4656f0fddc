package dev.vialab.emulator.sip;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * SIP text ⇄ parsed message, with JAIN-SIP used as a codec only: no SipStack, no sockets, no threads.
 * Every SIP packet in a trace is built with these factories, serialised to bytes, and parsed again by the
 * receiver, so what a learner reads is what was really on the wire.
 */
public final class SipCodec {

    static {
        // JAIN-SIP keeps its logger and list encoding in static fields; both are set once to constants.
        // Separate header lines per Contact, as pjsip writes them (sip_reg.c adds one header per contact).
        CommonLogger.legacyLogger = new NoOpStackLogger();
        SIPHeaderList.setPrettyEncode(true);
    }

    /**
     * What a receiver got: a message, a CRLF keep-alive (R13, R14), or bytes that are not SIP. Receivers test it
     * with {@code instanceof} for the reason given at {@link dev.vialab.emulator.packet.Packet} ({@code Phone},
     * {@code Registrar}, {@code Caller}).
     */
    public sealed interface Parsed permits Message, KeepAlive, Malformed {}

    public record Message(SIPMessage message) implements Parsed {
        public boolean isRequest() {
            return message instanceof SIPRequest;
        }

        public SIPRequest request() {
            return (SIPRequest) message;
        }

        public SIPResponse response() {
            return (SIPResponse) message;
        }
    }

    public record KeepAlive() implements Parsed {}

    /** The one keep-alive value: a registrar hears thousands of them, and they carry nothing. */
    private static final KeepAlive KEEP_ALIVE = new KeepAlive();

    public record Malformed(String error) implements Parsed {}

    final HeaderFactoryImpl headers = new HeaderFactoryImpl();
    final AddressFactoryImpl addresses = new AddressFactoryImpl();
    private final StringMsgParser parser = new StringMsgParser();

    public Parsed parse(byte[] bytes) {
        if (isKeepAlive(bytes)) {
            return KEEP_ALIVE;
        }
        try {
            SIPMessage m = parser.parseSIPMessage(bytes, true, false, (ex, msg, cls, header, text) -> {
                throw ex;
            });
            if (m == null) {
                return new Malformed("empty message");
            }
            if (m instanceof SIPRequest r) {
                r.checkHeaders();
            } else if (m instanceof SIPResponse r) {
                r.checkHeaders();
            }
            return new Message(m);
        } catch (ParseException | RuntimeException e) {
            return new Malformed(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Why {@code Name: value} would not survive a SIP parser, or null if it parses: a scenario's extra REGISTER
     * header ({@code reg_hdr_list}) is checked before the run, so a receiver never drops the REGISTER for it.
     */
    public static String headerProblem(String name, String value) {
        try {
            new HeaderFactoryImpl().createHeader(name, value);
            return null;
        } catch (ParseException | RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** A payload of only CR and LF: pjsua's UDP keep-alive "\r\n" or a TCP ping "\r\n\r\n". */
    public static boolean isKeepAlive(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        for (byte b : bytes) {
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    public static byte[] encode(SIPMessage m) {
        return m.encode().getBytes(StandardCharsets.UTF_8);
    }

    /** The label of a message in the ladder: the method, or code and reason of a response. */
    public static String label(SIPMessage m) {
        if (m instanceof SIPRequest r) {
            return r.getMethod();
        }
        SIPResponse r = (SIPResponse) m;
        return r.getStatusCode() + " " + r.getReasonPhrase();
    }
}
