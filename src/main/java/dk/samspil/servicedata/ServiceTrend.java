package dk.samspil.servicedata;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition.ServiceCode;
import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.ClusterView;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.servicedata.DisclosurePolicy.Shown;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The months behind an order's service figures, for the trend chart: per month the cluster, the region and the
 * country, each per 1,000 listed patients — never the practices, whose letters must not be tied to monthly counts. A
 * series goes through the {@link DisclosurePolicy} with the period's total as its total (the figures table shows it),
 * so no hidden month can be worked out from the others; where that cannot be made safe the series is hidden.
 */
@Service
class ServiceTrend {

    /** One month of the three series; a null rate is not shown. */
    public record Month(
            LocalDate period,
            Shown cluster,
            Double clusterRate,
            Shown region,
            Double regionRate,
            Shown country,
            Double countryRate) {}

    public record Trend(
            ServiceCode service, String clusterName, String regionName, List<Month> months, int threshold) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Directory directory;
    private final OrderFigures figures;
    private final DisclosurePolicy policy;

    ServiceTrend(JdbcClient jdbc, Catalog catalog, Directory directory, OrderFigures figures, DisclosurePolicy policy) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.figures = figures;
        this.policy = policy;
    }

    /** For each service code of the order's package with data: the last 12 months with data, as the figures use. */
    @Transactional
    public List<Trend> forOrder(OrderView order) {
        List<ServiceCode> codes = catalog.find(order.packageSlug(), order.packageVersion())
                .map(p -> p.serviceCodes())
                .orElse(List.of());
        ClusterView cluster = directory.cluster(order.clusterId()).orElseThrow();
        String[] practices = figures.letters(order).keySet().toArray(String[]::new);
        List<Trend> trends = new ArrayList<>();
        for (ServiceCode code : codes) {
            trend(code, cluster, practices).ifPresent(trends::add);
        }
        return trends;
    }

    private Optional<Trend> trend(ServiceCode code, ClusterView cluster, String[] practices) {
        String[] region = directory.municipalityCodesIn(cluster.regionCode());
        LocalDate to = jdbc.sql("SELECT max(period) FROM register_service_month WHERE service_code = ?")
                .param(code.code())
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        if (to == null) {
            return Optional.empty();
        }
        LocalDate from = to.minusMonths(11);
        String imports = "{"
                + figures.imports(code, from, to).stream().map(String::valueOf).collect(Collectors.joining(","))
                + "}";
        Map<LocalDate, long[]> byMonth = new HashMap<>();
        jdbc.sql("""
                        SELECT p.period,
                               coalesce(sum(s.count) FILTER (WHERE p.ydernummer = ANY (?)), 0),
                               coalesce(sum(p.listed_patients) FILTER (WHERE p.ydernummer = ANY (?)), 0),
                               coalesce(sum(s.count) FILTER (WHERE p.municipality_code = ANY (?)), 0),
                               coalesce(sum(p.listed_patients) FILTER (WHERE p.municipality_code = ANY (?)), 0),
                               coalesce(sum(s.count), 0), coalesce(sum(p.listed_patients), 0)
                        FROM register_practice_period p
                             LEFT JOIN register_service_count s ON s.ydernummer = p.ydernummer::int AND s.period = p.period
                                                                AND s.service_code = ? AND s.import_id = ANY (CAST(? AS bigint[]))
                        WHERE p.period BETWEEN ? AND ?
                        GROUP BY p.period""")
                .params(practices, practices, region, region, code.code(), imports, from, to)
                .query((rs, n) -> byMonth.put(rs.getObject(1, LocalDate.class), new long[] {
                    rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)
                }))
                .list();
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            periods.add(month);
        }
        List<Shown> clusterShown = series(periods, byMonth, 0);
        List<Shown> regionShown = series(periods, byMonth, 2);
        List<Shown> countryShown = series(periods, byMonth, 4);
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            long[] v = byMonth.getOrDefault(periods.get(i), new long[6]);
            months.add(new Month(
                    periods.get(i),
                    clusterShown.get(i),
                    rate(clusterShown.get(i), v[1]),
                    regionShown.get(i),
                    rate(regionShown.get(i), v[3]),
                    countryShown.get(i),
                    rate(countryShown.get(i), v[5])));
        }
        return Optional.of(new Trend(code, cluster.name(), cluster.regionName(), months, policy.threshold()));
    }

    /** One series' monthly counts as they may be shown beside their total; all hidden if the total would give one back. */
    private List<Shown> series(List<LocalDate> periods, Map<LocalDate, long[]> byMonth, int column) {
        List<Long> counts = periods.stream()
                .map(p -> byMonth.getOrDefault(p, new long[6])[column])
                .toList();
        DisclosurePolicy.Table table = policy.withTotal(counts);
        if (table.total().visible() || table.parts().stream().allMatch(Shown::visible)) {
            return table.parts();
        }
        return counts.stream()
                .map(c -> new Shown(c, DisclosurePolicy.Hidden.SECONDARY))
                .toList();
    }

    private static Double rate(Shown count, long listed) {
        return count.visible() ? OrderFigures.rate(count.value(), listed) : null;
    }
}
