package dev.vialab.lab;

import java.util.List;

/**
 * A run is a value: the scenario, the knob overrides applied to it (in order) and the identifier seed (null =
 * the file's). With the step a learner is at, it rebuilds exactly what they saw: share links, compare, and
 * progress later all store this.
 */
public record RunKey(String scenario, List<String> overrides, Long seed) {
    public RunKey {
        overrides = List.copyOf(overrides);
    }

    public static RunKey of(String scenario) {
        return new RunKey(scenario, List.of(), null);
    }

    /** The same run with {@code path=value} set (replacing an earlier override of the same path). */
    public RunKey with(String path, String value) {
        List<String> next = new java.util.ArrayList<>();
        for (String o : overrides) {
            if (!o.startsWith(path + "=")) {
                next.add(o);
            }
        }
        next.add(path + "=" + value);
        return new RunKey(scenario, next, seed);
    }

    public RunKey without(String path) {
        return new RunKey(scenario, overrides.stream().filter(o -> !o.startsWith(path + "=")).toList(), seed);
    }

    public RunKey withSeed(Long s) {
        return new RunKey(scenario, overrides, s);
    }
}
