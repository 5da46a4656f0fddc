package dev.vialab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The preview in a real browser (Debian Chromium, headless): the ladder's shadow DOM has a lane per device and,
 * once scrolled to the lost call, a dropped mark; clicking an arrow selects its step on the client and the server.
 * Playwright's CSS locators pierce open shadow roots, so the selectors read like the component's own styles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:ladder-it;DB_CLOSE_DELAY=-1")
class LadderPreviewIT {
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @Test
    void the_ladder_has_a_lane_per_device_shows_the_dropped_invite_and_selects_a_clicked_arrow() {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
        page.navigate("http://localhost:" + port + "/preview/ladder");

        assertThat(page.locator("sip-ladder .lane-head")).hasCount(7);
        assertThat(page.locator("sip-ladder .lane-head .lane-name"))
                .hasText(new String[] {"phone", "dns", "nat", "ip1", "ip2", "ip3", "caller"});
        assertThat(page.locator("sip-ladder .lane-head.role-NAT .lane-address"))
                .containsText(new String[] {"192.168.1.1"});

        // only rows in view are in the DOM: scroll down until the lost call's INVITE is drawn
        Locator drop = page.locator("sip-ladder .drop").first();
        page.locator("sip-ladder .body").hover();
        for (int i = 0; i < 60 && drop.count() == 0; i++) {
            page.mouse().wheel(0, 800);
            page.waitForTimeout(60);
        }
        page.waitForTimeout(200); // let the last scroll's frame render before aiming at a row
        assertThat(drop).isVisible();
        assertThat(drop.locator("title")).hasText(java.util.regex.Pattern.compile("^Dropped by"));

        Locator arrow = page.locator("sip-ladder g.row:has(.drop)").first();
        int step = Integer.parseInt(arrow.getAttribute("data-step"));
        arrow.locator(".label").click();
        assertThat(arrow).hasClass(java.util.regex.Pattern.compile("\\bselected\\b"));
        assertThat(page.locator("#status")).containsText("step " + step + " ·");
        assertThat(((Number) page.locator("sip-ladder").evaluate("l => l.selected")).intValue()).isEqualTo(step);
        assertThat(((Number) page.locator("vl-timeline").evaluate("t => t.selected")).intValue()).isEqualTo(step);
    }
}
