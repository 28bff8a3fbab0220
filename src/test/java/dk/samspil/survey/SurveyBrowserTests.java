package dk.samspil.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.web.Browsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The questionnaire in a real browser: a member answers on a phone with the keyboard only; the review and results pages. */
@SamspilTest
class SurveyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    Surveys surveys;

    @Test
    void aMemberAnswersOnAPhoneWithTheKeyboardSavesResumesAndSubmits() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        Map<String, String> tokens = fixtures.send(order);
        String token = tokens.get("gitte.bach@example.dk");

        try (BrowserContext context = Browsers.phoneContext(base())) {
            Page page = context.newPage();
            page.navigate("/s/" + token);
            assertThat(page).hasURL(base() + "/svar");
            assertThat(page.locator("h1")).containsText("Spørgeskema");
            assertThat(page.getByText("Side 1 af 3")).isVisible();
            Browsers.assertAccessible(page);
            screenshot(page, "survey-phone-page-1");
            Browsers.tabTo(page, "[name='q.kendskab']");
            page.keyboard().press("Space");
            page.keyboard().press("ArrowDown");
            // The grid: the same scale for each patient group, a radio group per row reached by Tab.
            for (int row = 0; row < 4; row++) {
                Browsers.tabTo(page, "[name='q.behov.r" + row + "']");
                page.keyboard().press("Space");
            }
            Browsers.tabTo(page, "textarea[name='q.patientgrupper']");
            page.keyboard().type("Borgere med KOL om natten – æøå");
            Browsers.tabTo(page, "button[value='gem']");
            page.keyboard().press("Enter");
            assertThat(page.locator(".alert-success")).containsText("Dine svar er gemt");
        }

        // Later, another browser, the same link: the answers are there.
        try (BrowserContext context = Browsers.phoneContext(base())) {
            Page page = context.newPage();
            page.navigate("/s/" + token);
            assertThat(page.locator("#q-kendskab-1")).isChecked();
            for (int row = 0; row < 4; row++) {
                assertThat(page.locator("#q-behov-r" + row + "-0")).isChecked();
            }
            assertThat(page.locator("textarea[name='q.patientgrupper']")).hasValue("Borgere med KOL om natten – æøå");
            Browsers.tabTo(page, "[name='q.kapacitet']");
            page.keyboard().press("Space");
            Browsers.tabTo(page, "button[value='naeste']");
            page.keyboard().press("Enter");
            assertThat(page.getByText("Side 2 af 3")).isVisible();

            // Next without the required answers: the message is at the question.
            Browsers.tabTo(page, "button[value='naeste']");
            page.keyboard().press("Enter");
            assertThat(page.locator("#q-kompetence-error")).containsText("Besvar spørgsmålet.");
            screenshot(page, "survey-phone-missing-answer");
            Browsers.assertAccessible(page);
            Browsers.tabTo(page, "[name='q.kompetence']");
            page.keyboard().press("Space");
            Browsers.tabTo(page, "#q-henvisning-0");
            page.keyboard().press("Space");
            Browsers.tabTo(page, "#q-henvisning-other");
            page.keyboard().press("Space");
            Browsers.tabTo(page, "#q-henvisning-othertext");
            page.keyboard().type("Via vagtlægen");
            Browsers.tabTo(page, "button[value='naeste']");
            page.keyboard().press("Enter");
            assertThat(page.getByText("Side 3 af 3")).isVisible();
            Browsers.tabTo(page, "[name='q.dialog-forloeb']");
            page.keyboard().press("Space");
            Browsers.tabTo(page, "[name='q.tilbagemelding']");
            page.keyboard().press("Space");
            Browsers.assertAccessible(page);
            Browsers.tabTo(page, "button[value='send']");
            page.keyboard().press("Enter");
            assertThat(page.locator("h1")).hasText("Tak – dit svar er modtaget");
            assertThat(page).hasURL(base() + "/svar/tak");
            Browsers.assertAccessible(page);

            page.navigate("/s/" + token);
            assertThat(page.locator("main")).containsText("tak – dit svar er modtaget");
            Browsers.assertAccessible(page);
        }
    }

    @Test
    void reviewAndResultsPagesWorkAndAreAccessible() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = login(context, "koordinator");
            page.navigate("/bestillinger/" + order);
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Spørgeskema: kommentarer, udsendelse og svarprocent"))
                    .click();
            assertThat(page.locator("h1")).containsText("Spørgeskema");
            Browsers.assertAccessible(page);
            page.locator("#q-kendskab summary").click();
            page.locator("#kind-kendskab").selectOption("REWORD");
            page.locator("#text-kendskab").fill("Brug ordet akutteam");
            page.locator("#q-kendskab")
                    .getByRole(
                            AriaRole.BUTTON,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Send forslaget"))
                    .click();
            assertThat(page.locator(".alert-success")).containsText("dit forslag er gemt");
            assertThat(page.locator("#q-kendskab")).containsText("Brug ordet akutteam");
        }
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = login(context, "konsulent");
            page.navigate("/bestillinger/" + order + "/spoergeskema");
            assertThat(page.locator("#q-kendskab")).containsText("Brug ordet akutteam");
            Browsers.assertAccessible(page);
            page.navigate("/bestillinger/" + order + "/spoergeskema/spoergsmaal/kendskab");
            page.getByLabel("Spørgsmålets tekst").fill("Hvad er dit kendskab til akutteamet?");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gem spørgsmålet"))
                    .click();
            assertThat(page.locator("#q-kendskab")).containsText("Hvad er dit kendskab til akutteamet?");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, lås versionen")))
                    .isHidden();
            page.locator("summary", new Page.LocatorOptions().setHasText("Lås versionen"))
                    .click();
            assertThat(page.getByText("En låst version kan ikke ændres")).isVisible();
            Browsers.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, lås versionen"))
                    .click();
            assertThat(page.locator(".alert-success")).containsText("låst");
            Browsers.assertAccessible(page);
        }
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        Map<String, String> tokens = fixtures.send(order);
        List<Question> questions = surveys.find(order).orElseThrow().questions();
        int i = 0;
        for (String token : List.copyOf(tokens.values()).subList(0, 3)) {
            fixtures.answer(token, questions.size(), SurveyFixtures.fullAnswer(questions, i++, "Fritekst " + i));
        }
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = login(context, "kommune");
            page.navigate("/bestillinger/" + order + "/resultater");
            assertThat(page.locator("#response-rate")).containsText("3 af 11");
            assertThat(page.getByRole(AriaRole.TABLE)).not().hasCount(0);
            assertThat(page.getByText("Fritekst 2").first()).isVisible();
            screenshot(page, "survey-results");
            Browsers.assertAccessible(page);
            assertThat(page.content()).doesNotContain("@example.dk");
        }
    }

    /** For people to look at (target/screenshots); the assertions are above. */
    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(java.nio.file.Path.of("target", "screenshots", name + ".png")));
    }

    private Page login(BrowserContext context, String username) {
        return Browsers.signIn(context, username);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
