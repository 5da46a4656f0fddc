package dev.vialab.emulator.trace;

/**
 * The phone's account state at a step, named as pjsua names it.
 *
 * @param state {@code idle}, {@code registering}, {@code registered}, {@code failed}, {@code unregistered},
 *     {@code quit}
 * @param server the server whose 2xx was last processed normally (the keep-alive target's host)
 * @param contact {@code acc->contact}: the Contact the phone currently registers
 * @param viaSentBy the Via sent-by of new requests ({@code acc->via_addr} once learned, rule R21)
 * @param lastReceived {@code received:rport} of the last checked response
 * @param kaTarget where UDP keep-alives go (rule R13), empty when stopped
 * @param nextRefresh, nextRetry absolute times, -1 when not scheduled (the next keep-alive is in the trace: it is
 *     not state, and republishing the phone at every keep-alive was most of a long run's memory)
 * @param rewriteGuard {@code contact_rewritten}: the next 2xx skips the check (pjsip #1796)
 */
public record PhoneView(String phone, String state, String server, String contact, String viaSentBy,
        String lastReceived, String kaTarget, long nextRefresh, long nextRetry,
        String callId, long cseq, boolean rewriteGuard) {}
