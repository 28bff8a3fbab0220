package dk.samspil.pko;

import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.servicedata.DisclosurePolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipal consultant's review ("eftersyn") of the correspondence with home care (seed 003), by the handbook's
 * three questions — "Hvad der skrives om", "Hvem der skriver", "Hvor hurtigt det forventes at der reageres" — from the
 * counts the municipality delivers per month: categories and counts only, never a CPR number or a message's text.
 * What is shown passes through the disclosure policy: a count under its threshold is "&lt;5", and a month's parts are
 * shown with the month's total only where no hidden count can be worked out.
 */
@Service
class KmReviews {

    /** What is written about: the handbook's nine uses of a KM, its four non-uses, and anything else. */
    enum Topic {
        PATIENT_INFO,
        TREATMENT,
        HOME_VISIT,
        REFERRAL,
        GP_QUESTION,
        PHARMACY,
        JOB_CENTRE,
        CERTIFICATE,
        SHORT_MESSAGE,
        ACUTE,
        GENERAL,
        CARE_HOME_STATUS,
        JOB_CENTRE_HEALTH,
        OTHER;

        /** The handbook's four: "Korrespondancemeddelelsen anvendes f.eks. ikke til". */
        boolean notForKm() {
            return EnumSet.of(ACUTE, GENERAL, CARE_HOME_STATUS, JOB_CENTRE_HEALTH)
                    .contains(this);
        }
    }

    /** Who writes. */
    enum Sender {
        GP,
        GP_STAFF,
        HOME_CARE,
        HOME_NURSING,
        OTHER;

        boolean generalPractice() {
            return this == GP || this == GP_STAFF;
        }
    }

    /** How fast an answer is expected. */
    enum Response {
        /** "almindelige korrespondancer (ikke haste) med svartid på op til 3 dage": the ones with a fee. */
        ORDINARY,
        URGENT,
        NONE
    }

    record Review(
            long id,
            String regionCode,
            String municipalityCode,
            String name,
            String uploadedFile,
            OffsetDateTime uploadedAt) {}

    record Count(YearMonth month, Topic topic, Sender sender, Response response, int count) {}

    /** One of the three questions as a table: a row per category, a column per month, the month's total under it. */
    record QuestionTable(String question, List<String> months, List<TableRow> rows, List<String> totals) {}

    record TableRow(String label, boolean notForKm, List<String> cells) {}

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", DANISH);

    private final JdbcClient jdbc;
    private final PkoPeople people;
    private final PkoRegisters registers;
    private final DisclosurePolicy policy;
    private final MessageSource messages;

    KmReviews(
            JdbcClient jdbc,
            PkoPeople people,
            PkoRegisters registers,
            DisclosurePolicy policy,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.people = people;
        this.registers = registers;
        this.policy = policy;
        this.messages = messages;
    }

    @Transactional
    long create(String regionCode, String municipalityCode, String name, String by) {
        return jdbc.sql("""
                        INSERT INTO pko_km_review (region_code, municipality_code, name, created_by)
                        VALUES (?, ?, ?, ?) RETURNING id""")
                .params(regionCode, municipalityCode, name, by)
                .query(Long.class)
                .single();
    }

    Optional<Review> find(long id) {
        return jdbc.sql("SELECT * FROM pko_km_review WHERE id = ?")
                .param(id)
                .query(KmReviews::review)
                .optional();
    }

    /** The reviews the viewer keeps, newest first. */
    List<Review> visible(Viewer viewer) {
        return jdbc.sql("""
                        SELECT * FROM pko_km_review WHERE CAST(? AS TEXT) IS NULL OR region_code = ?
                        ORDER BY created_at DESC, id DESC""").params(viewer.region(), viewer.region()).query(KmReviews::review).list().stream()
                .filter(r -> mayWrite(viewer, r))
                .toList();
    }

    /** The region's editors, and a consultant attached to the review's municipality. */
    boolean mayWrite(Viewer viewer, Review r) {
        if (!viewer.inRegion(r.regionCode())) {
            return false;
        }
        return viewer.editsRegion()
                || (viewer.person() != null
                        && viewer.person().isConsultant()
                        && people.ownMunicipalities(viewer.person().id()).contains(r.municipalityCode()));
    }

    List<Count> counts(long reviewId) {
        return jdbc.sql("""
                        SELECT period_month, topic, sender, response, count FROM pko_km_count WHERE review_id = ?
                        ORDER BY period_month, topic, sender, response""")
                .param(reviewId)
                .query((rs, n) -> new Count(
                        YearMonth.from(rs.getObject(1, LocalDate.class)),
                        Topic.valueOf(rs.getString(2)),
                        Sender.valueOf(rs.getString(3)),
                        Response.valueOf(rs.getString(4)),
                        rs.getInt(5)))
                .list();
    }

    /** Replaces every count of the review with the file's (all or nothing: the caller checked every row first). */
    @Transactional
    void replace(long reviewId, List<Count> counts, String fileName, String by) {
        jdbc.sql("SELECT id FROM pko_km_review WHERE id = ? FOR UPDATE")
                .param(reviewId)
                .query(Long.class)
                .single();
        jdbc.sql("DELETE FROM pko_km_count WHERE review_id = ?").param(reviewId).update();
        for (Count c : counts) {
            insert(reviewId, c);
        }
        jdbc.sql("""
                        UPDATE pko_km_review SET uploaded_file = ?, uploaded_by = ?, uploaded_at = now() WHERE id = ?""").params(fileName, by, reviewId).update();
    }

    /** Writes one count from the form; the month's count of those categories is replaced. */
    @Transactional
    void put(long reviewId, Count c) {
        jdbc.sql("""
                        DELETE FROM pko_km_count
                        WHERE review_id = ? AND period_month = ? AND topic = ? AND sender = ? AND response = ?""")
                .params(
                        reviewId,
                        c.month().atDay(1),
                        c.topic().name(),
                        c.sender().name(),
                        c.response().name())
                .update();
        insert(reviewId, c);
    }

    private void insert(long reviewId, Count c) {
        jdbc.sql("""
                        INSERT INTO pko_km_count (review_id, period_month, topic, sender, response, count)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        reviewId,
                        c.month().atDay(1),
                        c.topic().name(),
                        c.sender().name(),
                        c.response().name(),
                        c.count())
                .update();
    }

    // --- the three questions, as shown ---

    /** The three questions' tables, each count as the disclosure policy lets it be shown. */
    List<QuestionTable> tables(List<Count> counts) {
        return List.of(
                table(counts, "pko.km.question.topic", Count::topic, t -> "pko.km.topic." + t.name(), Topic::notForKm),
                table(counts, "pko.km.question.sender", Count::sender, s -> "pko.km.sender." + s.name(), s -> false),
                table(
                        counts,
                        "pko.km.question.response",
                        Count::response,
                        r -> "pko.km.response." + r.name(),
                        r -> false));
    }

    /** Per month: the ordinary messages from general practice, those the fee is negotiated for; "&lt;5" when few. */
    List<String> withFee(List<Count> counts) {
        List<String> cells = new ArrayList<>();
        for (YearMonth month : months(counts)) {
            long fee = counts.stream()
                    .filter(c -> c.month().equals(month)
                            && c.sender().generalPractice()
                            && c.response() == Response.ORDINARY)
                    .mapToLong(Count::count)
                    .sum();
            cells.add(policy.count(fee).text(policy.threshold()));
        }
        return cells;
    }

    List<String> monthLabels(List<Count> counts) {
        return months(counts).stream().map(m -> m.format(MONTH)).toList();
    }

    private <E extends Enum<E>> QuestionTable table(
            List<Count> counts,
            String question,
            Function<Count, E> category,
            Function<E, String> labelKey,
            java.util.function.Predicate<E> notForKm) {
        List<YearMonth> months = months(counts);
        TreeSet<E> categories = new TreeSet<>();
        counts.forEach(c -> categories.add(category.apply(c)));
        List<E> rows = new ArrayList<>(categories);
        List<List<String>> cells = new ArrayList<>();
        rows.forEach(r -> cells.add(new ArrayList<>()));
        List<String> totals = new ArrayList<>();
        for (YearMonth month : months) {
            Map<E, Long> sums = new TreeMap<>();
            rows.forEach(r -> sums.put(r, 0L));
            counts.stream()
                    .filter(c -> c.month().equals(month))
                    .forEach(c -> sums.merge(category.apply(c), (long) c.count(), Long::sum));
            DisclosurePolicy.Table shown = policy.withTotal(new ArrayList<>(sums.values()));
            for (int i = 0; i < rows.size(); i++) {
                cells.get(i).add(shown.parts().get(i).text(policy.threshold()));
            }
            totals.add(shown.total().text(policy.threshold()));
        }
        List<TableRow> tableRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            tableRows.add(new TableRow(text(labelKey.apply(rows.get(i))), notForKm.test(rows.get(i)), cells.get(i)));
        }
        return new QuestionTable(
                text(question), months.stream().map(m -> m.format(MONTH)).toList(), tableRows, totals);
    }

    private static List<YearMonth> months(List<Count> counts) {
        return new ArrayList<>(new TreeSet<>(counts.stream().map(Count::month).toList()));
    }

    String title(Review r) {
        return messages.getMessage("pko.km.review.titleOf", new Object[] {r.name(), municipalityName(r)}, DANISH);
    }

    String municipalityName(Review r) {
        return registers.municipalities(r.regionCode()).stream()
                .filter(m -> m.code().equals(r.municipalityCode()))
                .map(m -> m.name())
                .findFirst()
                .orElse(r.municipalityCode());
    }

    private String text(String key) {
        return messages.getMessage(key, null, DANISH);
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        return new Review(
                rs.getLong("id"),
                rs.getString("region_code"),
                rs.getString("municipality_code"),
                rs.getString("name"),
                rs.getString("uploaded_file"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
    }
}
