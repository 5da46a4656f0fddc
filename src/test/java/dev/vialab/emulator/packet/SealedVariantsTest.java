package dev.vialab.emulator.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.setup.DnsOrder;
import dev.vialab.emulator.sip.SipCodec;
import org.junit.jupiter.api.Test;

/**
 * The emulator tells these sealed types' variants apart with {@code instanceof} chains, not exhaustive switches
 * (see {@link Packet}), so the compiler no longer says when a variant is added. These tests do: a failure here
 * means the chains named in the message must learn the new variant.
 */
class SealedVariantsTest {

    @Test
    void a_packet_is_udp_tcp_or_icmp_as_host_nat_step_log_and_text_ladder_assume() {
        assertThat(Packet.class.getPermittedSubclasses())
                .as("Host.receive, NatBox.outbound/inbound, StepLog.why, TextLadder.packetSummary/publicEndpoint")
                .containsExactlyInAnyOrder(Packet.Udp.class, Packet.Tcp.class, Packet.Icmp.class);
    }

    @Test
    void a_parsed_payload_is_a_message_a_keep_alive_or_malformed_as_phone_registrar_and_caller_assume() {
        assertThat(SipCodec.Parsed.class.getPermittedSubclasses())
                .as("Phone.sipReceived, Registrar.received, Caller.datagram")
                .containsExactlyInAnyOrder(SipCodec.Message.class, SipCodec.KeepAlive.class,
                        SipCodec.Malformed.class);
    }

    @Test
    void a_dns_order_is_one_of_the_five_the_dns_server_knows() {
        assertThat(DnsOrder.class.getPermittedSubclasses())
                .as("DnsServer.order and DnsServer.describe")
                .containsExactlyInAnyOrder(DnsOrder.Fixed.class, DnsOrder.PerQuery.class, DnsOrder.RoundRobin.class,
                        DnsOrder.Shuffle.class, DnsOrder.Schedule.class);
    }
}
