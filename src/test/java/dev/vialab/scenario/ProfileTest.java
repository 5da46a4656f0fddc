package dev.vialab.scenario;

import static dev.vialab.scenario.TestFiles.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vialab.emulator.setup.PhoneSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The profile table of lessons/README.md, row by row (rulebook B6, R23, R24, R36, R37). */
class ProfileTest {

    @ParameterizedTest(name = "{0} rewrite {1}")
    @CsvSource(textBlock = """
            # profile,      rewrite, contact, via,   sdp,   method, first retry, windows, user agent
            pjsua-default,  '',      1,       true,  false, 6,      60,          false,   PJSUA v2 Linux
            pjsua-default,  on,      1,       true,  false, 6,      60,          false,   PJSUA v2 Linux
            pjsua-default,  off,     0,       true,  false, 6,      60,          false,   PJSUA v2 Linux
            microsip-3.19,  '',      0,       false, false, 6,      0,           true,    MicroSIP/3.19.27
            microsip-3.19,  on,      2,       true,  true,  6,      0,           true,    MicroSIP/3.19.27
            microsip-3.20,  off,     0,       false, false, 1,      0,           true,    MicroSIP/3.20.5
            microsip-3.20,  on,      2,       true,  true,  1,      0,           true,    MicroSIP/3.20.5
            microsip-3.21,  true,    2,       true,  true,  1,      0,           true,    MicroSIP/3.21.6
            microsip-3.22,  false,   0,       false, false, 5,      0,           true,    MicroSIP/3.22.3
            microsip-3.22,  on,      2,       true,  true,  5,      0,           true,    MicroSIP/3.22.3
            """)
    void a_profile_and_the_rewrite_switch_set_the_pjsua_fields(String profile, String rewrite, int contact,
            boolean via, boolean sdp, int method, int firstRetry, boolean windows, String userAgent) {
        String yaml = "phone: {profile: " + profile + (rewrite == null || rewrite.isEmpty() ? "" : ", rewrite: " + rewrite) + "}";
        PhoneSetup p = ok(yaml).setup().phones().getFirst();
        assertThat(p.allowContactRewrite()).isEqualTo(contact);
        assertThat(p.allowViaRewrite()).isEqualTo(via);
        assertThat(p.allowSdpNatRewrite()).isEqualTo(sdp);
        assertThat(p.contactRewriteMethod()).isEqualTo(method);
        assertThat(p.regFirstRetryInterval()).isEqualTo(firstRetry);
        assertThat(p.windows()).isEqualTo(windows);
        assertThat(p.userAgent()).isEqualTo(userAgent);
    }

    @Test
    void explicit_pjsua_fields_win_over_the_profile_and_the_switch() {
        PhoneSetup p = ok("""
                phone:
                  profile: microsip-3.20
                  rewrite: on
                  allow_contact_rewrite: 1
                  contact_rewrite_method: 6
                  allow_sdp_nat_rewrite: false
                  reg_first_retry_interval: 30
                  os: linux
                  user_agent: Custom/1.0
                """).setup().phones().getFirst();
        assertThat(p.allowContactRewrite()).isEqualTo(1);
        assertThat(p.contactRewriteMethod()).isEqualTo(6);
        assertThat(p.allowViaRewrite()).isTrue();
        assertThat(p.allowSdpNatRewrite()).isFalse();
        assertThat(p.regFirstRetryInterval()).isEqualTo(30);
        assertThat(p.windows()).isFalse();
        assertThat(p.userAgent()).isEqualTo("Custom/1.0");
    }
}
