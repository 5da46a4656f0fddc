package dev.vialab.emulator.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.packet.Endpoint;
import org.junit.jupiter.api.Test;

/** The texts phones put into explanations and published state are made once and remade when they change. */
class ExplanationTextTest {

    @Test
    void an_endpoint_text_is_reused_while_the_endpoint_stays_and_remade_when_it_moves() {
        EndpointText text = new EndpointText();
        String first = text.of(Endpoint.of("203.0.113.195", 13450));
        assertThat(first).isEqualTo("203.0.113.195:13450");
        assertThat(text.of(Endpoint.of("203.0.113.195", 13450))).isSameAs(first);
        assertThat(text.of(Endpoint.of("203.0.113.195", 13000))).isEqualTo("203.0.113.195:13000");
        assertThat(text.of(Endpoint.of("203.0.113.195", 13450))).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void a_status_line_and_rport_are_reused_while_they_repeat_and_follow_every_change() {
        ResponseText text = new ResponseText();
        String ok = text.status(200, "OK");
        assertThat(ok).isEqualTo("200 OK");
        assertThat(text.status(200, "OK")).isSameAs(ok);
        assertThat(text.status(200, "Fine")).isEqualTo("200 Fine");
        assertThat(text.status(401, "Fine")).isEqualTo("401 Fine");
        assertThat(text.status(401, null)).isEqualTo("401 null");
        String rport = text.rport("203.0.113.195", 13450);
        assertThat(rport).isEqualTo("203.0.113.195:13450");
        assertThat(text.rport("203.0.113.195", 13450)).isSameAs(rport);
        assertThat(text.rport("203.0.113.195", 13000)).isEqualTo("203.0.113.195:13000");
        assertThat(text.rport("198.51.100.9", 13000)).isEqualTo("198.51.100.9:13000");
    }

    @Test
    void a_cseq_prints_as_number_and_method() {
        assertThat(new ResponseText.CSeq(2, "REGISTER")).hasToString("2 REGISTER");
    }
}
