package dk.samspil.pko;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dk.samspil.SamspilTest;
import dk.samspil.web.Browsers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A collaboration meeting in the Manegemodellen in the browser: planned, its case written (a missing story refused at
 * the field), then read on a phone — the case page, the meeting page with the case, the decision aid on
 * correspondence as a home-care nurse opens it — each fitting the screen; axe on every step.
 */
@SamspilTest
class PkoCollaborationBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void aManegemodellenCaseIsWrittenAndReadOnAPhone() {
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "admin");
            page.navigate("/pko");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Samarbejdsmøder"))
                    .click();
            Browsers.assertAccessible(page);
            page.getByLabel("Kommune", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setValue("0751"));
            page.getByLabel("De palliative forløb").check();
            page.getByLabel("Manegemodellen", new Page.GetByLabelOptions().setExact(true))
                    .check();
            page.getByLabel("Dato")
                    .fill(LocalDate.now(ZoneId.of("Europe/Copenhagen"))
                            .plusWeeks(5)
                            .toString());
            page.getByLabel("Starttidspunkt").fill("16:00");
            page.getByLabel("Sted").fill("Rådhuset");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Planlæg mødet"))
                    .click();
            assertThat(page.locator("h1")).hasText("Samarbejdsmøde: De palliative forløb, Aarhus");
            Browsers.assertAccessible(page);

            page.getByLabel("Personen", new Page.GetByLabelOptions().setExact(true))
                    .fill("Erik, 67 år, KOL og kræft");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem casen"))
                    .click();
            assertThat(page.locator("#story-error")).containsText("Skriv personens historie.");
            assertThat(page.getByLabel("Personen")).hasValue("Erik, 67 år, KOL og kræft");
            Browsers.assertAccessible(page);
            page.getByLabel("Historien", new Page.GetByLabelOptions().setExact(true))
                    .fill("Erik ønsker at dø hjemme. Hustruen er udmattet.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem casen"))
                    .click();
            page.getByLabel("Slags aktør").selectOption(new SelectOption().setValue("GENERAL_PRACTICE"));
            page.getByLabel("Aktøren", new Page.GetByLabelOptions().setExact(true))
                    .fill("Egen læge");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj aktør"))
                    .click();
            page.getByLabel("Slags aktør").selectOption(new SelectOption().setValue("REGIONAL"));
            page.getByLabel("Aktøren", new Page.GetByLabelOptions().setExact(true))
                    .fill("Palliativt team");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj aktør"))
                    .click();
            page.getByLabel("Nedslaget", new Page.GetByLabelOptions().setExact(true))
                    .fill("Den sidste uge");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj nedslag"))
                    .click();
            page.getByLabel("Egen læge (almen praksis)").fill("Sygebesøg og terminalerklæring");
            page.getByLabel("Palliativt team (regional ansat)").fill("Telefonisk rådgivning døgnet rundt");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem indsatserne Den sidste uge"))
                    .click();
            assertThat(page.getByText("Indsatserne er gemt.")).isVisible();
            Browsers.assertAccessible(page);
            String collaboration = page.url().replaceAll("#.*$", "").replaceAll("^https?://[^/]+", "");
            String meeting = page.locator("a[href^='/moeder/']").first().getAttribute("href");

            try (BrowserContext phone = Browsers.phoneContext(base())) {
                Page small = Browsers.signIn(phone, "admin");
                for (String path : List.of(collaboration + "/manege", meeting, collaboration)) {
                    small.navigate(path);
                    fits(small, path);
                }
                small.navigate(collaboration + "/manege");
                assertThat(small.locator("main")).containsText("Telefonisk rådgivning døgnet rundt");
                small.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "pko-manege-phone.png"))
                        .setFullPage(true));
            }
            try (BrowserContext phone = Browsers.phoneContext(base())) {
                Page nurse = Browsers.signIn(phone, "kommune");
                nurse.navigate("/korrespondance");
                assertThat(nurse.locator("#km-uses li")).hasCount(9);
                fits(nurse, "/korrespondance");
            }
        }
    }

    private static void fits(Page page, String path) {
        List<?> widths = (List<?>) page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(0)).intValue())
                .as(path + " scrolls sideways on a phone")
                .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
        Browsers.assertAccessible(page);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
