package dev.vialab.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The NAT's and the network's lookup table answers exactly as a sorted map would, whatever the keys. */
class LongIndexTest {

    @Test
    void a_long_mix_of_puts_and_removes_answers_like_a_tree_map() {
        SplittableRandom rnd = new SplittableRandom(7);
        LongIndex<String> index = new LongIndex<>();
        TreeMap<Long, String> reference = new TreeMap<>();
        for (int op = 0; op < 200_000; op++) {
            // keys shaped like the NAT's: transport | address | port, with many neighbours and many collisions
            long key = (long) rnd.nextInt(2) << 48 | (0x0a00_0000L + rnd.nextInt(64)) << 16 | rnd.nextInt(40);
            switch (rnd.nextInt(3)) {
                case 0, 1 -> {
                    String v = "v" + op;
                    assertThat(index.put(key, v)).isEqualTo(reference.put(key, v));
                }
                default -> assertThat(index.remove(key)).isEqualTo(reference.remove(key));
            }
            if (op % 997 == 0) {
                for (long k : reference.keySet()) {
                    assertThat(index.get(k)).isEqualTo(reference.get(k));
                }
            }
            assertThat(index.size()).isEqualTo(reference.size());
        }
        for (int i = 0; i < 1000; i++) {
            long key = rnd.nextLong();
            assertThat(index.get(key)).isEqualTo(reference.get(key));
        }
    }

    @Test
    void removing_what_was_put_leaves_no_residue_and_no_growth() {
        LongIndex<Integer> index = new LongIndex<>();
        for (int i = 0; i < 10; i++) {
            index.put(i, i);
        }
        int capacity = index.capacity();
        // a mapping made and removed per phone and hour: the table must not fill up with deleted slots
        for (long round = 0; round < 100_000; round++) {
            long key = 1_000 + round;
            index.put(key, 1);
            assertThat(index.remove(key)).isEqualTo(1);
            assertThat(index.get(key)).isNull();
        }
        assertThat(index.capacity()).isEqualTo(capacity);
        assertThat(index.size()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(index.get(i)).isEqualTo(i);
        }
    }

    @Test
    void a_missing_value_cannot_be_stored() {
        assertThatThrownBy(() -> new LongIndex<String>().put(1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LongIndex<String>().remove(5)).isNull();
    }
}
