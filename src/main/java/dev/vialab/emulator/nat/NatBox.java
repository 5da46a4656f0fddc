package dev.vialab.emulator.nat;

import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Node;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.NatSetup.Behaviour;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Why;

/**
 * A NAT as RFC 4787 (UDP) and RFC 5382 (TCP) describe it: a mapping behaviour decides when an outbound packet
 * gets a new public port (§4.1), a filtering behaviour decides which inbound packets pass (§5), UDP mappings die
 * {@code udpTimeout} after the last outbound packet (§4.3; REQ-6: only outbound traffic refreshes them), TCP
 * mappings live with their connection. Every creation, expiry, translation and drop is a trace step. This class
 * translates and filters packets; the mappings and their lifetimes are {@link MappingTable}'s.
 */
public final class NatBox extends MappingTable implements Node {
    private final Network net;
    private Network.Attachment inside;
    private Network.Attachment outside;
    /* The addresses every packet is dispatched on, held here rather than read from the setup (see MappingTable). */
    private final int publicBits;
    private final int insideBits;
    /** The filtering behaviour, or null for endpoint-independent filtering (every remote may send in). */
    private final Behaviour filtering;

    public NatBox(NatSetup setup, Network net, long seed) {
        super(setup, net.scheduler(), net.recorder(), seed);
        this.net = net;
        this.publicBits = setup.publicIp().bits();
        this.insideBits = setup.inside().bits();
        this.filtering = setup.filtering() == Behaviour.ENDPOINT_INDEPENDENT ? null : setup.filtering();
    }

    public void attach(Network.Attachment inside, Network.Attachment outside) {
        this.inside = inside;
        this.outside = outside;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void receive(Hop hop) {
        Packet p = hop.packet();
        int dst = p.dstIp().bits();
        if (dst == publicBits) {
            inbound(hop, p);
        } else if (dst == insideBits) {
            recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.self", "", p.dstIp()));
        } else {
            outbound(hop, p);
        }
    }

    /**
     * An outbound datagram's mapping, read ahead of its arrival (a keep-alive's; see {@link Scheduler.Warm}), and
     * the outside interface it will leave by: with a NAT per phone that attachment is the NAT's own, as cold as
     * the NAT when the keep-alive is due.
     */
    @Override
    public long warm(Packet p) {
        return p instanceof Packet.Udp u && p.dstIp().bits() != publicBits
                ? warmOutbound(u.src()) + outside.delay() : 0;
    }

    // ---- outbound ------------------------------------------------------------------------------------------

    private void outbound(Hop hop, Packet p) {
        if (p instanceof Packet.Udp u) { // instanceof, not a type switch: see Packet
            outboundFlow(hop, Transport.UDP, u.src(), u.dst(), false, false);
        } else if (p instanceof Packet.Tcp t) {
            outboundFlow(hop, Transport.TCP, t.src(), t.dst(),
                    t.has(Packet.Tcp.SYN) && !t.has(Packet.Tcp.ACK), t.has(Packet.Tcp.RST) || t.has(Packet.Tcp.FIN));
        } else {
            outboundIcmp(hop, (Packet.Icmp) p);
        }
    }

    private void outboundFlow(Hop hop, Transport t, Endpoint src, Endpoint dst, boolean syn, boolean closing) {
        Mapping m = flow(t, src, dst);
        if (m != null && t == Transport.UDP && scheduler.now() >= m.expiresAt(udpTimeout)) {
            expire(m, "nat.mapping.expired");
            m = null;
        }
        if (m == null) {
            if (t == Transport.TCP && !syn) {
                recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.tcp.nomapping", "RFC 5382 §5", src, dst));
                return;
            }
            m = create(t, src, dst);
        }
        // only a newly permitted remote changes what the row stores; a keep-alive moves derived fields only
        publish(m, m.refresh(history, scheduler.now(), recorder.lastIndex() + 1, filtering, dst, filterTimeout));
        if (t == Transport.UDP) {
            scheduleExpiry(m);
        }
        Packet translated = m.translateOut(hop.packet(), dst);
        recorder.record(Kind.FORWARD, name(), hop, m.outWhy(dst, udpTimeout));
        net.forward(outside, translated, dst.ip(), hop, m); // the mapping caches its last leg
        if (t == Transport.TCP && closing) {
            closeTcp(m, hop.packet() instanceof Packet.Tcp seg && seg.has(Packet.Tcp.RST));
        }
    }

    private void outboundIcmp(Hop hop, Packet.Icmp icmp) {
        // An inside host refusing a datagram that came in through a mapping: translate it back out.
        Packet.Udp q = icmp.quoted();
        Mapping found = firstByInside(insideKey(Transport.UDP, q.dst()));
        if (found == null) {
            recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.icmp", "RFC 5508 §4.2", q.dst()));
            return;
        }
        Packet.Icmp out = new Packet.Icmp(setup.publicIp(), icmp.dstIp(), icmp.type(), icmp.code(),
                new Packet.Udp(q.src(), found.outside, q.payload()));
        recorder.record(Kind.FORWARD, name(), hop, Why.of("nat.icmp.out", "RFC 5508 §4.2", q.dst(), found.outside));
        net.forward(outside, out, hop);
    }

    // ---- inbound -------------------------------------------------------------------------------------------

    private void inbound(Hop hop, Packet p) {
        if (p instanceof Packet.Udp u) {
            inboundFlow(hop, Transport.UDP, u.src(), u.dst(), false);
        } else if (p instanceof Packet.Tcp t) {
            inboundFlow(hop, Transport.TCP, t.src(), t.dst(), t.has(Packet.Tcp.RST) || t.has(Packet.Tcp.FIN));
        } else {
            inboundIcmp(hop, (Packet.Icmp) p);
        }
    }

    private void inboundFlow(Hop hop, Transport t, Endpoint src, Endpoint dst, boolean closing) {
        Mapping m = live(t, dst.port());
        if (m == null) {
            Gone g = gone(t, dst.port());
            if (g != null) {
                recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.expired", "RFC 4787 §4.3", dst, src,
                        Time.format(g.at()), g.mapping().remoteKey, g.reason()), g.step());
            } else {
                recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.nomapping", "RFC 4787 §5", dst, src));
            }
            return;
        }
        if (!allowed(m, src)) {
            recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.filtered", "RFC 4787 §5",
                    dst, src, setup.filtering().id(), m.permittedKeys(), m.remoteKey),
                    m.createdStep);
            return;
        }
        recorder.record(Kind.FORWARD, name(), hop, Why.of("nat.in", "RFC 4787 §5", src, dst, m.inside));
        net.forward(inside, hop.packet().withAddresses(src, m.inside), hop);
        if (t == Transport.TCP && closing) {
            closeTcp(m, hop.packet() instanceof Packet.Tcp seg && seg.has(Packet.Tcp.RST));
        }
    }

    private void inboundIcmp(Hop hop, Packet.Icmp icmp) {
        Packet.Udp q = icmp.quoted();
        Mapping m = live(Transport.UDP, q.src().port());
        if (m == null) {
            recorder.record(Kind.DROP, name(), hop, Why.of("nat.drop.icmp", "RFC 5508 §4.2", q.src()));
            return;
        }
        Packet.Icmp in = new Packet.Icmp(icmp.srcIp(), m.inside.ip(), icmp.type(), icmp.code(),
                new Packet.Udp(m.inside, q.dst(), q.payload()));
        recorder.record(Kind.FORWARD, name(), hop, Why.of("nat.icmp.in", "RFC 5508 §4.2", q.src(), m.inside));
        net.forward(inside, in, hop);
    }

    /** RFC 4787 §5: which remotes may send in through a mapping. */
    private boolean allowed(Mapping m, Endpoint src) {
        if (filtering == null) {
            return true;
        }
        return m.permits(filtering, src, scheduler.now());
    }
}
