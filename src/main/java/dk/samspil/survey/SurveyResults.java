package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dk.samspil.servicedata.DisclosurePolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results of an order's survey: per question the counts and shares of each option (multiple choice counted per
 * option), the "andet" texts and free texts verbatim, and the response rate. Results are shown only when at least
 * the {@link DisclosurePolicy} allows ({@code samspil.disclosure.min-answers}); below that nothing but the response
 * rate leaves this class.
 */
@Service
public class SurveyResults {

    private static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {};

    /** One option of a closed question; {@code percent} of those who answered the question. */
    public record OptionCount(String label, int count, int percent) {}

    /**
     * @param answered how many answered this question
     * @param others the "andet" texts, verbatim
     * @param texts the free-text answers, verbatim
     */
    public record QuestionResult(Question question, int answered, List<OptionCount> options, List<String> others,
            List<String> texts) {

        public boolean closed() {
            return question.type() != QuestionType.TEXT;
        }

        public boolean multiple() {
            return question.type() == QuestionType.MULTIPLE;
        }
    }

    /**
     * @param shown whether the results may be shown (enough answers)
     * @param questions empty unless shown
     */
    public record Results(long surveyId, SurveyStatus status, int invited, int answered, int bounced, int minAnswers,
            boolean shown, List<QuestionResult> questions) {

        public int percent() {
            return invited == 0 ? 0 : Math.round(100f * answered / invited);
        }
    }

    /** All answers of a survey in the anonymous store's random order, for exports. */
    record AllAnswers(List<Question> questions, List<Map<String, Answer>> answers) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Surveys surveys;
    private final Sending sending;
    private final Mixer mixer;
    private final DisclosurePolicy policy;

    SurveyResults(JdbcClient jdbc, JsonMapper json, Surveys surveys, Sending sending, Mixer mixer, DisclosurePolicy policy) {
        this.jdbc = jdbc;
        this.json = json;
        this.surveys = surveys;
        this.sending = sending;
        this.mixer = mixer;
        this.policy = policy;
    }

    /** The results of the order's survey, if it has one. */
    public Optional<Results> forOrder(long orderId) {
        return surveys.find(orderId).map(this::of);
    }

    Results of(SurveyView survey) {
        mixer.mix(survey.id());
        Sending.ResponseRate rate = sending.responseRate(survey.id());
        List<Map<String, Answer>> answers = answers(survey.id());
        boolean shown = policy.surveyShown(answers.size());
        List<QuestionResult> questions = shown ? survey.questions().stream().map(q -> count(q, answers)).toList() : List.of();
        return new Results(survey.id(), survey.status(), rate.invited(), Math.max(rate.answered(), answers.size()),
                rate.bounced(), policy.minAnswers(), shown, questions);
    }

    /** Every answer, only when enough have answered (else empty: exports obey the same threshold as the page). */
    Optional<AllAnswers> all(SurveyView survey) {
        mixer.mix(survey.id());
        List<Map<String, Answer>> answers = answers(survey.id());
        if (!policy.surveyShown(answers.size())) {
            return Optional.empty();
        }
        return Optional.of(new AllAnswers(survey.questions(), answers));
    }

    private List<Map<String, Answer>> answers(long surveyId) {
        // Ordered by the random UUID: the order says nothing about when or by whom an answer was given.
        return jdbc.sql("SELECT payload::text FROM survey_answer WHERE survey_id = ? ORDER BY id")
                .param(surveyId).query(String.class).list().stream()
                .map(text -> json.readValue(text, ANSWERS)).toList();
    }

    static QuestionResult count(Question question, List<Map<String, Answer>> answers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        question.options().forEach(option -> counts.put(option, 0));
        if (question.other()) {
            counts.put(Answering.OTHER, 0);
        }
        List<String> others = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int answered = 0;
        for (Map<String, Answer> respondent : answers) {
            Answer answer = respondent.get(question.key());
            if (answer == null || answer.isEmpty()) {
                continue;
            }
            answered++;
            answer.choices().forEach(choice -> counts.computeIfPresent(choice, (k, n) -> n + 1));
            if (answer.other() != null && !answer.other().isBlank()) {
                others.add(answer.other());
            }
            if (answer.text() != null && !answer.text().isBlank()) {
                texts.add(answer.text());
            }
        }
        int base = answered;
        List<OptionCount> options = question.type() == QuestionType.TEXT ? List.of()
                : counts.entrySet().stream()
                        .map(e -> new OptionCount(e.getKey().equals(Answering.OTHER) ? "Andet" : e.getKey(), e.getValue(),
                                base == 0 ? 0 : Math.round(100f * e.getValue() / base)))
                        .toList();
        return new QuestionResult(question, answered, options, others, texts);
    }
}
