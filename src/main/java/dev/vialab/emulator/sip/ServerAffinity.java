package dev.vialab.emulator.sip;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Why;

/**
 * {@code pjsua_acc_config.server_affinity} (pjproject master; {@code server_affinity.rst}, R28): the first 2xx
 * pins the next hop, a hidden {@code Route} for UDP or the connection for TCP, so later REGISTERs go there without
 * a DNS lookup; a retry-eligible failure (408, 5xx, 6xx) or the loss of the transport drops the pin.
 */
final class ServerAffinity {
    private final Phone phone;
    private final boolean active;
    private final boolean asked;
    private ClientTransaction.Target pinned;

    ServerAffinity(Phone phone, PhoneSetup cfg) {
        this.phone = phone;
        // silently bypassed when the account has a transport_id, which MicroSIP's "UDP" item sets (R25)
        this.active = cfg.serverAffinity() && !cfg.transportId();
        this.asked = cfg.serverAffinity();
    }

    /** When the account starts: says so if affinity was asked for but is bypassed, as pjsua does silently. */
    void announce() {
        if (asked && !active) {
            phone.recorder().record(Kind.REGISTRATION, phone.name(), null, Why.of("acc.affinity.bypassed", "R28 R25"));
        }
    }

    /** The pinned next hop, or null. */
    ClientTransaction.Target pinned() {
        return pinned;
    }

    /** A 2xx to a REGISTER sent to {@code dest}: the first one pins it, with the transport it went over. */
    void succeeded(ClientTransaction.Target dest) {
        if (active && pinned == null) {
            pinned = dest;
            phone.recorder().record(Kind.REGISTRATION, phone.name(), null,
                    Why.of("acc.affinity.pinned", "R28", dest.dest()));
        }
    }

    /** A failed registration: 408 (also Timer F), 5xx and 6xx drop the pin; 4xx such as 403 keep it. */
    void failed(int code) {
        if (code == 408 || code >= 500) {
            drop(Why.of("acc.affinity.dropped", "R28", pinned == null ? null : pinned.dest(), code));
        }
    }

    /** A TCP connection closed: the pin on its server goes with it. */
    void disconnected(Endpoint remote) {
        if (pinned != null && pinned.transport() == Transport.TCP && remote.equals(pinned.dest())) {
            drop(Why.of("acc.affinity.lost", "R28", pinned.dest()));
        }
    }

    private void drop(Why because) {
        if (pinned != null) {
            phone.recorder().record(Kind.REGISTRATION, phone.name(), null, because);
            pinned = null;
        }
    }
}
