package dev.vialab.emulator.setup;

import dev.vialab.emulator.packet.Ip;
import java.util.List;

/**
 * A NAT per RFC 4787.
 *
 * @param inside the NAT's address on its LAN (the phone's gateway)
 * @param subnet, prefix the LAN behind it
 * @param publicIp its address on the internet
 * @param mapping §4.1 mapping behaviour
 * @param filtering §5 filtering behaviour
 * @param ports how public ports are chosen (§4.2)
 * @param udpTimeout UDP mapping lifetime, refreshed by outbound packets only (§4.3, REQ-6)
 * @param filterTimeout lifetime of a remote's permission to send in (ADF/APDF; not fixed by RFC 4787)
 */
public record NatSetup(String name, Ip inside, Ip subnet, int prefix, Ip publicIp, Behaviour mapping,
        Behaviour filtering, PortAllocation ports, long udpTimeout, long filterTimeout, long delay) {

    /** Endpoint-independent, address-dependent, address-and-port-dependent (RFC 4787 §4.1, §5). */
    public enum Behaviour {
        ENDPOINT_INDEPENDENT("endpoint-independent"),
        ADDRESS_DEPENDENT("address-dependent"),
        ADDRESS_AND_PORT_DEPENDENT("address-and-port-dependent");

        private final String id;

        Behaviour(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Behaviour byId(String id) {
            for (Behaviour b : values()) {
                if (b.id.equals(id)) {
                    return b;
                }
            }
            return null;
        }
    }

    /**
     * Port assignment: PRESERVE keeps the inside port when free (§4.2.1), SEQUENTIAL counts up from
     * {@code start}, RANDOM draws from the seeded stream, SCRIPTED hands out {@code script} in order and then
     * continues sequentially after its last entry.
     */
    public record PortAllocation(Mode mode, int start, List<Integer> script) {
        public enum Mode { PRESERVE, SEQUENTIAL, RANDOM, SCRIPTED }

        public PortAllocation {
            script = List.copyOf(script);
        }
    }
}
