package dev.vialab.emulator.sip;

import dev.vialab.emulator.packet.Endpoint;

/**
 * The text of an endpoint that rarely changes, made again only when it does. Why: the phone's published state
 * (server, keep-alive target, Via sent-by, last {@code received:rport}) is written out at every registration of
 * every phone, and a new string each time was a fifth of the strings a long run's trace kept.
 */
final class EndpointText {
    private Endpoint last;
    private String text = "";

    String of(Endpoint e) {
        if (!e.equals(last)) {
            last = e;
            text = e.toString();
        }
        return text;
    }
}
