package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
import java.util.List;

/**
 * The seed document's world, value by value: what an empty scenario file means. Lists with defaults (the
 * registrars, callers, DNS names, ...) are in {@link DefaultNodes}, because overrides can index into them.
 */
final class Defaults {
    static final long SEED = 1;
    static final long DURATION = 600 * Time.S;
    static final String DOMAIN = "sip.example.com";
    static final long MAX_EVENTS = 200_000;
    static final long MAX_EVENTS_LIMIT = 5_000_000;

    static final Ip DNS_ADDRESS = Ip.parse("192.168.1.2");
    static final Ip DNS_PUBLIC = Ip.parse("192.0.2.53");
    static final long DNS_DELAY = 5 * Time.MS;
    static final int TTL = 300;
    /** t2 of the seed case: the DNS order changes from [ip1,ip2,ip3] to [ip3,ip1,ip2]. */
    static final String ORDER_SWITCH = "295s";

    static final String NAT_NAME = "nat";
    static final Ip NAT_INSIDE = Ip.parse("192.168.1.1");
    static final Ip SUBNET = Ip.parse("192.168.1.0");
    static final int PREFIX = 24;
    static final Ip NAT_PUBLIC = Ip.parse("203.0.113.195");
    static final List<String> SCRIPTED_PORTS = List.of("13450", "13000");
    static final int PORT_START = 20000;
    static final long UDP_TIMEOUT = 120 * Time.S;
    static final long NAT_DELAY = 2 * Time.MS;

    static final List<String> REGISTRAR_NAMES = List.of("ip1", "ip2", "ip3");
    static final List<String> REGISTRAR_ADDRESSES = List.of("198.51.100.1", "198.51.100.2", "198.51.100.3");
    static final int SIP_PORT = 5060;
    static final long REGISTRAR_DELAY = 10 * Time.MS;
    static final int MIN_EXPIRES = 60;
    static final int MAX_EXPIRES = 3600;

    static final String PHONE_NAME = "phone";
    static final Ip PHONE_ADDRESS = Ip.parse("192.168.1.10");
    static final String PHONE_USER = "1001";
    static final String PASSWORD = "secret";
    static final long ANSWER_AFTER = 2 * Time.S;
    // pjsua_acc_config_default() values (pjsua_acc.c), the same for every profile
    static final int REG_TIMEOUT = 300;
    static final int KA_INTERVAL = 15;
    static final int REG_RETRY_INTERVAL = 300;
    static final int REG_RETRY_RANDOM_INTERVAL = 10;
    static final int REG_DELAY_BEFORE_REFRESH = 5;

    static final String CALLER_NAME = "caller";
    static final String CALLER_ADDRESS = "198.51.100.200";
    static final String CALLER_USER = "2000";
    static final long CALLER_DELAY = 10 * Time.MS;
    static final long HANGUP_AFTER = 5 * Time.S;

    static final String VIA_DNS = "dns";

    private Defaults() {}
}
