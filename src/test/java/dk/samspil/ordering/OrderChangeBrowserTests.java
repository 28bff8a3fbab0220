package dk.samspil.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.web.Browsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The coordinator adapts the order's programme and changes its venue in the browser; the pages pass axe. */
@SamspilTest
class OrderChangeBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Test
    void theCoordinatorAdaptsTheProgrammeAndChangesTheVenueInTheBrowser() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "browser.aendring@aarhus.example.dk");
        try (BrowserContext context = Browsers.newContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "koordinator");
            page.navigate("/bestillinger/" + id);
            page.getByText("Tilpas programmet", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.locator("h1").innerText()).isEqualTo("Programmet for mødet");
            Browsers.assertAccessible(page);

            page.getByLabel("Minutter for blok 1", new Page.GetByLabelOptions().setExact(true))
                    .fill("15");
            page.getByLabel("Minutter for blok 1", new Page.GetByLabelOptions().setExact(true))
                    .press("Enter");
            assertThat(page.locator("#minutes-off").innerText())
                    .contains("Blokkenes minutter giver 155 minutter, men mødet varer 150 minutter.");
            Browsers.assertAccessible(page);

            page.getByLabel("Flyt Pause op", new Page.GetByLabelOptions().setExact(true))
                    .click();
            page.waitForCondition(() -> page.locator(".samspil-programme-time").count() == 5
                    && page.locator("#blocks1\\.title").inputValue().equals("Pause"));
            assertThat(page.locator(".samspil-programme-time").allInnerTexts())
                    .startsWith("16.00–16.15", "16.15–16.30", "16.30–17.35");

            page.navigate("/bestillinger/" + id);
            page.getByText(
                            "Ret mødet: dato, tidspunkt, sted, deltagere og emner",
                            new Page.GetByTextOptions().setExact(true))
                    .click();
            Browsers.assertAccessible(page);
            page.locator("#venue").fill("");
            page.getByText("Gem ændringerne", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.locator("#venue-error").innerText()).contains("Skriv");
            Browsers.assertAccessible(page);
            page.locator("#venue").fill("Sundhedshuset, mødesal 1");
            page.getByText("Gem ændringerne", new Page.GetByTextOptions().setExact(true))
                    .click();
            assertThat(page.getByText("Ændringerne er gemt, og de berørte har fået besked på mail.")
                            .isVisible())
                    .isTrue();
            assertThat(page.locator("#aendringer").innerText()).contains("Sundhedshuset, mødesal 1", "Programmet");
            Browsers.assertAccessible(page);
        }
    }
}
