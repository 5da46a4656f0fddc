package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.setup.Action;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.CallerSetup;
import dev.vialab.emulator.setup.DnsOrder;
import dev.vialab.emulator.setup.DnsSetup;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes a scenario as a file that reads back to an equal scenario: every field explicit (nothing left to
 * defaults, so a later change of a default cannot change a saved run), keys in the documented order, durations
 * as {@code 295s}/{@code 500ms}, a topology comment on top. The format has one phone and one NAT: the setup's
 * first of each.
 */
public final class ScenarioWriter {
    private final StringBuilder b = new StringBuilder();
    private final List<RegistrarSetup> registrars;

    private ScenarioWriter(Setup s) {
        this.registrars = s.registrars();
    }

    public static String write(Scenario s) {
        ScenarioWriter w = new ScenarioWriter(s.setup());
        w.b.append(YamlText.topology(s.setup()));
        w.top(s);
        return w.b.toString();
    }

    private void top(Scenario sc) {
        Setup s = sc.setup();
        line(0, "id", YamlText.str(sc.id()));
        texts("title", sc.title());
        texts("description", sc.description());
        line(0, "tags", YamlText.flow(sc.tags().stream().map(YamlText::str).toList()));
        line(0, "seed", s.seed());
        line(0, "jitter_seed", s.jitterSeed());
        line(0, "duration", Values.show(s.duration()));
        line(0, "domain", YamlText.str(s.domain()));
        if (s.marks().isEmpty()) {
            line(0, "marks", "{}");
        } else {
            line(0, "marks", "");
            s.marks().forEach(m -> line(1, YamlText.str(m.name()), Values.show(m.at())));
        }
        dns(s.dns());
        nat(s.nats().getFirst());
        registrars(s);
        phone(s.phones().getFirst());
        callers(s.callers());
        calls(s.calls());
        events(s.actions());
        line(0, "limits", "");
        line(1, "max_events", s.maxEvents());
    }

    private void texts(String key, SortedMap<String, String> texts) {
        line(0, key, texts.isEmpty() ? "{}" : "");
        texts.forEach((lang, text) -> line(1, YamlText.str(lang), quoted(text)));
    }

    private void dns(DnsSetup d) {
        line(0, "dns", "");
        line(1, "address", d.address());
        line(1, "public_address", d.publicAddress());
        line(1, "delay", Values.show(d.delay()));
        line(1, "names", d.names().isEmpty() ? "[]" : "");
        for (DnsSetup.Name n : d.names()) {
            item(1, "name", YamlText.str(n.name()));
            line(3, "addresses", refs(n.addresses()));
            line(3, "ttl", n.ttl());
            line(3, "order", "");
            switch (n.order()) {
                case DnsOrder.Fixed f -> line(4, "policy", "fixed");
                case DnsOrder.RoundRobin r -> line(4, "policy", "round-robin");
                case DnsOrder.Shuffle r -> line(4, "policy", "shuffle");
                case DnsOrder.PerQuery q -> {
                    line(4, "policy", "per-query");
                    line(4, "orders", YamlText.flow(q.orders().stream().map(this::refs).toList()));
                    line(4, "then", q.repeat() ? "repeat" : "hold");
                }
                case DnsOrder.Schedule sc -> {
                    line(4, "policy", "schedule");
                    line(4, "schedule", "");
                    sc.entries().forEach(e -> dash(4, "{from: " + Values.show(e.from()) + ", order: "
                            + refs(e.order()) + "}"));
                }
            }
        }
        line(1, "srv", d.srv().isEmpty() ? "[]" : "");
        d.srv().forEach(s -> dash(1, "{service: " + YamlText.str(s.service()) + ", priority: " + s.priority()
                + ", weight: " + s.weight() + ", port: " + s.port() + ", target: " + YamlText.str(s.target())
                + ", ttl: " + s.ttl() + "}"));
    }

    private void nat(NatSetup n) {
        line(0, "nat", "");
        line(1, "inside", n.inside());
        line(1, "subnet", n.subnet() + "/" + n.prefix());
        line(1, "public", n.publicIp());
        line(1, "mapping", n.mapping().id());
        line(1, "filtering", n.filtering().id());
        line(1, "ports", "");
        line(2, "allocation", Words.lower(n.ports().mode()));
        line(2, "list", YamlText.flow(n.ports().script().stream().map(String::valueOf).toList()));
        line(2, "start", n.ports().start());
        line(1, "udp_timeout", Values.show(n.udpTimeout()));
        line(1, "filter_timeout", Values.show(n.filterTimeout()));
        line(1, "delay", Values.show(n.delay()));
    }

    private void registrars(Setup s) {
        line(0, "registrars", "");
        line(1, "location", Words.lower(s.location()));
        line(1, "servers", s.registrars().isEmpty() ? "[]" : "");
        for (RegistrarSetup r : s.registrars()) {
            item(1, "name", YamlText.str(r.name()));
            line(3, "address", r.address());
            line(3, "port", r.port());
            line(3, "delay", Values.show(r.delay()));
            line(3, "auth", Words.lower(r.auth()));
            line(3, "realm", YamlText.str(r.realm()));
            line(3, "min_expires", r.minExpires());
            line(3, "max_expires", r.maxExpires());
            line(3, "nat_aware", r.natAware());
            line(3, "tcp", r.tcp());
            line(3, "states", "");
            r.states().forEach(st -> dash(3, "{at: " + Values.show(st.at()) + ", state: " + Words.lower(st.mode())
                    + (st.retryAfter() >= 0 ? ", retry_after: " + st.retryAfter() : "") + "}"));
        }
    }

    private void phone(PhoneSetup p) {
        line(0, "phone", "");
        line(1, "name", YamlText.str(p.name()));
        line(1, "address", p.address());
        line(1, "port", p.port());
        line(1, "user", quoted(p.user()));
        line(1, "password", quoted(p.password()));
        line(1, "profile", p.profile().id());
        line(1, "pjsip", quoted(p.version().id()));
        line(1, "rewrite", p.allowContactRewrite() != 0 ? "on" : "off");
        line(1, "transport", p.transportItem());
        line(1, "resolver", Words.lower(p.resolver()));
        line(1, "failover", Words.lower(p.failover()));
        line(1, "server_affinity", p.serverAffinity());
        line(1, "start_at", Values.show(p.startAt()));
        line(1, "answer_after", Values.show(p.answerAfter()));
        line(1, "allow_contact_rewrite", p.allowContactRewrite());
        line(1, "contact_rewrite_method", p.contactRewriteMethod());
        line(1, "allow_via_rewrite", p.allowViaRewrite());
        line(1, "allow_sdp_nat_rewrite", p.allowSdpNatRewrite());
        line(1, "reg_timeout", p.regTimeout());
        line(1, "ka_interval", p.kaInterval());
        line(1, "reg_retry_interval", p.regRetryInterval());
        line(1, "reg_first_retry_interval", p.regFirstRetryInterval());
        line(1, "reg_retry_random_interval", p.regRetryRandomInterval());
        line(1, "reg_delay_before_refresh", p.regDelayBeforeRefresh());
        line(1, "use_rfc5626", p.useRfc5626());
        line(1, "os", p.windows() ? "windows" : "linux");
        line(1, "user_agent", quoted(p.userAgent()));
        line(1, "reg_headers", YamlText.flow(p.regHeaders().stream().map(ScenarioWriter::quoted).toList()));
    }

    private void callers(List<CallerSetup> callers) {
        line(0, "callers", callers.isEmpty() ? "[]" : "");
        for (CallerSetup c : callers) {
            item(0, "name", YamlText.str(c.name()));
            line(2, "address", c.address());
            line(2, "user", quoted(c.user()));
            line(2, "delay", Values.show(c.delay()));
        }
    }

    private void calls(List<CallSetup> calls) {
        line(0, "calls", calls.isEmpty() ? "[]" : "");
        for (CallSetup c : calls) {
            item(0, "name", YamlText.str(c.name()));
            line(2, "at", Values.show(c.at()));
            line(2, "caller", YamlText.str(c.caller()));
            line(2, "to", quoted(c.user()));
            line(2, "via", c.server() == null ? Defaults.VIA_DNS : YamlText.str(c.server()));
            line(2, "hangup_after", Values.show(c.hangupAfter()));
        }
    }

    private void events(List<Action> actions) {
        line(0, "events", actions.isEmpty() ? "[]" : "");
        for (Action a : actions) {
            String what = switch (a) {
                case Action.Quit q -> "quit";
                case Action.Start s -> "start";
                case Action.Reregister r -> "reregister";
                case Action.SwitchProxy sp -> "switch-proxy, proxy: " + YamlText.ref(sp.proxy(), registrars);
            };
            dash(0, "{at: " + Values.show(a.at()) + ", action: " + what + "}");
        }
    }

    private String refs(List<Ip> ips) {
        return YamlText.flow(ips.stream().map(ip -> YamlText.ref(ip, registrars)).toList());
    }

    /** Free text and user names always quoted, as in the documentation ({@code user: "1001"}). */
    private static String quoted(String s) {
        String plain = YamlText.str(s);
        return plain.startsWith("\"") ? plain : "\"" + s + "\"";
    }

    private void line(int depth, String key, Object value) {
        String v = String.valueOf(value);
        b.append("  ".repeat(depth)).append(key).append(':').append(v.isEmpty() ? "" : " " + v).append('\n');
    }

    /**
     * The first key of a block list item under a key at {@code depth}: {@code - name: ip1} one level in, its
     * other keys two levels in (the documentation's layout).
     */
    private void item(int depth, String key, Object value) {
        b.append("  ".repeat(depth + 1)).append("- ").append(key).append(": ").append(value).append('\n');
    }

    private void dash(int depth, String flow) {
        b.append("  ".repeat(depth + 1)).append("- ").append(flow).append('\n');
    }
}
