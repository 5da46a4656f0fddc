package dev.vialab.lab;

import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.sip.SipCodec;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.NodeInfo;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.export.SipSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link Trace} into a {@link LadderModel}: one arrow per packet flight (a packet that crosses the NAT is
 * one arrow with two hops, as in {@code TextLadder}), one note per step without a packet, every sentence already
 * in the learner's language. Pure: the same trace and locale always give an equal model.
 */
public final class LadderMapper {
    private static final Pattern CONTACT_EXPIRES = Pattern.compile(";\\s*expires\\s*=\\s*(\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final String SEP = " · ";

    private final Trace trace;
    private final Explainer explainer;
    private final SipCodec codec = new SipCodec();
    private final List<String> natPublicIps = new ArrayList<>();

    private LadderMapper(Trace trace, Explainer explainer) {
        this.trace = trace;
        this.explainer = explainer;
        for (NodeInfo n : trace.nodes()) {
            if (n.role() == NodeInfo.Role.NAT && n.addresses().size() > 1) {
                natPublicIps.add(n.addresses().get(1));
            }
        }
    }

    public static LadderModel from(Trace trace, Explainer explainer) {
        return new LadderMapper(trace, explainer).map();
    }

    private LadderModel map() {
        List<LadderModel.Lane> lanes = trace.nodes().stream()
                .map(n -> new LadderModel.Lane(n.name(), n.role(), n.addresses())).toList();
        // Steps are ordered by arrival; a flight's hops are scattered among them, so gather them per flight.
        Map<Integer, List<Step>> flights = new TreeMap<>();
        List<LadderModel.Note> notes = new ArrayList<>();
        for (Step s : trace.steps()) {
            if (s.hop() != null) {
                flights.computeIfAbsent(s.hop().flight(), f -> new ArrayList<>()).add(s);
            } else {
                notes.add(new LadderModel.Note(s.index(), s.time(), s.node(), s.kind(), explainer.text(s.why()),
                        s.why().rule()));
            }
        }
        List<LadderModel.Arrow> arrows = new ArrayList<>(flights.size());
        for (List<Step> steps : flights.values()) {
            arrows.add(arrow(steps));
        }
        arrows.sort(Comparator.comparingLong(LadderModel.Arrow::sentAt).thenComparingInt(LadderModel.Arrow::flight));
        List<LadderModel.Mark> marks = trace.marks().stream()
                .map(m -> new LadderModel.Mark(m.name(), m.time(), m.step())).toList();
        return new LadderModel(lanes, arrows, notes, marks, trace.endTime(), trace.size());
    }

    /** One flight; {@code steps} are its hop steps in trace (arrival) order, which is also hop order. */
    private LadderModel.Arrow arrow(List<Step> steps) {
        Hop first = steps.getFirst().hop();
        List<LadderModel.Hop> hops = new ArrayList<>(steps.size());
        LadderModel.Drop dropped = null;
        int firstStep = Integer.MAX_VALUE;
        int lastStep = -1;
        String publicSide = null;
        for (Step s : steps) {
            Hop h = s.hop();
            hops.add(new LadderModel.Hop(h.from(), h.to(), h.sentAt(), s.time(), s.index(), src(h.packet()),
                    dst(h.packet())));
            if (s.kind() == Kind.DROP) {
                dropped = new LadderModel.Drop(s.node(), s.time(), s.index(), explainer.text(s.why()));
            }
            if (publicSide == null && h.onInternet()) {
                publicSide = publicEndpoint(h.packet());
            }
            firstStep = Math.min(firstStep, s.index());
            lastStep = Math.max(lastStep, s.index());
        }
        hops.sort(Comparator.comparingLong(LadderModel.Hop::sentAt).thenComparingInt(LadderModel.Hop::step));
        String label = first.label();
        String detail = "";
        if (first.category() == Category.DNS) {
            // "A sip.example.com: 198.51.100.1 198.51.100.2": the name is the label, the answer the detail
            int colon = label.indexOf(": ");
            if (colon > 0) {
                detail = label.substring(colon + 2);
                label = label.substring(0, colon);
            }
        } else if (first.category() == Category.SIP) {
            detail = sipDetail(first.packet());
        }
        if (publicSide != null) {
            detail = join(detail, "via " + publicSide);
        }
        return new LadderModel.Arrow(first.flight(), label, detail, first.category(), first.retransmission(),
                hops.getFirst().sentAt(), hops, dropped, firstStep, lastStep);
    }

    /** {@code CSeq 2 REGISTER · Expires 300}, with {@code un-REGISTER} when a REGISTER asks for expiry 0. */
    private String sipDetail(Packet packet) {
        if (packet instanceof Packet.Icmp) {
            return "";
        }
        SipSummary s = SipSummary.of(codec, packet.payload());
        if (s == null) {
            return "";
        }
        String detail = "CSeq " + s.cseq() + " " + s.cseqMethod();
        if (!s.cseqMethod().equals("REGISTER")) {
            return detail;
        }
        int header = s.expires();
        int active = 0;
        int removed = 0;
        int firstContact = -1;
        for (String c : s.contacts()) {
            if (c.trim().startsWith("*")) {
                removed++;
                continue;
            }
            Matcher m = CONTACT_EXPIRES.matcher(c);
            // a Contact's own expires parameter wins over the Expires header (RFC 3261 §10.2.1.1)
            int e = m.find() ? Integer.parseInt(m.group(1)) : header;
            firstContact = firstContact < 0 ? e : firstContact;
            if (e == 0) {
                removed++;
            } else {
                active++;
            }
        }
        int shown = header >= 0 ? header : firstContact;
        if (shown >= 0) {
            detail = join(detail, "Expires " + shown);
        }
        if (s.request() && removed > 0) {
            // all Contacts expiring is an un-REGISTER; some is a refresh that retires old Contacts (R18)
            detail = join(detail, active == 0 ? "un-REGISTER" : "removes " + removed + " old Contact");
        }
        return detail;
    }

    private String publicEndpoint(Packet p) {
        String src = src(p);
        String dst = dst(p);
        for (String ip : natPublicIps) {
            if (src.startsWith(ip + ":")) {
                return src;
            }
            if (dst.startsWith(ip + ":")) {
                return dst;
            }
        }
        return null;
    }

    private static String src(Packet p) {
        return switch (p) {
            case Packet.Udp u -> u.src().toString();
            case Packet.Tcp t -> t.src().toString();
            case Packet.Icmp i -> i.srcIp().toString();
        };
    }

    private static String dst(Packet p) {
        return switch (p) {
            case Packet.Udp u -> u.dst().toString();
            case Packet.Tcp t -> t.dst().toString();
            case Packet.Icmp i -> i.dstIp().toString();
        };
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + SEP + b;
    }
}
