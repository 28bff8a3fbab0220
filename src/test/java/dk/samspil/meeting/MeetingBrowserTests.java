package dk.samspil.meeting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.Catalog;
import dk.samspil.web.Browsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The referent on a laptop on the day: roles, every block with its actual times and a note, the parking lot, two
 * agreements (one of the package's suggested actions), the referat made and sent, and afterwards one agreement ticked done.
 */
@SamspilTest
class MeetingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    Catalog catalog;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void referentRunsTheMeetingMakesAndSendsTheReferatAndTicksAnAgreementDone() throws Exception {
        long order = OrderFixtures.placeOrder(
                mvc, users, "dosisdispensering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
        // The meeting is today: the referat can be made from the meeting day on.
        jdbc.sql("UPDATE package_order SET meeting_date = ? WHERE id = ?")
                .params(OrderFixtures.today(), order)
                .update();
        String suggestion = catalog.find("dosisdispensering")
                .orElseThrow()
                .suggestedActions()
                .get(0);
        try (BrowserContext context = Browsers.newContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "koordinator");
            page.navigate("/bestillinger/" + order);
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions()
                                    .setName("Mødet: roller, noter, parkeringsplads, aftaler og referat"))
                    .click();
            assertThat(page.locator("h1")).containsText("Klyngemødet");
            Browsers.assertAccessible(page);

            page.getByLabel("Mødeleder").fill("Anne Kjær");
            page.getByLabel("Referent", new Page.GetByLabelOptions().setExact(true))
                    .fill("Bo Mikkelsen");
            page.getByLabel("Oplægsholder(e)").fill("Susanne Sygeplejerske");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem roller"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Rollerne er gemt.");

            int blocks = page.locator("section.samspil-block").count();
            for (int n = 1; n <= blocks; n++) {
                Locator block = page.locator("#blok-" + n);
                String title = block.locator("h3").textContent().strip();
                block.getByLabel("Faktisk start").fill(String.format("16:%02d", n * 5));
                block.getByLabel("Faktisk slut").fill(String.format("16:%02d", n * 5 + 4));
                block.getByLabel("Noter").fill("Noter fra " + title);
                block.getByRole(AriaRole.BUTTON).click();
                assertThat(page.getByRole(AriaRole.STATUS).first()).containsText(title + "“ er gemt.");
                assertThat(page.locator("#blok-" + n).getByLabel("Noter")).hasValue("Noter fra " + title);
            }

            Locator parking = page.locator("#parkeringsplads");
            parking.getByLabel("Idé eller spørgsmål").fill("Apotekernes rolle i dosisdispenseringen");
            parking.getByLabel("Ansvarlig", new Locator.GetByLabelOptions().setExact(true))
                    .fill("Kommunen");
            parking.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tilføj til parkeringspladsen"))
                    .click();
            assertThat(page.locator("#parking-table")).containsText("Apotekernes rolle i dosisdispenseringen");

            Locator form = page.locator("#new-agreement");
            form.getByLabel("Forslag fra klyngepakken").selectOption(new SelectOption().setLabel(suggestion));
            form.getByLabel("Ansvarlig person").fill("Anne Kjær");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tilføj aftale"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Aftalen er tilføjet.");

            form = page.locator("#new-agreement");
            form.getByLabel("Aftale", new Locator.GetByLabelOptions().setExact(true))
                    .fill("Kommunen sender kontaktliste til lægerne");
            form.getByLabel("Ansvarlig part").selectOption(new SelectOption().setLabel("Kommunen"));
            form.getByLabel("Senest").fill(OrderFixtures.today().plusWeeks(20).toString());
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tilføj aftale"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Aftalen er tilføjet.");
            assertThat(page.locator("article.samspil-agreement")).hasCount(2);
            Browsers.assertAccessible(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lav referat"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Referatet (version 1) laves nu.");
            Locator word = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Word (version 1)"));
            assertThat(word).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send referat"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first())
                    .containsText("Referatet (version 1) er sendt til 2 modtagere.");

            Locator first = page.locator("article.samspil-agreement").first();
            first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Markér som gennemført"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Aftalen er markeret som gennemført.");
            first = page.locator("article.samspil-agreement").first();
            assertThat(first.locator("dd strong")).hasText("Gennemført");
            assertThat(first.locator(".samspil-history"))
                    .containsText("Anne Kjær (Demoklyngen) ændrede status fra Aftalt til Gennemført");
            Browsers.assertAccessible(page);
        }
    }
}
