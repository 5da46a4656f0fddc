package dev.vialab.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.trace.Kind;
import dev.vialab.emulator.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R1, R3, R4, R29, R30: how often DNS is asked and which server each request reaches. */
class ResolverTest {
    private static final String SRV = """
            dns:
              names:
                - {name: sip.example.com, addresses: [ip1, ip2, ip3], order: {policy: fixed}}
                - {name: ip1.sip.example.com, addresses: [ip1], ttl: 300}
                - {name: ip2.sip.example.com, addresses: [ip2], ttl: 300}
                - {name: ip3.sip.example.com, addresses: [ip3], ttl: 300}
              srv:
                - {service: _sip._udp.sip.example.com, priority: 10, weight: 10, port: 5060, target: ip1.sip.example.com, ttl: 300}
                - {service: _sip._udp.sip.example.com, priority: 10, weight: 10, port: 5060, target: ip2.sip.example.com, ttl: 300}
                - {service: _sip._udp.sip.example.com, priority: 10, weight: 10, port: 5060, target: ip3.sip.example.com, ttl: 300}
            phone: {resolver: pjsip, rewrite: on, profile: microsip-3.19, reg_timeout: 60}
            duration: 900s
            """;

    @Test
    void the_os_resolver_asks_dns_for_every_new_request() {
        Trace t = Runs.yaml("{phone: {profile: microsip-3.20, rewrite: on}}");
        long requests = Runs.registers(t).stream().filter(r -> r.header("Authorization") == null).count();
        long queries = t.query().kind(Kind.PACKET).node("dns").count();
        assertThat(queries).isEqualTo(requests); // R1, R29: getaddrinfo per request, no cache in pjsip
    }

    @Test
    void srv_targets_of_equal_priority_are_chosen_at_random_per_request_from_a_cached_answer() {
        Trace t = Runs.yaml(SRV);
        List<String> servers = Runs.registers(t).stream().map(Runs.Sip::to).toList();
        assertThat(servers.stream().distinct()).hasSizeGreaterThanOrEqualTo(2); // R30 with static DNS
        // the SRV answer and its glue are cached (TTL 300): far fewer DNS queries than requests (R4, R29)
        long queries = t.query().kind(Kind.PACKET).node("dns").count();
        assertThat(queries).isLessThan(servers.size());
        assertThat(queries).isGreaterThanOrEqualTo(3); // it is asked again once the 300 s TTL ran out
        assertThat(t.query().key("dns.resolved.srv").count()).isEqualTo(servers.size());
    }

    @Test
    void without_srv_records_the_pjsip_resolver_falls_back_to_a_records_and_caches_the_negative_answer() {
        Trace t = Runs.yaml("{phone: {resolver: pjsip}, duration: 400s}");
        assertThat(t.query().key("dns.answer.nxdomain").first()).isPresent();
        assertThat(t.query().key("dns.resolved.a").first()).isPresent();
    }

    @Test
    void every_answer_is_labelled_with_the_order_it_carried_when_the_order_alternates() {
        Trace t = Runs.yaml("""
                dns:
                  names:
                    - {name: sip.example.com, addresses: [ip1, ip2, ip3],
                       order: {policy: per-query, orders: [[ip1, ip2, ip3], [ip3, ip1, ip2]], then: repeat}}
                phone: {reg_timeout: 60}
                duration: 400s
                """);
        List<String> answers = t.query().from("dns").kind(Kind.PACKET).list().stream()
                .map(s -> s.hop().label()).toList();
        assertThat(answers).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 0; i < answers.size(); i++) {
            String ips = i % 2 == 0 ? "198.51.100.1 198.51.100.2 198.51.100.3" : "198.51.100.3 198.51.100.1 198.51.100.2";
            assertThat(answers.get(i)).isEqualTo("A sip.example.com: " + ips);
        }
        // the phone explains each answer it hears by the same label
        List<String> heard = t.query().key("dns.response").list().stream().map(s -> s.why().arg(0)).toList();
        assertThat(heard).isEqualTo(answers);
    }
}
