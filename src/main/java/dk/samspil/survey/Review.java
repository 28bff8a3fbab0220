package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import dk.samspil.catalog.QuestionFields;
import dk.samspil.ordering.OrderProgress;
import dk.samspil.platform.RuleViolation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review round: cluster and municipality propose changes per question; the consultant edits the version,
 * marks proposals applied or declined, and freezes it. A frozen version never changes; until the survey is sent a
 * new version can be started from it. Every question keeps its key, so answers compare across versions and the
 * follow-up a year later.
 */
@Service
class Review {

    /** The consultant's edit of one question; options one per line; {@code block} the programme's "Blok N" (null: keep). */
    /** @param rows a grid question's rows (for other types ignored) */
    record QuestionEdit(
            String text,
            QuestionType type,
            String options,
            boolean other,
            boolean required,
            Integer block,
            List<String> rows) {
        QuestionEdit {
            rows = rows == null ? List.of() : rows;
        }
    }

    static final List<String> KINDS = List.of("COMMENT", "REWORD", "ADD", "REMOVE", "MOVE");

    private final JdbcClient jdbc;
    private final Surveys surveys;
    private final OrderProgress progress;

    Review(JdbcClient jdbc, Surveys surveys, OrderProgress progress) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.progress = progress;
    }

    List<Proposal> proposals(long surveyId) {
        return jdbc.sql("SELECT * FROM survey_proposal WHERE survey_id = ? ORDER BY created_at, id")
                .param(surveyId)
                .query((rs, n) -> new Proposal(
                        rs.getLong("id"),
                        rs.getString("question_key"),
                        rs.getString("kind"),
                        rs.getString("text"),
                        rs.getString("author_name"),
                        rs.getString("party"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("status"),
                        rs.getString("decline_reason")))
                .list();
    }

    @Transactional
    void propose(SurveyView survey, String questionKey, String kind, String text, String author, String party) {
        if (survey.status() != SurveyStatus.REVIEW) {
            throw new RuleViolation("survey.review.closed");
        }
        if (!KINDS.contains(kind)) {
            throw new RuleViolation("survey.proposal.kind.invalid");
        }
        if (text == null || text.isBlank()) {
            throw new RuleViolation("survey.proposal.text.required");
        }
        if (text.length() > 4000) {
            throw new RuleViolation("survey.proposal.tooLong");
        }
        String key = questionKey == null || questionKey.isBlank() || survey.question(questionKey) == null
                ? null
                : questionKey;
        jdbc.sql(
                        "INSERT INTO survey_proposal (survey_id, question_key, kind, text, author_name, party) VALUES (?, ?, ?, ?, ?, ?)")
                .params(survey.id(), key, kind, text.trim(), author, party)
                .update();
    }

    /** Marks a proposal applied, or declined with the reason its author will read; the reason is required. */
    @Transactional
    void decide(SurveyView survey, long proposalId, boolean applied, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (!applied && why == null) {
            throw new RuleViolation("survey.proposal.reason.required");
        }
        if (why != null && why.length() > 2000) {
            throw new RuleViolation("survey.proposal.reason.tooLong");
        }
        jdbc.sql("UPDATE survey_proposal SET status = ?, decline_reason = ? WHERE id = ? AND survey_id = ?")
                .params(applied ? "APPLIED" : "DECLINED", applied ? null : why, proposalId, survey.id())
                .update();
    }

    /**
     * "Brug forslaget": the proposed wording becomes the question's text (type, options and the rest unchanged) and
     * the proposal is marked applied, in one step. Returns the question's key.
     */
    @Transactional
    String useWording(SurveyView survey, long proposalId) {
        Proposal proposal = proposals(survey.id()).stream()
                .filter(p -> p.id() == proposalId)
                .findFirst()
                .filter(Proposal::usableWording)
                .orElseThrow(() -> new RuleViolation("survey.proposal.notUsable"));
        Question old = survey.question(proposal.questionKey());
        if (old == null) {
            throw new RuleViolation("survey.question.unknown");
        }
        edit(
                survey,
                old.key(),
                new QuestionEdit(
                        proposal.text(),
                        old.type(),
                        String.join("\n", old.options()),
                        old.other(),
                        old.required(),
                        null,
                        old.rows()));
        decide(survey, proposalId, true, null);
        return old.key();
    }

    @Transactional
    void edit(SurveyView survey, String key, QuestionEdit edit) {
        Question old = survey.question(key);
        if (old == null) {
            throw new RuleViolation("survey.question.unknown");
        }
        Question changed = build(key, edit, edit.block() != null ? edit.block() : old.block());
        surveys.saveQuestions(
                survey,
                survey.questions().stream()
                        .map(q -> q.key().equals(key) ? changed : q)
                        .toList());
    }

    @Transactional
    void add(SurveyView survey, QuestionEdit edit) {
        List<Question> questions = new ArrayList<>(survey.questions());
        // Unless the consultant chose one, an added question belongs with the question above it (it goes last).
        Integer above =
                questions.isEmpty() ? null : questions.get(questions.size() - 1).block();
        questions.add(build(
                "ny-" + UUID.randomUUID().toString().substring(0, 8),
                edit,
                edit.block() != null ? edit.block() : above));
        surveys.saveQuestions(survey, questions);
    }

    @Transactional
    void remove(SurveyView survey, String key) {
        surveys.saveQuestions(
                survey,
                survey.questions().stream().filter(q -> !q.key().equals(key)).toList());
    }

    @Transactional
    void move(SurveyView survey, String key, int delta) {
        List<Question> questions = new ArrayList<>(survey.questions());
        int from = questions.indexOf(survey.question(key));
        int to = from + delta;
        if (from < 0 || to < 0 || to >= questions.size()) {
            return;
        }
        questions.add(to, questions.remove(from));
        surveys.saveQuestions(survey, questions);
    }

    @Transactional
    void freeze(SurveyView survey, String by) {
        if (survey.status() != SurveyStatus.REVIEW) {
            throw new RuleViolation("survey.review.closed");
        }
        if (survey.questions().isEmpty()) {
            throw new RuleViolation("survey.freeze.empty");
        }
        Sending.guarded(
                jdbc.sql("UPDATE survey SET status = 'FROZEN' WHERE id = ? AND status = 'REVIEW'")
                        .param(survey.id())
                        .update(),
                "survey.review.closed");
        jdbc.sql("UPDATE survey_version SET frozen_at = now() WHERE survey_id = ? AND number = ?")
                .params(survey.id(), survey.versionNumber())
                .update();
        progress.questionnaireFrozen(survey.orderId(), by);
    }

    /** Before sending, a frozen version can be followed by a new one to edit; the frozen one stays as it was. */
    @Transactional
    void newVersion(SurveyView survey) {
        if (survey.status() != SurveyStatus.FROZEN) {
            throw new RuleViolation("survey.newVersion.notAllowed");
        }
        Sending.guarded(
                jdbc.sql("UPDATE survey SET status = 'REVIEW' WHERE id = ? AND status = 'FROZEN'")
                        .param(survey.id())
                        .update(),
                "survey.newVersion.notAllowed");
        jdbc.sql("""
                        INSERT INTO survey_version (survey_id, number, questions)
                        SELECT survey_id, number + 1, questions FROM survey_version WHERE survey_id = ? AND number = ?""").params(survey.id(), survey.versionNumber()).update();
    }

    static Question build(String key, QuestionEdit edit, Integer block) {
        if (edit.text() == null || edit.text().isBlank()) {
            throw new RuleViolation("survey.question.textRequired");
        }
        if (edit.text().length() > 1000) {
            throw new RuleViolation("survey.question.tooLong");
        }
        QuestionType type = edit.type() == null ? QuestionType.TEXT : edit.type();
        List<String> options = type == QuestionType.TEXT ? List.of() : QuestionFields.options(edit.options());
        if (type != QuestionType.TEXT && options.size() < 2) {
            throw new RuleViolation("survey.question.options.tooFew");
        }
        List<String> rows = type == QuestionType.GRID ? edit.rows() : List.of();
        if (type == QuestionType.GRID && rows.size() < 2) {
            throw new RuleViolation("survey.question.rows.tooFew");
        }
        if (rows.stream().anyMatch(row -> row.length() > 300)) {
            throw new RuleViolation("survey.question.rows.tooLong");
        }
        return new Question(
                key,
                0,
                edit.text().strip(),
                type,
                options,
                type == QuestionType.MULTIPLE && edit.other(),
                edit.required(),
                block,
                rows);
    }
}
