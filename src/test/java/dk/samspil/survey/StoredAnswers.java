package dk.samspil.survey;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every answer a survey holds, released or still sealed (opened with the application key, as only the mixer does). */
final class StoredAnswers {

    private StoredAnswers() {}

    /** The answers as JSON text: those released to the results and those still pending. */
    static List<String> of(JdbcClient jdbc, AnswerCipher cipher, long surveyId) {
        List<String> all = new ArrayList<>(jdbc.sql("SELECT payload::text FROM survey_answer WHERE survey_id = ?")
                .param(surveyId)
                .query(String.class)
                .list());
        jdbc.sql("SELECT sealed FROM survey_answer_pending WHERE survey_id = ?")
                .param(surveyId)
                .query((rs, n) -> rs.getBytes(1))
                .list()
                .forEach(box -> all.add(
                        answers(cipher.openAnswer(surveyId, box).orElseThrow().json())));
        return all;
    }

    /** A sealed answer holds the respondent's sector beside the answers: the answers, as the results store them. */
    private static String answers(String sealed) {
        tools.jackson.databind.JsonNode tree = JSON.readTree(sealed);
        return tree.has("answers") && tree.has("sector") ? tree.get("answers").toString() : sealed;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
}
