package dev.vialab.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.trace.TraceRecorder;
import org.junit.jupiter.api.Test;

/** The network's shared objects: one endpoint object per address and port in a run. */
class NetworkTest {

    @Test
    void an_address_and_port_interned_twice_is_the_first_object_and_others_stay_apart() {
        TraceRecorder recorder = new TraceRecorder();
        Network net = new Network(new Scheduler(recorder), recorder);
        Endpoint first = Endpoint.of("198.51.100.1", 5060);

        assertThat(net.intern(first)).isSameAs(first);
        assertThat(net.intern(Endpoint.of("198.51.100.1", 5060))).isSameAs(first);
        Endpoint otherPort = Endpoint.of("198.51.100.1", 5061);
        assertThat(net.intern(otherPort)).isSameAs(otherPort).isNotEqualTo(first);
        assertThat(net.intern(Endpoint.of("198.51.100.3", 5060))).isNotSameAs(first);
    }
}
