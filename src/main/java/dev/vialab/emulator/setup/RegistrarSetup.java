package dev.vialab.emulator.setup;

import dev.vialab.emulator.packet.Ip;
import java.util.List;

/**
 * A registrar (and the proxy that routes calls to its bindings).
 *
 * @param states what the server does from each time on (the first entry starts at 0)
 * @param auth NONE, or CHALLENGE: 401 to every request without valid credentials (G3, G4)
 * @param minExpires below this the REGISTER gets 423 with Min-Expires (RFC 3261 §10.3 step 7)
 * @param maxExpires requests above it are granted this value
 * @param tcp listens on TCP as well as UDP; a UDP-only server answers a SYN with RST, as a closed port does
 * @param natAware routes calls to where the REGISTER came from instead of to the Contact as sent, and fixes the
 *     Contact of answers it relays (as Kamailio's nathelper does)
 */
public record RegistrarSetup(String name, Ip address, int port, long delay, List<StateChange> states,
        Auth auth, String realm, int minExpires, int maxExpires, boolean natAware, boolean tcp) {

    public RegistrarSetup {
        states = List.copyOf(states);
    }

    public enum Auth { NONE, CHALLENGE }

    /** UP answers; DROP is silent; REFUSE sends ICMP port unreachable (UDP) or RST (TCP); BUSY answers 503. */
    public enum Mode { UP, DROP, REFUSE, BUSY }

    /** @param retryAfter seconds for a 503's Retry-After header, or -1 for none */
    public record StateChange(long at, Mode mode, int retryAfter) {}

    public StateChange stateAt(long time) {
        StateChange current = states.getFirst();
        for (StateChange s : states) {
            if (s.at() <= time) {
                current = s;
            }
        }
        return current;
    }
}
