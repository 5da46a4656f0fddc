package dev.vialab.lab;

import dev.vialab.emulator.trace.Trace;
import dev.vialab.scenario.Problem;
import dev.vialab.scenario.Scenario;
import java.util.List;

/** What running a {@link RunKey} gave: a trace, the problems of an invalid edit, or an unknown scenario. */
public sealed interface RunResult {
    /** A run; {@code flights} indexes its packets' steps once for every view of it. */
    record Ran(RunKey key, Scenario scenario, Trace trace, Flights flights) implements RunResult {
        public Ran(RunKey key, Scenario scenario, Trace trace) {
            this(key, scenario, trace, Flights.of(trace));
        }
    }

    record Invalid(RunKey key, List<Problem> problems) implements RunResult {}

    record Unknown(RunKey key) implements RunResult {}
}
