package dk.samspil.ordering;

import dk.samspil.platform.RuleViolation;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place an order's status is written: only from the status it was read in ({@code WHERE status = ?}), so
 * two changes at once cannot both win, and each change is kept with who made it and, when by hand, why.
 */
@Component
class StatusChanges {

    /** One change of status, as the order page lists it. */
    record Change(OrderStatus from, OrderStatus to, String by, String reason, OffsetDateTime at) {}

    private final JdbcClient jdbc;

    StatusChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the order from {@code from} to {@code to}.
     *
     * @return false when the order was no longer in {@code from} (someone else changed it meanwhile)
     */
    boolean tryChange(long orderId, OrderStatus from, OrderStatus to, String by, String reason) {
        // Guarded by the status it moves from; the order's version is left alone: it guards what the change and
        // programme forms edit, which a status change does not touch (it would refuse them as changed meanwhile).
        int rows = jdbc.sql("UPDATE package_order SET status = ? WHERE id = ? AND status = ?")
                .params(to.name(), orderId, from.name())
                .update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql(
                        "INSERT INTO order_status_change (order_id, from_status, to_status, changed_by, reason) VALUES (?, ?, ?, ?, ?)")
                .params(orderId, from.name(), to.name(), by, reason)
                .update();
        return true;
    }

    /** As {@link #tryChange}, refusing in Danish when the order changed status meanwhile. */
    void change(long orderId, OrderStatus from, OrderStatus to, String by, String reason) {
        if (!tryChange(orderId, from, to, by, reason)) {
            throw new RuleViolation("order.status.changedMeanwhile");
        }
    }

    List<Change> of(long orderId) {
        return jdbc.sql("""
                        SELECT from_status, to_status, changed_by, reason, changed_at FROM order_status_change
                        WHERE order_id = ? ORDER BY changed_at DESC, id DESC""")
                .param(orderId)
                .query((rs, n) -> new Change(
                        OrderStatus.valueOf(rs.getString(1)),
                        OrderStatus.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }
}
