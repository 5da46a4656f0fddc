package dev.vialab.emulator.trace;

/** What a trace step is about. Lesson goals and queries select steps by kind. */
public enum Kind {
    /** A packet arrived at a node and was taken in. */
    PACKET,
    /** A NAT translated a packet and sent it on. */
    FORWARD,
    /** A packet was dropped: NAT filter or missing mapping, unroutable address, a server that drops, … */
    DROP,
    /** A NAT mapping was created, expired or closed. */
    NAT_MAPPING,
    /** A resolver produced the destination list for a request (answer or cache). */
    DNS,
    /** The phone's registration state changed (registered, contact rewritten, keep-alive target, retry, …). */
    REGISTRATION,
    /** A transaction event with no packet: Timer F, TCP failover, auth retry decision. */
    TRANSACTION,
    /** A registrar binding was added, refreshed, removed or expired. */
    BINDING,
    /** A call progressed or ended. */
    CALL
}
