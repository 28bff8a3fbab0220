package dk.samspil.survey;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Breaks every link between an answer and who gave it. A run takes a survey's new sealed answers and, in one
 * transaction,
 * <ul>
 *   <li>releases them to the anonymous store when at least {@code release-batch} are waiting, or the survey is closed,
 *       rewriting <em>all</em> the survey's answers under fresh random ids in random order, so every answer has the
 *       same transaction id and no earlier copy of the table tells the new ones from the old (a comparison
 *       isolates a batch of at least three, never one answer). The batch is counted per {@link Sector}: the sector
 *       is released with the answer, so a sector's answers are released only {@code release-batch} or more at a time
 *       (one municipal answer beside five of the cluster's would otherwise be told apart by its sector);</li>
 *   <li>or else seals the waiting answers again (fresh nonces, random order), so they no longer share a transaction
 *       id with their response marks;</li>
 *   <li>and rewrites all response marks of the survey in random order.</li>
 * </ul>
 * Then vacuums the tables so the dead row versions that still carried the link are removed.
 */
@Configuration(proxyBeanMethods = false)
class Mixer {

    private static final Logger log = LoggerFactory.getLogger(Mixer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SurveySettings settings;
    private final AnonymitySettings anonymity;
    private final AnswerCipher cipher;
    private final JsonMapper json;

    Mixer(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            SurveySettings settings,
            AnonymitySettings anonymity,
            AnswerCipher cipher,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.anonymity = anonymity;
        this.cipher = cipher;
        this.json = json;
    }

    @Bean
    RecurringTask<Void> surveyMixJob() {
        return Tasks.recurring("survey-answer-mix", FixedDelay.of(settings.mixInterval()))
                .execute((instance, context) -> mixAll());
    }

    /** Mixes every survey with new answers, or with answers held back and now closed. */
    void mixAll() {
        List<Long> surveys = jdbc.sql("""
                        SELECT DISTINCT p.survey_id FROM survey_answer_pending p JOIN survey s ON s.id = p.survey_id
                        WHERE NOT p.mixed OR s.status = 'CLOSED'""").query(Long.class).list();
        int mixed = 0;
        for (long survey : surveys) {
            try {
                mixed += mixOnly(survey) ? 1 : 0;
            } catch (RuntimeException e) {
                // Rolled back: the pending answers stay as they were, for the next run.
                log.error("Survey {}: pending answers not mixed", survey, e);
            }
        }
        // A draft saved at the very moment its link answered (a "save" racing a "send" in two tabs) would outlive the
        // answer, keyed by the invitation: remove every draft of a link that has answered.
        int stale = jdbc.sql("""
                        DELETE FROM survey_draft d
                        WHERE EXISTS (SELECT 1 FROM survey_response_mark m WHERE m.invitation_id = d.invitation_id)""").update();
        if (mixed > 0 || stale > 0) {
            vacuum();
        }
    }

    /** Mixes one survey's new answers now (before results are read). */
    void mix(long surveyId) {
        if (mixOnly(surveyId)) {
            vacuum();
        }
    }

    /** @return whether anything was rewritten */
    private boolean mixOnly(long surveyId) {
        Boolean done = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(surveyId).query().singleValue();
            boolean closed = jdbc.sql("SELECT status = 'CLOSED' FROM survey WHERE id = ?")
                    .param(surveyId)
                    .query(Boolean.class)
                    .optional()
                    .orElse(false);
            boolean due =
                    jdbc.sql("SELECT count(*) FROM survey_answer_pending WHERE survey_id = ? AND (NOT mixed OR ?)")
                                    .params(surveyId, closed)
                                    .query(Integer.class)
                                    .single()
                            > 0;
            List<AnswerCipher.Opened> answers = due ? take(surveyId) : List.of();
            if (answers.isEmpty()) {
                // Nothing due, or nothing that opens: leave everything as it was.
                status.setRollbackOnly();
                return false;
            }
            List<Held> released = new ArrayList<>();
            Map<Sector, List<Held>> bySector =
                    answers.stream().map(this::held).collect(Collectors.groupingBy(Held::sector));
            bySector.values().forEach(sector -> {
                if (closed || sector.size() >= anonymity.releaseBatch()) {
                    released.addAll(sector);
                } else {
                    sector.forEach(held -> putBack(
                            surveyId,
                            cipher.sealAnswer(
                                    surveyId,
                                    held.opened().versionNumber(),
                                    held.opened().json())));
                }
            });
            if (!released.isEmpty()) {
                release(surveyId, released);
            }
            jdbc.sql("""
                            WITH marks AS (DELETE FROM survey_response_mark WHERE survey_id = ? RETURNING invitation_id)
                            INSERT INTO survey_response_mark (invitation_id, survey_id)
                            SELECT invitation_id, ? FROM marks ORDER BY random()""").params(surveyId, surveyId).update();
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Takes the survey's pending answers out, opened, in random order (those that do not open are put back). */
    private List<AnswerCipher.Opened> take(long surveyId) {
        // Exactly the rows deleted are the rows mixed: an answer sent meanwhile waits for the next run.
        List<byte[]> sealed = jdbc.sql("DELETE FROM survey_answer_pending WHERE survey_id = ? RETURNING sealed")
                .param(surveyId)
                .query((rs, n) -> rs.getBytes(1))
                .list();
        List<AnswerCipher.Opened> answers = new ArrayList<>();
        List<byte[]> unopened = new ArrayList<>();
        sealed.forEach(s -> cipher.openAnswer(surveyId, s).ifPresentOrElse(answers::add, () -> unopened.add(s)));
        if (!unopened.isEmpty()) {
            // Sealed with a lost key (see AnswerCipher's key check): kept as they are, in case the key is found.
            log.error(
                    "Survey {}: {} pending answers do not open with this application key and are kept unmixed",
                    surveyId,
                    unopened.size());
            unopened.forEach(s -> putBack(surveyId, s));
        }
        Collections.shuffle(answers);
        return answers;
    }

    private void putBack(long surveyId, byte[] sealed) {
        jdbc.sql("INSERT INTO survey_answer_pending (survey_id, sealed, mixed) VALUES (?, ?, TRUE)")
                .params(surveyId, sealed)
                .update();
    }

    /** Writes the survey's answers anew, the released ones with them, under new random ids in random order. */
    private void release(long surveyId, List<Held> answers) {
        List<Map<String, Object>> released = answers.stream()
                .map(a -> Map.<String, Object>of(
                        "v", a.opened().versionNumber(), "s", a.sector().name(), "p", a.answers()))
                .toList();
        jdbc.sql("""
                        WITH old AS (DELETE FROM survey_answer WHERE survey_id = ? RETURNING version_number, sector, payload),
                        answers AS (SELECT version_number, sector, payload FROM old
                                    UNION ALL
                                    SELECT (e ->> 'v')::int, e ->> 's', e -> 'p' FROM jsonb_array_elements(CAST(? AS jsonb)) e)
                        INSERT INTO survey_answer (id, survey_id, version_number, sector, payload)
                        SELECT gen_random_uuid(), ?, version_number, sector, payload FROM answers ORDER BY random()""")
                .params(surveyId, json.writeValueAsString(released), surveyId)
                .update();
    }

    /** An opened answer with its sector and its answers (an answer sealed before sectors were sealed is the cluster's). */
    private record Held(AnswerCipher.Opened opened, Sector sector, tools.jackson.databind.JsonNode answers) {}

    private Held held(AnswerCipher.Opened opened) {
        tools.jackson.databind.JsonNode tree = json.readTree(opened.json());
        tools.jackson.databind.JsonNode sector = tree.get("sector");
        tools.jackson.databind.JsonNode answers = tree.get("answers");
        if (sector != null && sector.isString() && answers != null && answers.isObject()) {
            return new Held(opened, Sector.valueOf(sector.asString()), answers);
        }
        return new Held(opened, Sector.CLUSTER, tree);
    }

    private void vacuum() {
        // Outside a transaction (auto-commit): VACUUM cannot run inside one.
        jdbc.sql("VACUUM survey_answer_pending, survey_response_mark, survey_draft, survey_answer")
                .update();
    }
}
