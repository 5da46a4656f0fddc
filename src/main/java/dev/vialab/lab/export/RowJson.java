package dev.vialab.lab.export;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.trace.BindingRow;
import dev.vialab.emulator.trace.CallView;
import dev.vialab.emulator.trace.DnsCacheRow;
import dev.vialab.emulator.trace.NatRow;
import dev.vialab.emulator.trace.PhoneView;
import dev.vialab.emulator.trace.TcpRow;
import dev.vialab.emulator.trace.Why;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes the trace's value types field by field. Keys are the record component names, in declaration order, so
 * the schema can be read off the records; written explicitly (not by reflection) so the CLI does no reflective
 * work per row and a renamed component is a compile error here rather than a silent schema change.
 */
final class RowJson {
    private RowJson() {}

    /** Enum constants as lower-case names ({@code nat_mapping}, {@code udp}): one convention for every enum. */
    static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    static String text(Endpoint e) {
        return e == null ? null : e.toString();
    }

    static void why(JsonWriter w, Why why) throws IOException {
        if (why == null) {
            w.nullValue();
            return;
        }
        w.beginObject().field("key", why.key()).field("rule", why.rule());
        strings(w.name("args"), why.args());
        w.endObject();
    }

    static void strings(JsonWriter w, List<String> list) throws IOException {
        w.beginArray();
        for (String s : list) {
            w.value(s);
        }
        w.endArray();
    }

    // Each row writer starts with "key": the row's key in its World table, which a reader needs to apply
    // "set" and "removed" changes. No row record has a component called "key", so the name cannot clash.

    static void nat(JsonWriter w, String key, NatRow r) throws IOException {
        w.beginObject().field("key", key)
                .field("nat", r.nat())
                .field("transport", lower(r.transport()))
                .field("inside", text(r.inside()))
                .field("outside", text(r.outside()))
                .field("remote", r.remote())
                .field("created", r.created())
                .field("lastOutbound", r.lastOutbound())
                .field("expires", r.expires());
        w.name("permissions").beginArray();
        for (NatRow.Permission p : r.permissions()) {
            w.beginObject().field("remote", p.remote()).field("expires", p.expires()).endObject();
        }
        w.endArray();
        w.field("createdStep", r.createdStep())
                .field("refreshedStep", r.refreshedStep())
                .endObject();
    }

    static void binding(JsonWriter w, String key, BindingRow r) throws IOException {
        w.beginObject().field("key", key)
                .field("location", r.location())
                .field("aor", r.aor())
                .field("contact", r.contact())
                .field("source", text(r.source()))
                .field("transport", lower(r.transport()))
                .field("callId", r.callId())
                .field("cseq", r.cseq())
                .field("registeredAt", r.registeredAt())
                .field("expires", r.expires())
                .field("server", r.server())
                .field("step", r.step())
                .endObject();
    }

    static void dnsCache(JsonWriter w, String key, DnsCacheRow r) throws IOException {
        w.beginObject().field("key", key)
                .field("resolver", r.resolver())
                .field("name", r.name())
                .field("type", r.type());
        strings(w.name("records"), r.records());
        w.field("expires", r.expires()).endObject();
    }

    static void phone(JsonWriter w, String key, PhoneView r) throws IOException {
        w.beginObject().field("key", key)
                .field("phone", r.phone())
                .field("state", r.state())
                .field("server", r.server())
                .field("contact", r.contact())
                .field("viaSentBy", r.viaSentBy())
                .field("lastReceived", r.lastReceived())
                .field("kaTarget", r.kaTarget())
                .field("nextRefresh", r.nextRefresh())
                .field("nextRetry", r.nextRetry())
                .field("callId", r.callId())
                .field("cseq", r.cseq())
                .field("rewriteGuard", r.rewriteGuard())
                .endObject();
    }

    static void call(JsonWriter w, String key, CallView r) throws IOException {
        w.beginObject().field("key", key)
                .field("call", r.call())
                .field("state", r.state())
                .field("server", r.server())
                .field("target", r.target())
                .field("startedAt", r.startedAt())
                .endObject();
    }

    static void tcp(JsonWriter w, String key, TcpRow r) throws IOException {
        w.beginObject().field("key", key)
                .field("owner", r.owner())
                .field("local", text(r.local()))
                .field("remote", text(r.remote()))
                .field("state", r.state())
                .endObject();
    }
}
