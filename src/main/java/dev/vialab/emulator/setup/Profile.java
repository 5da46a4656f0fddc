package dev.vialab.emulator.setup;

/**
 * Named phone behaviours: what each softphone sets in {@code pjsua_acc_config}. Rulebook B1, B6, R23, R24, R37.
 *
 * <p>MicroSIP's "Allow IP rewrite" sets {@code allow_contact_rewrite = 2} and turns on Via and SDP rewrite; off
 * (its ini default) turns all three off (R24, R36). The rewrite method is hard-coded per version (B6). Plain
 * pjsua keeps the library defaults (rewrite 1, method 6) and its command-line app retries after 60 s first
 * (R37).
 */
public enum Profile {
    PJSUA_DEFAULT("pjsua-default", "PJSUA v2 Linux", 6, 60, false),
    MICROSIP_3_19("microsip-3.19", "MicroSIP/3.19.27", 6, 0, true),
    MICROSIP_3_20("microsip-3.20", "MicroSIP/3.20.5", 1, 0, true),
    MICROSIP_3_21("microsip-3.21", "MicroSIP/3.21.6", 1, 0, true),
    MICROSIP_3_22("microsip-3.22", "MicroSIP/3.22.3", 5, 0, true);

    private final String id;
    private final String userAgent;
    private final int rewriteMethod;
    private final int firstRetryInterval;
    private final boolean microsip;

    Profile(String id, String userAgent, int rewriteMethod, int firstRetryInterval, boolean microsip) {
        this.id = id;
        this.userAgent = userAgent;
        this.rewriteMethod = rewriteMethod;
        this.firstRetryInterval = firstRetryInterval;
        this.microsip = microsip;
    }

    public String id() {
        return id;
    }

    public String userAgent() {
        return userAgent;
    }

    /** {@code contact_rewrite_method} this profile sets (MicroSIP: regardless of the rewrite switch). */
    public int rewriteMethod() {
        return rewriteMethod;
    }

    /** {@code reg_first_retry_interval} in seconds. */
    public int firstRetryInterval() {
        return firstRetryInterval;
    }

    /** MicroSIP runs on Windows and has the "Allow IP rewrite" switch; pjsua here runs on Linux. */
    public boolean isMicrosip() {
        return microsip;
    }

    /** {@code allow_contact_rewrite} for the profile's default rewrite setting (MicroSIP: off). */
    public int defaultContactRewrite() {
        return microsip ? 0 : 1;
    }

    public static Profile byId(String id) {
        for (Profile p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        return null;
    }
}
