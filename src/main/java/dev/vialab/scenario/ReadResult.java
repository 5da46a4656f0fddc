package dev.vialab.scenario;

import java.util.List;

/** What reading a scenario gives: a valid scenario, or every problem found (never both, never an exception). */
public sealed interface ReadResult permits ReadResult.Ok, ReadResult.Invalid {

    record Ok(Scenario scenario) implements ReadResult {}

    /** @param problems sorted by position: the file's first (by line, column), then the overrides' (by position) */
    record Invalid(List<Problem> problems) implements ReadResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
