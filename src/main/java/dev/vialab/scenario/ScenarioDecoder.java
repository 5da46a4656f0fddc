package dev.vialab.scenario;

import dev.vialab.emulator.setup.Action;
import dev.vialab.emulator.setup.CallSetup;
import dev.vialab.emulator.setup.CallerSetup;
import dev.vialab.emulator.setup.DnsSetup;
import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The whole file: top-level keys, every section, then the cross-checks that need all of them (addresses, names,
 * subnet). Registrars come before DNS and calls because those refer to them by name.
 */
final class ScenarioDecoder {
    /** Documented order; the writer emits keys in this order too. */
    static final List<String> KEYS = List.of("id", "title", "description", "tags", "seed", "jitter_seed",
            "duration", "domain", "marks", "dns", "nat", "registrars", "phone", "callers", "calls", "events",
            "limits");
    static final List<String> LIMIT_KEYS = List.of("max_events");
    static final int MAX_TAGS = 20;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private ScenarioDecoder() {}

    /** @return the scenario, or null when any problem was found (all of them are in {@code pr}) */
    static Scenario decode(Node root, String file, Long seedOverride, Problems pr) {
        if (!(root instanceof Node.Map)) {
            pr.add(root.pos(), "", "a scenario file is a map of keys, found " + Node.describe(root));
            return null;
        }
        Fields top = Fields.of(pr, root, "", root.pos(), KEYS);
        String id = top.has("id") ? top.name("id", defaultId(file)) : defaultId(file);
        SortedMap<String, String> title = texts(top, "title");
        SortedMap<String, String> description = texts(top, "description");
        List<String> tags = tags(top);
        long seed = top.integer("seed", Defaults.SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        // jitter follows the file's seed, not a seed given at run time: a new seed changes identifiers only
        long jitterSeed = top.integer("jitter_seed", seed, Long.MIN_VALUE, Long.MAX_VALUE);
        if (seedOverride != null) {
            seed = seedOverride;
        }
        long duration = top.duration("duration", Defaults.DURATION);
        if (duration == 0) {
            pr.add(top.pos("duration"), "duration", "must be longer than 0s");
        }
        String domain = top.has("domain") ? Values.hostname(pr, top.node("domain"), "domain") : Defaults.DOMAIN;
        domain = domain == null ? Defaults.DOMAIN : domain;

        Topology topo = new Topology(pr);
        RegistrarsDecoder.Result regs = RegistrarsDecoder.decode(top, root, domain, topo);
        NatSetup nat = NatDecoder.decode(top, topo);
        DnsSetup dns = DnsDecoder.decode(top, root, regs, topo);
        PhoneSetup phone = PhoneDecoder.decode(top, topo);
        TimelineDecoder.Callers callers = TimelineDecoder.callers(top, topo);
        List<CallSetup> calls = TimelineDecoder.calls(top, callers, regs, phone.user());
        List<Action> actions = TimelineDecoder.events(top, regs, phone.name());
        List<Setup.MarkSetup> marks = TimelineDecoder.marks(top, calls);
        Fields limits = top.section("limits", LIMIT_KEYS);
        long maxEvents = limits.integer("max_events", Defaults.MAX_EVENTS, 1, Defaults.MAX_EVENTS_LIMIT);
        topo.check();
        if (!pr.isEmpty()) {
            return null;
        }
        List<CallerSetup> callerList = callers.list();
        Setup setup = new Setup(id, seed, jitterSeed, duration, domain, dns, List.of(nat), regs.servers(),
                regs.location(), List.of(phone), callerList, calls, actions, marks, maxEvents);
        return new Scenario(id, title, description, tags, setup);
    }

    /** The file name without directories and {@code .yaml}, made into a valid name. */
    static String defaultId(String file) {
        String base = file.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceFirst("\\.(yaml|yml)$", "");
        String id = base.replaceAll("[^A-Za-z0-9_.-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
        id = id.length() > 63 ? id.substring(0, 63) : id;
        return id.isEmpty() ? "scenario" : id;
    }

    /** {@code title:} and {@code description:}: language tag to text. */
    private static SortedMap<String, String> texts(Fields top, String key) {
        SortedMap<String, String> out = new TreeMap<>();
        Node node = top.node(key);
        if (node == null) {
            return out;
        }
        if (!(node instanceof Node.Map map)) {
            top.problems.add(node.pos(), key, "expected a map of language: text (en: ..., zh-CN: ...), found "
                    + Node.describe(node));
            return out;
        }
        for (Node.Entry e : map.entries()) {
            String path = key + "." + e.key();
            if (!LANGUAGE.matcher(e.key()).matches()) {
                top.problems.add(e.keyPos(), path, "'" + e.key() + "' is not a language tag like en or zh-CN");
            } else if (Node.isNull(e.value())) {
                top.problems.add(e.keyPos(), path, "needs a text");
            } else {
                String text = Values.string(top.problems, e.value(), path);
                if (text != null) {
                    out.put(e.key(), text);
                }
            }
        }
        return out;
    }

    private static List<String> tags(Fields top) {
        List<String> out = new ArrayList<>();
        Node.Seq seq = top.has("tags") ? Values.seq(top.problems, top.node("tags"), "tags") : null;
        if (seq == null) {
            return out;
        }
        if (!Values.atMost(top.problems, seq, "tags", MAX_TAGS, "tags")) {
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            Node item = seq.items().get(i);
            String tag = Values.name(top.problems, item, Values.index("tags", i));
            if (tag != null && out.contains(tag)) {
                top.problems.add(item.pos(), Values.index("tags", i), "tag '" + tag + "' is listed twice");
            } else if (tag != null) {
                out.add(tag);
            }
        }
        return out;
    }
}
