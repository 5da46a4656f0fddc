package dev.vialab.emulator.sip;

import java.util.Objects;

/**
 * The texts a phone's explanation of a response carries, made again only when they change. Why: a registered
 * phone hears "200 OK" through the same mapping at every refresh, and a new status line and {@code received:rport}
 * text for each was kept by the trace (three strings per response, a sixth of a long run's strings).
 */
final class ResponseText {
    /**
     * A CSeq as explanations print it ({@code 2 REGISTER}), formatted when read. The method is JAIN-SIP's canonical
     * constant, so this is one small object where the text was two.
     */
    record CSeq(long seq, String method) {
        @Override
        public String toString() {
            return seq + " " + method;
        }
    }

    private int lastStatus;
    private String lastReason;
    private String lastStatusText;
    private String lastHost;
    private int lastPort;
    private String lastRport;

    /** {@code 200 OK}. */
    String status(int code, String reason) {
        if (code != lastStatus || !Objects.equals(reason, lastReason) || lastStatusText == null) {
            lastStatus = code;
            lastReason = reason;
            lastStatusText = code + " " + reason;
        }
        return lastStatusText;
    }

    /** {@code received:rport} as the Via of a response gave them. */
    String rport(String host, int port) {
        if (port != lastPort || !host.equals(lastHost)) {
            lastHost = host;
            lastPort = port;
            lastRport = host + ":" + port;
        }
        return lastRport;
    }
}
