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
}
