package dk.samspil.deck;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.web.Browsers;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The consultant makes, downloads and sends the deck; the coordinator and the municipality download it. */
@SamspilTest
class DeckBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Test
    void consultantMakesDownloadsAndSendsCoordinatorAndMunicipalityDownload() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        String base = "http://localhost:" + port;
        try (BrowserContext context = Browsers.newContext(base)) {
            Page page = Browsers.signIn(context, "konsulent");
            page.navigate("/bestillinger/" + order);
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Præsentation til mødet (PowerPoint og PDF)"))
                    .click();
            assertThat(page.locator("h1")).containsText("Præsentation til mødet");
            Browsers.assertAccessible(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lav en ny version af præsentationen"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Version 1 af præsentationen laves nu.");
            // The list refreshes itself until the version is ready: no reload by the user.
            Locator pptx = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PowerPoint (version 1)"));
            assertThat(pptx)
                    .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                            .setTimeout(90_000));
            assertThat(download(page, pptx).suggestedFilename()).endsWith("v1.pptx");
            Browsers.assertAccessible(page);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send version 1 til klynge og kommune"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Version 1 er sendt til 2 modtagere.");
        }
        for (String user : new String[] {"koordinator", "kommune"}) {
            try (BrowserContext context = Browsers.newContext(base)) {
                Page page = Browsers.signIn(context, user);
                page.navigate("/bestillinger/" + order + "/praesentation");
                assertThat(page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("Lav en ny version af præsentationen")))
                        .hasCount(0);
                Download file = download(
                        page,
                        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PowerPoint (version 1)")));
                assertThat(Files.size(file.path())).as(user).isGreaterThan(10_000);
                Locator pdf = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF (version 1)"));
                if (pdf.count() > 0) {
                    assertThat(download(page, pdf).suggestedFilename()).endsWith("v1.pdf");
                }
                Browsers.assertAccessible(page);
            }
        }
    }

    private static Download download(Page page, Locator link) {
        return page.waitForDownload(link::click);
    }
}
