package dk.samspil.survey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.ordering.Orders;
import dk.samspil.ordering.PackageOrdered;
import dk.samspil.platform.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Surveys and their versions. Each order gets a copy of its package's questionnaire as version 1. */
@Service
public class Surveys {

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Catalog catalog;
    private final Orders orders;

    Surveys(JdbcClient jdbc, JsonMapper json, Catalog catalog, Orders orders) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(PackageOrdered ordered) {
        if (ordered.followsOrderId() != null) {
            createFollowUp(ordered.orderId(), ordered.followsOrderId(), ordered.packageSlug());
        } else {
            create(ordered.orderId(), ordered.packageSlug());
        }
    }

    /**
     * The follow-up's survey starts from the questions the first meeting's survey ended with — same keys, so the
     * deck can put then and now side by side — and goes through its own review round from there.
     */
    @Transactional
    public void createFollowUp(long orderId, long followsOrderId, String packageSlug) {
        Optional<SurveyView> first = find(followsOrderId);
        if (first.isEmpty()) {
            create(orderId, packageSlug);
            return;
        }
        Optional<Long> id = jdbc.sql(
                        "INSERT INTO survey (order_id) VALUES (?) ON CONFLICT (order_id) DO NOTHING RETURNING id")
                .param(orderId)
                .query(Long.class)
                .optional();
        id.ifPresent(surveyId -> jdbc.sql(
                        "INSERT INTO survey_version (survey_id, number, questions) VALUES (?, 1, CAST(? AS jsonb))")
                .params(surveyId, json.writeValueAsString(first.get().questions()))
                .update());
    }

    /**
     * Creates the survey of an order once, from the questionnaire of the package's version the order keeps; a second
     * call changes nothing.
     */
    @Transactional
    public void create(long orderId, String packageSlug) {
        List<Question> questions = orders.find(orderId)
                .flatMap(order -> catalog.find(order.packageSlug(), order.packageVersion()))
                .or(() -> catalog.find(packageSlug))
                .map(p -> p.questionnaire().questions())
                .orElse(List.of());
        Optional<Long> id = jdbc.sql(
                        "INSERT INTO survey (order_id) VALUES (?) ON CONFLICT (order_id) DO NOTHING RETURNING id")
                .param(orderId)
                .query(Long.class)
                .optional();
        id.ifPresent(surveyId -> jdbc.sql(
                        "INSERT INTO survey_version (survey_id, number, questions) VALUES (?, 1, CAST(? AS jsonb))")
                .params(surveyId, json.writeValueAsString(questions))
                .update());
    }

    /** The survey of an order, created from the package on first use if the order event has not done so yet. */
    @Transactional
    public SurveyView forOrder(long orderId, String packageSlug) {
        return find(orderId).orElseGet(() -> {
            create(orderId, packageSlug);
            return find(orderId).orElseThrow();
        });
    }

    public Optional<SurveyView> find(long orderId) {
        return jdbc.sql("""
                        SELECT s.id, s.order_id, s.status, s.closes_on, s.reminder_days, v.number, v.frozen_at, v.questions
                        FROM survey s JOIN survey_version v ON v.survey_id = s.id
                        WHERE s.order_id = ? ORDER BY v.number DESC LIMIT 1""")
                .param(orderId)
                .query((rs, n) -> new SurveyView(
                        rs.getLong(1),
                        rs.getLong(2),
                        SurveyStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getObject(7) != null,
                        json.readValue(rs.getString(8), QUESTIONS)))
                .optional();
    }

    /**
     * The questions of a version. A version that has been sent is frozen and never changes, so respondents' pages
     * read it from a cache; versions under review are always read from the database.
     */
    List<Question> sentQuestions(long surveyId, int versionNumber) {
        return sent.get(new VersionKey(surveyId, versionNumber), key -> questionsOf(key.surveyId(), key.number()));
    }

    private record VersionKey(long surveyId, int number) {}

    private final Cache<VersionKey, List<Question>> sent =
            Caffeine.newBuilder().maximumSize(1_000).build();

    List<Question> questionsOf(long surveyId, int versionNumber) {
        return jdbc.sql("SELECT questions FROM survey_version WHERE survey_id = ? AND number = ?")
                .params(surveyId, versionNumber)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, QUESTIONS))
                .orElse(List.of());
    }

    /** Replaces the questions of the unfrozen version. */
    void saveQuestions(SurveyView survey, List<Question> questions) {
        if (survey.versionFrozen() || survey.status() != SurveyStatus.REVIEW) {
            throw new RuleViolation("survey.frozen");
        }
        jdbc.sql("UPDATE survey_version SET questions = CAST(? AS jsonb) WHERE survey_id = ? AND number = ?")
                .params(json.writeValueAsString(renumber(questions)), survey.id(), survey.versionNumber())
                .update();
    }

    static List<Question> renumber(List<Question> questions) {
        return IntStream.range(0, questions.size())
                .mapToObj(i -> questions.get(i).numbered(i + 1))
                .toList();
    }
}
