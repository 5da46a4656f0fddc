package dev.vialab.emulator.trace;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Selects steps of a {@link Trace}. Lesson goals and questions are queries ("which public port did the t2
 * REGISTER use?"), so they never dig into emulator internals. Immutable: each filter returns a new query.
 */
public final class StepQuery {
    private final Trace trace;
    private final int from;
    private final int to;
    private final Predicate<Step> filter;

    StepQuery(Trace trace) {
        this(trace, 0, trace.size(), s -> true);
    }

    private StepQuery(Trace trace, int from, int to, Predicate<Step> filter) {
        this.trace = trace;
        this.from = from;
        this.to = to;
        this.filter = filter;
    }

    public StepQuery where(Predicate<Step> p) {
        return new StepQuery(trace, from, to, filter.and(p));
    }

    public StepQuery kind(Kind first, Kind... more) {
        EnumSet<Kind> kinds = EnumSet.of(first, more);
        return where(s -> kinds.contains(s.kind()));
    }

    public StepQuery node(String node) {
        return where(s -> s.node().equals(node));
    }

    /** Steps whose explanation key equals {@code key} or starts with {@code key + "."}. */
    public StepQuery key(String key) {
        return where(s -> s.why().key().equals(key) || s.why().key().startsWith(key + "."));
    }

    /** Packet steps whose label starts with {@code label} ({@code REGISTER}, {@code 200}, {@code INVITE}). */
    public StepQuery label(String label) {
        return where(s -> s.hop() != null && s.hop().label().startsWith(label));
    }

    public StepQuery category(Category c) {
        return where(s -> s.hop() != null && s.hop().category() == c);
    }

    public StepQuery from(String node) {
        return where(s -> s.hop() != null && s.hop().from().equals(node));
    }

    public StepQuery to(String node) {
        return where(s -> s.hop() != null && s.hop().to().equals(node));
    }

    public StepQuery flight(int flight) {
        return where(s -> s.hop() != null && s.hop().flight() == flight);
    }

    /** Steps at or after {@code start} and before {@code end} (virtual microseconds). */
    public StepQuery between(long start, long end) {
        int a = Math.max(from, trace.firstIndexFrom(start));
        int b = Math.min(to, trace.firstIndexFrom(end));
        return new StepQuery(trace, a, Math.max(a, b), filter);
    }

    /** Steps from the named mark on; no steps if the mark does not exist. */
    public StepQuery after(String mark) {
        return trace.mark(mark)
                .map(m -> new StepQuery(trace, Math.max(from, m.step()), to, filter))
                .orElse(new StepQuery(trace, to, to, filter));
    }

    /** Steps before the named mark. */
    public StepQuery before(String mark) {
        return trace.mark(mark)
                .map(m -> new StepQuery(trace, from, Math.min(to, m.step()), filter))
                .orElse(this);
    }

    public List<Step> list() {
        List<Step> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Step s = trace.step(i);
            if (filter.test(s)) {
                out.add(s);
            }
        }
        return out;
    }

    public Optional<Step> first() {
        for (int i = from; i < to; i++) {
            Step s = trace.step(i);
            if (filter.test(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public Optional<Step> last() {
        for (int i = to - 1; i >= from; i--) {
            Step s = trace.step(i);
            if (filter.test(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public int count() {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (filter.test(trace.step(i))) {
                n++;
            }
        }
        return n;
    }
}
