package dev.vialab.emulator.dns;

import dev.vialab.emulator.net.Delivery;
import dev.vialab.emulator.net.Network;
import dev.vialab.emulator.net.Host;
import dev.vialab.emulator.net.Rng;
import dev.vialab.emulator.net.UdpSocket;
import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.setup.DnsOrder;
import dev.vialab.emulator.setup.DnsSetup;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Why;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The lab's authoritative DNS server. Answers are real DNS messages built with dnsjava; the order of the
 * addresses in each answer follows the name's {@link DnsOrder} policy, which is the whole point of the lab:
 * pjsip sends every new request to the first address (R1).
 */
public final class DnsServer extends Host {
    /** Negative answers are cached for the SOA minimum (RFC 2308 §5); pjsip's resolver keeps them ~60 s (R29). */
    static final int NEGATIVE_TTL = 60;

    private final DnsSetup setup;
    private final String zone;
    /** The last question's name as asked and in lower case. */
    private String lastAsked;
    private String lastQname;
    private final Rng shuffle;
    private final TreeMap<String, NameState> names = new TreeMap<>();

    private static final class NameState {
        final DnsSetup.Name config;
        int queries;
        /**
         * The last A answer's order, as asked and as written: most policies give the same order again and again
         * (fixed, a held list), and a thousand phones asking anew for every transaction (R1) made the same text
         * each time.
         */
        String lastAsked;
        List<Ip> lastOrder;
        String lastShown;
        String lastLabel;

        NameState(DnsSetup.Name config) {
            this.config = config;
        }
    }

    public DnsServer(String name, DnsSetup setup, String zone, Network net, long seed, long jitterSeed) {
        super(name, net, seed);
        this.setup = setup;
        this.zone = absolute(zone);
        this.shuffle = Rng.derive(jitterSeed, name + "/shuffle");
        for (DnsSetup.Name n : setup.names()) {
            names.put(absolute(n.name()), new NameState(n));
        }
    }

    /** Binds port 53 on every address of the server (LAN and public). */
    public void listen(List<Ip> addresses) {
        for (Ip ip : addresses) {
            UdpSocket[] socket = new UdpSocket[1];
            socket[0] = bind(ip, 53, (d, p) -> answer(d, p, socket[0]));
        }
    }

    static String absolute(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }

    private void answer(Delivery d, Packet.Udp p, UdpSocket socket) {
        Message query;
        try {
            query = new Message(p.payload());
        } catch (IOException e) {
            d.drop(Why.of("dns.malformed", "RFC 1035 §4.1", p.src()));
            return;
        }
        Record q = query.getQuestion();
        Message r = new Message(query.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            r.getHeader().setFlag(Flags.RD);
        }
        r.getHeader().setFlag(Flags.RA);
        r.addRecord(q, Section.QUESTION);
        String asked = q.getName().toString();
        if (!asked.equals(lastAsked)) { // the lower-case form is an explanation argument: one per name asked
            lastAsked = asked;
            lastQname = asked.toLowerCase(Locale.ROOT);
        }
        String qname = lastQname;
        NameState a = names.get(qname);
        Why why;
        List<String> shown = new ArrayList<>();
        String label = null;
        if (q.getType() == Type.A && a != null) {
            List<Ip> order = order(a);
            for (Ip ip : order) {
                r.addRecord(aRecord(q.getName(), ip, a.config.ttl()), Section.ANSWER);
            }
            if (!order.equals(a.lastOrder) || !asked.equals(a.lastAsked)) {
                for (Ip ip : order) {
                    shown.add(ip.toString());
                }
                a.lastAsked = asked;
                a.lastOrder = order;
                a.lastShown = String.join(" ", shown);
                a.lastLabel = DnsText.label(r);
            }
            label = a.lastLabel;
            why = Why.of("dns.answer.a", "", qname, a.lastShown, describe(a));
        } else if (q.getType() == Type.SRV && hasSrv(qname)) {
            for (DnsSetup.Srv s : setup.srv()) {
                if (absolute(s.service()).equals(qname)) {
                    Name target = name(s.target());
                    r.addRecord(new SRVRecord(q.getName(), DClass.IN, s.ttl(), s.priority(), s.weight(), s.port(),
                            target), Section.ANSWER);
                    shown.add(s.priority() + " " + s.weight() + " " + s.port() + " " + target);
                    NameState t = names.get(absolute(s.target()));
                    if (t != null) {
                        for (Ip ip : t.config.addresses()) {
                            r.addRecord(aRecord(target, ip, t.config.ttl()), Section.ADDITIONAL);
                        }
                    }
                }
            }
            why = Why.of("dns.answer.srv", "RFC 2782", qname, String.join(", ", shown));
        } else if (a != null || qname.endsWith(zone) && hasAnyRecord(qname)) {
            r.addRecord(soa(), Section.AUTHORITY);
            why = Why.of("dns.answer.nodata", "RFC 2308 §2.2", qname, Type.string(q.getType()));
        } else {
            r.getHeader().setRcode(Rcode.NXDOMAIN);
            r.addRecord(soa(), Section.AUTHORITY);
            why = Why.of("dns.answer.nxdomain", "RFC 2308 §2.1", qname, Type.string(q.getType()));
        }
        d.accept(why);
        if (label == null) {
            label = DnsText.label(r);
        }
        socket.send(p.src(), r.toWire(), label, Category.DNS, false, why);
    }

    /** The answer order for the next A query of a name; counts the query. */
    private List<Ip> order(NameState s) {
        List<Ip> zoneOrder = s.config.addresses();
        int n = s.queries++;
        DnsOrder order = s.config.order(); // instanceof, not a type switch: see DnsOrder
        if (order instanceof DnsOrder.PerQuery pq) {
            return pq.orders().get(pq.repeat() ? n % pq.orders().size() : Math.min(n, pq.orders().size() - 1));
        } else if (order instanceof DnsOrder.RoundRobin) {
            List<Ip> out = new ArrayList<>(zoneOrder.size());
            for (int i = 0; i < zoneOrder.size(); i++) {
                out.add(zoneOrder.get((i + n) % zoneOrder.size()));
            }
            return out;
        } else if (order instanceof DnsOrder.Shuffle) {
            List<Ip> out = new ArrayList<>(zoneOrder);
            for (int i = out.size() - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                Ip tmp = out.get(i);
                out.set(i, out.get(j));
                out.set(j, tmp);
            }
            return out;
        } else if (order instanceof DnsOrder.Schedule sc) {
            List<Ip> out = sc.entries().getFirst().order();
            for (DnsOrder.Schedule.Entry e : sc.entries()) {
                if (e.from() <= scheduler.now()) {
                    out = e.order();
                }
            }
            return out;
        }
        return zoneOrder; // DnsOrder.Fixed
    }

    private String describe(NameState s) {
        int n = s.queries;
        DnsOrder order = s.config.order();
        if (order instanceof DnsOrder.PerQuery pq) {
            return "per-query " + n + "/" + pq.orders().size() + (pq.repeat() ? " repeat" : " hold");
        } else if (order instanceof DnsOrder.RoundRobin) {
            return "round-robin " + n;
        } else if (order instanceof DnsOrder.Shuffle) {
            return "shuffle";
        } else if (order instanceof DnsOrder.Schedule) {
            return "schedule " + Time.format(scheduler.now());
        }
        return "fixed";
    }

    private boolean hasSrv(String qname) {
        return setup.srv().stream().anyMatch(s -> absolute(s.service()).equals(qname));
    }

    private boolean hasAnyRecord(String qname) {
        return names.containsKey(qname) || hasSrv(qname);
    }

    private Record aRecord(Name name, Ip ip, int ttl) {
        try {
            return new ARecord(name, DClass.IN, ttl, InetAddress.getByAddress(ip.bytes()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private SOARecord soa() {
        Name origin = name(zone);
        return new SOARecord(origin, DClass.IN, NEGATIVE_TTL, name("ns." + zone), name("hostmaster." + zone),
                1, 3600, 600, 86400, NEGATIVE_TTL);
    }

    static Name name(String text) {
        try {
            return Name.fromString(absolute(text));
        } catch (TextParseException e) {
            throw new IllegalArgumentException("bad DNS name " + text, e);
        }
    }
}
