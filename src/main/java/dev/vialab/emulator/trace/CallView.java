package dev.vialab.emulator.trace;

/**
 * A call in progress or ended.
 *
 * @param state {@code calling}, {@code proceeding}, {@code ringing}, {@code answered}, {@code ended},
 *     {@code lost}, {@code rejected}
 * @param target where the server sent the INVITE, empty before
 */
public record CallView(String call, String state, String server, String target, long startedAt) {}
