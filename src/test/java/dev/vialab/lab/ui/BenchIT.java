package dev.vialab.lab.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bench in a real browser (Debian Chromium, headless), as a learner uses it: open the seed scenario from the
 * start page, go to t2 and read both NAT mappings, see the lost call and why, turn "Allow IP rewrite" on and see
 * the un-REGISTER appear, switch to Chinese, download the capture. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:bench-it;DB_CLOSE_DELAY=-1")
class BenchIT {
    private static final Path SHOTS = Path.of("target/screenshots");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SHOTS);
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
        playwright.close();
    }

    private Page page(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(1600, 1000).setAcceptDownloads(true));
        return context.newPage();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    @Test
    void a_learner_opens_the_seed_case_reads_both_mappings_at_t2_and_sees_why_the_call_is_lost() {
        Page page = page("en-US");
        page.navigate(url(""));
        page.locator("a.vl-card[href='bench/seed-t1-t2']").click();
        assertThat(page.locator("sip-ladder .lane-head")).hasCount(7);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("bench-en-light.png")));

        // jump to the second call (after t2): both mappings are in the NAT table
        page.locator("vaadin-select.vl-marks").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(Pattern.compile("^call2"))).click();
        assertThat(page.locator(".vl-position")).containsText("300.000 s");
        assertThat(page.locator(".vl-state vaadin-grid-cell-content").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("203.0.113.195:13450"))).not().hasCount(0);
        assertThat(page.locator(".vl-state vaadin-grid-cell-content").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("203.0.113.195:13000"))).not().hasCount(0);

        // the lost call and its cause: filtered at the NAT, because the binding now points at 13000
        assertThat(page.locator(".vl-outcome-lost")).containsText("Call call2 was lost");
        assertThat(page.locator(".vl-outcome-lost")).containsText("filtering");
        page.locator(".vl-outcome-lost .vl-chain-link").nth(1).click(); // the first cause: the drop
        assertThat(page.locator(".vl-inspector")).containsText("Dropped by address-and-port-dependent filtering");

        page.locator("vaadin-checkbox.vl-dark").click(); // the app's own switch
        page.waitForTimeout(800); // Lumo fades colours; let the transition end before the picture
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("bench-en-dark.png")));
    }

    @Test
    void turning_allow_ip_rewrite_on_shows_the_un_register_and_the_new_register() {
        Page page = page("en-US");
        page.navigate(url("bench/seed-t1-t2"));
        assertThat(page.locator("sip-ladder .lane-head")).hasCount(7);
        page.locator("vaadin-checkbox", new Page.LocatorOptions().setHasText("Allow IP rewrite")).click();
        page.waitForFunction("() => document.querySelector('sip-ladder').model.arrows"
                + ".some(a => a.detail.includes('un-REGISTER'))");
        assertThat((String) page.evaluate("() => decodeURIComponent(window.location.href)")).contains("phone.rewrite=on");
        // the table lists every step: the un-REGISTER (Expires 0) and the REGISTER on a new Call-ID are there
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB, new Page.GetByRoleOptions().setName("Table")
                .setExact(true)).click();
        Object ladder = page.locator("sip-ladder").evaluate(
                "l => l.model.arrows.filter(a => a.detail.includes('un-REGISTER')).length");
        assertThat(((Number) ladder).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(page.locator(".vl-steptable")).containsText("IP address change detected");
    }

    @Test
    void the_bench_speaks_chinese_and_the_capture_downloads_as_pcapng() throws IOException {
        Page page = page("en-US");
        page.navigate(url("bench/seed-t1-t2?step=100"));
        page.locator("vaadin-select.vl-language").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("简体中文")).click();
        assertThat(page.locator(".vl-knobs h3")).hasText("参数");
        assertThat(page.locator("vaadin-tab").first()).hasText("时序图");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("bench-zh-light.png")));
        page.locator("vaadin-checkbox.vl-dark").click(); // the app's own switch
        page.waitForTimeout(800); // Lumo fades colours; let the transition end before the picture
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("bench-zh-dark.png")));

        Download download = page.waitForDownload(() -> page.locator("a.vl-download").first().click());
        byte[] pcap = Files.readAllBytes(download.path());
        assertThat(pcap.length).isGreaterThan(1000);
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0x0A0D0D0A); // section header block
        int offset = 0;
        int blocks = 0;
        while (offset < pcap.length) {
            int length = b.getInt(offset + 4);
            assertThat(length % 4).isZero();
            assertThat(b.getInt(offset + length - 4)).as("trailing block length").isEqualTo(length);
            offset += length;
            blocks++;
        }
        assertThat(offset).isEqualTo(pcap.length);
        assertThat(blocks).isGreaterThan(50);
    }

    @Test
    void a_copied_share_link_opens_the_same_view_and_an_unknown_one_says_so_in_both_languages() {
        Page page = page("en-US");
        page.navigate(url("bench/seed-t1-t2?set=phone.rewrite%3Don&step=40"));
        assertThat(page.locator("sip-ladder .lane-head")).hasCount(7);
        page.locator(".vl-share").click();
        String shown = page.locator("vaadin-notification-card").first().textContent();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("s/[0-9a-zA-Z]{12}").matcher(shown);
        org.assertj.core.api.Assertions.assertThat(m.find()).as(shown).isTrue();
        Page other = page("en-US");
        other.navigate(url(m.group()));
        other.waitForURL(java.util.regex.Pattern.compile(".*bench/seed-t1-t2\\?.*step=40.*"));
        org.assertj.core.api.Assertions.assertThat(other.url()).contains("phone.rewrite");

        other.navigate(url("s/nosuchlink00"));
        assertThat(other.locator("h2")).hasText("Unknown share link");
        other.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("share-unknown-en-light.png")));
        Page zh = page("zh-CN");
        zh.navigate(url("s/nosuchlink00"));
        assertThat(zh.locator("h2")).hasText("未知的分享链接");
        zh.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("share-unknown-zh-light.png")));
    }

    @Test
    void every_text_on_the_bench_meets_wcag_aa_contrast_in_light_and_dark() throws IOException {
        String audit;
        try (var in = BenchIT.class.getResourceAsStream("contrast.js")) {
            audit = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Page page = page("en-US");
        page.navigate(url("bench/seed-t1-t2?step=98")); // dropped INVITEs, keep-alives, notes and both outcomes
        assertThat(page.locator("sip-ladder .lane-head")).hasCount(7);
        @SuppressWarnings("unchecked")
        List<String> light = (List<String>) page.evaluate(audit);
        page.locator("vaadin-checkbox.vl-dark").click();
        page.waitForTimeout(800);
        @SuppressWarnings("unchecked")
        List<String> dark = (List<String>) page.evaluate(audit);
        List<String> both = new java.util.ArrayList<>();
        light.forEach(l -> both.add("light: " + l));
        dark.forEach(d -> both.add("dark: " + d));
        org.assertj.core.api.Assertions.assertThat(both).isEmpty();
    }

    @Test
    void the_start_page_lists_every_scenario_in_both_languages() {
        Page page = page("zh-CN");
        page.navigate(url(""));
        assertThat(page.locator("a.vl-card")).not().hasCount(0);
        assertThat(page.locator("h1")).hasText("场景");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("start-zh-light.png")));
        Page en = page("en-US");
        en.navigate(url(""));
        assertThat(en.locator("h1")).hasText("Scenarios");
        en.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("start-en-light.png")));
    }
}
