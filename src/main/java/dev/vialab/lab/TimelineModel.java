package dev.vialab.lab;

import java.util.List;

/**
 * What the {@code <vl-timeline>} web component draws: lifetimes over virtual time. Mirrored by
 * {@code frontend/vl-timeline/timeline-model.ts}. Times are virtual microseconds; steps are trace step indexes.
 *
 * @param endTime the right edge of the plot
 * @param rows NAT mappings (by creation), then each phone's keep-alive target, then registrar bindings
 * @param targets the lanes some bar is about, in lane order, so each server keeps one colour everywhere
 * @param marks named moments (t1, t2, calls), drawn as ticks
 * @param stepTimes the time of every step, by index: the browser maps a click to the nearest step and a
 *     selected step to the cursor position without asking the server
 */
public record TimelineModel(long endTime, List<Row> rows, List<String> targets, List<Mark> marks,
        List<Long> stepTimes) {

    public TimelineModel {
        rows = List.copyOf(rows);
        targets = List.copyOf(targets);
        marks = List.copyOf(marks);
        stepTimes = List.copyOf(stepTimes);
    }

    public enum RowKind { NAT_MAPPING, KEEPALIVE, BINDING }

    /** How a bar ended: its mapping expired or closed, its binding was removed or expired, or it was replaced. */
    public enum End { EXPIRED, CLOSED, REMOVED, REPLACED, OPEN }

    /**
     * @param id stable key (the NAT row key, the binding key, {@code ka/phone})
     * @param label short, e.g. {@code 13450 → ip1}, {@code shared · 1001@192.168.1.10:61000}; for a keep-alive
     *     row the phone's name, which the browser words in the learner's language
     * @param detail the full form for a tooltip
     */
    public record Row(String id, RowKind kind, String label, String detail, List<Bar> bars) {
        public Row {
            bars = List.copyOf(bars);
        }
    }

    /**
     * One lifetime.
     *
     * @param end when it ended, or {@code endTime} when it was still alive ({@code ended == OPEN})
     * @param label what the bar stands for, e.g. {@code ip1 via 203.0.113.195:13450}
     * @param target the lane it is about (remote, server or keep-alive destination), or empty
     * @param endStep the step that ended it, or -1
     */
    public record Bar(long start, long end, End ended, String label, String target, int startStep, int endStep) {}

    public record Mark(String name, long time, int step) {}
}
