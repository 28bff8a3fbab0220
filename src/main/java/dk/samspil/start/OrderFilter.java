package dk.samspil.start;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The consultant's search, filters and sort order of the orders, as they come from the page's GET form. Unknown or
 * empty values filter nothing; the default order is what needs doing now. Public for the page's expressions.
 */
public record OrderFilter(String q, String status, Long cluster, String municipality, String month, String sort) {

    static final List<String> SORTS = List.of("haster", "moede", "klynge", "fase");

    public OrderFilter {
        q = q == null ? "" : q.strip();
        status = status == null ? "" : status;
        municipality = municipality == null ? "" : municipality;
        month = month == null ? "" : month;
        sort = sort != null && SORTS.contains(sort) ? sort : "haster";
    }

    public boolean active() {
        return !q.isEmpty() || !status.isEmpty() || cluster != null || !municipality.isEmpty() || !month.isEmpty();
    }

    boolean matches(OrderRow row) {
        var line = row.line();
        if (!q.isEmpty()) {
            String needle = q.toLowerCase(Locale.ROOT);
            String haystack = String.join(" ", line.packageTitle(), line.clusterName(),
                    line.municipalityNames() == null ? "" : line.municipalityNames()).toLowerCase(Locale.ROOT);
            if (!haystack.contains(needle)) {
                return false;
            }
        }
        if (!status.isEmpty() && !line.status().name().equals(status)) {
            return false;
        }
        if (cluster != null && line.clusterId() != cluster) {
            return false;
        }
        if (!municipality.isEmpty() && line.municipalities().stream().noneMatch(m -> m.code().equals(municipality))) {
            return false;
        }
        YearMonth wanted = meetingMonth();
        return wanted == null || YearMonth.from(line.meetingDate()).equals(wanted);
    }

    private YearMonth meetingMonth() {
        try {
            return month.isEmpty() ? null : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    Comparator<OrderRow> order() {
        Comparator<OrderRow> meeting = Comparator.comparing(r -> r.line().meetingDate());
        Comparator<OrderRow> byId = Comparator.comparingLong(r -> r.line().id());
        return switch (sort) {
            case "moede" -> meeting.thenComparing(byId);
            case "klynge" -> Comparator.comparing((OrderRow r) -> r.line().clusterName()).thenComparing(meeting).thenComparing(byId);
            case "fase" -> Comparator.comparingInt((OrderRow r) -> OrderRow.phase(r.line().status())).thenComparing(meeting)
                    .thenComparing(byId);
            // What needs doing now: open orders by their next task's due date (overdue ones first), the most overdue
            // tasks first among equals, then the sooner meeting; closed and cancelled orders last.
            default -> Comparator.comparing(OrderRow::needsBy)
                    .thenComparing(Comparator.comparingInt((OrderRow r) -> r.line().overdueTasks()).reversed())
                    .thenComparing(meeting).thenComparing(byId);
        };
    }
}
