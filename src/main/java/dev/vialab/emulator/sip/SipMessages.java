package dev.vialab.emulator.sip;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Transport;
import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import javax.sip.InvalidArgumentException;
import javax.sip.header.ContactHeader;
import javax.sip.header.Header;
import javax.sip.header.ViaHeader;

/**
 * Builds SIP messages with JAIN-SIP's factories, header by header, in the order real user agents write them
 * (pjsip: Via, Max-Forwards, From, To, Call-ID, CSeq, …), so the wire text looks like a capture.
 */
final class SipMessages {
    static final String ALLOW = "PRACK, INVITE, ACK, BYE, CANCEL, UPDATE, INFO, SUBSCRIBE, NOTIFY, REFER, MESSAGE, OPTIONS";

    private final SipCodec codec;
    /**
     * Contact lines already written, by what they say. Why: a phone sends the same Contact in every refresh and a
     * registrar returns each binding's in every 200, and building one (JAIN-SIP parses the URI into an address)
     * was the largest allocation of a REGISTER after parsing the message itself. Bounded, least recently used.
     */
    private final LinkedHashMap<ContactSpec, String> contactLines =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ContactSpec, String> eldest) {
                    return size() > CONTACT_LINES;
                }
            };
    private static final int CONTACT_LINES = 4096;

    SipMessages(SipCodec codec) {
        this.codec = codec;
    }

    /** A Contact to put in a request: the URI, and an {@code expires} parameter or -1 for none. */
    record ContactSpec(String uri, int expires, String extraParams) {
        ContactSpec(String uri, int expires) {
            this(uri, expires, "");
        }

        // written out for the reason given at trace.PhoneView; this record keys the contact-line cache
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof ContactSpec c && expires == c.expires && Objects.equals(uri, c.uri)
                    && Objects.equals(extraParams, c.extraParams);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(uri) * 31 + expires) * 31 + Objects.hashCode(extraParams);
        }
    }

    SIPRequest request(String method, String requestUri) {
        try {
            SIPRequest r = new SIPRequest();
            r.setMethod(method);
            r.setRequestURI(codec.addresses.createURI(requestUri));
            return r;
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad request URI " + requestUri, e);
        }
    }

    /** The top Via pjsip writes: {@code SIP/2.0/UDP host:port;rport;branch=…} ({@code ;alias} on TCP). */
    Via via(Endpoint sentBy, Transport t, String branch, boolean alias) {
        try {
            Via v = (Via) codec.headers.createViaHeader(sentBy.ip().toString(), sentBy.port(), t.name(), null);
            v.setRPort();
            v.setBranch(branch);
            if (alias) {
                v.setParameter("alias", "");
            }
            return v;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Header maxForwards(int hops) {
        try {
            return codec.headers.createMaxForwardsHeader(hops);
        } catch (InvalidArgumentException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Header from(String uri, String tag) {
        try {
            return codec.headers.createFromHeader(codec.addresses.createAddress(uri), tag);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Header to(String uri, String tag) {
        try {
            return codec.headers.createToHeader(codec.addresses.createAddress(uri), tag);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Header callId(String id) {
        try {
            return codec.headers.createCallIdHeader(id);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Header cseq(long n, String method) {
        try {
            return codec.headers.createCSeqHeader(n, method);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException(e);
        }
    }

    ContactHeader contact(ContactSpec spec) {
        try {
            ContactHeader c = codec.headers.createContactHeader(codec.addresses.createAddress(spec.uri()));
            if (spec.expires() >= 0) {
                c.setExpires(spec.expires());
            }
            if (!spec.extraParams().isEmpty()) {
                for (String p : spec.extraParams().split(";")) {
                    int eq = p.indexOf('=');
                    c.setParameter(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
                }
            }
            return c;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("bad contact " + spec.uri(), e);
        }
    }

    /**
     * A Contact written on its own line, as pjsip writes every Contact of a REGISTER (sip_reg.c adds one header
     * per contact); JAIN-SIP would join several into one comma-separated line.
     */
    Header contactLine(ContactSpec spec) {
        String text = contactLines.get(spec);
        if (text == null) {
            text = ((gov.nist.javax.sip.header.SIPHeader) contact(spec)).getValue();
            contactLines.put(spec, text);
        }
        return raw("Contact", text);
    }

    Header expires(int seconds) {
        try {
            return codec.headers.createExpiresHeader(seconds);
        } catch (InvalidArgumentException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Header route(String uri) {
        try {
            return codec.headers.createRouteHeader(codec.addresses.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Header recordRoute(String uri) {
        try {
            return codec.headers.createRecordRouteHeader(codec.addresses.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A header kept exactly as written (Allow, Supported, User-Agent, Server, WWW-Authenticate, …). */
    static Header raw(String name, String value) {
        ExtensionHeaderImpl h = new ExtensionHeaderImpl(name);
        h.setValue(value);
        return h;
    }

    void body(SIPRequest r, String contentType, String text) {
        setBody(r, contentType, text);
    }

    void body(SIPResponse r, String contentType, String text) {
        setBody(r, contentType, text);
    }

    private void setBody(gov.nist.javax.sip.message.SIPMessage m, String contentType, String text) {
        try {
            String[] t = contentType.split("/");
            m.setContent(text.getBytes(StandardCharsets.UTF_8), codec.headers.createContentTypeHeader(t[0], t[1]));
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A response to {@code req}: its Vias (with whatever received/rport the receiver stamped), From, To with
     * {@code toTag}, Call-ID and CSeq, in that order (RFC 3261 §8.2.6.2).
     */
    SIPResponse response(SIPRequest req, int code, String reason, String toTag) {
        try {
            SIPResponse r = new SIPResponse();
            r.setStatusCode(code);
            if (reason != null) {
                r.setReasonPhrase(reason);
            }
            // JAIN-SIP's addHeader puts every Via on top, so add them bottom-up to keep their order
            List<Via> vias = new java.util.ArrayList<>(req.getViaHeaders());
            for (int i = vias.size() - 1; i >= 0; i--) {
                r.addHeader((Header) vias.get(i).clone());
            }
            r.addHeader((Header) req.getFrom().clone());
            javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) req.getTo().clone();
            if (toTag != null && to.getTag() == null) {
                to.setTag(toTag);
            }
            r.addHeader(to);
            r.addHeader((Header) req.getCallId().clone());
            r.addHeader((Header) req.getCSeq().clone());
            return r;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The URI of a Contact or address header, as text without the angle brackets. */
    static String uriText(ContactHeader c) {
        return c.getAddress().getURI().toString();
    }

    /** host:port of a SIP URI (port 5060 when absent). */
    static Endpoint hostPort(String uri, SipCodec codec) {
        try {
            SipUri u = (SipUri) codec.addresses.createURI(uri);
            int port = u.getPort() > 0 ? u.getPort() : 5060;
            return Endpoint.of(u.getHost(), port);
        } catch (ParseException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The transport a URI asks for ({@code ;transport=tcp}), UDP when absent. */
    static Transport uriTransport(String uri) {
        String lower = uri.toLowerCase(java.util.Locale.ROOT);
        return lower.contains(";transport=tcp") ? Transport.TCP : Transport.UDP;
    }

    /** Top Via facts, as RFC 3581 and pjsip's {@code acc_check_nat_addr} read them. */
    record ViaFacts(String host, int port, String received, int rport, String branch, String transport) {
        static ViaFacts of(ViaHeader v) {
            return new ViaFacts(v.getHost(), v.getPort(), v.getReceived(), v.getRPort(), v.getBranch(),
                    v.getTransport());
        }

        /** {@code received} if present, else the sent-by host (step 1 of acc_check_nat_addr). */
        String publicHost() {
            return received != null ? received : host;
        }

        /** {@code rport} if > 0, else the sent-by port, else 5060. */
        int publicPort() {
            return rport > 0 ? rport : port > 0 ? port : 5060;
        }
    }

    static List<String> contactUris(gov.nist.javax.sip.message.SIPMessage m) {
        List<String> out = new java.util.ArrayList<>();
        ListIterator<?> it = m.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            ContactHeader c = (ContactHeader) it.next();
            if (!c.getAddress().isWildcard()) {
                out.add(uriText(c));
            }
        }
        return out;
    }
}
