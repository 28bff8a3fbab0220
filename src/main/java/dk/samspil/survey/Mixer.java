package dk.samspil.survey;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Breaks every link between an answer and who gave it. Moves pending answers into the anonymous store in random
 * order under random ids, and rewrites all response marks of the survey in random order, in one transaction, so
 * the answers and the marks share no transaction id, timestamp or physical order. Then vacuums the tables so the
 * dead row versions that still carried the link are removed.
 */
@Configuration(proxyBeanMethods = false)
class Mixer {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SurveySettings settings;

    Mixer(JdbcClient jdbc, TransactionTemplate transaction, SurveySettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
    }

    @Bean
    RecurringTask<Void> surveyMixJob() {
        return Tasks.recurring("survey-answer-mix", FixedDelay.of(settings.mixInterval()))
                .execute((instance, context) -> mixAll());
    }

    /** Mixes every survey with pending answers. */
    void mixAll() {
        List<Long> surveys = jdbc.sql("SELECT DISTINCT survey_id FROM survey_answer_pending").query(Long.class).list();
        surveys.forEach(this::mixOnly);
        // A draft saved at the very moment its link answered (a "save" racing a "send" in two tabs) would outlive the
        // answer, keyed by the invitation: remove every draft of a link that has answered.
        int stale = jdbc.sql("""
                        DELETE FROM survey_draft d
                        WHERE EXISTS (SELECT 1 FROM survey_response_mark m WHERE m.invitation_id = d.invitation_id)""")
                .update();
        if (!surveys.isEmpty() || stale > 0) {
            vacuum();
        }
    }

    /** Mixes one survey's pending answers now (before results are read); returns how many were moved. */
    int mix(long surveyId) {
        int moved = mixOnly(surveyId);
        if (moved > 0) {
            vacuum();
        }
        return moved;
    }

    private int mixOnly(long surveyId) {
        Integer moved = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(surveyId).query().singleValue();
            // Set-based: the answers are written in random order under random ids, then every mark of the survey is
            // rewritten in random order, all in this one transaction.
            int answers = jdbc.sql("""
                            WITH moved AS (DELETE FROM survey_answer_pending WHERE survey_id = ? RETURNING version_number, payload)
                            INSERT INTO survey_answer (id, survey_id, version_number, payload)
                            SELECT gen_random_uuid(), ?, version_number, payload FROM moved ORDER BY random()""")
                    .params(surveyId, surveyId).update();
            if (answers == 0) {
                return 0;
            }
            jdbc.sql("""
                            WITH marks AS (DELETE FROM survey_response_mark WHERE survey_id = ? RETURNING invitation_id)
                            INSERT INTO survey_response_mark (invitation_id, survey_id)
                            SELECT invitation_id, ? FROM marks ORDER BY random()""")
                    .params(surveyId, surveyId).update();
            return answers;
        });
        return moved == null ? 0 : moved;
    }

    private void vacuum() {
        // Outside a transaction (auto-commit): VACUUM cannot run inside one.
        jdbc.sql("VACUUM survey_answer_pending, survey_response_mark, survey_draft").update();
    }
}
