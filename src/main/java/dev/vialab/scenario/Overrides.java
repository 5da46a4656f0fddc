package dev.vialab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code path=value} overrides, applied to the tree in order before validation, so a bad override is reported
 * like a bad line of the file: at file {@code override}, line = its position in the list. A path through an
 * absent key creates it (with the key's default list or map when it has one, so {@code dns.names[0].order} works
 * on a file that relies on the default names); an index past the end of a list is a problem.
 */
final class Overrides {
    private static final Pattern STEP = Pattern.compile("\\.?([A-Za-z0-9_-]+)|\\[([0-9]{1,6})]");
    private static final int MAX_STEPS = 16;

    private Overrides() {}

    /** An override that cannot be applied; the message ends up in a problem. */
    private static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    static Node apply(Node root, List<String> overrides, Problems pr) {
        for (int i = 0; i < overrides.size(); i++) {
            Node.Pos pos = new Node.Pos(Problems.OVERRIDE, i + 1, 1, false);
            String o = overrides.get(i);
            int eq = o == null ? -1 : o.indexOf('=');
            if (eq < 0) {
                pr.add(pos, "", "expected path=value, found '" + o + "'");
                continue;
            }
            String pathText = o.substring(0, eq).strip();
            List<Object> steps = parse(pathText);
            if (steps == null) {
                pr.add(pos, "", "'" + pathText + "' is not a path like phone.rewrite or dns.names[0].order");
                continue;
            }
            Problems local = new Problems();
            String valueText = o.substring(eq + 1);
            // nothing after '=' is a YAML null: the key goes back to its default
            Node value = valueText.isBlank() ? new Node.Scalar(pos, "", true)
                    : YamlLoader.loadFragment(valueText, pos, local);
            if (value == null) {
                pr.addAll(local, pathText);
                continue;
            }
            try {
                root = set(root, root, steps, 0, value, pos);
            } catch (Bad b) {
                pr.add(pos, pathText, b.getMessage());
            }
        }
        return root;
    }

    /** {@code dns.names[0].order} → [dns, names, 0, order]; null when it is not a path. */
    static List<Object> parse(String text) {
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(text);
        int at = 0;
        while (at < text.length()) {
            m.region(at, text.length());
            if (!m.lookingAt()) {
                return null;
            }
            if (m.group(1) != null) {
                if (m.group().startsWith(".") == (at == 0)) {
                    return null; // a key after the first needs its dot; the first has none
                }
                steps.add(m.group(1));
            } else {
                if (at == 0) {
                    return null;
                }
                steps.add(Integer.parseInt(m.group(2)));
            }
            at = m.end();
        }
        return steps.isEmpty() || steps.size() > MAX_STEPS ? null : steps;
    }

    private static Node set(Node root, Node current, List<Object> steps, int i, Node value, Node.Pos pos)
            throws Bad {
        if (i == steps.size()) {
            return value;
        }
        Object step = steps.get(i);
        if (step instanceof String key) {
            Node.Map map;
            if (Node.isNull(current)) {
                map = new Node.Map(pos, List.of());
            } else if (current instanceof Node.Map m) {
                map = m;
            } else {
                throw new Bad(show(steps, i) + " is " + Node.describe(current) + ", not a map");
            }
            Node child = map.get(key);
            if (child == null && i + 1 < steps.size()) {
                child = DefaultNodes.forPath(root, steps.subList(0, i + 1), pos);
            }
            return map.with(key, pos, set(root, child, steps, i + 1, value, pos));
        }
        int index = (Integer) step;
        if (!(current instanceof Node.Seq seq)) {
            throw new Bad(Node.isNull(current) ? show(steps, i) + " is not in the file, so it has no item " + index
                    : show(steps, i) + " is " + Node.describe(current) + ", not a list");
        }
        if (index >= seq.items().size()) {
            throw new Bad("index " + index + " is past the end of " + show(steps, i) + " (" + seq.items().size()
                    + " item" + (seq.items().size() == 1 ? "" : "s") + ")");
        }
        return seq.with(index, set(root, seq.items().get(index), steps, i + 1, value, pos));
    }

    /** The first {@code n} steps as a path. */
    private static String show(List<Object> steps, int n) {
        String path = "";
        for (Object s : steps.subList(0, n)) {
            path = s instanceof Integer i ? Values.index(path, i) : Values.child(path, (String) s);
        }
        return path.isEmpty() ? "the file" : path;
    }
}
