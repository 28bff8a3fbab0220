package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import dk.samspil.platform.Tokens;
import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A respondent's side: open a personal link, keep a draft, send the answer. Sending writes a response mark (its
 * primary key lets a link answer once) and the answer, in one transaction, and touches nothing that names the
 * invitee; the answer is sealed with the application key and the draft with the link's own key
 * ({@link AnswerCipher}), so the shared transaction shows only ciphertext; the {@link Mixer} removes the link.
 */
@Service
class Answering {

    static final int MAX_TEXT = 4000;
    static final int MAX_OTHER = 500;
    private static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {};

    enum Outcome {
        RECEIVED,
        ALREADY_ANSWERED,
        CLOSED
    }

    /** The survey an open invitation answers, the version that was sent, and the saved draft (sealed, or null). */
    record Respondent(
            long invitationId,
            long surveyId,
            long orderId,
            int versionNumber,
            byte[] sealedDraft,
            LocalDate closesOn,
            Sector sector)
            implements Serializable {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AnswerCipher cipher;

    Answering(JdbcClient jdbc, JsonMapper json, AnswerCipher cipher) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
    }

    private static final String RESPONDENT = """
            SELECT i.id, s.id, s.order_id, (SELECT max(v.number) FROM survey_version v WHERE v.survey_id = s.id),
                   d.sealed, s.closes_on, i.sector
            FROM survey_invitation i JOIN survey s ON s.id = i.survey_id
                 LEFT JOIN survey_draft d ON d.invitation_id = i.id
            WHERE %s AND s.status = 'OPEN'
              AND NOT EXISTS (SELECT 1 FROM survey_response_mark m WHERE m.invitation_id = i.id)""";

    /** The invitation behind a link, if the link is known, unused and its survey open. */
    Optional<Respondent> open(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql(RESPONDENT.formatted("i.token_hash = ?"))
                .param(Tokens.hash(token))
                .query(Answering::respondent)
                .optional();
    }

    private static Respondent respondent(ResultSet rs, int row) throws SQLException {
        return new Respondent(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getInt(4),
                rs.getBytes(5),
                rs.getObject(6, LocalDate.class),
                rs.getString(7) == null ? Sector.CLUSTER : Sector.valueOf(rs.getString(7)));
    }

    private boolean answered(long invitationId) {
        return jdbc.sql("SELECT count(*) FROM survey_response_mark WHERE invitation_id = ?")
                        .param(invitationId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Whether the link has been used to answer (for the browser that holds the link only). */
    boolean answeredWith(String token) {
        return Tokens.wellFormed(token)
                && jdbc.sql("""
                        SELECT count(*) FROM survey_response_mark m JOIN survey_invitation i ON i.id = m.invitation_id
                        WHERE i.token_hash = ?""").param(Tokens.hash(token)).query(Integer.class).single() > 0;
    }

    /** The respondent's saved draft, read with the respondent and opened with the link's key (none without it). */
    Map<String, Answer> draft(Respondent respondent, AnswerCipher.DraftKey key) {
        if (respondent.sealedDraft() == null || key == null) {
            return new LinkedHashMap<>();
        }
        return cipher.openDraft(key, respondent.invitationId(), respondent.sealedDraft())
                .map(text -> json.readValue(text, ANSWERS))
                .orElseGet(LinkedHashMap::new);
    }

    /**
     * Saves the draft if the link may still answer (its survey open, no answer sent); false, and nothing saved, when
     * it may not. (A save racing the link's own "send" can still leave a draft behind the answer; the {@link Mixer}
     * removes drafts of answered links.)
     */
    boolean saveDraft(long invitationId, AnswerCipher.DraftKey key, Map<String, Answer> answers) {
        return jdbc.sql("""
                        INSERT INTO survey_draft (invitation_id, sealed)
                        SELECT i.id, ? FROM survey_invitation i JOIN survey s ON s.id = i.survey_id
                        WHERE i.id = ? AND s.status = 'OPEN'
                          AND NOT EXISTS (SELECT 1 FROM survey_response_mark m WHERE m.invitation_id = i.id)
                        ON CONFLICT (invitation_id) DO UPDATE SET sealed = EXCLUDED.sealed""")
                        .params(cipher.sealDraft(key, invitationId, json.writeValueAsString(answers)), invitationId)
                        .update()
                == 1;
    }

    /**
     * Sends the answer: at most once per link, only while the survey is open. One statement (so one transaction)
     * marks the link used if, and only if, its survey is open and it has not answered yet, stores the answer
     * with the mark, and removes the draft.
     */
    Outcome submit(Respondent respondent, Map<String, Answer> answers) {
        long invitationId = respondent.invitationId();
        // The sector goes inside the sealed answer: it reaches the answer table only when the Mixer releases a batch.
        int stored = jdbc.sql("""
                        WITH mark AS (
                            INSERT INTO survey_response_mark (invitation_id, survey_id)
                            SELECT i.id, i.survey_id FROM survey_invitation i JOIN survey s ON s.id = i.survey_id
                            WHERE i.id = ? AND s.status = 'OPEN'
                            ON CONFLICT DO NOTHING RETURNING survey_id),
                        answer AS (
                            INSERT INTO survey_answer_pending (survey_id, sealed)
                            SELECT survey_id, ? FROM mark RETURNING 1),
                        draft AS (
                            DELETE FROM survey_draft WHERE invitation_id = ? AND EXISTS (SELECT 1 FROM mark))
                        SELECT count(*) FROM answer""")
                .params(
                        invitationId,
                        cipher.sealAnswer(
                                respondent.surveyId(),
                                respondent.versionNumber(),
                                sealedJson(respondent.sector(), answers)),
                        invitationId)
                .query(Integer.class)
                .single();
        if (stored == 1) {
            return Outcome.RECEIVED;
        }
        return answered(invitationId) ? Outcome.ALREADY_ANSWERED : Outcome.CLOSED;
    }

    /** What is sealed: the answers and the respondent's sector, {@code {"sector": ..., "answers": {...}}}. */
    private String sealedJson(Sector sector, Map<String, Answer> answers) {
        Map<String, Object> sealed = new LinkedHashMap<>();
        sealed.put("sector", sector.name());
        sealed.put("answers", answers);
        return json.writeValueAsString(sealed);
    }

    /** Reads the answers of a page of questions from the form fields {@code q.<key>} and {@code q.<key>.other}. */
    static Map<String, Answer> read(List<Question> questions, Map<String, List<String>> form) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Question q : questions) {
            List<String> values = form.getOrDefault("q." + q.key(), List.of());
            String other = first(form.get("q." + q.key() + ".other"));
            Answer answer = switch (q.type()) {
                case TEXT -> new Answer(List.of(), null, clip(first(values), MAX_TEXT));
                case SCALE ->
                    new Answer(
                            values.stream()
                                    .filter(q.options()::contains)
                                    .limit(1)
                                    .toList(),
                            null,
                            null);
                case MULTIPLE ->
                    new Answer(
                            values.stream()
                                    .filter(v -> q.options().contains(v) || (q.other() && v.equals(OTHER)))
                                    .distinct()
                                    .toList(),
                            q.other() ? clip(other, MAX_OTHER) : null,
                            null);
                case GRID -> new Answer(gridChoices(q, form), null, null);
            };
            answers.put(q.key(), answer);
        }
        return answers;
    }

    static final String OTHER = "__andet__";

    /** The form field of a grid question's row: {@code q.<key>.r<index>}. */
    static String rowField(Question q, int row) {
        return "q." + q.key() + ".r" + row;
    }

    /** A grid's choices, one per row ("" where none of the options was chosen); none when no row was answered. */
    private static List<String> gridChoices(Question q, Map<String, List<String>> form) {
        List<String> choices = new ArrayList<>();
        for (int row = 0; row < q.rows().size(); row++) {
            choices.add(form.getOrDefault(rowField(q, row), List.of()).stream()
                    .filter(q.options()::contains)
                    .findFirst()
                    .orElse(""));
        }
        return choices.stream().allMatch(String::isEmpty) ? List.of() : choices;
    }

    /**
     * The keys of required questions left unanswered (a required grid with a row unanswered), and of "andet" ticked
     * without a text.
     */
    static List<String> missing(List<Question> questions, Map<String, Answer> answers) {
        List<String> missing = new ArrayList<>();
        for (Question q : questions) {
            Answer a = answers.get(q.key());
            boolean empty = a == null || a.isEmpty();
            if (q.required() && (empty || (q.grid() && a.choices().contains("")))) {
                missing.add(q.key());
            } else if (a != null
                    && q.type() == QuestionType.MULTIPLE
                    && a.choices().contains(OTHER)
                    && (a.other() == null || a.other().isBlank())) {
                missing.add(q.key());
            }
        }
        return missing;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String clip(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
