package dk.samspil.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: a consultant makes a new package as a copy, changes the programme and a question, publishes
 * it, and a coordinator orders it; axe-clean at every step, and the draft works at phone width.
 */
@SamspilTest
class PackageEditorBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** The copy published here leaves the catalogue again, so other tests see the shipped packages alone. */
    @AfterEach
    void withdrawTheCopy() {
        jdbc.sql("UPDATE catalog_package SET status = 'WITHDRAWN' WHERE slug LIKE 'browser-kopi-%'")
                .update();
    }

    @Test
    void aConsultantPublishesACopyThatACoordinatorOrders() {
        String slug = "browser-kopi-" + System.nanoTime();
        String title = "Akutfunktioner, vores udgave " + System.nanoTime();
        try (BrowserContext context = Browsers.newContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "konsulent");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions()
                                    .setName("Pakkeredigering")
                                    .setExact(true))
                    .first()
                    .click();
            assertThat(page.locator("h1")).hasText("Udbyderens pakker");
            Browsers.assertAccessible(page);
            page.locator("a[href='/udbyder/pakker/akutfunktioner/kopi']").click();
            page.getByLabel("Titel").fill(title);
            page.getByLabel("Adresse i kataloget").fill("Forkert Adresse");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lav kopien"))
                    .click();
            assertThat(page.locator("#slug-error")).containsText("små bogstaver");
            Browsers.assertAccessible(page);
            page.getByLabel("Adresse i kataloget").fill(slug);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lav kopien"))
                    .click();
            assertThat(page.locator("h1")).containsText("Kladde: " + title);
            Browsers.assertAccessible(page);

            // The first block ten minutes longer: the programme no longer adds up, said at the field.
            page.locator("#programme0\\.minutes").fill("20");
            page.locator("#status").selectOption("OFFERED");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Udgiv som ny version"))
                    .click();
            assertThat(page.locator("#meetingMinutes-error")).containsText("Programmets minutter giver 160");
            assertThat(page.locator("#programme0\\.minutes")).hasValue("20");
            Browsers.assertAccessible(page);

            // The second item ten minutes shorter, the first question reworded: published.
            int second = Integer.parseInt(page.locator("#programme1\\.minutes").inputValue());
            page.locator("#programme1\\.minutes").fill(String.valueOf(second - 10));
            page.locator("#questions0\\.text").fill("Hvor godt kender du kommunens akutfunktion?");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Udgiv som ny version"))
                    .click();
            assertThat(page.locator(".alert-success")).containsText("udgivet som version 1");
            Browsers.assertAccessible(page);
        }
        try (BrowserContext context = Browsers.newContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "koordinator");
            page.navigate("/pakker/" + slug);
            assertThat(page.locator("h1")).hasText(title);
            assertThat(page.getByText("16.00–16.20")).isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bestil pakken"))
                    .click();
            assertThat(page.locator("h1")).containsText("Bestil:");
            page.getByLabel("Mødedato").fill(OrderFixtures.today().plusWeeks(10).toString());
            page.getByLabel("Mødested").fill("Lægehuset i browseren");
            page.getByLabel("Hvornår vil du ringes op?")
                    .fill(OrderFixtures.today().plusDays(2) + "T10:00");
            page.getByLabel("Dit telefonnummer").fill(OrderFixtures.PHONE);
            page.locator("#participants0\\.name").fill("Susanne Sygeplejerske");
            page.locator("#participants0\\.email").fill("browser.kopi" + System.nanoTime() + "@aarhus.example.dk");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send bestilling"))
                    .click();
            assertThat(page.locator(".alert-success")).containsText("Tak for bestillingen");
            assertThat(page.locator("h1")).containsText(title);
        }
    }

    @Test
    void theDraftWorksAtPhoneWidth() {
        try (BrowserContext context = Browsers.phoneContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "midtkraft");
            page.navigate("/udbyder/pakker");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ret pakken"))
                    .first()
                    .click();
            assertThat(page.locator("h1")).containsText("Kladde:");
            Browsers.assertAccessible(page);
            Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(overflow)
                    .as("no sideways scrolling")
                    .isEqualTo(false);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj punkt"))
                    .click();
            assertThat(page.locator(".alert-info")).containsText("Husk at gemme");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem kladden"))
                    .click();
            assertThat(page.locator(".form-error-message").first()).containsText("Skriv en tekst");
            page.locator("text=Slet kladden").first().click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, slet kladden"))
                    .click();
            assertThat(page.locator(".alert-success")).containsText("Kladden er slettet");
        }
    }
}
