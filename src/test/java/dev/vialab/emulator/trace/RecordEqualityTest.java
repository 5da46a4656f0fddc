package dev.vialab.emulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Transport;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Some records write equals and hashCode out (so a cold CLI run links no {@code ObjectMethods} bootstrap); this
 * checks they still mean what a record's generated ones mean: every component takes part, and equal copies agree.
 */
class RecordEqualityTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev.vialab.emulator.trace.PhoneView", "dev.vialab.emulator.trace.CallView",
            "dev.vialab.emulator.trace.BindingRow", "dev.vialab.emulator.trace.NatRow",
            "dev.vialab.emulator.trace.NatRow$Permission", "dev.vialab.emulator.sip.SipMessages$ContactSpec"})
    void every_component_takes_part_in_equals_and_hash_code_and_equal_copies_agree(String name) throws Exception {
        Class<?> type = Class.forName(name);
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        canonical.setAccessible(true);

        Object[] first = Arrays.stream(components).map(c -> sample(c.getType(), 0)).toArray();
        Object base = canonical.newInstance(first);
        Object copy = canonical.newInstance(first.clone());
        assertThat(base).isEqualTo(copy).isNotSameAs(copy);
        assertThat(base.hashCode()).isEqualTo(copy.hashCode());
        assertThat(base).isNotEqualTo(null).isNotEqualTo("not a " + type.getSimpleName());

        for (int i = 0; i < components.length; i++) {
            Object[] changed = first.clone();
            changed[i] = sample(components[i].getType(), 1);
            Object other = canonical.newInstance(changed);
            assertThat(base).as("equals sees %s", components[i].getName()).isNotEqualTo(other);
            assertThat(other).as("equals sees %s, both ways", components[i].getName()).isNotEqualTo(base);
            assertThat(base.hashCode()).as("hashCode sees %s", components[i].getName())
                    .isNotEqualTo(other.hashCode());
        }
    }

    /** Two different values of each component type these records use. */
    private static Object sample(Class<?> t, int which) {
        if (t == String.class) {
            return which == 0 ? "a" : "b";
        } else if (t == long.class) {
            return which == 0 ? 1L : 2L;
        } else if (t == int.class) {
            return which == 0 ? 1 : 2;
        } else if (t == boolean.class) {
            return which != 0;
        } else if (t == Transport.class) {
            return which == 0 ? Transport.UDP : Transport.TCP;
        } else if (t == Endpoint.class) {
            return which == 0 ? Endpoint.of("10.0.0.1", 5060) : Endpoint.of("10.0.0.2", 5060);
        } else if (t == List.class) {
            return which == 0 ? List.of() : List.of(new NatRow.Permission("198.51.100.1", 30_000));
        }
        throw new IllegalArgumentException("no samples for " + t);
    }
}
