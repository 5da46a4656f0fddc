package dev.vialab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedMemoTest {

    @Test
    void a_value_is_made_once_and_the_least_recently_used_goes_first_when_full() {
        SharedMemo<String, String> memo = new SharedMemo<>(2);
        AtomicInteger made = new AtomicInteger();
        memo.get("a", k -> k + made.incrementAndGet());
        memo.get("b", k -> k + made.incrementAndGet());
        assertThat(memo.get("a", k -> "again")).isEqualTo("a1"); // a is now the most recently used
        memo.get("c", k -> k + made.incrementAndGet()); // evicts b
        assertThat(memo.get("a", k -> "again")).isEqualTo("a1");
        assertThat(memo.get("b", k -> "b-remade")).isEqualTo("b-remade");
        assertThat(made).hasValue(3);
    }

    @Test
    void a_failed_make_is_reported_and_the_next_ask_tries_again() {
        SharedMemo<String, String> memo = new SharedMemo<>(4);
        assertThatThrownBy(() -> memo.get("x", k -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(memo.get("x", k -> "fine")).isEqualTo("fine");
    }

    @Test
    void values_are_evicted_least_recently_used_first_while_their_weights_exceed_the_budget() {
        SharedMemo<String, String> memo = new SharedMemo<>(100, 10, String::length);
        memo.get("a", k -> "aaaa"); // 4
        memo.get("b", k -> "bbbb"); // 8
        memo.get("a", k -> "again"); // a is now the most recently used
        memo.get("c", k -> "ccc"); // 11 > 10: b goes, a stays
        assertThat(memo.held()).isEqualTo(new SharedMemo.Held(2, 7));
        assertThat(memo.get("a", k -> "remade")).isEqualTo("aaaa");
        assertThat(memo.get("b", k -> "bb")).isEqualTo("bb"); // made again: 9
        assertThat(memo.held()).isEqualTo(new SharedMemo.Held(3, 9));
    }

    @Test
    void a_value_heavier_than_the_whole_budget_is_kept_alone_until_the_next_one_comes() {
        SharedMemo<String, String> memo = new SharedMemo<>(100, 10, String::length);
        memo.get("small", k -> "ss");
        assertThat(memo.get("huge", k -> "h".repeat(50))).hasSize(50);
        assertThat(memo.held()).isEqualTo(new SharedMemo.Held(1, 50));
        assertThat(memo.get("huge", k -> "remade")).hasSize(50); // still served
        memo.get("next", k -> "nn");
        assertThat(memo.held()).isEqualTo(new SharedMemo.Held(1, 2));
    }
}
