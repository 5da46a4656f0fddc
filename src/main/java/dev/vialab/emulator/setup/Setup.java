package dev.vialab.emulator.setup;

import java.util.List;

/**
 * Everything one emulated run needs, resolved: no defaults left to apply, no references left to look up. The
 * scenario package builds it from a file (plus overrides and a seed); the emulator only reads it.
 *
 * @param seed seeds every identifier a learner sees (Call-ID, tags, branches, CSeq bases, NAT ports, nonces)
 * @param jitterSeed seeds timing randomness (keep-alive and retry jitter, SRV weighted choice, shuffled DNS
 *     order); separate so a new {@code seed} changes identifiers only
 * @param duration virtual time the run stops at (microseconds)
 * @param domain the registrar's domain name, e.g. {@code sip.example.com}
 */
public record Setup(
        String name,
        long seed,
        long jitterSeed,
        long duration,
        String domain,
        DnsSetup dns,
        List<NatSetup> nats,
        List<RegistrarSetup> registrars,
        LocationMode location,
        List<PhoneSetup> phones,
        List<CallerSetup> callers,
        List<CallSetup> calls,
        List<Action> actions,
        List<MarkSetup> marks,
        long maxEvents) {

    public Setup {
        nats = List.copyOf(nats);
        registrars = List.copyOf(registrars);
        phones = List.copyOf(phones);
        callers = List.copyOf(callers);
        calls = List.copyOf(calls);
        actions = List.copyOf(actions);
        marks = List.copyOf(marks);
    }

    /** How registrars share bindings: one location service for all, or one per server. */
    public enum LocationMode { SHARED, PER_SERVER }

    /** A named moment, e.g. {@code t1} at 0 s and {@code t2} at 295 s. */
    public record MarkSetup(String name, long at) {}

    public Setup withSeed(long newSeed) {
        return new Setup(name, newSeed, jitterSeed, duration, domain, dns, nats, registrars, location, phones,
                callers, calls, actions, marks, maxEvents);
    }
}
