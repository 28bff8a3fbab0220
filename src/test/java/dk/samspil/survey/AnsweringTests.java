package dk.samspil.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.PackageDefinition.Question;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The respondent's side: a personal link, pages, drafts, one answer per link, and pages that tell a guesser nothing. */
@SamspilTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AnsweringTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Autowired
    LinkGuard guard;

    @Autowired
    SurveySettings settings;

    @Autowired
    AnswerCipher cipher;

    SurveyFixtures fixtures;
    long order;
    long surveyId;
    Map<String, String> tokens;
    List<Question> questions;

    @BeforeAll
    void sendSurvey() throws Exception {
        fixtures = new SurveyFixtures(mvc, users);
        order = fixtures.frozenOrder();
        tokens = fixtures.send(order);
        SurveyView survey = surveys.find(order).orElseThrow();
        surveyId = survey.id();
        questions = survey.questions();
    }

    @Test
    void theLinkIsMovedIntoACookieOfTheAnswerPagesAndNeverLogged(CapturedOutput output) throws Exception {
        String token = tokens.get("hans.jorgensen@example.dk");
        MvcResult opened = mvc.perform(get("/s/" + token)).andReturn();
        assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/svar");
        assertThat(opened.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        Cookie link = opened.getResponse().getCookie(RespondentController.LINK_COOKIE);
        assertThat(link.isHttpOnly()).isTrue();
        assertThat(link.getPath()).isEqualTo("/svar");
        assertThat(opened.getRequest().getSession(false))
                .as("a respondent gets no HTTP session")
                .isNull();
        MvcResult page = mvc.perform(get("/svar").cookie(link)).andReturn();
        assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("Side 1 af 3", questions.get(0).text()).doesNotContain(token);
        fixtures.answer(token, questions.size(), SurveyFixtures.fullAnswer(questions, 2, "Fritekst"));
        assertThat(output.getAll()).as("tokens are never logged").doesNotContain(token);
        tokens.values().forEach(t -> assertThat(output.getAll()).doesNotContain(t));
    }

    @Test
    void answersAreSavedResumedFromTheSameLinkAndRequiredOnesChecked() throws Exception {
        String token = tokens.get("dorthe.lund@example.dk");
        int before = answered();
        Cookie session = fixtures.open(token);
        Map<String, List<String>> answer = SurveyFixtures.fullAnswer(questions, 3, "Mere weekendbemanding");
        MvcResult saved = fixtures.form(
                session,
                1,
                "gem",
                Map.of("q.kendskab", List.of("Ringe"), "q.patientgrupper", List.of("Mere weekendbemanding")));
        assertThat(saved.getResponse().getContentAsString()).contains("Dine svar er gemt");

        // Later, in another browser: the same link resumes where the member left.
        Cookie later = fixtures.open(token);
        assertThat(later).isNotNull();
        String resumed = mvc.perform(get("/svar").cookie(later))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(resumed).contains("value=\"Ringe\" checked", "Mere weekendbemanding");

        // Next page with a required question unanswered: a Danish message at the question, no page change.
        MvcResult missing = fixtures.form(later, 1, "naeste", Map.of("q.kendskab", List.of("Ringe")));
        assertThat(missing.getResponse().getContentAsString())
                .contains("Besvar spørgsmålet.", "Side 1 af 3", "id=\"q-behov-error\"");
        // "Andet" ticked without a text.
        Map<String, List<String>> otherWithoutText = new java.util.HashMap<>(answer);
        otherWithoutText.put("q.henvisning", List.of(Answering.OTHER));
        for (int page = 1; page <= 2; page++) {
            fixtures.form(later, page, "naeste", otherWithoutText);
        }
        MvcResult noOther = fixtures.form(later, 3, "send", otherWithoutText);
        assertThat(noOther.getResponse().getContentAsString()).contains("Skriv, hvad &quot;Andet&quot; dækker over.");
        assertThat(answered()).as("nothing stored yet").isEqualTo(before);

        // Hostile and oversized input: unknown options are dropped, text is cut at 4,000 characters.
        Map<String, List<String>> hostile = new java.util.HashMap<>(answer);
        hostile.put("q.kendskab", List.of("Ikke en mulighed", "Godt"));
        hostile.put("q.patientgrupper", List.of("x".repeat(10_000)));
        for (int page = 1; page <= 2; page++) {
            fixtures.form(later, page, "naeste", hostile);
        }
        assertThat(fixtures.form(later, 3, "send", hostile).getResponse().getRedirectedUrl())
                .isEqualTo("/svar/tak");
        String thanks = mvc.perform(get("/svar/tak").cookie(later))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(thanks).contains("Tak – dit svar er modtaget");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM survey_draft d JOIN survey_invitation i ON i.id = d.invitation_id WHERE i.survey_id = ?")
                        .param(surveyId)
                        .query(Integer.class)
                        .single())
                .as("the draft is gone with the answer")
                .isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM unnest(CAST(? AS jsonb[])) AS a (payload)
                        WHERE length(payload -> 'patientgrupper' ->> 'text') = ? AND payload -> 'kendskab' -> 'choices' = '["Godt"]'::jsonb""")
                        .params(StoredAnswers.of(jdbc, cipher, surveyId).toArray(String[]::new), Answering.MAX_TEXT)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLinkGivesOneAnswerEvenWhenSubmittedTwiceAtOnce() throws Exception {
        String token = tokens.get("erik.sorensen@example.dk");
        int before = answered();
        Cookie first = fixtures.open(token);
        Cookie second = fixtures.open(token);
        Map<String, List<String>> answer = SurveyFixtures.fullAnswer(questions, 0, "To gange");
        for (Cookie session : List.of(first, second)) {
            for (int page = 1; page <= 2; page++) {
                fixtures.form(session, page, "naeste", answer);
            }
        }
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<String>> both = List.of(
                    () -> fixtures.form(first, 3, "send", answer).getResponse().getRedirectedUrl(),
                    () -> fixtures.form(second, 3, "send", answer).getResponse().getRedirectedUrl());
            List<String> outcomes =
                    pool.invokeAll(both).stream().map(AnsweringTests::outcome).toList();
            assertThat(outcomes).containsOnly("/svar/tak");
        } finally {
            pool.shutdown();
        }
        assertThat(answered()).isEqualTo(before + 1);
        // A replay of the same form after the answer: still the thanks page, still one answer.
        assertThat(fixtures.form(first, 3, "send", answer).getResponse().getRedirectedUrl())
                .isEqualTo("/svar/tak");
        assertThat(answered()).isEqualTo(before + 1);
        String reused =
                mvc.perform(get("/s/" + token)).andReturn().getResponse().getContentAsString();
        assertThat(reused).contains("tak – dit svar er modtaget");
    }

    @Test
    void aSurveyClosedWhileAMemberAnswersTakesNothingMore() throws Exception {
        long closingOrder = fixtures.frozenOrder();
        String token = fixtures.send(closingOrder).get("frederik.holm@example.dk");
        long closingSurvey = surveys.find(closingOrder).orElseThrow().id();
        Map<String, List<String>> answer = SurveyFixtures.fullAnswer(questions, 1, "Lukket undervejs");
        Cookie session = fixtures.open(token);
        fixtures.form(session, 1, "naeste", answer);
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/bestillinger/" + closingOrder + "/spoergeskema/luk")
                        .with(users.as("konsulent"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()));
        // The posts that follow find the link closed.
        assertThat(fixtures.form(session, 2, "naeste", answer).getResponse().getContentAsString())
                .contains("Spørgeskemaet kan ikke åbnes fra dette link");
        assertThat(fixtures.form(session, 3, "send", answer).getResponse().getContentAsString())
                .contains("Spørgeskemaet kan ikke åbnes fra dette link");
        assertThat(jdbc.sql("SELECT count(*) FROM survey_response_mark WHERE survey_id = ?")
                        .param(closingSurvey)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM survey_answer_pending WHERE survey_id = ?")
                        .param(closingSurvey)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void unknownUsedAndClosedLinksGetTheSamePage() throws Exception {
        String used = tokens.get("ida.thomsen@example.dk");
        if (fixtures.open(used) != null) {
            fixtures.answer(used, questions.size(), SurveyFixtures.fullAnswer(questions, 1, "Brugt"));
        }
        long closedOrder = fixtures.frozenOrder();
        String closed = fixtures.send(closedOrder).get("frederik.holm@example.dk");
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/bestillinger/" + closedOrder + "/spoergeskema/luk")
                        .with(users.as("konsulent"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()));
        String unknown = "A".repeat(43);
        MvcResult a = mvc.perform(get("/s/" + unknown)).andReturn();
        MvcResult b = mvc.perform(get("/s/" + used)).andReturn();
        MvcResult c = mvc.perform(get("/s/" + closed)).andReturn();
        MvcResult d = mvc.perform(get("/s/kort")).andReturn();
        for (MvcResult result : List.of(b, c, d)) {
            assertThat(result.getResponse().getStatus())
                    .isEqualTo(a.getResponse().getStatus());
            assertThat(result.getResponse().getContentAsString())
                    .isEqualTo(a.getResponse().getContentAsString());
        }
        assertThat(a.getResponse().getContentAsString())
                .contains("Spørgeskemaet kan ikke åbnes fra dette link", "tak – dit svar er modtaget");
    }

    @Test
    void guessingLinksIsHeldBackPerClient() throws Exception {
        String client = "203.0.113.77";
        for (int i = 0; i < settings.guessesPerWindow(); i++) {
            guard.failed(client);
        }
        MvcResult held = mvc.perform(get("/s/" + "g".repeat(43)).with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }))
                .andReturn();
        assertThat(held.getResponse().getStatus()).isEqualTo(429);
        assertThat(held.getResponse().getContentAsString()).contains("For mange forsøg");
        // A member behind the same address is not locked out: a working link opens.
        String valid = tokens.get("gitte.bach@example.dk");
        MvcResult opened = mvc.perform(get("/s/" + valid).with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }))
                .andReturn();
        assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/svar");

        LinkGuard small = new LinkGuard(
                new SurveySettings(
                        settings.mixInterval(),
                        settings.jobInterval(),
                        3,
                        java.time.Duration.ofMinutes(10),
                        java.util.Set.of(),
                        settings.municipalAudience()),
                jdbc);
        String first = "198.51.100." + (System.nanoTime() % 200);
        for (int i = 0; i < 3; i++) {
            assertThat(small.failed(first)).isTrue();
        }
        assertThat(small.failed(first)).isFalse();
        assertThat(small.failed(first + "1")).isTrue();
    }

    @Test
    void theFailedLinkLimitIsOneForAllInstancesAndRefillsOverItsWindow() {
        SurveySettings three = new SurveySettings(
                settings.mixInterval(),
                settings.jobInterval(),
                3,
                java.time.Duration.ofMinutes(10),
                java.util.Set.of(),
                settings.municipalAudience());
        // Two instances: two guards, one database.
        LinkGuard one = new LinkGuard(three, jdbc);
        LinkGuard other = new LinkGuard(three, jdbc);
        String client = "2001:db8::" + Long.toHexString(System.nanoTime());
        assertThat(one.failed(client)).isTrue();
        assertThat(other.failed(client)).isTrue();
        assertThat(one.failed(client)).isTrue();
        assertThat(other.failed(client))
                .as("the fourth failure, on either instance, is held back")
                .isFalse();
        assertThat(one.failed(client)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM survey_link_guard WHERE client::text LIKE ?")
                        .param("%" + client + "%")
                        .query(Integer.class)
                        .single())
                .as("the address itself is not stored")
                .isZero();

        // A third of the window later one failure has come back, and only one.
        jdbc.sql(
                        "UPDATE survey_link_guard SET refilled_at = refilled_at - interval '200 seconds' WHERE client = sha256(convert_to(?, 'UTF8'))")
                .param("samspil link guard " + client)
                .update();
        assertThat(other.failed(client)).isTrue();
        assertThat(one.failed(client)).isFalse();
        // A whole window later the bucket is full again: three more.
        jdbc.sql(
                        "UPDATE survey_link_guard SET refilled_at = refilled_at - interval '10 minutes' WHERE client = sha256(convert_to(?, 'UTF8'))")
                .param("samspil link guard " + client)
                .update();
        for (int i = 0; i < 3; i++) {
            assertThat(one.failed(client)).isTrue();
        }
        assertThat(other.failed(client)).isFalse();
    }

    private int answered() {
        return jdbc.sql("SELECT count(*) FROM survey_response_mark WHERE survey_id = ?")
                .param(surveyId)
                .query(Integer.class)
                .single();
    }

    private static String outcome(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
