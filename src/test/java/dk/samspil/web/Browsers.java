package dk.samspil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * One Debian Chromium for the whole test suite, driven by Playwright (its own browser download is skipped). On a
 * laptop without Chromium the browser tests are skipped; in CI (environment CI set) a missing browser fails them.
 */
public final class Browsers {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static Playwright playwright;
    private static Browser browser;
    private static String axe;

    private Browsers() {}

    public static synchronized Browser browser() {
        if (browser == null) {
            Path chromium = Path.of(System.getProperty("samspil.chromium", "/usr/bin/chromium"));
            boolean available = Files.isExecutable(chromium);
            if (!available && System.getenv("CI") != null) {
                throw new IllegalStateException("CI needs Chromium at " + chromium + " for the browser tests");
            }
            Assumptions.assumeTrue(available, "No Chromium at " + chromium + ": browser tests skipped on this machine");
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(chromium)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--no-first-run",
                                    "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** A fresh browser profile; it may inject axe-core despite the page's CSP. */
    public static BrowserContext newContext(String baseUrl) {
        return browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL(baseUrl)
                        .setBypassCSP(true)
                        .setLocale("da-DK"));
    }

    /** Opens a page in the context and signs in as a demo user (password "samspil"), the way a person does. */
    public static Page signIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate("/login");
        page.getByLabel("Brugernavn").fill(username);
        page.getByLabel("Adgangskode").fill("samspil");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log ind"))
                .click();
        assertSignedIn(page);
        return page;
    }

    /**
     * The header shows "Log af" (in the portal info on a desktop, in the menu drawer on a phone), and the page has
     * loaded: until its stylesheets apply, the phone's menu drawer is visible beside the desktop menu and a menu link
     * matches twice.
     */
    public static void assertSignedIn(Page page) {
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                        page.locator("form.samspil-logout").first())
                .isAttached();
        page.waitForLoadState(LoadState.LOAD);
    }

    /** A fresh browser profile the size of a phone, touch enabled. */
    public static BrowserContext phoneContext(String baseUrl) {
        return browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL(baseUrl)
                        .setBypassCSP(true)
                        .setLocale("da-DK")
                        .setViewportSize(375, 740)
                        .setHasTouch(true)
                        .setIsMobile(true)
                        .setDeviceScaleFactor(2));
    }

    /** Presses Tab until the focused element matches the CSS selector: how a keyboard user gets there. */
    public static void tabTo(Page page, String selector) {
        for (int i = 0; i < 120; i++) {
            page.keyboard().press("Tab");
            Object matches = page.evaluate(
                    "(s) => document.activeElement != null && document.activeElement.matches(s)", selector);
            if (Boolean.TRUE.equals(matches)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector + " on " + page.url());
    }

    /** A browser profile that honours the Content-Security-Policy exactly as a user's browser does. */
    public static BrowserContext strictContext(String baseUrl) {
        return browser()
                .newContext(new Browser.NewContextOptions().setBaseURL(baseUrl).setLocale("da-DK"));
    }

    /** Runs axe-core with the WCAG 2.1 A and AA rules on the page and fails on any violation. */
    public static void assertAccessible(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
        Object violations = page.evaluate(
                "async (tags) => {"
                        + " const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});"
                        + " return r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(' | '));"
                        + "}",
                WCAG_21_AA);
        assertThat((List<?>) violations)
                .as("WCAG 2.1 A/AA violations on " + page.url())
                .isEmpty();
    }

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = Browsers.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is missing: run the build, which copies it from npm");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return axe;
    }
}
