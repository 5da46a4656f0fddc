package dev.vialab.lab.export;

import dev.vialab.emulator.trace.CallOutcome;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Mark;
import dev.vialab.emulator.trace.NodeInfo;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.emulator.trace.World;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The whole trace as JSON, schema {@code vialab-trace} version {@value #VERSION}: described for humans in
 * {@code TRACE-JSON.md} and formally in {@code trace.schema.json} next to this class's resources.
 *
 * <p>Output is deterministic: the same trace gives the same characters (fixed key order, integer microseconds,
 * no locale, no hash order), so exports can be diffed and used as golden files. Steps carry state as deltas against
 * the previous step so the file grows with what happens, not with steps × state size.
 */
public final class JsonExport {
    /** Bump when a reader of the previous version would misread the output (a renamed or retyped key). */
    public static final int VERSION = 1;
    public static final String FORMAT = "vialab-trace";

    private JsonExport() {}

    /** Writes the trace to {@code out} (buffered here; flushed, not closed). Give it a UTF-8 writer. */
    public static void write(Trace trace, Writer out) throws IOException {
        BufferedWriter buffered = new BufferedWriter(out, 1 << 16);
        write(trace, new JsonWriter(buffered));
        buffered.flush();
    }

    public static String toJson(Trace trace) {
        StringWriter s = new StringWriter(Math.max(1024, trace.size() * 256));
        try {
            write(trace, new JsonWriter(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter never throws
        }
        return s.toString();
    }

    private static void write(Trace trace, JsonWriter w) throws IOException {
        w.beginObject()
                .field("format", FORMAT)
                .field("version", VERSION)
                .field("endTime", trace.endTime());
        RowJson.why(w.name("stop"), trace.stop());
        nodes(w, trace);
        marks(w, trace);
        outcomes(w, trace);
        StateJson.full(w.name("initial"), trace.stateAt(-1));
        w.name("steps").beginArray(true);
        World before = trace.stateAt(-1);
        for (Step s : trace.steps()) {
            step(w, s, before);
            before = s.state();
        }
        w.endArray();
        w.endObject();
    }

    private static void nodes(JsonWriter w, Trace trace) throws IOException {
        w.name("nodes").beginArray();
        for (NodeInfo n : trace.nodes()) {
            w.beginObject().field("name", n.name()).field("role", RowJson.lower(n.role()));
            RowJson.strings(w.name("addresses"), n.addresses());
            w.endObject();
        }
        w.endArray();
    }

    private static void marks(JsonWriter w, Trace trace) throws IOException {
        w.name("marks").beginArray();
        for (Mark m : trace.marks()) {
            w.beginObject().field("name", m.name()).field("time", m.time()).field("step", m.step()).endObject();
        }
        w.endArray();
    }

    private static void outcomes(JsonWriter w, Trace trace) throws IOException {
        w.name("outcomes").beginArray();
        for (CallOutcome o : trace.outcomes()) {
            w.beginObject().field("call", o.call()).field("result", RowJson.lower(o.result())).field("step", o.step());
            RowJson.why(w.name("summary"), o.summary());
            w.name("chain").beginArray();
            for (CallOutcome.Link l : o.chain()) {
                w.beginObject().field("step", l.step());
                RowJson.why(w.name("why"), l.why());
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
    }

    static void step(JsonWriter w, Step s, World before) throws IOException {
        w.beginObject()
                .field("index", s.index())
                .field("time", s.time())
                .field("kind", RowJson.lower(s.kind()))
                .field("node", s.node())
                .field("cause", s.cause());
        RowJson.why(w.name("why"), s.why());
        if (s.hop() != null) {
            hop(w, s.hop());
        }
        StateJson.changes(w.name("changes"), before, s.state());
        w.endObject();
    }

    private static void hop(JsonWriter w, Hop h) throws IOException {
        w.name("hop").beginObject()
                .field("flight", h.flight())
                .field("from", h.from())
                .field("to", h.to())
                .field("sentAt", h.sentAt())
                .field("link", h.link())
                .field("label", h.label())
                .field("category", RowJson.lower(h.category()))
                .field("retransmission", h.retransmission());
        RowJson.why(w.name("sentBecause"), h.sentBecause());
        PacketJson.write(w.name("packet"), h.packet(), h.category());
        w.endObject();
    }
}
