package dk.samspil.ordering;

import dk.samspil.ordering.OrderViews.MunicipalityRef;
import dk.samspil.ordering.OrderViews.OrderLine;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A search in a list of orders, as it comes from a page's GET form: text in cluster, package or municipality, and
 * filters by status, cluster, municipality and meeting month. Unknown or empty values filter nothing.
 */
public record OrderSearch(String q, String status, Long cluster, String municipality, String month) {

    public OrderSearch {
        q = q == null ? "" : q.strip();
        status = status == null ? "" : status;
        municipality = municipality == null ? "" : municipality;
        month = month == null ? "" : month;
    }

    /** The choices of the search form, taken from the orders being searched. */
    public record Options(
            OrderStatus[] statuses,
            List<Map.Entry<Long, String>> clusters,
            List<MunicipalityRef> municipalities,
            List<YearMonth> months) {

        public static Options of(List<OrderLine> lines) {
            return new Options(
                    OrderStatus.values(),
                    lines.stream()
                            .collect(Collectors.toMap(
                                    OrderLine::clusterId, OrderLine::clusterName, (a, b) -> a, TreeMap::new))
                            .entrySet()
                            .stream()
                            .sorted(Map.Entry.comparingByValue())
                            .toList(),
                    lines.stream()
                            .flatMap(l -> l.municipalities().stream())
                            .distinct()
                            .sorted(Comparator.comparing(MunicipalityRef::name))
                            .toList(),
                    lines.stream()
                            .map(l -> YearMonth.from(l.meetingDate()))
                            .distinct()
                            .sorted()
                            .toList());
        }
    }

    public boolean active() {
        return !q.isEmpty() || !status.isEmpty() || cluster != null || !municipality.isEmpty() || !month.isEmpty();
    }

    public boolean matches(OrderLine line) {
        if (!q.isEmpty()) {
            String haystack = String.join(
                            " ",
                            line.packageTitle(),
                            line.clusterName(),
                            line.municipalityNames() == null ? "" : line.municipalityNames())
                    .toLowerCase(Locale.ROOT);
            if (!haystack.contains(q.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        if (!status.isEmpty() && !line.status().name().equals(status)) {
            return false;
        }
        if (cluster != null && line.clusterId() != cluster) {
            return false;
        }
        if (!municipality.isEmpty()
                && line.municipalities().stream().noneMatch(m -> m.code().equals(municipality))) {
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

    /** Lines by meeting date ("moede"), cluster ("klynge") or phase ("fase"), each then by meeting date. */
    public static Comparator<OrderLine> sortedBy(String sort) {
        Comparator<OrderLine> meeting = Comparator.comparing(OrderLine::meetingDate);
        Comparator<OrderLine> byId = Comparator.comparingLong(OrderLine::id);
        return switch (sort == null ? "" : sort) {
            case "klynge" ->
                Comparator.comparing(OrderLine::clusterName)
                        .thenComparing(meeting)
                        .thenComparing(byId);
            case "fase" ->
                Comparator.comparingInt((OrderLine l) -> l.status() == OrderStatus.CANCELLED
                                ? Integer.MAX_VALUE
                                : l.status().ordinal())
                        .thenComparing(meeting)
                        .thenComparing(byId);
            default -> meeting.thenComparing(byId);
        };
    }
}
