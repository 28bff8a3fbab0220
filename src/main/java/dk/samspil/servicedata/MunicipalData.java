package dk.samspil.servicedata;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.PracticeView;
import dk.samspil.ordering.OrderProgress;
import dk.samspil.ordering.OrderViews.MunicipalityRef;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.platform.BundleTexts;
import dk.samspil.servicedata.OrderFigures.Line;
import dk.samspil.servicedata.RegisterRows.Kind;
import dk.samspil.servicedata.RegisterRows.Offer;
import dk.samspil.servicedata.RegisterRows.Problem;
import dk.samspil.servicedata.RegisterRows.ReferralRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a municipality delivers for an order's meeting: referral counts per practice of the cluster and offer (a file,
 * all or nothing, replacing the municipality's earlier upload for the order), or the dose-dispensing figures of seed
 * 001 (a form). Figures leave this class only through the {@link DisclosurePolicy}.
 */
@Service
public class MunicipalData {

    private static final BundleTexts TEXTS = BundleTexts.of("i18n/servicedata");

    /** At most this many rows in a referral file: a cluster has tens of practices, two offers each. */
    static final int MAX_ROWS = 5_000;

    /** @param problems the first problems by line, {@code problemCount} all of them */
    public record ReferralResult(
            boolean stored, int rows, List<Problem> problems, long problemCount, int added, int changed, int removed) {}

    /** One municipality's referrals to one offer, per practice (by letter) and for the cluster. */
    public record Referrals(
            String municipality, Offer offer, String period, List<Line> practices, Line cluster, int threshold) {

        public double maxRate() {
            List<Line> all = new ArrayList<>(practices);
            all.add(cluster);
            return OrderFigures.maxShownRate(all);
        }
    }

    /** The upload a municipality made for an order. */
    public record Upload(
            String municipalityCode,
            String period,
            String fileName,
            int rows,
            String uploadedBy,
            OffsetDateTime uploadedAt) {}

    /** The dose-dispensing figures as entered (for the form); null fields were left empty. */
    public record Dosis(
            String municipalityCode,
            Integer citizensNursing,
            Integer citizensHomeCare,
            Integer citizensCareHome,
            BigDecimal staffHoursWeek,
            String contact,
            int version,
            String updatedBy,
            OffsetDateTime updatedAt) {}

    /** The dose-dispensing figures as they may be shown to the cluster. */
    public record DosisFigures(
            String municipality,
            Figure nursing,
            Figure homeCare,
            Figure careHome,
            Figure total,
            BigDecimal staffHoursWeek,
            String contact,
            int threshold) {}

    /** A figure as it is printed: the number, "<5", "x" or "–" (not given). */
    public record Figure(String text, boolean visible) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Directory directory;
    private final OrderFigures figures;
    private final DisclosurePolicy policy;
    private final OrderProgress progress;

    MunicipalData(
            JdbcClient jdbc,
            Catalog catalog,
            Directory directory,
            OrderFigures figures,
            DisclosurePolicy policy,
            OrderProgress progress) {
        this.progress = progress;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.figures = figures;
        this.policy = policy;
    }

    /** What the order's package asks of its municipalities. */
    public PackageDefinition.MunicipalData kind(OrderView order) {
        return catalog.find(order.packageSlug(), order.packageVersion())
                .map(PackageDefinition::municipalData)
                .orElse(PackageDefinition.MunicipalData.NONE);
    }

    /**
     * Reads a referral file and, when every row is good, replaces the municipality's referrals for the order in one
     * transaction. Every bad row is reported; nothing is stored when any row is bad.
     */
    @Transactional
    public ReferralResult uploadReferrals(
            OrderView order, String municipalityCode, String period, Path file, String fileName, String by)
            throws IOException {
        Problems problems = new Problems();
        List<ReferralRow> rows = readReferrals(order, file, problems);
        if (!problems.isEmpty()) {
            return new ReferralResult(false, rows.size(), problems.listed(), problems.count(), 0, 0, 0);
        }
        Map<String, Long> before = referralCounts(order, municipalityCode);
        int added = 0;
        int changed = 0;
        for (ReferralRow row : rows) {
            Long old = before.remove(row.ydernummer() + row.offer());
            if (old == null) {
                added++;
            } else if (old != row.count()) {
                changed++;
            }
        }
        replaceReferrals(order, municipalityCode, rows);
        recordUpload(order, municipalityCode, period, fileName, rows.size(), by);
        progress.municipalDataDelivered(order.id(), by);
        return new ReferralResult(true, rows.size(), List.of(), 0, added, changed, before.size());
    }

    /** The file's good rows; every bad row is a problem, and so are too many rows and none. */
    private List<ReferralRow> readReferrals(OrderView order, Path file, Problems problems) throws IOException {
        Set<String> cluster = new HashSet<>(directory.practices(order.clusterId()).stream()
                .map(PracticeView::ydernummer)
                .toList());
        List<ReferralRow> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        RegisterRows.read(
                file,
                Kind.REFERRALS,
                (line, cells, header) -> {
                    if (rows.size() + problems.count() > MAX_ROWS) {
                        return;
                    }
                    RegisterRows.referral(line, cells, header, problems).ifPresent(row -> {
                        Integer first = firstLine.putIfAbsent(row.ydernummer() + row.offer(), line);
                        Problem problem = clusterProblem(line, row, first, cluster);
                        if (problem != null) {
                            problems.add(problem);
                        } else {
                            rows.add(row);
                        }
                    });
                },
                problems);
        if (rows.size() + problems.count() > MAX_ROWS) {
            problems.add(new Problem(0, "", "servicedata.referral.tooMany", String.valueOf(MAX_ROWS)));
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new Problem(0, "", "servicedata.file.noRows", null));
        }
        return rows;
    }

    /**
     * A good row's problem in the cluster: its practice and offer already on line {@code first}, or a practice not in
     * the cluster; null when none.
     */
    private static Problem clusterProblem(int line, ReferralRow row, Integer first, Set<String> cluster) {
        if (first != null) {
            return new Problem(line, "Ydernummer", "servicedata.row.duplicateReferral", String.valueOf(first));
        }
        if (!cluster.contains(row.ydernummer())) {
            return new Problem(line, "Ydernummer", "servicedata.referral.notInCluster", row.ydernummer());
        }
        return null;
    }

    /** The municipality's stored referral counts for the order, by ydernummer and offer. */
    private Map<String, Long> referralCounts(OrderView order, String municipalityCode) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT ydernummer, offer, count FROM municipal_referral WHERE order_id = ? AND municipality_code = ?")
                .params(order.id(), municipalityCode)
                .query((rs, n) -> counts.put(rs.getString(1) + rs.getString(2), rs.getLong(3)))
                .list();
        return counts;
    }

    private void replaceReferrals(OrderView order, String municipalityCode, List<ReferralRow> rows) {
        jdbc.sql("DELETE FROM municipal_referral WHERE order_id = ? AND municipality_code = ?")
                .params(order.id(), municipalityCode)
                .update();
        for (ReferralRow row : rows) {
            jdbc.sql(
                            "INSERT INTO municipal_referral (order_id, municipality_code, ydernummer, offer, count) VALUES (?, ?, ?, ?, ?)")
                    .params(
                            order.id(),
                            municipalityCode,
                            row.ydernummer(),
                            row.offer().name(),
                            row.count())
                    .update();
        }
    }

    private void recordUpload(
            OrderView order, String municipalityCode, String period, String fileName, int rows, String by) {
        jdbc.sql("""
                        INSERT INTO municipal_referral_upload (order_id, municipality_code, period, file_name, rows, uploaded_by)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (order_id, municipality_code) DO UPDATE SET period = excluded.period,
                            file_name = excluded.file_name, rows = excluded.rows, uploaded_by = excluded.uploaded_by,
                            uploaded_at = now()""")
                .params(order.id(), municipalityCode, period, fileName, rows, by)
                .update();
    }

    /** The municipalities' uploads for the order. */
    public List<Upload> uploads(OrderView order) {
        return jdbc.sql("""
                        SELECT municipality_code, period, file_name, rows, uploaded_by, uploaded_at
                        FROM municipal_referral_upload WHERE order_id = ? ORDER BY municipality_code""")
                .param(order.id())
                .query((rs, n) -> new Upload(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /**
     * Referrals per municipality and offer, per practice under its letter and for the cluster, per 1,000 listed; per
     * letter only the rate (the municipality knows its referral counts per ydernummer: a count per letter names it).
     */
    @Transactional
    public List<Referrals> referrals(OrderView order) {
        return referrals(order, false);
    }

    /** As {@link #referrals(OrderView)}; with each letter's count and listed patients for the consultant. */
    @Transactional
    public List<Referrals> referrals(OrderView order, boolean withPracticeDetail) {
        List<Upload> uploads = uploads(order);
        if (uploads.isEmpty()) {
            return List.of();
        }
        Map<String, String> letters = figures.letters(order);
        List<String> ordered = OrderFigures.byLetter(letters);
        Map<String, Long> listed = figures.listedPatients(ordered);
        ClusterPractices cluster = new ClusterPractices(
                letters,
                ordered,
                listed,
                directory.cluster(order.clusterId()).orElseThrow().name());
        List<Referrals> result = new ArrayList<>();
        for (Upload upload : uploads) {
            Map<String, Long> counts = referralCounts(order, upload.municipalityCode());
            for (Offer offer : Offer.values()) {
                if (counts.keySet().stream().anyMatch(k -> k.endsWith(offer.name()))) {
                    result.add(offerReferrals(order, upload, offer, counts, cluster, withPracticeDetail));
                }
            }
        }
        return result;
    }

    /** The cluster's practices in letter order, with their listed patients: the lines of each offer's referrals. */
    private record ClusterPractices(
            Map<String, String> letters, List<String> ordered, Map<String, Long> listed, String clusterName) {}

    /** One upload's referrals to one offer, per practice and for the cluster, through the policy. */
    private Referrals offerReferrals(
            OrderView order,
            Upload upload,
            Offer offer,
            Map<String, Long> counts,
            ClusterPractices cluster,
            boolean withPracticeDetail) {
        List<String> ordered = cluster.ordered();
        List<Long> parts = ordered.stream()
                .map(y -> counts.getOrDefault(y + offer.name(), 0L))
                .toList();
        DisclosurePolicy.Table table = policy.withTotal(parts);
        List<Line> lines = new ArrayList<>();
        long clusterListed = 0;
        for (int i = 0; i < ordered.size(); i++) {
            long patients = cluster.listed().getOrDefault(ordered.get(i), 0L);
            clusterListed += patients;
            lines.add(new Line(
                    TEXTS.text("servicedata.practice.letter", cluster.letters().get(ordered.get(i))),
                    table.parts().get(i),
                    patients,
                    OrderFigures.rate(parts.get(i), patients)));
        }
        Line total = new Line(
                cluster.clusterName(),
                table.total(),
                clusterListed,
                OrderFigures.rate(table.total().value(), clusterListed));
        return new Referrals(
                name(order, upload.municipalityCode()),
                offer,
                upload.period(),
                withPracticeDetail ? lines : OrderFigures.withoutPracticeDetail(lines),
                total,
                policy.threshold());
    }

    /** The dose-dispensing figures the municipality entered for the order, if any. */
    public Optional<Dosis> dosis(OrderView order, String municipalityCode) {
        return jdbc.sql("""
                        SELECT municipality_code, citizens_nursing, citizens_home_care, citizens_care_home, staff_hours_week,
                               contact, version, updated_by, updated_at
                        FROM municipal_dosis WHERE order_id = ? AND municipality_code = ?""")
                .params(order.id(), municipalityCode)
                .query((rs, n) -> new Dosis(
                        rs.getString(1),
                        (Integer) rs.getObject(2),
                        (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class)))
                .optional();
    }

    /**
     * Saves the figures if nobody saved others since {@code version} was read (0: none existed).
     *
     * @return false when someone else saved in between: nothing is changed
     */
    @Transactional
    public boolean saveDosis(
            OrderView order,
            String municipalityCode,
            Integer nursing,
            Integer homeCare,
            Integer careHome,
            BigDecimal hours,
            String contact,
            int version,
            String by) {
        boolean saved = version == 0
                ? insertDosis(order, municipalityCode, nursing, homeCare, careHome, hours, contact, by)
                : jdbc.sql("""
                        UPDATE municipal_dosis SET citizens_nursing = ?, citizens_home_care = ?, citizens_care_home = ?,
                            staff_hours_week = ?, contact = ?, updated_by = ?, updated_at = now(), version = version + 1
                        WHERE order_id = ? AND municipality_code = ? AND version = ?""")
                                .params(
                                        nursing,
                                        homeCare,
                                        careHome,
                                        hours,
                                        contact,
                                        by,
                                        order.id(),
                                        municipalityCode,
                                        version)
                                .update()
                        == 1;
        if (saved) {
            progress.municipalDataDelivered(order.id(), by);
        }
        return saved;
    }

    private boolean insertDosis(
            OrderView order,
            String municipalityCode,
            Integer nursing,
            Integer homeCare,
            Integer careHome,
            BigDecimal hours,
            String contact,
            String by) {
        return jdbc.sql("""
                        INSERT INTO municipal_dosis (order_id, municipality_code, citizens_nursing, citizens_home_care,
                            citizens_care_home, staff_hours_week, contact, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(order.id(), municipalityCode, nursing, homeCare, careHome, hours, contact, by)
                        .update()
                == 1;
    }

    /** Each municipality's dose-dispensing figures as they may be shown: citizen counts through the policy. */
    public List<DosisFigures> dosisFigures(OrderView order) {
        List<DosisFigures> result = new ArrayList<>();
        for (MunicipalityRef municipality : order.municipalities()) {
            dosis(order, municipality.code()).ifPresent(d -> {
                List<Long> parts = new ArrayList<>();
                for (Integer value : new Integer[] {d.citizensNursing(), d.citizensHomeCare(), d.citizensCareHome()}) {
                    parts.add(value == null ? 0L : value.longValue());
                }
                DisclosurePolicy.Table table = policy.withTotal(parts);
                result.add(new DosisFigures(
                        municipality.name(),
                        shown(table.parts().get(0), d.citizensNursing()),
                        shown(table.parts().get(1), d.citizensHomeCare()),
                        shown(table.parts().get(2), d.citizensCareHome()),
                        shown(table.total(), 1),
                        d.staffHoursWeek(),
                        d.contact(),
                        policy.threshold()));
            });
        }
        return result;
    }

    private Figure shown(DisclosurePolicy.Shown value, Integer entered) {
        if (entered == null) {
            return new Figure("–", false);
        }
        return new Figure(value.text(policy.threshold()), value.visible());
    }

    private static String name(OrderView order, String code) {
        return order.municipalities().stream()
                .filter(m -> m.code().equals(code))
                .map(MunicipalityRef::name)
                .findFirst()
                .orElse(code);
    }
}
