package dev.vialab.lab;

import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.NodeInfo;
import java.util.List;

/**
 * What the {@code <sip-ladder>} web component draws, already grouped and translated, so the browser only lays
 * it out. Plain records: Flow turns them into JSON with Jackson, and {@code frontend/sip-ladder/ladder-model.ts}
 * mirrors them field by field. Times are virtual microseconds, as in the trace; a step is a trace step index.
 *
 * @param lanes one per device, in the trace's lane order (phones, DNS, NATs, registrars, callers)
 * @param arrows one per packet flight, ordered by send time (then flight number)
 * @param notes every step that is not a packet (NAT mapping, binding, DNS decision, registration, call, …)
 * @param marks named moments (t1, t2, calls)
 * @param endTime virtual time the run stopped at
 * @param steps total number of trace steps (every step is in exactly one arrow or note)
 */
public record LadderModel(List<Lane> lanes, List<Arrow> arrows, List<Note> notes, List<Mark> marks, long endTime,
        int steps) {

    public LadderModel {
        lanes = List.copyOf(lanes);
        arrows = List.copyOf(arrows);
        notes = List.copyOf(notes);
        marks = List.copyOf(marks);
    }

    /** A device: the phone's private address, the NAT's inside then public address, a server's address. */
    public record Lane(String name, NodeInfo.Role role, List<String> addresses) {
        public Lane {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * One packet's journey. A packet that crosses a NAT has two hops (inside and outside); the rewrite is in
     * the hops' {@code src}/{@code dst}.
     *
     * @param label the one-line name ({@code REGISTER}, {@code 200 OK}, {@code keep-alive}, {@code A sip.example.com})
     * @param detail a short summary: CSeq, Expires, un-REGISTER, DNS answer addresses, "via" the public side
     * @param hops the links it travelled, in order
     * @param dropped where and why it died, or null when it arrived
     * @param firstStep the smallest step index of its hops and drop
     * @param lastStep the largest one
     */
    public record Arrow(int flight, String label, String detail, Category category, boolean retransmission,
            long sentAt, List<Hop> hops, Drop dropped, int firstStep, int lastStep) {
        public Arrow {
            hops = List.copyOf(hops);
        }
    }

    /**
     * One link of a flight. {@code from == to} means the packet never left its sender (no route).
     *
     * @param arriveAt time of the step that recorded its arrival
     * @param step that step's index
     * @param src the packet's source on this link ({@code ip:port}, or a bare address for ICMP)
     * @param dst its destination on this link
     */
    public record Hop(String from, String to, long sentAt, long arriveAt, int step, String src, String dst) {}

    /** @param reason the drop's explanation in the learner's language */
    public record Drop(String lane, long time, int step, String reason) {}

    /** A step without a packet, drawn as a small mark on its lane. */
    public record Note(int step, long time, String lane, Kind kind, String text, String rule) {}

    public record Mark(String name, long time, int step) {}
}
