package dev.vialab.emulator.trace;

/**
 * One thing that happened, at one node, at one virtual time.
 *
 * @param index position in the trace
 * @param time virtual microseconds
 * @param node where it happened (a lane name)
 * @param hop the packet, for {@link Kind#PACKET}, {@link Kind#FORWARD} and {@link Kind#DROP} of a packet
 * @param why explanation key, arguments and rule
 * @param cause the step that led to this one, or -1
 * @param state the complete state after this step
 */
public record Step(int index, long time, Kind kind, String node, Hop hop, Why why, int cause, World state) {

    public boolean hasPacket() {
        return hop != null;
    }
}
