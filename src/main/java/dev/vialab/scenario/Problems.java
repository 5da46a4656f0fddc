package dev.vialab.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one read, so a learner sees all of them at once instead of one per attempt. */
final class Problems {
    /** The file name of problems caused by an override; their line is the override's position. */
    static final String OVERRIDE = "override";
    /** More would bury the first ones; a hostile file could otherwise produce millions. */
    static final int MAX_SHOWN = 100;

    private final List<Problem> list = new ArrayList<>();

    void add(Node.Pos pos, String path, String message) {
        list.add(new Problem(pos.file(), pos.line(), pos.column(), path, message));
    }

    /** Another collector's problems, given {@code path} (an override's value is checked before it has a place). */
    void addAll(Problems other, String path) {
        for (Problem p : other.list) {
            list.add(new Problem(p.file(), p.line(), p.column(), path, p.message()));
        }
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** The file's problems by line and column, then the overrides' by position; capped at {@link #MAX_SHOWN}. */
    List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(list);
        // stable: problems at the same place keep the order the checks found them in
        out.sort(Comparator.<Problem>comparingInt(p -> OVERRIDE.equals(p.file()) ? 1 : 0)
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        if (out.size() > MAX_SHOWN) {
            Problem next = out.get(MAX_SHOWN);
            int more = out.size() - MAX_SHOWN;
            out = new ArrayList<>(out.subList(0, MAX_SHOWN));
            out.add(new Problem(next.file(), next.line(), next.column(), "",
                    more + " more problem" + (more == 1 ? "" : "s") + " not shown"));
        }
        return out;
    }
}
