package dev.vialab.lab;

import dev.vialab.emulator.trace.BindingRow;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.NatRow;
import dev.vialab.emulator.trace.NodeInfo;
import dev.vialab.emulator.trace.PMap;
import dev.vialab.emulator.trace.PhoneView;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.emulator.trace.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a {@link Trace} into a {@link TimelineModel} by walking the steps and comparing each step's NAT table,
 * bindings and phone views with the previous one. Comparing the World rows (not parsing the NAT_MAPPING,
 * BINDING and REGISTRATION explanations) keeps the bars right whatever step kind changed a row; the step's
 * explanation key only says <em>how</em> a bar ended (expired, closed, removed).
 */
public final class TimelineMapper {
    private final Trace trace;
    private final Map<String, String> laneByIp = new TreeMap<>();
    private final Map<String, Rows> kinds = new LinkedHashMap<>();

    /** Rows of one kind in order of first appearance, each with its bars and its open bar, if any. */
    private static final class Rows {
        final Map<String, TimelineModel.Row> rows = new LinkedHashMap<>();
        final Map<String, List<TimelineModel.Bar>> bars = new LinkedHashMap<>();
        final Map<String, TimelineModel.Bar> open = new TreeMap<>();
        final Map<String, Object> identity = new TreeMap<>();
    }

    private TimelineMapper(Trace trace) {
        this.trace = trace;
        for (NodeInfo n : trace.nodes()) {
            for (String a : n.addresses()) {
                laneByIp.putIfAbsent(ip(a), n.name());
            }
        }
        for (TimelineModel.RowKind k : TimelineModel.RowKind.values()) {
            kinds.put(k.name(), new Rows());
        }
    }

    public static TimelineModel from(Trace trace) {
        return new TimelineMapper(trace).map();
    }

    private TimelineModel map() {
        World before = World.EMPTY;
        List<Long> times = new ArrayList<>(trace.size());
        for (Step s : trace.steps()) {
            World after = s.state();
            // PMaps are persistent: an unchanged table is the same object, so most steps cost nothing here
            if (after.nat() != before.nat()) {
                nat(s, after.nat());
            }
            if (after.bindings() != before.bindings()) {
                bindings(s, after.bindings());
            }
            if (after.phones() != before.phones()) {
                phones(s, after.phones());
            }
            keepAlive(s);
            before = after;
            times.add(s.time());
        }
        List<TimelineModel.Row> rows = new ArrayList<>();
        for (Rows r : kinds.values()) {
            r.open.forEach((id, bar) -> r.bars.get(id).add(new TimelineModel.Bar(bar.start(), trace.endTime(),
                    TimelineModel.End.OPEN, bar.label(), bar.target(), bar.startStep(), -1)));
            r.rows.forEach((id, row) -> rows.add(new TimelineModel.Row(id, row.kind(), row.label(), row.detail(),
                    r.bars.get(id))));
        }
        // only lanes some bar is about, in lane order: the browser colours them by position in this list
        Set<String> used = new TreeSet<>();
        rows.forEach(row -> row.bars().forEach(b -> used.add(b.target())));
        List<String> targets = trace.nodes().stream().map(NodeInfo::name).filter(used::contains).toList();
        List<TimelineModel.Mark> marks = trace.marks().stream()
                .map(m -> new TimelineModel.Mark(m.name(), m.time(), m.step())).toList();
        return new TimelineModel(trace.endTime(), rows, targets, marks, times);
    }

    private void nat(Step s, PMap<String, NatRow> table) {
        Map<String, Object> now = new TreeMap<>();
        Map<String, String[]> text = new TreeMap<>();
        table.forEach((key, row) -> {
            now.put(key, key);
            String remote = remote(row.remote());
            String label = (row.transport().name().equals("UDP") ? "" : row.transport() + " ")
                    + row.outside().port() + " → " + remote;
            String detail = row.nat() + ": " + row.transport() + " " + row.inside() + " → " + row.outside()
                    + " for " + row.remote();
            text.put(key, new String[] {label, detail, row.outside() + " ⇄ " + row.remote(),
                    laneByIp.getOrDefault(ip(row.remote()), "")});
        });
        update(TimelineModel.RowKind.NAT_MAPPING, s, now, text);
    }

    private void bindings(Step s, PMap<String, BindingRow> table) {
        Map<String, Object> now = new TreeMap<>();
        Map<String, String[]> text = new TreeMap<>();
        table.forEach((key, b) -> {
            // a new server or source address starts a new bar: that is the change a learner must notice
            now.put(key, b.server() + "|" + b.source());
            String label = b.location() + " · " + b.contact().replaceFirst("^<?sips?:", "").replaceFirst(">$", "");
            String detail = b.location() + ": " + b.aor() + " → " + b.contact() + " (" + b.transport() + ")";
            text.put(key, new String[] {label, detail, b.server() + " via " + b.source(), b.server()});
        });
        update(TimelineModel.RowKind.BINDING, s, now, text);
    }

    /**
     * Keep-alive targets start and move at the phone's {@code acc.ka.start}/{@code acc.ka.moved} steps. The
     * phone publishes its view after recording those steps, so its World row lags; it is used only to see the
     * keep-alives stop (the target becomes empty), which no step announces.
     */
    private void keepAlive(Step s) {
        String key = s.why().key();
        if (s.kind() == Kind.REGISTRATION && (key.equals("acc.ka.start") || key.equals("acc.ka.moved"))) {
            String target = s.why().arg(1);
            String lane = laneByIp.getOrDefault(ip(target), "");
            String id = "ka/" + s.node();
            Rows r = kinds.get(TimelineModel.RowKind.KEEPALIVE.name());
            // the label is the phone's name: the browser words it ("keep-alive {0}") in the learner's language
            r.rows.putIfAbsent(id, new TimelineModel.Row(id, TimelineModel.RowKind.KEEPALIVE, s.node(),
                    s.node() + " → " + target + " (R13)", List.of()));
            r.bars.computeIfAbsent(id, k -> new ArrayList<>());
            close(r, id, s, TimelineModel.End.REPLACED);
            r.open.put(id, new TimelineModel.Bar(s.time(), -1, TimelineModel.End.OPEN,
                    lane.isEmpty() ? target : lane + " " + target, lane, s.index(), -1));
        }
    }

    private void phones(Step s, PMap<String, PhoneView> table) {
        Rows r = kinds.get(TimelineModel.RowKind.KEEPALIVE.name());
        table.forEach((phone, v) -> {
            String id = "ka/" + phone;
            if (!v.kaTarget().isEmpty()) {
                r.identity.put(id, v.kaTarget());
            } else if (r.identity.remove(id) != null) {
                close(r, id, s, TimelineModel.End.REMOVED);
            }
        });
    }

    private static void close(Rows r, String id, Step s, TimelineModel.End end) {
        TimelineModel.Bar bar = r.open.remove(id);
        if (bar != null) {
            r.bars.get(id).add(new TimelineModel.Bar(bar.start(), s.time(), end, bar.label(), bar.target(),
                    bar.startStep(), s.index()));
        }
    }

    /**
     * Closes bars whose row vanished or changed identity, and opens bars for new rows and new identities.
     * {@code text} holds, per id: row label, row detail, bar label, bar target.
     */
    private void update(TimelineModel.RowKind kind, Step s, Map<String, Object> now, Map<String, String[]> text) {
        Rows r = kinds.get(kind.name());
        for (String id : List.copyOf(r.open.keySet())) {
            Object identity = now.get(id);
            if (identity == null || !identity.equals(r.identity.get(id))) {
                close(r, id, s, identity != null ? TimelineModel.End.REPLACED : ending(s));
            }
        }
        now.forEach((id, identity) -> {
            if (!r.open.containsKey(id)) {
                String[] t = text.get(id);
                r.rows.putIfAbsent(id, new TimelineModel.Row(id, kind, t[0], t[1], List.of()));
                r.bars.computeIfAbsent(id, k -> new ArrayList<>());
                r.open.put(id, new TimelineModel.Bar(s.time(), -1, TimelineModel.End.OPEN, t[2], t[3], s.index(),
                        -1));
                r.identity.put(id, identity);
            }
        });
    }

    /** Why a row left its table, from the explanation key of the step that removed it. */
    private static TimelineModel.End ending(Step s) {
        String key = s.why().key();
        if (key.contains("expired")) {
            return TimelineModel.End.EXPIRED;
        }
        return key.contains("closed") ? TimelineModel.End.CLOSED : TimelineModel.End.REMOVED;
    }

    private String remote(String remote) {
        String lane = laneByIp.get(ip(remote));
        return lane == null ? remote : lane;
    }

    /** {@code 198.51.100.1:5060} → {@code 198.51.100.1}; a bare address or {@code *} stays as it is. */
    private static String ip(String address) {
        int colon = address.indexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }
}
