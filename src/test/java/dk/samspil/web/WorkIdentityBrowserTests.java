package dk.samspil.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.SamspilTest;
import dk.samspil.TestOidcServer;
import dk.samspil.security.Role;
import dk.samspil.security.UserAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator logs in with MitID Erhverv in a real browser: Samspil's button, the provider's own sign-in page,
 * back to Samspil signed in with the coordinator's role; log-out goes by the provider and back, under the pages' real
 * Content-Security-Policy. An unknown identity gets the Danish refusal page, at phone width too. Pages pass axe.
 */
@SamspilTest
class WorkIdentityBrowserTests {

    static final String SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/loa/Substantial";

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration users;

    @Test
    void aCoordinatorLogsInWithMitIdErhvervAndOutAgain() {
        String email = "browser.mitid." + System.nanoTime() + "@example.dk";
        users.invite(email, "Karin Koordinator", Role.COORDINATOR, "C:1", "admin", "127.0.0.1");
        try (BrowserContext look = Browsers.newContext(base())) {
            Page page = look.newPage();
            page.navigate("/login");
            Browsers.assertAccessible(page);
        }
        try (BrowserContext context = Browsers.strictContext(base())) {
            Page page = context.newPage();
            page.navigate("/login");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions()
                                    .setName("Log ind med MitID Erhverv")
                                    .setExact(true))
                    .click();
            assertThat(page.url()).startsWith(TestOidcServer.issuer() + "/authorize");
            signInAtTheProvider(
                    page,
                    "sub-" + System.nanoTime(),
                    "{\"email\": \"" + email + "\", \"email_verified\": true, \"loa\": \"" + SUBSTANTIAL + "\"}");
            assertThat(page.url()).isEqualTo(base() + "/start");
            Browsers.assertSignedIn(page);
            assertThat(page.locator("body").innerText()).contains("Karin Koordinator");
            page.navigate("/klynger/1");
            assertThat(page.locator("h1")).isVisible();

            page.locator("form.samspil-logout button").first().click();
            page.waitForURL(base() + "/login?logout*");
            assertThat(page.getByText("Du er nu logget af.")).isVisible();
            page.navigate("/start");
            assertThat(page.url()).startsWith(base() + "/login");
        }
        // The administrator sees the linked identity on the user's page, on a phone too.
        long id = users.users().stream()
                .filter(u -> u.username().equals(email))
                .findFirst()
                .orElseThrow()
                .id();
        try (BrowserContext phone = Browsers.phoneContext(base())) {
            Page page = Browsers.signIn(phone, "admin");
            page.navigate("/admin/brugere/" + id);
            assertThat(page.locator("table").first()).containsText(TestOidcServer.issuer());
            assertThat(page.locator("table").first()).containsText("Via bekræftet e-mail");
            Browsers.assertAccessible(page);
        }
    }

    @Test
    void anUnknownIdentityGetsTheDanishRefusalPageOnAPhone() {
        try (BrowserContext context = Browsers.phoneContext(base())) {
            Page page = context.newPage();
            page.navigate("/login");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions()
                                    .setName("Log ind med MitID Erhverv")
                                    .setExact(true))
                    .click();
            signInAtTheProvider(
                    page,
                    "ukendt-" + System.nanoTime(),
                    "{\"email\": \"ingen." + System.nanoTime() + "@example.dk\", \"email_verified\": true, \"loa\": \""
                            + SUBSTANTIAL + "\"}");
            assertThat(page.url()).isEqualTo(base() + "/login/afvist?aarsag=ukendt");
            assertThat(page.locator("h1")).hasText("Vi kender ikke din identitet");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tilbage til log ind")))
                    .isVisible();
            Browsers.assertAccessible(page);
        }
    }

    /** The provider's own sign-in page: a user name (the subject) and the identity's claims. */
    private static void signInAtTheProvider(Page page, String subject, String claims) {
        page.locator("input[name=username]").fill(subject);
        page.locator("textarea[name=claims]").fill(claims);
        page.locator("input[type=submit]").click();
        page.waitForURL(url -> !url.startsWith(TestOidcServer.issuer()));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
