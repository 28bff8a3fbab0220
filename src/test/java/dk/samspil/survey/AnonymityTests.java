package dk.samspil.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.PackageDefinition.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The linkage test: members answer in a known order with answers that say who they are; then, with full access to
 * the database, we try to link answers to invitees by every column, by timestamps, by id order, by physical
 * ({@code ctid}) order and by transaction id ({@code xmin}). None may do better than chance.
 */
@SamspilTest
class AnonymityTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired Surveys surveys;
    @Autowired Mixer mixer;

    @Test
    void answersCannotBeLinkedToWhoGaveThem() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        Map<String, String> tokens = fixtures.send(order);
        SurveyView survey = surveys.find(order).orElseThrow();
        List<Question> questions = survey.questions();
        List<String> submitted = new ArrayList<>();
        for (String member : tokens.keySet()) {
            // The free text names the member, so we can tell afterwards which answer is whose.
            fixtures.answer(tokens.get(member), questions.size(), SurveyFixtures.fullAnswer(questions, 0, "svar fra " + member));
            submitted.add("svar fra " + member);
        }
        mixer.mix(survey.id());

        // 1. Columns: the answer table has nothing that names a person, a link or a time.
        List<String> columns = jdbc.sql("""
                        SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_answer' ORDER BY column_name""")
                .query(String.class).list();
        assertThat(columns).containsExactly("id", "payload", "survey_id", "version_number");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM information_schema.columns
                        WHERE table_name IN ('survey_answer', 'survey_answer_pending', 'survey_response_mark')
                          AND data_type LIKE 'timestamp%'""").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM survey_answer_pending WHERE survey_id = ?").param(survey.id())
                .query(Integer.class).single()).as("all mixed").isZero();

        // 2. Order by id (random UUIDs) and by physical place: answers against the order they were given in.
        List<String> byId = texts("SELECT payload -> 'patientgrupper' ->> 'text' FROM survey_answer WHERE survey_id = ? ORDER BY id", survey.id());
        List<String> byCtid = texts("SELECT payload -> 'patientgrupper' ->> 'text' FROM survey_answer WHERE survey_id = ? ORDER BY ctid", survey.id());
        assertThat(byId).containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(fixedPoints(byId, submitted)).as("id order vs answer order").isLessThan(6);
        assertThat(fixedPoints(byCtid, submitted)).as("ctid order vs answer order").isLessThan(6);

        // 3. The marks of who has answered against the answers: same transaction id for all, no shared order.
        List<Long> answerXmins = jdbc.sql("SELECT xmin::text::bigint FROM survey_answer WHERE survey_id = ?").param(survey.id())
                .query(Long.class).list();
        List<Long> markXmins = jdbc.sql("SELECT xmin::text::bigint FROM survey_response_mark WHERE survey_id = ?").param(survey.id())
                .query(Long.class).list();
        assertThat(answerXmins).hasSize(11).containsOnly(answerXmins.get(0));
        assertThat(markXmins).hasSize(11).containsOnly(markXmins.get(0));
        List<String> marksByCtid = jdbc.sql("""
                        SELECT i.email FROM survey_response_mark m JOIN survey_invitation i ON i.id = m.invitation_id
                        WHERE m.survey_id = ? ORDER BY m.ctid""").param(survey.id()).query(String.class).list();
        List<String> answersByCtidOwner = byCtid.stream().map(text -> text.substring("svar fra ".length())).toList();
        assertThat(fixedPoints(marksByCtid, answersByCtidOwner)).as("mark ctid order vs answer ctid order").isLessThan(6);

        // 4. The invitation rows were written at sending, in random order, and never touched by answering.
        List<Long> invitationXmins = jdbc.sql("SELECT DISTINCT xmin::text::bigint FROM survey_invitation WHERE survey_id = ?")
                .param(survey.id()).query(Long.class).list();
        assertThat(invitationXmins).as("one transaction: the sending").hasSize(1);

        // 5. Nothing of the answers is left in drafts.
        assertThat(jdbc.sql("SELECT count(*) FROM survey_draft d JOIN survey_invitation i ON i.id = d.invitation_id WHERE i.survey_id = ?")
                .param(survey.id()).query(Integer.class).single()).isZero();
    }

    private List<String> texts(String sql, long surveyId) {
        return jdbc.sql(sql).param(surveyId).query(String.class).list();
    }

    /**
     * How many positions two orders of the same items share. For a random order of 11 the expected number is 1;
     * 6 or more happens by chance about once in 1,700 runs, and always when an order leaks.
     */
    static int fixedPoints(List<String> a, List<String> b) {
        int same = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (a.get(i).equals(b.get(i))) {
                same++;
            }
        }
        return same;
    }
}
