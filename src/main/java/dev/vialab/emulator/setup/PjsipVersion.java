package dev.vialab.emulator.setup;

/**
 * The three pjsip behaviour bands the rulebook distinguishes (§0): up to 2.13; 2.14–2.16, where a new regc of
 * contact_rewrite_method 1/5 carries the local Contact (R31, pjsip #3021); and 2.17+, which also resets the
 * rewrite loop guard when a TCP transport disconnects (R35, pjsip #4886). {@code master} is 2.17 plus what is
 * only on pjproject's master branch so far: {@code server_affinity} (R28).
 */
public enum PjsipVersion {
    V2_13("2.13"), V2_14("2.14"), V2_17("2.17"), MASTER("master");

    private final String id;

    PjsipVersion(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean localContactOnNewRegc() {
        return this != V2_13;
    }

    public boolean resetsGuardOnDisconnect() {
        return this == V2_17 || this == MASTER;
    }

    /** {@code pjsua_acc_config.server_affinity} exists only after 2.17 (R28, "[master only]"). */
    public boolean hasServerAffinity() {
        return this == MASTER;
    }

    public static PjsipVersion byId(String id) {
        for (PjsipVersion v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        return null;
    }
}
