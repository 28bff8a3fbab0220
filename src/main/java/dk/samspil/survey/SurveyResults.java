package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import dk.samspil.platform.BundleTexts;
import dk.samspil.servicedata.DisclosurePolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final BundleTexts TEXTS = BundleTexts.of("i18n/survey");

    private static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {};

    /** One option of a closed question; {@code percent} of those who answered the question. */
    public record OptionCount(String label, int count, int percent) {}

    /**
     * @param answered how many answered this question
     * @param others the "andet" texts, verbatim
     * @param texts the free-text answers, verbatim
     * @param sectors a closed question's counts per sector, when the breakdown may be shown (else empty)
     * @param sectorHidden whether a breakdown by sector was asked for but withheld for this question (too few in a sector)
     * @param rows a grid question's counts per row (its {@code options} then empty); empty for other questions
     */
    public record QuestionResult(
            Question question,
            int answered,
            List<OptionCount> options,
            List<String> others,
            List<String> texts,
            List<SectorResult> sectors,
            boolean sectorHidden,
            List<RowResult> rows) {

        public QuestionResult(
                Question question, int answered, List<OptionCount> options, List<String> others, List<String> texts) {
            this(question, answered, options, others, texts, List.of(), false, List.of());
        }

        public QuestionResult(
                Question question,
                int answered,
                List<OptionCount> options,
                List<String> others,
                List<String> texts,
                List<SectorResult> sectors,
                boolean sectorHidden) {
            this(question, answered, options, others, texts, sectors, sectorHidden, List.of());
        }

        public boolean grid() {
            return question.grid();
        }

        /** A question answered by choosing among options, one list of them (scale or multiple choice, no grid). */
        public boolean choice() {
            return closed() && !grid();
        }

        public boolean closed() {
            return question.type() != QuestionType.TEXT;
        }

        public boolean multiple() {
            return question.type() == QuestionType.MULTIPLE;
        }

        public boolean bySector() {
            return !sectors.isEmpty();
        }
    }

    /** One row of a grid question: how many answered the row, and the counts per option (the scale's order). */
    public record RowResult(String label, int answered, List<OptionCount> options) {

        /** Where each option's share starts on a bar of 100 that stacks the row's shares. */
        public List<Integer> starts() {
            List<Integer> starts = new ArrayList<>();
            int at = 0;
            for (OptionCount option : options) {
                starts.add(at);
                at += option.percent();
            }
            return starts;
        }
    }

    /** One sector's counts of a closed question: how many of the sector answered it, and per option (same order). */
    public record SectorResult(Sector sector, int answered, List<OptionCount> options) {}

    /**
     * @param answered how many have answered (response marks), released or not
     * @param released how many answers are released into the results (the rest wait for a batch of
     *     {@code releaseBatch} or the close)
     * @param shown whether the results may be shown (enough answers)
     * @param questions empty unless shown
     * @param sectors invited and answered per sector (for the consultant only)
     * @param bySector whether the results are broken down by sector (every sector has enough released answers)
     * @param sectorHidden whether the survey went to both sectors but the breakdown is withheld (too few in a sector)
     * @param minGroupAnswers the fewest answers per sector for a breakdown
     */
    public record Results(
            long surveyId,
            SurveyStatus status,
            int invited,
            int answered,
            int bounced,
            int minAnswers,
            boolean shown,
            List<QuestionResult> questions,
            int released,
            int releaseBatch,
            List<Sending.SectorRate> sectors,
            boolean bySector,
            boolean sectorHidden,
            int minGroupAnswers) {

        public Results(
                long surveyId,
                SurveyStatus status,
                int invited,
                int answered,
                int bounced,
                int minAnswers,
                boolean shown,
                List<QuestionResult> questions) {
            this(
                    surveyId,
                    status,
                    invited,
                    answered,
                    bounced,
                    minAnswers,
                    shown,
                    questions,
                    answered,
                    3,
                    List.of(),
                    false,
                    false,
                    5);
        }

        public int percent() {
            return invited == 0 ? 0 : Math.round(100f * answered / invited);
        }

        /** Answers given but not released yet (waiting for a batch, or for the close). */
        public int waiting() {
            return Math.max(0, answered - released);
        }
    }

    /** A released answer: the respondent's sector and their answers (nothing else is known of it). */
    record Given(Sector sector, Map<String, Answer> answers) {}

    /**
     * All answers of a survey in the anonymous store's random order, for the consultant's export; {@code bySector}
     * when every sector has enough answers for its sector to be shown beside the answer.
     */
    record AllAnswers(List<Question> questions, List<Given> answers, boolean bySector) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Surveys surveys;
    private final Sending sending;
    private final Mixer mixer;
    private final DisclosurePolicy policy;
    private final AnonymitySettings anonymity;

    SurveyResults(
            JdbcClient jdbc,
            JsonMapper json,
            Surveys surveys,
            Sending sending,
            Mixer mixer,
            DisclosurePolicy policy,
            AnonymitySettings anonymity) {
        this.anonymity = anonymity;
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
        List<Given> answers = answers(survey.id());
        boolean shown = policy.surveyShown(answers.size());
        boolean twoSectors = rate.bySector();
        boolean bySector = shown && twoSectors && policy.breakdownShown(sectorSizes(answers));
        List<QuestionResult> questions = shown
                ? survey.questions().stream()
                        .map(q -> bySector
                                ? withSectors(count(q, payloads(answers)), q, answers)
                                : count(q, payloads(answers)))
                        .toList()
                : List.of();
        return new Results(
                survey.id(),
                survey.status(),
                rate.invited(),
                Math.max(rate.answered(), answers.size()),
                rate.bounced(),
                policy.minAnswers(),
                shown,
                questions,
                answers.size(),
                anonymity.releaseBatch(),
                rate.sectors(),
                bySector,
                shown && twoSectors && !bySector,
                policy.minGroupAnswers());
    }

    /** Every answer, only when enough have answered (else empty: exports obey the same threshold as the page). */
    Optional<AllAnswers> all(SurveyView survey) {
        mixer.mix(survey.id());
        List<Given> answers = answers(survey.id());
        if (!policy.surveyShown(answers.size())) {
            return Optional.empty();
        }
        boolean bySector = sending.responseRate(survey.id()).bySector() && policy.breakdownShown(sectorSizes(answers));
        return Optional.of(new AllAnswers(survey.questions(), answers, bySector));
    }

    private List<Given> answers(long surveyId) {
        // Ordered by the random UUID: the order says nothing about when or by whom an answer was given.
        return jdbc.sql("SELECT sector, payload::text FROM survey_answer WHERE survey_id = ? ORDER BY id")
                .param(surveyId)
                .query((rs, n) -> new Given(Sector.valueOf(rs.getString(1)), json.readValue(rs.getString(2), ANSWERS)))
                .list();
    }

    private static List<Map<String, Answer>> payloads(List<Given> answers) {
        return answers.stream().map(Given::answers).toList();
    }

    /** Released answers per sector, every sector counted (an empty one as 0, which withholds the breakdown). */
    private static List<Integer> sectorSizes(List<Given> answers) {
        return Arrays.stream(Sector.values())
                .map(sector ->
                        (int) answers.stream().filter(a -> a.sector() == sector).count())
                .toList();
    }

    /**
     * A closed question's counts per sector, when each sector has at least the policy's group size of answers to
     * it; else the combined counts only, marked as withheld. Free texts are never split by sector; a grid's rows are
     * shown combined (a row per sector would split each row's few answers further).
     */
    private QuestionResult withSectors(QuestionResult combined, Question question, List<Given> answers) {
        if (!combined.closed() || combined.grid()) {
            return combined;
        }
        List<SectorResult> sectors = new ArrayList<>();
        for (Sector sector : Sector.values()) {
            QuestionResult part = count(
                    question,
                    payloads(answers.stream().filter(a -> a.sector() == sector).toList()));
            sectors.add(new SectorResult(sector, part.answered(), part.options()));
        }
        if (!policy.breakdownShown(sectors.stream().map(SectorResult::answered).toList())) {
            return new QuestionResult(
                    question,
                    combined.answered(),
                    combined.options(),
                    combined.others(),
                    combined.texts(),
                    List.of(),
                    true);
        }
        return new QuestionResult(
                question, combined.answered(), combined.options(), combined.others(), combined.texts(), sectors, false);
    }

    static QuestionResult count(Question question, List<Map<String, Answer>> answers) {
        if (question.grid()) {
            return countGrid(question, answers);
        }
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
        List<OptionCount> options = question.type() == QuestionType.TEXT
                ? List.of()
                : counts.entrySet().stream()
                        .map(e -> new OptionCount(
                                e.getKey().equals(Answering.OTHER)
                                        ? TEXTS.text("survey.export.otherChoice")
                                        : e.getKey(),
                                e.getValue(),
                                base == 0 ? 0 : Math.round(100f * e.getValue() / base)))
                        .toList();
        return new QuestionResult(question, answered, options, others, texts);
    }

    /** A grid's counts per row: each row's options as shares of those who answered that row. */
    private static QuestionResult countGrid(Question question, List<Map<String, Answer>> answers) {
        List<RowResult> rows = new ArrayList<>();
        int answered = (int) answers.stream()
                .map(respondent -> respondent.get(question.key()))
                .filter(answer -> answer != null && !answer.isEmpty())
                .count();
        for (int row = 0; row < question.rows().size(); row++) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            question.options().forEach(option -> counts.put(option, 0));
            int rowAnswered = 0;
            for (Map<String, Answer> respondent : answers) {
                Answer answer = respondent.get(question.key());
                String choice = answer == null || answer.choices().size() <= row
                        ? ""
                        : answer.choices().get(row);
                if (counts.containsKey(choice)) {
                    counts.merge(choice, 1, Integer::sum);
                    rowAnswered++;
                }
            }
            int base = rowAnswered;
            rows.add(new RowResult(
                    question.rows().get(row),
                    rowAnswered,
                    counts.entrySet().stream()
                            .map(e -> new OptionCount(
                                    e.getKey(), e.getValue(), base == 0 ? 0 : Math.round(100f * e.getValue() / base)))
                            .toList()));
        }
        return new QuestionResult(question, answered, List.of(), List.of(), List.of(), List.of(), false, rows);
    }
}
