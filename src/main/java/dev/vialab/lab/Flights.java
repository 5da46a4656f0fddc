package dev.vialab.lab;

import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The steps of each packet's flight (sent, translated by the NAT, received or dropped), so the inspector can show
 * a packet's inside and outside versions side by side. Made once per run and shared by every session viewing it.
 */
public final class Flights {
    private final TreeMap<Integer, List<Integer>> steps = new TreeMap<>();

    private Flights(Trace t) {
        for (Step s : t.steps()) {
            if (s.hop() != null) {
                steps.computeIfAbsent(s.hop().flight(), f -> new ArrayList<>()).add(s.index());
            }
        }
        steps.replaceAll((f, list) -> List.copyOf(list));
    }

    public static Flights of(Trace t) {
        return new Flights(t);
    }

    /** The indexes of the steps of {@code step}'s flight in trace order; empty for a step without a packet. */
    public List<Integer> of(Step step) {
        return step.hop() == null ? List.of() : steps.getOrDefault(step.hop().flight(), List.of());
    }
}
