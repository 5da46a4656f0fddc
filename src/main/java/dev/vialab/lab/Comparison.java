package dev.vialab.lab;

import dev.vialab.emulator.trace.CallOutcome;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.export.TextLadder;
import java.util.ArrayList;
import java.util.List;

/**
 * Two runs aligned by virtual time: the packet and decision lines of each (in the compact form, where Call-IDs
 * are symbolic, so equal behaviour reads equal), row by row, with what differs marked; the NAT mappings each run
 * made; and each call's outcome in both.
 */
public record Comparison(List<Row> rows, List<OutcomePair> outcomes, List<String> leftMappings,
        List<String> rightMappings) {

    /** A row: the same line in both runs, or a line only one of them has at that time. */
    public record Row(long time, int leftStep, String left, int rightStep, String right, boolean same) {}

    public record OutcomePair(String call, CallOutcome.Result left, CallOutcome.Result right) {}

    public static Comparison of(Trace a, Trace b) {
        List<TextLadder.Line> la = TextLadder.compactLines(a);
        List<TextLadder.Line> lb = TextLadder.compactLines(b);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < la.size() || j < lb.size()) {
            TextLadder.Line x = i < la.size() ? la.get(i) : null;
            TextLadder.Line y = j < lb.size() ? lb.get(j) : null;
            if (x != null && y != null && x.time() == y.time() && x.text().equals(y.text())) {
                rows.add(new Row(x.time(), x.step(), x.text(), y.step(), y.text(), true));
                i++;
                j++;
            } else if (y == null || (x != null && x.time() <= y.time())) {
                rows.add(new Row(x.time(), x.step(), x.text(), -1, "", false));
                i++;
            } else {
                rows.add(new Row(y.time(), -1, "", y.step(), y.text(), false));
                j++;
            }
        }
        List<OutcomePair> outcomes = new ArrayList<>();
        for (CallOutcome o : a.outcomes()) {
            outcomes.add(new OutcomePair(o.call(), o.result(),
                    b.outcome(o.call()).map(CallOutcome::result).orElse(CallOutcome.Result.PENDING)));
        }
        return new Comparison(rows, outcomes, mappings(a), mappings(b));
    }

    private static List<String> mappings(Trace t) {
        List<String> out = new ArrayList<>();
        for (Step s : t.query().kind(Kind.NAT_MAPPING).key("nat.mapping.created").list()) {
            out.add(s.why().arg(1) + " for " + s.why().arg(2));
        }
        return out;
    }

    public long differences() {
        return rows.stream().filter(r -> !r.same()).count();
    }
}
