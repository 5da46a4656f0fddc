package dev.vialab.emulator.trace;

import java.util.Objects;

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
        String callId, long cseq, boolean rewriteGuard) {

    // equals and hashCode written out: a record's generated ones link an invokedynamic bootstrap
    // (java.lang.runtime.ObjectMethods) on first use, which spins method handles and classes in a cold JVM: the
    // CLI's first record comparison cost ~10 ms of its 0.25 s (async-profiler, seed scenario). RecordEqualityTest
    // checks that every component takes part.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PhoneView v && nextRefresh == v.nextRefresh && nextRetry == v.nextRetry
                && cseq == v.cseq && rewriteGuard == v.rewriteGuard && Objects.equals(phone, v.phone)
                && Objects.equals(state, v.state) && Objects.equals(server, v.server)
                && Objects.equals(contact, v.contact) && Objects.equals(viaSentBy, v.viaSentBy)
                && Objects.equals(lastReceived, v.lastReceived) && Objects.equals(kaTarget, v.kaTarget)
                && Objects.equals(callId, v.callId);
    }

    @Override
    public int hashCode() { // nothing hashes these in a hot path
        return Objects.hash(phone, state, server, contact, viaSentBy, lastReceived, kaTarget, nextRefresh, nextRetry,
                callId, cseq, rewriteGuard);
    }
}
