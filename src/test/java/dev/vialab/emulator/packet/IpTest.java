package dev.vialab.emulator.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "203.0.113.195|203.0.113.195",
        "0.0.0.0|0.0.0.0",
        "255.255.255.255|255.255.255.255",
        "01.002.3.4|1.2.3.4",
        "' 10.0.0.1 '|10.0.0.1",
        "+1.2.3.4|1.2.3.4",
        "-0.1.2.3|0.1.2.3",
        "256.1.1.1|",
        "1.2.3.256|",
        "0001.1.1.1|",
        "1.2.3|",
        "1.2.3.4.|",
        ".1.2.3|",
        "1..2.3|",
        "1.2.3.4.5|",
        "sip.example.com|",
        "''|",
        "-1.2.3.4|",
    })
    void parses_exactly_the_texts_the_validation_rules_accept(String text, String expected) {
        Ip ip = Ip.tryParse(text);
        if (expected == null) {
            assertThat(ip).isNull();
            assertThat(Ip.isValid(text)).isFalse();
            assertThatThrownBy(() -> Ip.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(text);
        } else {
            assertThat(ip).hasToString(expected);
            assertThat(Ip.parse(text)).isEqualTo(ip);
        }
    }

    @Test
    void the_fast_parser_agrees_with_the_original_split_rules_on_random_text() {
        SplittableRandom r = new SplittableRandom(42);
        String alphabet = "0123456789....+- a";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(17);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertThat(Ip.tryParse(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void an_address_of_four_bytes_is_the_address_they_spell() {
        assertThat(Ip.of(new byte[] {(byte) 203, 0, 113, (byte) 195})).isEqualTo(Ip.parse("203.0.113.195"));
        assertThat(Ip.of(Ip.parse("198.51.100.7").bytes())).hasToString("198.51.100.7");
        assertThatThrownBy(() -> Ip.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    /** The rules as first written (trim, split on dots, Integer.parseInt, 1–3 characters, 0–255). */
    private static Ip reference(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int bits = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                return null;
            }
            if (part.isEmpty() || part.length() > 3 || octet < 0 || octet > 255) {
                return null;
            }
            bits = (bits << 8) | octet;
        }
        return new Ip(bits);
    }
}
