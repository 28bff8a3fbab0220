package dk.samspil.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.web.Browsers;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The review round as the consultant works it: a proposed wording is used in one click, a declined proposal takes a
 * reason its author then reads, moving a question keeps the page at the question, the questions use the page's width,
 * and a preview shows the questionnaire exactly as a member will see it.
 */
@SamspilTest
class ReviewRoundBrowserTests {

    static final String WORDING = "Hvad er dit kendskab til kommunens akutteam?";

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Test
    void theConsultantUsesAWordingDeclinesWithAReasonMovesInPlaceAndPreviews() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        propose(order, "kendskab", "REWORD", WORDING, "koordinator");
        propose(order, "kapacitet", "COMMENT", "Spørg hellere om weekenden.", "koordinator");

        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "konsulent");
            page.navigate("/bestillinger/" + order + "/spoergeskema");
            Browsers.assertAccessible(page);
            // The questions use the width of the page, the proposals beside them.
            double list = width(page, ".samspil-questions");
            double container = width(page, "main.container");
            double text = width(page, "#q-kendskab .samspil-question-text");
            assertThat(list).as("question list width").isGreaterThan(container * 0.9);
            assertThat(text).as("question text column").isGreaterThan(list * 0.45);
            shot(page, "review-desktop");

            Locator kendskab = page.locator("#q-kendskab");
            kendskab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Brug forslaget"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/spoergeskema#q-kendskab$"));
            assertThat(page.locator(".alert-success")).containsText("Forslaget er brugt");
            assertThat(page.locator("#q-kendskab h3")).hasText("1. " + WORDING);
            assertThat(page.locator("#q-kendskab .samspil-proposal")).containsText("indarbejdet");
            assertThat(surveys.find(order).orElseThrow().question("kendskab").text())
                    .isEqualTo(WORDING);

            Locator kapacitet = page.locator("#q-kapacitet");
            kapacitet
                    .locator("summary")
                    .filter(new Locator.FilterOptions().setHasText("Markér som ikke brugt"))
                    .click();
            kapacitet.getByLabel("Hvorfor bruges forslaget ikke?").fill("Weekenden dækkes af spørgsmål 2.");
            kapacitet
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Markér som ikke brugt"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/spoergeskema#q-kapacitet$"));
            assertThat(page.locator("#q-kapacitet .samspil-decline-reason"))
                    .containsText("Weekenden dækkes af spørgsmål 2.");

            // Moving a question keeps the page where the consultant was, at the moved question.
            page.locator("#q-kompetence")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Flyt ned: spørgsmål 5"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/spoergeskema#q-kompetence$"));
            // The browser scrolls to the anchor once the page has loaded: wait for that (at most 5 s), then read it.
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
            try {
                page.waitForFunction(
                        "() => window.scrollY > 200", null, new Page.WaitForFunctionOptions().setTimeout(5000));
            } catch (com.microsoft.playwright.TimeoutError stillAtTheTop) {
                // the assertion below says what went wrong
            }
            Object scrolled = page.evaluate("() => window.scrollY");
            assertThat(((Number) scrolled).doubleValue())
                    .as("the page did not jump to the top")
                    .isGreaterThan(200);
            assertThat(page.locator("#q-kompetence h3")).hasText(Pattern.compile("^6\\. "));
            assertThat(page.locator("#q-kompetence")).isFocused();

            // The preview: the member's pages, nothing saved.
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Se spørgeskemaet, som medlemmerne ser det"))
                    .click();
            assertThat(page.locator("#preview-notice")).isVisible();
            assertThat(page.getByText("Side 1 af 3")).isVisible();
            assertThat(page.locator("legend").first()).containsText(WORDING);
            assertThat(page.locator("input[type=radio]").first()).isVisible();
            Browsers.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Næste side"))
                    .click();
            assertThat(page.getByText("Side 2 af 3")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Næste side"))
                    .click();
            assertThat(page.getByText("Side 3 af 3")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send dit svar")))
                    .isDisabled();
        }

        // The author reads why the proposal was not used.
        try (BrowserContext context = Browsers.newContext(base())) {
            Page page = Browsers.signIn(context, "koordinator");
            page.navigate("/bestillinger/" + order + "/spoergeskema");
            assertThat(page.locator("#q-kapacitet .samspil-decline-reason"))
                    .containsText("Weekenden dækkes af spørgsmål 2.");
        }
    }

    @Test
    void aProposalIsNotDeclinedWithoutAReason() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        propose(order, "kapacitet", "COMMENT", "Uden begrundelse?", "kommune");
        long proposal = jdbc.sql(
                        "SELECT p.id FROM survey_proposal p JOIN survey s ON s.id = p.survey_id WHERE s.order_id = ?")
                .param(order)
                .query(Long.class)
                .single();
        MvcResult result = mvc.perform(post("/bestillinger/" + order + "/spoergeskema/forslag/" + proposal)
                        .with(csrf())
                        .with(users.as("konsulent"))
                        .param("decision", "declined")
                        .param("reason", "  "))
                .andReturn();
        assertThat(result.getFlashMap().get("error")).isEqualTo("survey.proposal.reason.required");
        assertThat(jdbc.sql("SELECT status FROM survey_proposal WHERE id = ?")
                        .param(proposal)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN");
    }

    private void propose(long order, String key, String kind, String text, String user) throws Exception {
        mvc.perform(post("/bestillinger/" + order + "/spoergeskema/forslag")
                .with(csrf())
                .with(users.as(user))
                .param("questionKey", key)
                .param("kind", kind)
                .param("text", text));
    }

    private static double width(Page page, String selector) {
        return ((Number) page.evaluate("(s) => document.querySelector(s).getBoundingClientRect().width", selector))
                .doubleValue();
    }

    private static void shot(Page page, String name) {
        page.screenshot(
                new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screens/" + name + ".png")));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
