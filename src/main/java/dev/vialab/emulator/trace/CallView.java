package dev.vialab.emulator.trace;

import java.util.Objects;

/**
 * A call in progress or ended.
 *
 * @param state {@code calling}, {@code proceeding}, {@code ringing}, {@code answered}, {@code ended},
 *     {@code lost}, {@code rejected}
 * @param target where the server sent the INVITE, empty before
 */
public record CallView(String call, String state, String server, String target, long startedAt) {

    // equals written out for the reason given at PhoneView (RecordEqualityTest checks every component counts)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CallView v && startedAt == v.startedAt && Objects.equals(call, v.call)
                && Objects.equals(state, v.state) && Objects.equals(server, v.server)
                && Objects.equals(target, v.target);
    }

    @Override
    public int hashCode() { // nothing hashes these in a hot path
        return Objects.hash(call, state, server, target, startedAt);
    }
}
