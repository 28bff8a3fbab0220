package dk.samspil.meeting;

import dk.samspil.ordering.OrderViews.MunicipalityRef;
import dk.samspil.ordering.OrderViews.OrderLine;
import dk.samspil.ordering.Orders;
import dk.samspil.ordering.Party;
import dk.samspil.security.SamspilPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * All agreements a user may see, across meetings: those of every order the user sees (by the rules of
 * {@link Orders#visibleTo}), filtered by status, cluster, municipality and whether they are overdue.
 */
@Service
class AgreementOverview {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    /** What to show; a null (or blank) part does not filter. */
    record Filter(AgreementStatus status, Long clusterId, String municipalityCode, boolean overdueOnly) {

        static Filter of(String status, Long clusterId, String municipalityCode, Boolean overdueOnly) {
            AgreementStatus parsed = null;
            for (AgreementStatus s : AgreementStatus.values()) {
                if (s.name().equals(status)) {
                    parsed = s;
                }
            }
            return new Filter(
                    parsed,
                    clusterId,
                    municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode.strip(),
                    Boolean.TRUE.equals(overdueOnly));
        }
    }

    /** One agreement with the meeting it was made at. */
    record Line(
            long id,
            long orderId,
            String what,
            String ownerPerson,
            Party ownerParty,
            LocalDate due,
            AgreementStatus status,
            boolean overdue,
            String packageTitle,
            LocalDate meetingDate,
            String clusterName,
            String municipalityNames) {}

    record Choice(String value, String label) {}

    /** The lines, and the clusters and municipalities the user may filter by (those of the orders they see). */
    record Result(List<Line> lines, List<Choice> clusters, List<Choice> municipalities, LocalDate today) {}

    /** An agreement as stored, with the order whose meeting made it. */
    record Row(
            long id,
            long orderId,
            String what,
            String ownerPerson,
            Party ownerParty,
            LocalDate due,
            AgreementStatus status) {}

    private final Orders orders;
    private final JdbcClient jdbc;
    private final Clock clock;

    AgreementOverview(Orders orders, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(COPENHAGEN));
    }

    Result of(SamspilPrincipal user, Filter filter) {
        LocalDate today = today();
        List<OrderLine> visible = orders.visibleTo(user, today);
        Map<String, String> clusters = new TreeMap<>();
        Map<String, String> municipalities = new TreeMap<>();
        visible.forEach(o -> {
            clusters.put(o.clusterName(), String.valueOf(o.clusterId()));
            o.municipalities().forEach(m -> municipalities.put(m.name(), m.code()));
        });
        List<OrderLine> chosen = visible.stream()
                .filter(o -> filter.clusterId() == null || o.clusterId() == filter.clusterId())
                .filter(o -> filter.municipalityCode() == null
                        || o.municipalities().stream()
                                .map(MunicipalityRef::code)
                                .anyMatch(filter.municipalityCode()::equals))
                .toList();
        Map<Long, OrderLine> byId = chosen.stream().collect(Collectors.toMap(OrderLine::id, Function.identity()));
        List<Line> lines = rows(byId.keySet()).stream()
                .map(r -> line(r, byId.get(r.orderId()), today))
                .filter(l -> filter.status() == null || l.status() == filter.status())
                .filter(l -> !filter.overdueOnly() || l.overdue())
                .sorted(Comparator.comparing(Line::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Line::meetingDate)
                        .thenComparing(Line::id))
                .toList();
        return new Result(lines, choices(clusters), choices(municipalities), today);
    }

    /** Overdue: past its date and neither done nor abandoned. */
    static boolean overdue(LocalDate due, AgreementStatus status, LocalDate today) {
        return due != null
                && due.isBefore(today)
                && (status == AgreementStatus.AGREED || status == AgreementStatus.IN_PROGRESS);
    }

    /** The agreements of these orders' meetings. */
    List<Row> rows(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT a.id, m.order_id, a.what, a.owner_person, a.owner_party, a.due_date, a.status
                        FROM meeting_agreement a JOIN meeting m ON m.id = a.meeting_id
                        WHERE m.order_id = ANY(?) ORDER BY a.id""")
                .param(orderIds.toArray(Long[]::new))
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("order_id"),
                        rs.getString("what"),
                        rs.getString("owner_person"),
                        rs.getString("owner_party") == null ? null : Party.valueOf(rs.getString("owner_party")),
                        rs.getObject("due_date", LocalDate.class),
                        AgreementStatus.valueOf(rs.getString("status"))))
                .list();
    }

    private static Line line(Row r, OrderLine order, LocalDate today) {
        return new Line(
                r.id(),
                r.orderId(),
                r.what(),
                r.ownerPerson(),
                r.ownerParty(),
                r.due(),
                r.status(),
                overdue(r.due(), r.status(), today),
                order.packageTitle(),
                order.meetingDate(),
                order.clusterName(),
                order.municipalityNames());
    }

    private static List<Choice> choices(Map<String, String> byLabel) {
        return byLabel.entrySet().stream()
                .map(e -> new Choice(e.getValue(), e.getKey()))
                .toList();
    }
}
