package dk.samspil.ordering;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.Catalog.PackageVersion;
import dk.samspil.directory.Directory;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The cluster meetings of the package orders on a day, for whoever plans another meeting with the same people and
 * wants no clash ("at der ikke er mødesammenfald", seed 003): the meetings of the municipalities' clusters, and the
 * meetings the municipalities take part in. Cancelled orders hold no meeting.
 */
@Service
public class ClusterMeetings {

    /** A cluster's meeting: which cluster, which package, when and where. */
    public record ClusterMeeting(
            long orderId, String clusterName, String packageTitle, LocalDate date, LocalTime start, String venue) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Catalog catalog;

    ClusterMeetings(JdbcClient jdbc, Directory directory, Catalog catalog) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.catalog = catalog;
    }

    /** The meetings on the day of the clusters of these municipalities, or with them taking part, by start. */
    public List<ClusterMeeting> on(LocalDate day, Collection<String> municipalityCodes) {
        if (municipalityCodes.isEmpty()) {
            return List.of();
        }
        record Row(
                long id,
                long clusterId,
                String slug,
                int version,
                LocalDate date,
                LocalTime start,
                String venue,
                List<String> municipalities) {}
        // The day's meetings are few: read them all, then keep those of the municipalities (a cluster's municipality
        // is the directory's to tell).
        List<Row> all = jdbc.sql("""
                        SELECT o.id, o.cluster_id, o.package_slug, o.package_version, o.meeting_date, o.start_time,
                               o.venue, coalesce((SELECT array_agg(m.municipality_code::text) FROM order_municipality m
                                                  WHERE m.order_id = o.id), '{}') AS municipalities
                        FROM package_order o
                        WHERE o.meeting_date = ? AND o.status <> 'CANCELLED'
                        ORDER BY o.start_time, o.id""")
                .param(day)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalTime.class),
                        rs.getString(7),
                        List.of((String[]) rs.getArray(8).getArray())))
                .list();
        Map<Long, String> clusterMunicipality = new HashMap<>();
        List<Row> rows = all.stream()
                .filter(r -> r.municipalities().stream().anyMatch(municipalityCodes::contains)
                        || municipalityCodes.contains(clusterMunicipality.computeIfAbsent(
                                r.clusterId(),
                                id -> directory
                                        .cluster(id)
                                        .map(c -> c.municipalityCode())
                                        .orElse(""))))
                .toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, String> clusters =
                directory.clusterNames(rows.stream().map(Row::clusterId).toList());
        Map<PackageVersion, String> titles = catalog.titles();
        return rows.stream()
                .map(r -> new ClusterMeeting(
                        r.id(),
                        clusters.getOrDefault(r.clusterId(), ""),
                        titles.getOrDefault(new PackageVersion(r.slug(), r.version()), r.slug()),
                        r.date(),
                        r.start(),
                        r.venue()))
                .toList();
    }
}
