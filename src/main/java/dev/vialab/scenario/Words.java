package dev.vialab.scenario;

import dev.vialab.emulator.setup.NatSetup;
import dev.vialab.emulator.setup.PhoneSetup;
import dev.vialab.emulator.setup.PjsipVersion;
import dev.vialab.emulator.setup.Profile;
import dev.vialab.emulator.setup.RegistrarSetup;
import dev.vialab.emulator.setup.Setup;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * The words a file may use for each enumerated value, in documented order (messages list them so). The writer
 * uses the same tables backwards, so reading and writing cannot drift apart.
 */
final class Words {
    static final SequencedMap<String, Profile> PROFILES = of(Profile.values(), Profile::id);
    static final SequencedMap<String, PjsipVersion> PJSIP = of(PjsipVersion.values(), PjsipVersion::id);
    static final SequencedMap<String, NatSetup.Behaviour> BEHAVIOURS = of(NatSetup.Behaviour.values(),
            NatSetup.Behaviour::id);
    static final SequencedMap<String, NatSetup.PortAllocation.Mode> ALLOCATIONS = of(
            NatSetup.PortAllocation.Mode.values(), Words::lower);
    static final SequencedMap<String, Setup.LocationMode> LOCATIONS = of(Setup.LocationMode.values(), Words::lower);
    static final SequencedMap<String, RegistrarSetup.Auth> AUTH = of(RegistrarSetup.Auth.values(), Words::lower);
    static final SequencedMap<String, RegistrarSetup.Mode> STATES = of(RegistrarSetup.Mode.values(), Words::lower);
    /** MicroSIP's account transport items (R25): "UDP" binds transport_id, "UDP+TCP" leaves it unset. */
    static final SequencedMap<String, String> TRANSPORTS = words("udp", "udp", "udp+tcp", "udp+tcp", "tcp", "tcp");
    static final SequencedMap<String, PhoneSetup.Resolver> RESOLVERS = of(PhoneSetup.Resolver.values(), Words::lower);
    static final SequencedMap<String, PhoneSetup.Failover> FAILOVERS = of(PhoneSetup.Failover.values(), Words::lower);
    static final SequencedMap<String, Boolean> OS = words("windows", true, "linux", false);
    /** MicroSIP's switch reads naturally as on/off; YAML booleans mean the same. */
    static final SequencedMap<String, Boolean> REWRITE = words("on", true, "off", false, "true", true, "false", false);
    static final SequencedMap<String, Boolean> THEN = words("repeat", true, "hold", false);
    static final SequencedMap<String, String> POLICIES = words("fixed", "fixed", "per-query", "per-query",
            "round-robin", "round-robin", "shuffle", "shuffle", "schedule", "schedule");
    static final SequencedMap<String, String> ACTIONS = words("quit", "quit", "start", "start", "reregister",
            "reregister", "switch-proxy", "switch-proxy");

    private Words() {}

    /** {@code APP_MODIFY} → {@code app-modify}, {@code PER_SERVER} → {@code per-server}. */
    static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static <T> SequencedMap<String, T> of(T[] values, java.util.function.Function<T, String> id) {
        SequencedMap<String, T> m = new LinkedHashMap<>();
        for (T v : values) {
            m.put(id.apply(v), v);
        }
        return java.util.Collections.unmodifiableSequencedMap(m);
    }

    @SuppressWarnings("unchecked")
    private static <T> SequencedMap<String, T> words(Object... pairs) {
        SequencedMap<String, T> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (T) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableSequencedMap(m);
    }
}
