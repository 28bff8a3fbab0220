package dk.samspil.ordering;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other modules move an order along its path when their part of the drejebog is done: the order changes
 * status where that is a legal step, and the matching timeline task is ticked off.
 */
@Service
public class OrderProgress {

    private final JdbcClient jdbc;
    private final Orders orders;

    OrderProgress(JdbcClient jdbc, Orders orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Transactional
    public void surveyOpened(long orderId, String by) {
        reach(orderId, OrderStatus.SURVEY_OPEN, Timeline.Step.SURVEY_OPEN, by);
    }

    @Transactional
    public void surveyClosed(long orderId, String by) {
        reach(orderId, OrderStatus.SURVEY_CLOSED, Timeline.Step.SURVEY_CLOSED, by);
    }

    /** The final deck was sent to the cluster and the municipality: the order's deck is ready. */
    @Transactional
    public void deckSent(long orderId, String by) {
        reach(orderId, OrderStatus.DECK_READY, Timeline.Step.FINAL_DECK, by);
    }

    /** The meeting was held and its referat sent: the order's meeting is done. */
    @Transactional
    public void meetingHeld(long orderId, String by) {
        reach(orderId, OrderStatus.MEETING_HELD, Timeline.Step.MEETING, by);
    }

    /** The municipality delivered its data for the meeting. */
    @Transactional
    public void municipalDataDelivered(long orderId, String by) {
        jdbc.sql("UPDATE order_task SET done_at = now(), done_by = ? WHERE order_id = ? AND step = ? AND done_at IS NULL")
                .params(by, orderId, Timeline.Step.MUNICIPAL_DATA.name()).update();
    }

    /** A survey opened again goes back to SURVEY_OPEN from SURVEY_CLOSED (before the deck is final). */
    @Transactional
    public void surveyReopened(long orderId) {
        jdbc.sql("UPDATE package_order SET status = 'SURVEY_OPEN', version = version + 1 WHERE id = ? AND status = 'SURVEY_CLOSED'")
                .param(orderId).update();
        jdbc.sql("UPDATE order_task SET done_at = NULL, done_by = NULL WHERE order_id = ? AND step = 'SURVEY_CLOSED'")
                .param(orderId).update();
    }

    private void reach(long orderId, OrderStatus target, Timeline.Step step, String by) {
        orders.find(orderId).ifPresent(order -> {
            OrderStatus status = order.status();
            // Orders still before preparation move through it: the survey cannot wait for a call-back record.
            if (status == OrderStatus.RECEIVED || status == OrderStatus.CALLBACK_PLANNED) {
                status = OrderStatus.IN_PREPARATION;
            }
            if (status.canMoveTo(target)) {
                jdbc.sql("UPDATE package_order SET status = ?, version = version + 1 WHERE id = ?")
                        .params(target.name(), orderId).update();
            }
        });
        jdbc.sql("UPDATE order_task SET done_at = now(), done_by = ? WHERE order_id = ? AND step = ? AND done_at IS NULL")
                .params(by, orderId, step.name()).update();
    }
}
