package dev.vialab.emulator.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class DnsTextTest {

    @Test
    void a_label_argument_prints_as_the_label_of_its_wire_message_and_compares_by_content() throws Exception {
        byte[] wire = Message.newQuery(Record.newRecord(Name.fromString("sip.example.com."), Type.A, DClass.IN))
                .toWire();
        DnsText.Label label = new DnsText.Label(wire);
        assertThat(label).hasToString("A? sip.example.com").hasToString(DnsText.label(wire));
        assertThat(label).isEqualTo(new DnsText.Label(wire.clone()))
                .hasSameHashCodeAs(new DnsText.Label(wire.clone()));
        assertThat(new DnsText.Label(new byte[] {1, 2, 3})).hasToString("DNS (malformed)");
    }
}
