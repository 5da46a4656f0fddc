package dev.vialab.emulator.setup;

import dev.vialab.emulator.packet.Ip;

/** A party on the internet that places calls to the phone through a registrar/proxy. */
public record CallerSetup(String name, Ip address, String user, long delay) {}
