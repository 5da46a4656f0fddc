package dev.vialab.emulator.setup;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Transport;
import java.util.List;

/**
 * One softphone, every pjsua field resolved from its profile and overrides.
 *
 * @param nat the NAT it sits behind
 * @param resolver {@code os}: getaddrinfo per request, no cache, A only (R3, R29); {@code pjsip}: pjsip's own
 *     resolver with SRV and a TTL cache capped at 300 s (R4, R29, R30)
 * @param transport the account's transport: UDP, or TCP ({@code ;transport=tcp} on the registrar URI, R25)
 * @param transportId whether the account is bound to its UDP transport ({@code acc_cfg.transport_id}), as MicroSIP's
 *     "UDP" is; its "UDP+TCP" and pjsua's accounts are not, so pjsip may send a request of 1300 bytes or more
 *     over TCP (R25, RFC 3261 §18.1.1) and server affinity is not bypassed (R28)
 * @param allowContactRewrite 0 off, 1 on with the private-address exceptions, 2 on without (R22)
 * @param contactRewriteMethod bits: 1 UNREGISTER, 2 NO_UNREG, 4 ALWAYS_UPDATE (B1)
 * @param windows the OS, for the TCP connect timeout (about 21 s on Windows, 127 s on Linux)
 * @param failover NONE, or APP_MODIFY: the application-level failover of the pjsip docs (G9)
 * @param serverAffinity {@code pjsua_acc_config.server_affinity} (pjsip master only): the first 2xx pins the next
 *     hop (R28); silently bypassed when the account has a {@code transport_id}, as MicroSIP's UDP accounts do
 * @param regHeaders {@code reg_hdr_list}: extra "Name: value" headers on every REGISTER, after CSeq (sip_reg.c
 *     {@code create_request})
 * @param startAt when the account is added (register_on_acc_add), microseconds
 */
public record PhoneSetup(
        String name,
        String nat,
        Ip address,
        int port,
        String user,
        String password,
        Profile profile,
        PjsipVersion version,
        Resolver resolver,
        Transport transport,
        boolean transportId,
        int allowContactRewrite,
        int contactRewriteMethod,
        boolean allowViaRewrite,
        boolean allowSdpNatRewrite,
        int regTimeout,
        int kaInterval,
        int regRetryInterval,
        int regFirstRetryInterval,
        int regRetryRandomInterval,
        int regDelayBeforeRefresh,
        boolean useRfc5626,
        boolean windows,
        Failover failover,
        boolean serverAffinity,
        long startAt,
        long answerAfter,
        String userAgent,
        List<String> regHeaders) {

    public PhoneSetup {
        regHeaders = List.copyOf(regHeaders);
    }

    /**
     * MicroSIP's name for the account transport (R25): "udp" binds transport_id, "udp+tcp" does not, "tcp". A
     * pjsua account never binds it, so its UDP is plain "udp". The scenario reader maps these words back.
     */
    public String transportItem() {
        if (transport == Transport.TCP) {
            return "tcp";
        }
        return profile.isMicrosip() && !transportId ? "udp+tcp" : "udp";
    }

    public enum Resolver { OS, PJSIP }

    public enum Failover { NONE, APP_MODIFY }
}
