package dk.samspil.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.web.Browsers;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The send page's choice of sectors and the results by sector in a real browser, at desktop and phone widths. */
@SamspilTest
class SectorBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    Surveys surveys;

    @Test
    void theConsultantChoosesBothSectorsAndReadsTheResultsBySectorAccessiblyOnADeskAndAPhone() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        List<String> participants = SurveyFixtures.participantEmails(5);
        long order = fixtures.frozenOrderWithParticipants(participants);
        try (BrowserContext context = Browsers.newContext("http://localhost:" + port)) {
            Page page = Browsers.signIn(context, "konsulent");
            page.navigate("/bestillinger/" + order + "/spoergeskema");
            assertThat(page.getByLabel("Klyngens 11 medlemmer")).isChecked();
            assertThat(page.getByLabel("Kommunens 5 deltagere fra bestillingen"))
                    .not()
                    .isChecked();
            page.getByText("Kommunens 5 deltagere fra bestillingen").click();
            assertThat(page.getByLabel("Kommunens 5 deltagere fra bestillingen"))
                    .isChecked();
            Browsers.assertAccessible(page);
        }
        Map<String, String> tokens = fixtures.sendTo(
                order,
                Stream.concat(SurveyFixtures.MEMBERS.stream(), participants.stream())
                        .toList(),
                "CLUSTER",
                "MUNICIPALITY");
        List<Question> questions = surveys.find(order).orElseThrow().questions();
        for (String who : Stream.concat(SurveyFixtures.MEMBERS.subList(0, 5).stream(), participants.stream())
                .toList()) {
            fixtures.answer(
                    tokens.get(who),
                    questions.size(),
                    SurveyFixtures.fullAnswer(questions, who.startsWith("deltager") ? 1 : 0, "svar"));
        }
        for (BrowserContext context : List.of(
                Browsers.newContext("http://localhost:" + port), Browsers.phoneContext("http://localhost:" + port))) {
            try (context) {
                Page page = Browsers.signIn(context, "konsulent");
                page.navigate("/bestillinger/" + order + "/resultater");
                assertThat(page.locator("#by-sector")).isVisible();
                assertThat(page.locator(".samspil-sector-table").first()).containsText("Kommunen – andel");
                assertThat(page.locator("#sector-rate")).containsText("Kommunen: 5 af 5 har svaret");
                Browsers.assertAccessible(page);
            }
        }
    }
}
