package dev.vialab.emulator;

import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.Setup;
import dev.vialab.emulator.trace.CallOutcome;
import dev.vialab.emulator.trace.CallOutcome.Link;
import dev.vialab.emulator.trace.CallOutcome.Result;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.emulator.trace.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads each call's fate off a finished trace and explains it as a chain of steps, most immediate cause first:
 * e.g. "INVITE to 203.0.113.195:13450 dropped ← mapping 13450 expired ← last refreshed by a keep-alive to ip1 ←
 * keep-alives moved to ip3 ← DNS named ip3 first ← ip1 still held the binding via 13450".
 */
final class Outcomes {
    private Outcomes() {}

    static List<CallOutcome> analyze(Trace t, Setup setup) {
        List<CallOutcome> out = new ArrayList<>();
        for (CallSetup c : setup.calls()) {
            out.add(analyze(t, c));
        }
        return out;
    }

    private static CallOutcome analyze(Trace t, CallSetup c) {
        Optional<Step> start = t.query().key("call.start").where(s -> s.why().arg(0).equals(c.name())).first();
        if (start.isEmpty()) {
            return new CallOutcome(c.name(), Result.PENDING, -1, Why.of("outcome.notstarted", ""), List.of());
        }
        int from = start.get().index();
        String callId = start.get().why().arg(3);
        Optional<Step> decided = t.query().between(start.get().time(), Long.MAX_VALUE)
                .where(s -> s.index() >= from && s.kind() == Kind.CALL && s.why().arg(0).equals(c.name())
                        && (s.why().key().equals("call.answered") || s.why().key().equals("call.failed")
                                || s.why().key().equals("call.timeout")))
                .first();
        if (decided.isEmpty()) {
            return new CallOutcome(c.name(), Result.PENDING, from, Why.of("outcome.pending", "", c.name()), List.of());
        }
        Step end = decided.get();
        List<Link> chain = new ArrayList<>();
        switch (end.why().key()) {
            case "call.answered" -> {
                t.query().between(start.get().time(), end.time() + 1).key("phone.rx.invite").first()
                        .ifPresent(s -> chain.add(link(s)));
                lookups(t, from, end.index(), callId, chain);
                return new CallOutcome(c.name(), Result.DELIVERED, end.index(),
                        Why.of("outcome.delivered", "", c.name()), chain);
            }
            case "call.timeout" -> {
                chain.add(link(end));
                firstDropOfInvite(t, from, end.index(), callId, false).ifPresent(d -> chain.add(link(d)));
                return new CallOutcome(c.name(), Result.FAILED, end.index(),
                        Why.of("outcome.noserver", "", c.name()), chain);
            }
            default -> { }
        }
        String code = end.why().arg(1);
        if (code.equals("480") || code.equals("404")) {
            chain.add(link(end));
            t.query().between(start.get().time(), end.time() + 1).key("proxy.nobinding")
                    .where(p -> p.why().arg(2).equals(callId)).last().ifPresent(p -> {
                chain.add(link(p));
                if (p.cause() >= 0 && t.step(p.cause()).kind() == Kind.BINDING) {
                    Step gone = t.step(p.cause());
                    chain.add(link(gone));
                    movedAway(t, gone, chain);
                }
            });
            return new CallOutcome(c.name(), Result.REJECTED, end.index(),
                    Why.of("outcome.rejected", "", c.name(), code), chain);
        }
        Optional<Step> drop = firstDropOfInvite(t, from, end.index(), callId, true);
        if (drop.isPresent()) {
            Step d = drop.get();
            chain.add(link(d));
            explainDrop(t, d, chain);
            lookups(t, from, end.index(), callId, chain);
            String to = d.hop().packet() instanceof dev.vialab.emulator.packet.Packet.Udp u ? u.dst().toString()
                    : d.hop().packet() instanceof dev.vialab.emulator.packet.Packet.Tcp tc ? tc.dst().toString()
                    : d.hop().packet().dstIp().toString();
            return new CallOutcome(c.name(), Result.LOST, end.index(), Why.of("outcome.lost", "", c.name(), to,
                    d.why().key()), chain);
        }
        chain.add(link(end));
        return new CallOutcome(c.name(), Result.FAILED, end.index(), Why.of("outcome.failed", "", c.name(), code),
                chain);
    }

    /** The first INVITE (from a proxy towards the phone, or from the caller) that was dropped on the way. */
    private static Optional<Step> firstDropOfInvite(Trace t, int from, int to, String callId, boolean fromProxy) {
        for (int i = from; i <= to && i < t.size(); i++) {
            Step s = t.step(i);
            if (s.kind() == Kind.DROP && s.hop() != null && s.hop().label().equals("INVITE")
                    && s.hop().packet().text().contains("Call-ID: " + callId + "\r\n")
                    && (!fromProxy || !s.hop().from().startsWith("caller"))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static void explainDrop(Trace t, Step drop, List<Link> chain) {
        if (drop.cause() < 0) {
            return;
        }
        Step cause = t.step(drop.cause());
        switch (drop.why().key()) {
            case "nat.drop.expired" -> {
                chain.add(link(cause)); // the mapping's expiry
                if (cause.cause() >= 0) {
                    Step refresh = t.step(cause.cause());
                    chain.add(link(refresh)); // the last packet that refreshed it
                    movedAway(t, refresh, chain);
                }
            }
            case "nat.drop.filtered" -> chain.add(link(cause)); // the mapping, made for another remote
            default -> { }
        }
    }

    /**
     * Why nothing refreshed the old path after {@code since}: the phone moved its keep-alives (R13) or stopped
     * registering; and the DNS answer that sent the REGISTER elsewhere (R1).
     */
    private static void movedAway(Trace t, Step since, List<Link> chain) {
        Optional<Step> moved = t.query().between(since.time(), Long.MAX_VALUE)
                .where(s -> s.index() > since.index() && s.kind() == Kind.REGISTRATION
                        && (s.why().key().equals("acc.ka.moved") || s.why().key().equals("acc.ka.start")
                                || s.why().key().equals("acc.failed") || s.why().key().equals("phone.quit")))
                .first();
        moved.ifPresent(m -> {
            chain.add(link(m));
            // the lookup that named another server: the one before the REGISTER whose 2xx moved the keep-alives,
            // or, when the phone quit, the un-REGISTER's own lookup right after
            Optional<Step> dns = m.why().key().equals("phone.quit")
                    ? t.query().where(s -> s.index() > m.index() && s.kind() == Kind.DNS && s.node().equals(m.node()))
                            .first()
                    : t.query().where(s -> s.index() < m.index() && s.kind() == Kind.DNS && s.node().equals(m.node()))
                            .last();
            dns.ifPresent(d -> chain.add(link(d)));
        });
    }

    /** The proxy's lookups for this call, each with the binding it used. */
    private static void lookups(Trace t, int from, int to, String callId, List<Link> chain) {
        for (int i = from; i <= to && i < t.size(); i++) {
            Step s = t.step(i);
            if (s.kind() == Kind.CALL && s.why().key().startsWith("proxy.lookup") && s.why().arg(5).equals(callId)) {
                chain.add(link(s));
                if (s.cause() >= 0 && t.step(s.cause()).kind() == Kind.BINDING) {
                    chain.add(link(t.step(s.cause())));
                }
            }
        }
    }

    private static Link link(Step s) {
        return new Link(s.index(), s.why());
    }
}
