package dev.vialab.emulator.setup;

import dev.vialab.emulator.packet.Ip;
import java.util.List;

/**
 * How the DNS server orders the addresses of one name in successive answers. The order matters because pjsip
 * sends every new request to the first address (R1). {@code DnsServer} tells them apart with {@code instanceof}
 * for the reason given at {@link dev.vialab.emulator.packet.Packet}.
 */
public sealed interface DnsOrder {

    /** Zone order, always. */
    record Fixed() implements DnsOrder {}

    /** The n-th query gets the n-th order; after the last: start over, or keep the last one. */
    record PerQuery(List<List<Ip>> orders, boolean repeat) implements DnsOrder {
        public PerQuery {
            orders = orders.stream().map(List::copyOf).toList();
        }
    }

    /** Each query rotates the previous answer by one (BIND's cyclic rrset-order). */
    record RoundRobin() implements DnsOrder {}

    /** A seeded random permutation per query. */
    record Shuffle() implements DnsOrder {}

    /** The order changes at given virtual times, e.g. {@code [ip1,ip2,ip3]} until 295 s, then {@code [ip3,ip1,ip2]}. */
    record Schedule(List<Entry> entries) implements DnsOrder {
        public Schedule {
            entries = List.copyOf(entries);
        }

        public record Entry(long from, List<Ip> order) {
            public Entry {
                order = List.copyOf(order);
            }
        }
    }
}
