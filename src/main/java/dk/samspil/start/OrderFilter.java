package dk.samspil.start;

import dk.samspil.ordering.OrderSearch;
import java.util.Comparator;
import java.util.List;

/**
 * The consultant's search, filters and sort order of the orders, as they come from the page's GET form; the default
 * order is what needs doing now. Public for the page's expressions.
 */
record OrderFilter(OrderSearch search, String sort) {

    static final List<String> SORTS = List.of("haster", "moede", "klynge", "fase");

    public OrderFilter {
        sort = sort != null && SORTS.contains(sort) ? sort : "haster";
    }

    OrderFilter(String q, String status, Long cluster, String municipality, String month, String sort) {
        this(new OrderSearch(q, status, cluster, municipality, month), sort);
    }

    public boolean active() {
        return search.active();
    }

    boolean matches(OrderRow row) {
        return search.matches(row.line());
    }

    Comparator<OrderRow> order() {
        if (!"haster".equals(sort)) {
            return Comparator.comparing(OrderRow::line, OrderSearch.sortedBy(sort));
        }
        // What needs doing now: open orders by their next task's due date (overdue ones first), the most overdue
        // tasks first among equals, then the sooner meeting; closed and cancelled orders last.
        return Comparator.comparing(OrderRow::needsBy)
                .thenComparing(Comparator.comparingInt((OrderRow r) -> r.line().overdueTasks())
                        .reversed())
                .thenComparing(OrderRow::line, OrderSearch.sortedBy("moede"));
    }
}
