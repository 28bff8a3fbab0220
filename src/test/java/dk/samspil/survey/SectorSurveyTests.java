package dk.samspil.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.catalog.PackageDefinition.Question;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The questionnaire "til alle deltagere og andre relevante" (seed 000): sent to the cluster's members and the order's
 * municipal participants, each with a personal link; results by sector only when every sector has five answers.
 */
@SamspilTest
class SectorSurveyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Autowired
    SurveyResults results;

    @Autowired
    Sending sending;

    @Test
    void theSendPageInvitesTheMunicipalParticipantsAsWellWhenChosenEachWithTheirOwnLink() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        List<String> participants = SurveyFixtures.participantEmails(6);
        long order = fixtures.frozenOrderWithParticipants(participants);
        Document page = page("/bestillinger/" + order + "/spoergeskema", "konsulent");
        assertThat(page.select("label[for=send-audience-municipality]").text())
                .isEqualTo("Kommunens 6 deltagere fra bestillingen");
        assertThat(page.select("#send-audience-cluster").hasAttr("checked")).isTrue();
        assertThat(page.select("#send-audience-municipality").hasAttr("checked"))
                .as("the acute package: members by default")
                .isFalse();

        Map<String, String> tokens =
                fixtures.sendTo(order, concat(SurveyFixtures.MEMBERS, participants), "CLUSTER", "MUNICIPALITY");
        assertThat(tokens.values()).hasSize(17).doesNotHaveDuplicates();
        long survey = surveys.find(order).orElseThrow().id();
        assertThat(jdbc.sql(
                                "SELECT sector, count(*) FROM survey_invitation WHERE survey_id = ? GROUP BY sector ORDER BY sector")
                        .param(survey)
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
                        .list())
                .containsExactly("CLUSTER=11", "MUNICIPALITY=6");
        String mail = TestMailServer.text(TestMailServer.received(participants.get(2)).stream()
                .filter(m -> TestMailServer.subject(m).startsWith(SurveyFixtures.INVITATION_SUBJECT))
                .findFirst()
                .orElseThrow());
        assertThat(mail).startsWith("Kære Deltager 2").doesNotContain("vises som Praksis");
        Question first = surveys.find(order).orElseThrow().questions().get(0);
        assertThat(fixtures.answer(
                        tokens.get(participants.get(0)),
                        surveys.find(order).orElseThrow().questions().size(),
                        SurveyFixtures.fullAnswer(
                                surveys.find(order).orElseThrow().questions(), 0, "fra kommunen")))
                .isEqualTo("/svar/tak");
        assertThat(first).isNotNull();
    }

    @Test
    void theMedicinePackageSendsToTheMembersAndTheMunicipalityByDefault() {
        var medicine = new dk.samspil.ordering.OrderViews.OrderView(
                0,
                "medicinhaandtering",
                1,
                "",
                "MIDTKRAFT",
                0,
                "",
                0,
                "",
                "",
                null,
                null,
                "",
                "",
                null,
                "",
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                "",
                "",
                "",
                null,
                0,
                null);
        var acute = new dk.samspil.ordering.OrderViews.OrderView(
                0,
                "akutfunktioner",
                1,
                "",
                "KIAP",
                0,
                "",
                0,
                "",
                "",
                null,
                null,
                "",
                "",
                null,
                "",
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                "",
                "",
                "",
                null,
                0,
                null);
        assertThat(sending.defaultAudience(medicine)).containsExactlyInAnyOrder(Sector.CLUSTER, Sector.MUNICIPALITY);
        assertThat(sending.defaultAudience(acute)).containsExactly(Sector.CLUSTER);
    }

    @Test
    void resultsAreShownBySectorOnlyWhenEverySectorHasFiveAnswersElseCombinedWithANote() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        SentToBoth sent = sentToBoth(fixtures, 5);
        List<String> participants = sent.participants();
        long order = sent.order();
        Map<String, String> tokens = sent.tokens();
        List<Question> questions = sent.questions();
        for (String member : SurveyFixtures.MEMBERS.subList(0, 6)) {
            fixtures.answer(tokens.get(member), questions.size(), SurveyFixtures.fullAnswer(questions, 0, "klynge"));
        }
        for (String participant : participants.subList(0, 2)) {
            fixtures.answer(
                    tokens.get(participant), questions.size(), SurveyFixtures.fullAnswer(questions, 1, "kommune"));
        }
        Document combined = page("/bestillinger/" + order + "/resultater", "koordinator");
        assertThat(combined.select("#released").text())
                .as("two municipal answers wait for a third of their sector")
                .isEqualTo(
                        "8 har svaret · 6 svar er frigivet; resten frigives, når der er mindst 3 at frigive på én gang, eller når spørgeskemaet lukkes.");
        assertThat(combined.select("#sector-hidden").text()).contains("Resultaterne vises kun samlet", "mindst 5");
        assertThat(combined.select(".samspil-sector-table")).isEmpty();
        assertThat(combined.select("#sector-rate"))
                .as("per-sector counts are the consultant's")
                .isEmpty();

        for (String participant : participants.subList(2, 5)) {
            fixtures.answer(
                    tokens.get(participant), questions.size(), SurveyFixtures.fullAnswer(questions, 1, "kommune"));
        }
        SurveyResults.Results bySector = results.forOrder(order).orElseThrow();
        assertThat(bySector.bySector()).isTrue();
        assertThat(bySector.released()).isEqualTo(11);
        SurveyResults.QuestionResult kendskab = bySector.questions().stream()
                .filter(q -> q.question().key().equals("kendskab"))
                .findFirst()
                .orElseThrow();
        assertThat(kendskab.sectors())
                .extracting(SurveyResults.SectorResult::sector)
                .containsExactly(Sector.CLUSTER, Sector.MUNICIPALITY);
        assertThat(kendskab.sectors().get(0).options().get(0).count()).isEqualTo(6);
        assertThat(kendskab.sectors().get(1).options().get(1).count()).isEqualTo(5);
        assertThat(kendskab.options().get(0).count() + kendskab.options().get(1).count())
                .isEqualTo(11);

        Document shown = page("/bestillinger/" + order + "/resultater", "kommune");
        assertThat(shown.select("#released")).as("all released").isEmpty();
        assertThat(shown.select(".samspil-sector-table").first().text())
                .contains("Klyngen – antal", "Kommunen – andel", "I alt – antal");
        Document consultant = page("/bestillinger/" + order + "/resultater", "konsulent");
        assertThat(consultant.select("#sector-rate").text())
                .contains("Klyngen: 6 af 11 har svaret", "Kommunen: 5 af 5 har svaret");

        String summary = download(order, "koordinator");
        assertThat(summary)
                .contains("Kommunen: besvaret af;5", "Klyngen: besvaret af;6")
                .doesNotContain("Sektor");
        String perRespondent = download(order, "konsulent");
        assertThat(perRespondent.lines().findFirst().orElseThrow()).startsWith("\uFEFFSvar;Sektor;");
        assertThat(perRespondent.lines().filter(l -> l.contains(";Kommunen;")).count())
                .isEqualTo(5);
    }

    @Test
    void theConsultantsExportLeavesTheSectorOutWhileASectorHasFewerThanFiveAnswers() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        SentToBoth sent = sentToBoth(fixtures, 3);
        List<String> participants = sent.participants();
        long order = sent.order();
        Map<String, String> tokens = sent.tokens();
        List<Question> questions = sent.questions();
        for (String who : concat(SurveyFixtures.MEMBERS.subList(0, 5), participants)) {
            fixtures.answer(tokens.get(who), questions.size(), SurveyFixtures.fullAnswer(questions, 0, "svar"));
        }
        assertThat(results.forOrder(order).orElseThrow().released()).isEqualTo(8);
        String perRespondent = download(order, "konsulent");
        assertThat(perRespondent).doesNotContain("Sektor").doesNotContain("Kommunen");
        assertThat(download(order, "kommune")).doesNotContain("Kommunen:");
    }

    @Test
    void aReminderGoesOnlyToTheChosenSectorAndInvitesParticipantsNotYetInvited() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        List<String> participants = SurveyFixtures.participantEmails(4);
        long order = fixtures.frozenOrderWithParticipants(participants);
        fixtures.sendTo(order, SurveyFixtures.MEMBERS, "CLUSTER");
        long survey = surveys.find(order).orElseThrow().id();
        assertThat(jdbc.sql("SELECT count(*) FROM survey_invitation WHERE survey_id = ? AND sector = 'MUNICIPALITY'")
                        .param(survey)
                        .query(Integer.class)
                        .single())
                .isZero();
        TestMailServer.purge();
        MvcResult reminded = mvc.perform(post("/bestillinger/" + order + "/spoergeskema/paamind")
                        .param("audience", "MUNICIPALITY")
                        .param("_audience", "on")
                        .with(users.as("konsulent"))
                        .with(csrf()))
                .andReturn();
        assertThat((Object[]) reminded.getFlashMap().get("successArgs")).containsExactly(4);
        Map<String, String> tokens = SurveyFixtures.tokens(participants);
        assertThat(tokens).hasSize(4);
        assertThat(jdbc.sql("SELECT count(*) FROM survey_invitation WHERE survey_id = ? AND sector = 'MUNICIPALITY'")
                        .param(survey)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE reference = ?")
                        .param("survey:" + survey + ":reminder")
                        .query(Integer.class)
                        .single())
                .as("no reminder to the members, who were not chosen")
                .isZero();
    }

    @Test
    void theResultsPageSaysHowManyHaveAnsweredAndHowManyAnswersAreReleased() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        Map<String, String> tokens = fixtures.send(order);
        List<Question> questions = surveys.find(order).orElseThrow().questions();
        for (String member : SurveyFixtures.MEMBERS.subList(0, 3)) {
            fixtures.answer(tokens.get(member), questions.size(), SurveyFixtures.fullAnswer(questions, 0, "svar"));
        }
        results.forOrder(order);
        fixtures.answer(
                tokens.get(SurveyFixtures.MEMBERS.get(3)),
                questions.size(),
                SurveyFixtures.fullAnswer(questions, 0, "svar"));
        Document page = page("/bestillinger/" + order + "/resultater", "koordinator");
        assertThat(page.select("#response-rate").text()).isEqualTo("4 af 11 inviterede har svaret (36 %).");
        assertThat(page.select("#released").text())
                .startsWith("4 har svaret · 3 svar er frigivet; resten frigives, når der er mindst 3");
        assertThat(page.select(".samspil-result").first().text()).contains("3 har besvaret spørgsmålet");
    }

    /** A survey sent to Demoklyngen's members and the given number of new municipal participants. */
    private record SentToBoth(
            long order, List<String> participants, Map<String, String> tokens, List<Question> questions) {}

    private SentToBoth sentToBoth(SurveyFixtures fixtures, int participantCount) throws Exception {
        List<String> participants = SurveyFixtures.participantEmails(participantCount);
        long order = fixtures.frozenOrderWithParticipants(participants);
        Map<String, String> tokens =
                fixtures.sendTo(order, concat(SurveyFixtures.MEMBERS, participants), "CLUSTER", "MUNICIPALITY");
        return new SentToBoth(
                order, participants, tokens, surveys.find(order).orElseThrow().questions());
    }

    private String download(long order, String user) throws Exception {
        var response = mvc.perform(
                        get("/bestillinger/" + order + "/resultater.csv").with(users.as(user)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private Document page(String path, String user) throws Exception {
        var response = mvc.perform(get(path).with(users.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " as " + user).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
