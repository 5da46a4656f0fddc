package dev.vialab.lab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void sipLineEndsAreWrittenAsBackslashRBackslashN() {
        assertThat(JsonTraces.quoted("REGISTER sip:x SIP/2.0\r\nVia: a\r\n\r\n"))
                .isEqualTo("\"REGISTER sip:x SIP/2.0\\r\\nVia: a\\r\\n\\r\\n\"");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscapedWithShortFormsWhereJsonHasThem() {
        assertThat(JsonTraces.quoted("a\"b\\c\td\be\ff\u0000g\u0007h\u001fi"))
                .isEqualTo("\"a\\\"b\\\\c\\td\\be\\ff\\u0000g\\u0007h\\u001fi\"");
    }

    @Test
    void nonAsciiTextIsKeptAsIsAndBecomesUtf8InAUtf8Writer() throws Exception {
        String text = "é ☎ 😀 \u007f \u2028";
        assertThat(JsonTraces.quoted(text)).isEqualTo('"' + text + '"');

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new JsonWriter(out).value("é");
        }
        assertThat(bytes.toByteArray()).containsExactly('"', 0xc3, 0xa9, '"');
    }

    @Test
    void unpairedSurrogatesAreEscapedSoTheyAreNotTurnedIntoQuestionMarks() {
        assertThat(JsonTraces.quoted("x\uD800y\uDC00z😀")).isEqualTo("\"x\\ud800y\\udc00z😀\"");
    }

    @Test
    void everyEscapedStringParsesBackToTheSameText() {
        String json = JsonTraces.quoted(JsonTraces.HOSTILE);
        assertThat(JsonTraces.parse(json).stringValue()).isEqualTo(JsonTraces.HOSTILE);
    }

    @Test
    void elementsAreSeparatedByCommasAndKeysKeepTheirWrittenOrder() throws Exception {
        StringWriter s = new StringWriter();
        JsonWriter w = new JsonWriter(s);
        w.beginObject().field("z", 1).field("a", "x").name("list").beginArray().value(true).nullValue()
                .beginObject().endObject().beginArray().endArray().endArray().field("b", false).endObject();
        assertThat(s).hasToString("{\"z\":1,\"a\":\"x\",\"list\":[true,null,{},[]],\"b\":false}");
    }

    @Test
    void aOnePerLineArrayPutsEachElementOnItsOwnLineWithoutChangingTheValue() throws Exception {
        StringWriter s = new StringWriter();
        JsonWriter w = new JsonWriter(s);
        w.beginObject().name("steps").beginArray(true).value(1).beginObject().field("a", 2).endObject().endArray()
                .name("empty").beginArray(true).endArray().endObject();
        assertThat(s).hasToString("{\"steps\":[\n1,\n{\"a\":2}\n],\"empty\":[]}");
    }

    @Test
    void integersHaveNoGroupingOrLocaleDigitsWhateverTheDefaultLocale() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            StringWriter s = new StringWriter();
            new JsonWriter(s).beginArray().value(1_234_567_890_123L).value(-1).value(Long.MIN_VALUE).endArray();
            assertThat(s).hasToString("[1234567890123,-1,-9223372036854775808]");
        } finally {
            Locale.setDefault(before);
        }
    }
}
