package dev.vialab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Time;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Durations are read with exact arithmetic in longs; BigDecimal, which it replaced, is the reference here. */
class ValuesTest {
    private static final Node.Pos AT = new Node.Pos("f.yaml", 3, 7, false);

    /** What {@link Values#duration} gives: the microseconds, or the problem it records. */
    private static String read(String text) {
        Problems pr = new Problems();
        Long v = Values.duration(pr, new Node.Scalar(AT, text, true), "x");
        return v != null ? v.toString() : pr.sorted().getFirst().message();
    }

    /** The same with BigDecimal, as the reader did before. */
    private static String reference(String text) {
        var m = java.util.regex.Pattern.compile("(-)?([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)?").matcher(text);
        if (!m.matches()) {
            return "expected a duration like 295s, 500ms, 2m, 1h or a number of seconds, found '" + text + "'";
        }
        if (m.group(1) != null) {
            return "must not be negative, found " + text;
        }
        long scale = switch (m.group(3) == null ? "s" : m.group(3)) {
            case "ms" -> Time.MS;
            case "m" -> 60 * Time.S;
            case "h" -> 3600 * Time.S;
            default -> Time.S;
        };
        BigDecimal micros = new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(scale));
        if (micros.compareTo(BigDecimal.valueOf(Values.MAX_DURATION)) > 0) {
            return "must be at most 7 days (604800s), found " + text;
        }
        if (micros.stripTrailingZeros().scale() > 0) {
            return "finer than a microsecond: " + text;
        }
        return Long.toString(micros.longValueExact());
    }

    @Test
    void durations_read_as_written_in_each_unit() {
        assertThat(read("295s")).isEqualTo("295000000");
        assertThat(read("295")).isEqualTo("295000000");
        assertThat(read("500ms")).isEqualTo("500000");
        assertThat(read("1.5m")).isEqualTo("90000000");
        assertThat(read("0.000001s")).isEqualTo("1");
        assertThat(read("0.0000000025h")).isEqualTo("9");
        assertThat(read("007.2500s")).isEqualTo("7250000");
        assertThat(read("168h")).isEqualTo(Long.toString(Values.MAX_DURATION));
    }

    @Test
    void the_edges_give_the_problem_the_exact_value_deserves() {
        assertThat(read("0.0000001s")).isEqualTo("finer than a microsecond: 0.0000001s");
        assertThat(read("0.00000000025h")).isEqualTo("finer than a microsecond: 0.00000000025h");
        assertThat(read("168.0000000001h")).isEqualTo("must be at most 7 days (604800s), found 168.0000000001h");
        assertThat(read("604800.000000s")).isEqualTo(Long.toString(Values.MAX_DURATION));
        assertThat(read("604799.9999999s")).isEqualTo("finer than a microsecond: 604799.9999999s");
        assertThat(read("99999999999999999999999s")).startsWith("must be at most 7 days");
        assertThat(read("1." + "0".repeat(5000) + "1s")).isEqualTo(reference("1." + "0".repeat(5000) + "1s"));
        assertThat(read("-1s")).isEqualTo("must not be negative, found -1s");
    }

    @Test
    void a_duration_is_shown_as_it_would_be_written_and_reads_back_the_same() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            long micros = switch (i % 3) {
                case 0 -> random.nextLong(0, Values.MAX_DURATION + 1);
                case 1 -> random.nextLong(0, 10_000) * Time.MS;
                default -> random.nextLong(0, 3_000_000);
            };
            String shown = Values.show(micros);
            assertThat(shown).isEqualTo(micros % Time.MS == 0 ? shown
                    : BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString() + "s");
            assertThat(read(shown)).as(shown).isEqualTo(Long.toString(micros));
        }
        assertThat(Values.show(1_500)).isEqualTo("0.0015s");
        assertThat(Values.show(295 * Time.S)).isEqualTo("295s");
        assertThat(Values.show(2_500 * Time.MS)).isEqualTo("2500ms");
    }

    @Test
    void every_duration_reads_as_exact_decimal_arithmetic_would_read_it() {
        Random random = new Random(20261207);
        List<String> texts = new ArrayList<>();
        String[] units = {"", "ms", "s", "m", "h"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            b.append("0".repeat(random.nextInt(3))).append(random.nextLong(0, i % 3 == 0 ? 700_000_000L : 700_000));
            if (random.nextBoolean()) {
                b.append('.');
                int digits = 1 + random.nextInt(14);
                for (int d = 0; d < digits; d++) {
                    b.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
                }
            }
            texts.add(b.append(units[random.nextInt(units.length)]).toString());
        }
        texts.addAll(List.of("604800s", "604800.000001s", "604799.999999s", "10080m", "10080.00001m",
                "10079.999999999m", "168h", "167.9999999999h", "604800000ms", "604800000.001ms", "0h", "0.5ms"));
        for (String t : texts) {
            assertThat(read(t)).as(t).isEqualTo(reference(t));
        }
    }
}
