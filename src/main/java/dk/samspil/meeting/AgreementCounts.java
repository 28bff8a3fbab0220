package dk.samspil.meeting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** How many agreements many orders' meetings made, by status, and how many are overdue: counts for overviews. */
@Service
public class AgreementCounts {

    /** One order's agreements by status, and those overdue (past their date, neither done nor abandoned). */
    public record Counts(Map<AgreementStatus, Integer> byStatus, int overdue) {

        public static final Counts NONE = new Counts(Map.of(), 0);

        public int of(AgreementStatus status) {
            return byStatus.getOrDefault(status, 0);
        }

        public int total() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** These counts and another's together. */
        public Counts plus(Counts other) {
            Map<AgreementStatus, Integer> sum = new EnumMap<>(AgreementStatus.class);
            for (AgreementStatus status : AgreementStatus.values()) {
                int n = of(status) + other.of(status);
                if (n > 0) {
                    sum.put(status, n);
                }
            }
            return new Counts(sum, overdue + other.overdue);
        }
    }

    private final AgreementOverview overview;

    AgreementCounts(AgreementOverview overview) {
        this.overview = overview;
    }

    /** By order id; an order whose meeting made no agreement is missing. */
    public Map<Long, Counts> of(Collection<Long> orderIds, LocalDate today) {
        Map<Long, Counts> counts = new HashMap<>();
        for (AgreementOverview.Row row : overview.rows(orderIds)) {
            Counts one = new Counts(
                    Map.of(row.status(), 1), AgreementOverview.overdue(row.due(), row.status(), today) ? 1 : 0);
            counts.merge(row.orderId(), one, Counts::plus);
        }
        return counts;
    }
}
