package dev.vialab.emulator.setup;

/**
 * "At time {@code at}, {@code caller} calls {@code user} via {@code server}".
 *
 * @param server a registrar name, or null: the caller looks the domain up in DNS and uses the first address
 * @param hangupAfter how long the caller stays on an answered call before it sends BYE
 */
public record CallSetup(String name, long at, String caller, String user, String server, long hangupAfter) {}
