package dev.vialab.emulator.trace;

/** What a packet carries; the ladder styles and filters by it. */
public enum Category {
    SIP, DNS, KEEPALIVE, TCP, ICMP
}
