package dev.vialab.emulator.trace;

import java.util.List;

/**
 * A lane of the ladder: one emulated device.
 *
 * @param name unique name used in steps ({@code phone}, {@code nat}, {@code ip1}, {@code dns}, {@code caller})
 * @param role what it is
 * @param addresses its addresses, inside first for the NAT
 */
public record NodeInfo(String name, Role role, List<String> addresses) {
    public enum Role { PHONE, NAT, REGISTRAR, DNS, CALLER }

    public NodeInfo {
        addresses = List.copyOf(addresses);
    }
}
