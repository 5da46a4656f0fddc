package dev.vialab.emulator.setup;

import dev.vialab.emulator.packet.Ip;
import java.util.List;

/**
 * The lab's DNS server: authoritative for the registrar's domain, reachable by the phone on its LAN (the home
 * router's DNS) and by callers on the internet.
 *
 * @param address where phones ask (on a NAT's LAN)
 * @param publicAddress where callers on the internet ask
 * @param names A record sets with their answer-order policy
 * @param srv SRV records, e.g. {@code _sip._udp.sip.example.com}; empty means SRV queries get NXDOMAIN
 */
public record DnsSetup(Ip address, Ip publicAddress, long delay, List<Name> names, List<Srv> srv) {

    public DnsSetup {
        names = List.copyOf(names);
        srv = List.copyOf(srv);
    }

    /** An A record set of one name, in zone order, with a TTL and the order policy of its answers. */
    public record Name(String name, List<Ip> addresses, int ttl, DnsOrder order) {
        public Name {
            addresses = List.copyOf(addresses);
        }
    }

    /** One SRV record (RFC 2782). */
    public record Srv(String service, int priority, int weight, int port, String target, int ttl) {}
}
