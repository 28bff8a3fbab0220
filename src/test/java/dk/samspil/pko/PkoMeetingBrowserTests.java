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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * AUH's coordinator plans a meeting of the unit's consultants in the browser, writes its agenda (a bad length is
 * refused at the field) and finds it on the phone too, where the page fits the screen; plans an evening meeting and
 * keeps its checklist (a past due date refused at the field, an item ticked done); axe on every step.
 */
@SamspilTest
class PkoMeetingBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCoordinatorPlansAMeetingAndWritesItsAgenda() {
        String place = "Lokale " + System.nanoTime();
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "pkokoordinator");
            page.navigate("/pko");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Møder i ordningen"))
                    .click();
            Browsers.assertAccessible(page);
            page.getByLabel("Dato")
                    .fill(LocalDate.now(ZoneId.of("Europe/Copenhagen"))
                            .plusWeeks(3)
                            .toString());
            page.getByLabel("Starttidspunkt").fill("15:00");
            page.getByLabel("Sted").fill(place);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Planlæg mødet"))
                    .click();
            assertThat(page.locator("h1"))
                    .hasText("Møde for hospitalspraksiskonsulenterne, Aarhus Universitetshospital");
            assertThat(page.getByText("Mødet er planlagt.")).isVisible();

            page.getByLabel("Punkt", new Page.GetByLabelOptions().setExact(true))
                    .fill("Velkomst");
            page.getByLabel("Minutter").fill("0");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj punkt"))
                    .click();
            assertThat(page.locator("#item-minutes-error")).containsText("Skriv et helt antal minutter fra 1 til 600.");
            assertThat(page.getByLabel("Punkt", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("Velkomst");
            Browsers.assertAccessible(page);
            page.getByLabel("Minutter").fill("10");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj punkt"))
                    .click();
            page.getByLabel("Punkt", new Page.GetByLabelOptions().setExact(true))
                    .fill("Nyt fra afdelingerne");
            page.getByLabel("Minutter").fill("40");
            page.getByLabel("Oplægsholder (hvis nogen)").fill("Peter Praksiskonsulent");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj punkt"))
                    .click();
            assertThat(page.locator("#blok-2")).containsText("15.10");
            assertThat(page.locator("#blok-2")).containsText("15.50");
            assertThat(page.locator("#blok-2")).containsText("Oplægsholder: Peter Praksiskonsulent");
            Browsers.assertAccessible(page);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "pko-meeting-desktop.png"))
                    .setFullPage(true));
            String meeting = page.url().replaceAll("^.*(/moeder/\\d+).*$", "$1");

            try (BrowserContext phone = Browsers.phoneContext(base())) {
                Page small = Browsers.signIn(phone, "pkokoordinator");
                for (String path : List.of("/pko/moeder", meeting)) {
                    small.navigate(path);
                    List<?> widths =
                            (List<?>) small.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
                    assertThat(((Number) widths.get(0)).intValue())
                            .as(path + " scrolls sideways on a phone")
                            .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
                    Browsers.assertAccessible(small);
                }
                small.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "pko-meeting-phone.png"))
                        .setFullPage(true));
            }
        }
    }

    @Test
    void theConsultantSendsAWishForATalkToTheEveningMeeting() {
        String topic = "KOL-forløb " + System.nanoTime();
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "pko");
            page.navigate("/pko");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fyraftensmøder"))
                    .click();
            Browsers.assertAccessible(page);
            // The demo's evening meeting, whose call for talks is open (others made by tests may be past theirs).
            long demo = jdbc.sql("SELECT min(id) FROM pko_evening_meeting WHERE created_by = 'pkokoordinator'")
                    .query(Long.class)
                    .single();
            page.locator("a[href='/pko/fyraftensmoeder/" + demo + "']").click();
            page.getByLabel("Afdeling", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("Lungesygdomme"));
            page.getByLabel("Emne for oplægget").fill(topic);
            page.getByLabel("Minutter").fill("90");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send ønsket"))
                    .click();
            assertThat(page.locator("#minutes-error")).containsText("Skriv et helt antal minutter fra 5 til 60.");
            assertThat(page.getByLabel("Emne for oplægget")).hasValue(topic);
            Browsers.assertAccessible(page);
            page.getByLabel("Minutter").fill("20");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send ønsket"))
                    .click();
            assertThat(page.getByText("Ønsket er sendt til praksiskoordinatoren."))
                    .isVisible();
            assertThat(page.locator("#wishes")).containsText(topic);
            String evening = page.url().replaceAll("#.*$", "").replaceAll("^https?://[^/]+", "");

            try (BrowserContext phone = Browsers.phoneContext(base())) {
                Page small = Browsers.signIn(phone, "pkokoordinator");
                small.navigate(evening);
                assertThat(small.locator("#wishes")).containsText(topic);
                List<?> widths =
                        (List<?>) small.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
                assertThat(((Number) widths.get(0)).intValue())
                        .as("the evening meeting scrolls sideways on a phone")
                        .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
                Browsers.assertAccessible(small);
                small.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "pko-evening-phone.png"))
                        .setFullPage(true));
            }
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "pko-evening-desktop.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void theCoordinatorPlansAnEveningMeetingAndKeepsItsChecklistOnDeskAndPhone() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        String place = "Auditorium " + System.nanoTime();
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "pkokoordinator");
            page.navigate("/pko/fyraftensmoeder");
            page.getByLabel("Dato", new Page.GetByLabelOptions().setExact(true))
                    .fill(today.plusWeeks(10).toString());
            page.getByLabel("Sted", new Page.GetByLabelOptions().setExact(true)).fill(place);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Planlæg fyraftensmødet"))
                    .click();
            assertThat(page.locator("#tasks")).containsText("Book lokale på hospitalet");
            assertThat(page.locator("#tasks")).containsText("Bestil forplejning ud fra antallet af tilmeldte");
            Browsers.assertAccessible(page);

            // A due date in the past is refused at the field, with what was typed kept.
            page.getByLabel("Opgave", new Page.GetByLabelOptions().setExact(true))
                    .fill("Bestil navneskilte");
            page.getByLabel("Ansvarlig", new Page.GetByLabelOptions().setExact(true))
                    .fill("Hanne Holm");
            page.getByLabel("Frist", new Page.GetByLabelOptions().setExact(true))
                    .fill(today.minusDays(1).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj punktet"))
                    .click();
            assertThat(page.locator("#taskDue-error")).containsText("Fristen ligger før i dag.");
            assertThat(page.getByLabel("Opgave", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("Bestil navneskilte");
            Browsers.assertAccessible(page);
            page.getByLabel("Frist", new Page.GetByLabelOptions().setExact(true))
                    .fill(today.plusDays(3).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilføj punktet"))
                    .click();
            assertThat(page.getByText("Punktet er sat på tjeklisten.")).isVisible();
            assertThat(page.locator("#tasks")).containsText("Hanne Holm");

            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions()
                                    .setName("Markér som udført: Bestil navneskilte")
                                    .setExact(true))
                    .click();
            assertThat(page.getByText("Punktet er markeret som udført.")).isVisible();
            assertThat(page.locator("#tasks")).containsText("Udført af Pia Praksiskoordinator (AUH)");
            Browsers.assertAccessible(page);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "pko-evening-checklist-desktop.png"))
                    .setFullPage(true));
            String evening = page.url().replaceAll("#.*$", "").replaceAll("^https?://[^/]+", "");

            try (BrowserContext phone = Browsers.phoneContext(base())) {
                Page small = Browsers.signIn(phone, "pkokoordinator");
                small.navigate(evening);
                assertThat(small.locator("#tasks")).containsText("Bestil navneskilte");
                List<?> widths =
                        (List<?>) small.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
                assertThat(((Number) widths.get(0)).intValue())
                        .as("the checklist scrolls sideways on a phone")
                        .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
                Browsers.assertAccessible(small);
                small.screenshot(new Page.ScreenshotOptions()
                        .setPath(Path.of("target", "screenshots", "pko-evening-checklist-phone.png"))
                        .setFullPage(true));
            }
        }
    }

    @Test
    void aGpSignsUpOnAPhoneWithoutAnAccount() {
        String token = jdbc.sql(
                        "SELECT signup_token FROM pko_evening_meeting WHERE created_by = 'pkokoordinator' ORDER BY id LIMIT 1")
                .query(String.class)
                .single();
        try (BrowserContext phone = Browsers.phoneContext(base())) {
            Page page = phone.newPage();
            page.navigate("/fyraftensmoede/" + token);
            assertThat(page.locator("h1")).hasText("Fyraftensmøde, Aarhus Universitetshospital");
            Browsers.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilmeld mig"))
                    .click();
            assertThat(page.locator("#name-error")).containsText("Skriv dit navn.");
            page.getByLabel("Navn").fill("Signe Uddannelseslæge");
            page.getByLabel("Uddannelseslæge i almen praksis").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tilmeld mig"))
                    .click();
            assertThat(page.locator("#signup-done")).containsText("Tak, du er tilmeldt fyraftensmødet.");
            List<?> widths = (List<?>) page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
            assertThat(((Number) widths.get(0)).intValue())
                    .as("the sign-up page scrolls sideways on a phone")
                    .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
            Browsers.assertAccessible(page);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
