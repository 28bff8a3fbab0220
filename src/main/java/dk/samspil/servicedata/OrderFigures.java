package dk.samspil.servicedata;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.ServiceCode;
import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.ClusterView;
import dk.samspil.directory.Views.PracticeView;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.platform.BundleTexts;
import dk.samspil.servicedata.DisclosurePolicy.Shown;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service figures of an order: for the package's service code over the last 12 months with data, each practice
 * of the cluster under its letter, the cluster, the region and the country, as counts and per 1,000 listed
 * patients — all through the {@link DisclosurePolicy}. The letters are fixed per order on first use.
 */
@Service
public class OrderFigures {

    private static final BundleTexts TEXTS = BundleTexts.of("i18n/servicedata");

    /**
     * One line of the figures: a count and its rate per 1,000 listed patients, as they may be shown.
     *
     * @param detailed false for a practice's line as readers without the key see it: its rate (or why it is hidden),
     *     never its count or listed patients — with the listed patients per named practice on the cluster page, either
     *     (or count and rate together) tells which letter is which practice
     */
    public record Line(String label, Shown count, long listedPatients, Double ratePer1000, boolean detailed) {

        public Line(String label, Shown count, long listedPatients, Double ratePer1000) {
            this(label, count, listedPatients, ratePer1000, true);
        }

        /** The rate, or null when the count is hidden (a rate would give it back). */
        public Double shownRate() {
            return count.visible() ? ratePer1000 : null;
        }

        /** This practice's line without its count and listed patients (whether and why a count is hidden stays). */
        Line withoutPracticeDetail() {
            return new Line(label, new Shown(0, count.hidden()), 0, ratePer1000, false);
        }

        /**
         * A practice's line of a count of patients (seed 001's figure): the count stays, as nobody sees it per named
         * practice elsewhere, but not its listed patients or rate (count and rate together give the listed patients).
         */
        Line onlyCount() {
            return new Line(label, count, 0, null, false);
        }
    }

    /** The practices' lines as readers without the key may see them. */
    static List<Line> withoutPracticeDetail(List<Line> practices) {
        return practices.stream().map(Line::withoutPracticeDetail).toList();
    }

    /**
     * @param practices the cluster's practices by letter
     * @param from first month of the period, {@code to} the last
     */
    public record Figures(
            ServiceCode service,
            LocalDate from,
            LocalDate to,
            List<Line> practices,
            Line cluster,
            Line region,
            Line country,
            int threshold) {

        public double maxRate() {
            List<Line> all = new ArrayList<>(practices);
            all.add(cluster);
            all.add(region);
            all.add(country);
            return maxShownRate(all);
        }

        Figures withoutPracticeDetail() {
            List<Line> shown = service.measure() == PackageDefinition.Measure.PATIENTS
                    ? practices.stream().map(Line::onlyCount).toList()
                    : OrderFigures.withoutPracticeDetail(practices);
            return new Figures(service, from, to, shown, cluster, region, country, threshold);
        }
    }

    /** The largest rate that may be shown among the lines (0 when none): the scale of a chart. */
    static double maxShownRate(List<Line> lines) {
        return lines.stream()
                .map(Line::shownRate)
                .filter(r -> r != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    /** The consultant's key from letter to practice. */
    public record Pseudonym(String letter, String ydernummer, String practiceName) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Directory directory;
    private final DisclosurePolicy policy;

    OrderFigures(JdbcClient jdbc, Catalog catalog, Directory directory, DisclosurePolicy policy) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.policy = policy;
    }

    /**
     * The figures for each service code of the order's package that has data, as everyone who sees the order may
     * see them (pages, deck): per practice letter only the rate.
     */
    @Transactional
    public List<Figures> forOrder(OrderView order) {
        return forOrder(order, null);
    }

    /**
     * The figures of the 12 months with data before {@code until} (null: the latest data) — for "then" in a
     * follow-up, the months before the first meeting. Per practice letter only the rate.
     */
    @Transactional
    public List<Figures> forOrder(OrderView order, LocalDate until) {
        return detailed(order, until).stream()
                .map(Figures::withoutPracticeDetail)
                .toList();
    }

    /** The figures with each letter's count and listed patients: for the consultant, who holds the key anyway. */
    @Transactional
    public List<Figures> withPracticeDetail(OrderView order) {
        return detailed(order, null);
    }

    private List<Figures> detailed(OrderView order, LocalDate until) {
        List<ServiceCode> codes = catalog.find(order.packageSlug(), order.packageVersion())
                .map(p -> p.serviceCodes())
                .orElse(List.of());
        ClusterView cluster = directory.cluster(order.clusterId()).orElseThrow();
        Map<String, String> letters = letters(order);
        List<Figures> figures = new ArrayList<>();
        for (ServiceCode code : codes) {
            figures(code, cluster, letters, until).ifPresent(figures::add);
        }
        return figures;
    }

    /** Whether the order's package shows service data (and so its practices get letters). */
    public boolean usesServiceData(OrderView order) {
        return catalog.find(order.packageSlug(), order.packageVersion())
                .map(p -> !p.serviceCodes().isEmpty())
                .orElse(false);
    }

    /** The letters of the order's practices, fixed in random order the first time. */
    @Transactional
    public Map<String, String> letters(OrderView order) {
        List<PracticeView> practices = new ArrayList<>(directory.practices(order.clusterId()));
        Map<String, String> existing = current(order.id());
        if (existing.isEmpty() && order.followsOrderId() != null) {
            // A follow-up keeps the first meeting's letters, so "Praksis C" is the same practice then and now.
            jdbc.sql("""
                            INSERT INTO order_pseudonym (order_id, ydernummer, letter)
                            SELECT ?, ydernummer, letter FROM order_pseudonym WHERE order_id = ?
                            ON CONFLICT DO NOTHING""").params(order.id(), order.followsOrderId()).update();
            existing = current(order.id());
        }
        Map<String, String> letters = existing;
        List<PracticeView> missing = new ArrayList<>(practices.stream()
                .filter(p -> !letters.containsKey(p.ydernummer()))
                .toList());
        if (!missing.isEmpty()) {
            Collections.shuffle(missing);
            int next = letters.size();
            for (PracticeView practice : missing) {
                String letter = letter(next++);
                jdbc.sql(
                                "INSERT INTO order_pseudonym (order_id, ydernummer, letter) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(order.id(), practice.ydernummer(), letter)
                        .update();
            }
            return current(order.id());
        }
        return letters;
    }

    /** The key from letter to practice, for the consultant only. */
    public List<Pseudonym> key(OrderView order) {
        Map<String, String> names = new HashMap<>();
        directory.practices(order.clusterId()).forEach(p -> names.put(p.ydernummer(), p.name()));
        return letters(order).entrySet().stream()
                .map(e -> new Pseudonym(e.getValue(), e.getKey(), names.getOrDefault(e.getKey(), "")))
                .sorted(Comparator.comparing(
                        Pseudonym::letter,
                        Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())))
                .toList();
    }

    private Map<String, String> current(long orderId) {
        Map<String, String> letters = new HashMap<>();
        jdbc.sql("SELECT ydernummer, letter FROM order_pseudonym WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> letters.put(rs.getString(1), rs.getString(2)))
                .list();
        return letters;
    }

    /** A, B, ..., Z, AA, AB, ... */
    static String letter(int index) {
        StringBuilder text = new StringBuilder();
        int n = index;
        do {
            text.insert(0, (char) ('A' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return text.toString();
    }

    private Optional<Figures> figures(
            ServiceCode code, ClusterView cluster, Map<String, String> letters, LocalDate until) {
        Optional<LocalDate> last = jdbc.sql(
                        "SELECT max(period) FROM register_service_month WHERE service_code = ? AND period < ?")
                .params(code.code(), until == null ? LocalDate.of(9999, 1, 1) : until.withDayOfMonth(1))
                .query(LocalDate.class)
                .optional();
        if (last.isEmpty() || last.get() == null) {
            return Optional.empty();
        }
        LocalDate to = last.get();
        // Patients receiving a service are counted per month and do not add up over months: the latest month only.
        LocalDate from = code.countsPatients() ? to : to.minusMonths(11);
        // The imports (partitions of register_service_count) that hold this code in these months: only those are read.
        // An import that commits between the two reads changes the list (ids only grow); then both are read again.
        List<Long> imports = imports(code, from, to);
        String[] regionMunicipalities = directory.municipalityCodesIn(cluster.regionCode());
        Map<String, long[]> perPractice = new HashMap<>();
        for (int attempt = 1; ; attempt++) {
            perPractice.clear();
            // Per practice: services in the period and average listed patients over the months with data.
            jdbc.sql("""
                            SELECT p.ydernummer, coalesce(sum(s.count), 0), avg(p.listed_patients)::bigint,
                                   bool_or(p.municipality_code = ANY (?))
                            FROM register_practice_period p
                                 LEFT JOIN register_service_count s ON s.ydernummer = p.ydernummer::int AND s.period = p.period
                                                                    AND s.service_code = ? AND s.import_id = ANY (CAST(? AS bigint[]))
                            WHERE p.period BETWEEN ? AND ?
                            GROUP BY p.ydernummer""")
                    .params(
                            regionMunicipalities,
                            code.code(),
                            "{" + imports.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}",
                            from,
                            to)
                    .query((rs, n) -> {
                        long inRegion = rs.getBoolean(4) ? 1 : 0;
                        perPractice.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), inRegion});
                        return null;
                    })
                    .list();
            List<Long> after = imports(code, from, to);
            if (after.equals(imports) || attempt == 3) {
                break;
            }
            imports = after;
        }
        List<String> ordered = byLetter(letters);
        List<Long> counts = ordered.stream()
                .map(y -> perPractice.getOrDefault(y, new long[3])[0])
                .toList();
        DisclosurePolicy.Table table = policy.withTotal(counts);
        List<Line> practices = new ArrayList<>();
        long clusterListed = 0;
        for (int i = 0; i < ordered.size(); i++) {
            long[] values = perPractice.getOrDefault(ordered.get(i), new long[3]);
            clusterListed += values[1];
            practices.add(new Line(
                    TEXTS.text("servicedata.practice.letter", letters.get(ordered.get(i))),
                    table.parts().get(i),
                    values[1],
                    rate(values[0], values[1])));
        }
        Line clusterLine = new Line(
                cluster.name(), table.total(), clusterListed, rate(table.total().value(), clusterListed));
        long regionCount = 0, regionListed = 0, countryCount = 0, countryListed = 0;
        for (long[] values : perPractice.values()) {
            countryCount += values[0];
            countryListed += values[1];
            if (values[2] == 1) {
                regionCount += values[0];
                regionListed += values[1];
            }
        }
        Line region = new Line(
                cluster.regionName(), policy.count(regionCount), regionListed, rate(regionCount, regionListed));
        Line country =
                new Line("Hele landet", policy.count(countryCount), countryListed, rate(countryCount, countryListed));
        return Optional.of(new Figures(code, from, to, practices, clusterLine, region, country, policy.threshold()));
    }

    /** The imports (partitions of register_service_count) that hold this code in these months: only those are read. */
    List<Long> imports(ServiceCode code, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        "SELECT DISTINCT import_id FROM register_service_month WHERE service_code = ? AND period BETWEEN ? AND ? ORDER BY 1")
                .params(code.code(), from, to)
                .query(Long.class)
                .list();
    }

    /**
     * The average listed patients of each practice over the last 12 months of the national practice file (the
     * denominator of municipal figures, which have no months of their own); practices without data are left out.
     */
    Map<String, Long> listedPatients(Collection<String> ydernumre) {
        Map<String, Long> listed = new HashMap<>();
        if (ydernumre.isEmpty()) {
            return listed;
        }
        jdbc.sql("""
                        SELECT ydernummer, avg(listed_patients)::bigint FROM register_practice_period
                        WHERE ydernummer = ANY (?)
                          AND period > (SELECT max(period) FROM register_practice_period) - INTERVAL '12 months'
                        GROUP BY ydernummer""")
                .param(ydernumre.toArray(String[]::new))
                .query((rs, n) -> listed.put(rs.getString(1), rs.getLong(2)))
                .list();
        return listed;
    }

    /** The order's practices' ydernumre in letter order (A, B, ..., Z, AA, ...). */
    static List<String> byLetter(Map<String, String> letters) {
        return letters.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(
                        Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())))
                .map(Map.Entry::getKey)
                .toList();
    }

    static Double rate(long count, long listed) {
        return listed <= 0 ? null : Math.round(10_000.0 * count / listed) / 10.0;
    }
}
