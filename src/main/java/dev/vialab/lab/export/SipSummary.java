package dev.vialab.lab.export;

import dev.vialab.emulator.sip.SipCodec;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;

/**
 * The facts of a SIP message a ladder line shows: first line, Call-ID, CSeq, Contacts, Expires, top Via. Public
 * because the web ladder ({@code dev.vialab.lab.LadderMapper}) summarises packets the same way.
 */
public record SipSummary(String first, boolean request, String callId, long cseq, String cseqMethod, List<String> contacts,
        int expires, String via, String authorization) {

    /** The summary, or null when the payload is not a SIP message. */
    public static SipSummary of(SipCodec codec, byte[] payload) {
        if (!(codec.parse(payload) instanceof SipCodec.Message m)) {
            return null;
        }
        SIPMessage msg = m.message();
        String first = msg instanceof SIPRequest r ? r.getMethod() : ((SIPResponse) msg).getStatusCode() + "";
        List<String> contacts = new ArrayList<>();
        ListIterator<?> it = msg.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            contacts.add(((ContactHeader) it.next()).toString().trim().substring("Contact: ".length()));
        }
        ExpiresHeader e = (ExpiresHeader) msg.getHeader(ExpiresHeader.NAME);
        Via v = msg.getTopmostVia();
        String via = "";
        if (v != null) {
            StringBuilder b = new StringBuilder(v.getTransport()).append(' ').append(v.getHost());
            if (v.getPort() > 0) {
                b.append(':').append(v.getPort());
            }
            if (v.getReceived() != null) {
                b.append(";received=").append(v.getReceived());
            }
            if (v.getRPort() > 0) {
                b.append(";rport=").append(v.getRPort());
            } else if (v.hasParameter("rport")) {
                b.append(";rport");
            }
            via = b.toString();
        }
        return new SipSummary(first, msg instanceof SIPRequest, msg.getCallId().getCallId(),
                msg.getCSeq().getSeqNumber(), msg.getCSeq().getMethod(), contacts, e == null ? -1 : e.getExpires(),
                via, msg.getHeader("Authorization") != null ? "auth" : "");
    }
}
