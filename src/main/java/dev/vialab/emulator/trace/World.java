package dev.vialab.emulator.trace;

/**
 * The complete observable state after a step. Every field is a persistent map, so a step keeps its state by
 * reference and a change copies only one path of one tree.
 */
public record World(
        PMap<String, NatRow> nat,
        PMap<String, BindingRow> bindings,
        PMap<String, DnsCacheRow> dnsCache,
        PMap<String, PhoneView> phones,
        PMap<String, CallView> calls,
        PMap<String, TcpRow> tcp) {

    public static final World EMPTY = new World(PMap.empty(), PMap.empty(), PMap.empty(), PMap.empty(),
            PMap.empty(), PMap.empty());

    public World withNat(PMap<String, NatRow> m) {
        return new World(m, bindings, dnsCache, phones, calls, tcp);
    }

    public World withBindings(PMap<String, BindingRow> m) {
        return new World(nat, m, dnsCache, phones, calls, tcp);
    }

    public World withDnsCache(PMap<String, DnsCacheRow> m) {
        return new World(nat, bindings, m, phones, calls, tcp);
    }

    public World withPhones(PMap<String, PhoneView> m) {
        return new World(nat, bindings, dnsCache, m, calls, tcp);
    }

    public World withCalls(PMap<String, CallView> m) {
        return new World(nat, bindings, dnsCache, phones, m, tcp);
    }

    public World withTcp(PMap<String, TcpRow> m) {
        return new World(nat, bindings, dnsCache, phones, calls, m);
    }
}
