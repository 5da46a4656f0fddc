package dev.vialab.emulator.sip;

import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.BindingRow;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.TraceRecorder;
import dev.vialab.emulator.trace.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A location service (RFC 3261 §10): bindings of an address-of-record to contacts, with their expiry. One can be
 * shared by every registrar (a cluster on one database) or each registrar can have its own.
 */
public final class Location {
    private final String name;
    private final Scheduler scheduler;
    private final TraceRecorder recorder;
    private final TreeMap<String, Entry> bindings = new TreeMap<>();
    /** The last step that removed or expired a binding of each AOR, to explain a lookup that finds none. */
    private final TreeMap<String, Integer> lastGone = new TreeMap<>();

    private static final class Entry {
        BindingRow row;
        Scheduler.Timer expiry;
    }

    public Location(String name, Scheduler scheduler, TraceRecorder recorder) {
        this.name = name;
        this.scheduler = scheduler;
        this.recorder = recorder;
    }

    public String name() {
        return name;
    }

    BindingRow get(String aor, String contact) {
        Entry e = bindings.get(aor + '|' + contact);
        return e == null || e.row.expires() <= scheduler.now() ? null : e.row;
    }

    /** Live bindings of an AOR, in key order. */
    List<BindingRow> lookup(String aor) {
        List<BindingRow> out = new ArrayList<>();
        for (Entry e : bindings.subMap(aor + '|', aor + '}').values()) {
            if (e.row.expires() > scheduler.now()) {
                out.add(e.row);
            }
        }
        return out;
    }

    int lastGone(String aor) {
        return lastGone.getOrDefault(aor, -1);
    }

    /** Adds or refreshes a binding and records why; the step number goes into the row. */
    void put(BindingRow row, String key, String rule, Object... args) {
        String k = row.aor() + '|' + row.contact();
        Entry e = bindings.computeIfAbsent(k, x -> new Entry());
        BindingRow withStep = new BindingRow(name, row.aor(), row.contact(), row.source(), row.transport(),
                row.callId(), row.cseq(), row.registeredAt(), row.expires(), row.server(), recorder.lastIndex() + 1);
        e.row = withStep;
        if (e.expiry != null) {
            e.expiry.cancel();
        }
        e.expiry = scheduler.at(row.expires(), () -> expire(k, e, withStep));
        recorder.update(w -> w.withBindings(w.bindings().put(withStep.key(), withStep)));
        recorder.record(Kind.BINDING, row.server(), null, Why.of(key, rule, args));
    }

    void remove(BindingRow row, String server, String key, String rule) {
        String k = row.aor() + '|' + row.contact();
        Entry e = bindings.remove(k);
        if (e == null) {
            return;
        }
        e.expiry.cancel();
        recorder.update(w -> w.withBindings(w.bindings().remove(row.key())));
        lastGone.put(row.aor(), recorder.record(Kind.BINDING, server, null,
                Why.of(key, rule, row.aor(), row.contact(), row.source(), name)));
    }

    private void expire(String k, Entry e, BindingRow row) {
        if (bindings.get(k) != e || e.row != row) {
            return;
        }
        bindings.remove(k);
        recorder.update(w -> w.withBindings(w.bindings().remove(row.key())));
        lastGone.put(row.aor(), recorder.record(Kind.BINDING, row.server(), null,
                Why.of("binding.expired", "RFC 3261 §10.3", row.aor(), row.contact(), row.source(), name,
                        Time.format(row.registeredAt())), row.step()));
    }
}
