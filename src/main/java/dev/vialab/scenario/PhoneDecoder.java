package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Transport;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.PjsipVersion;
import dev.vialab.emulator.setup.Profile;
import java.util.List;

/**
 * {@code phone:} resolves a profile and the rewrite switch into pjsua fields (rulebook B6, R23, R24, R36, R37),
 * then lets explicitly written pjsua fields win.
 */
final class PhoneDecoder {
    static final List<String> KEYS = List.of("name", "address", "port", "user", "password", "profile", "pjsip",
            "rewrite", "transport", "resolver", "failover", "server_affinity", "start_at", "answer_after",
            "allow_contact_rewrite", "contact_rewrite_method", "allow_via_rewrite", "allow_sdp_nat_rewrite",
            "reg_timeout", "ka_interval", "reg_retry_interval", "reg_first_retry_interval",
            "reg_retry_random_interval", "reg_delay_before_refresh", "use_rfc5626", "os", "user_agent", "reg_headers");

    /** pjsua's own explanation of why 4 alone fails (R32). */
    static final String METHOD_4 = "4 alone is rejected (R32): pjsua logs 'using method 0' and asserts; "
            + "bit 4 only works with 1 or 2 (5 or 6)";

    private PhoneDecoder() {}

    static PhoneSetup decode(Fields top, Topology topo) {
        Fields p = top.section("phone", KEYS);
        String name = p.name("name", Defaults.PHONE_NAME);
        Ip address = p.ip("address", Defaults.PHONE_ADDRESS);
        topo.name("the phone", name, p.pos("name"), p.path("name"));
        topo.address("the phone", address, Topology.Side.LAN, p.pos("address"), p.path("address"));
        Profile profile = p.word("profile", Profile.MICROSIP_3_20, Words.PROFILES);
        // MicroSIP's "Allow IP rewrite" is off in its ini; plain pjsua keeps the library's rewrite on (R24, R36)
        boolean rewrite = p.word("rewrite", !profile.isMicrosip(), Words.REWRITE);
        int contactRewrite = profile.isMicrosip() ? (rewrite ? 2 : 0) : (rewrite ? 1 : 0);
        boolean viaRewrite = !profile.isMicrosip() || rewrite;
        boolean sdpRewrite = profile.isMicrosip() && rewrite;
        PjsipVersion version = p.word("pjsip", PjsipVersion.V2_13, Words.PJSIP);
        String transport = p.word("transport", "udp", Words.TRANSPORTS);
        return new PhoneSetup(name, Defaults.NAT_NAME, address, p.port("port", Defaults.SIP_PORT),
                nonEmpty(p, "user", Defaults.PHONE_USER), p.string("password", Defaults.PASSWORD), profile,
                version,
                p.word("resolver", PhoneSetup.Resolver.OS, Words.RESOLVERS),
                transport.equals("tcp") ? Transport.TCP : Transport.UDP,
                // only MicroSIP's "UDP" item sets transport_id; pjsua's accounts never do (pjsua_app.c)
                transport.equals("udp") && profile.isMicrosip(),
                p.integer("allow_contact_rewrite", contactRewrite, 0, 2),
                method(p, profile.rewriteMethod()),
                p.bool("allow_via_rewrite", viaRewrite),
                p.bool("allow_sdp_nat_rewrite", sdpRewrite),
                p.integer("reg_timeout", Defaults.REG_TIMEOUT, 1, Integer.MAX_VALUE),
                p.integer("ka_interval", Defaults.KA_INTERVAL, 0, Integer.MAX_VALUE),
                p.integer("reg_retry_interval", Defaults.REG_RETRY_INTERVAL, 0, Integer.MAX_VALUE),
                p.integer("reg_first_retry_interval", profile.firstRetryInterval(), 0, Integer.MAX_VALUE),
                p.integer("reg_retry_random_interval", Defaults.REG_RETRY_RANDOM_INTERVAL, 0, Integer.MAX_VALUE),
                p.integer("reg_delay_before_refresh", Defaults.REG_DELAY_BEFORE_REFRESH, 0, Integer.MAX_VALUE),
                p.bool("use_rfc5626", true),
                p.word("os", profile.isMicrosip(), Words.OS),
                p.word("failover", PhoneSetup.Failover.NONE, Words.FAILOVERS),
                affinity(p, version),
                p.duration("start_at", 0), p.duration("answer_after", Defaults.ANSWER_AFTER),
                p.string("user_agent", profile.userAgent()),
                RegHeaders.decode(p));
    }

    /** server_affinity is a field of pjproject's master only (R28): asking for it from a release is an error. */
    private static boolean affinity(Fields p, PjsipVersion version) {
        boolean on = p.bool("server_affinity", false);
        if (on && version != null && !version.hasServerAffinity()) {
            p.problems.add(p.pos("server_affinity"), p.path("server_affinity"),
                    "exists only in pjsip after 2.17 (pjsip: master), not in " + version.id() + " (R28)");
        }
        return on;
    }

    /** contact_rewrite_method is a bit set, but only 1, 2, 5 and 6 are combinations pjsua accepts (B1, R32). */
    private static int method(Fields p, int dflt) {
        Node n = p.node("contact_rewrite_method");
        if (n == null) {
            return dflt;
        }
        Long v = Values.integer(p.problems, n, p.path("contact_rewrite_method"), Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (v == null) {
            return dflt;
        }
        if (v == 4) {
            p.problems.add(n.pos(), p.path("contact_rewrite_method"), METHOD_4);
        } else if (v != 1 && v != 2 && v != 5 && v != 6) {
            p.problems.add(n.pos(), p.path("contact_rewrite_method"), "must be 1, 2, 5 or 6, found " + v);
        }
        return v.intValue();
    }

    static String nonEmpty(Fields f, String key, String dflt) {
        String s = f.string(key, dflt);
        if (s.isBlank()) {
            f.problems.add(f.pos(key), f.path(key), "must not be empty");
        }
        return s;
    }
}
