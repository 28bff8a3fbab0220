package dk.samspil.ordering;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other modules move an order along its path when their part of the drejebog is done: the status follows what
 * happened (a later step reached moves the order forward past the steps nobody recorded, never back), and the
 * matching timeline task is ticked off. The other modules call this in their own transaction — they depend on
 * ordering, so ordering cannot listen to their events without a cycle — so status and event commit together.
 */
@Service
public class OrderProgress {

    static final String SYSTEM = "Samspil";

    private final JdbcClient jdbc;
    private final Orders orders;
    private final StatusChanges statuses;
    private final Catalog catalog;

    OrderProgress(JdbcClient jdbc, Orders orders, StatusChanges statuses, Catalog catalog) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.statuses = statuses;
        this.catalog = catalog;
    }

    @Transactional
    public void surveyOpened(long orderId, String by) {
        reach(orderId, OrderStatus.SURVEY_OPEN, Timeline.Step.SURVEY_OPEN, by);
    }

    @Transactional
    public void surveyClosed(long orderId, String by) {
        reach(orderId, OrderStatus.SURVEY_CLOSED, Timeline.Step.SURVEY_CLOSED, by);
    }

    /** The questionnaire was frozen: the round of comments on it is over. */
    @Transactional
    public void questionnaireFrozen(long orderId, String by) {
        tick(orderId, Timeline.Step.QUESTIONNAIRE_COMMENTS, by);
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
        tick(orderId, Timeline.Step.MUNICIPAL_DATA, by);
    }

    /**
     * A national service file with these service codes was imported: every order before its meeting whose package
     * uses one of them has its data in.
     */
    @Transactional
    public void serviceDataImported(Collection<String> serviceCodes, String by) {
        List<Long> open = jdbc.sql("""
                        SELECT o.id FROM package_order o JOIN order_task t ON t.order_id = o.id AND t.step = 'DATA_IN'
                        WHERE t.done_at IS NULL AND o.status NOT IN ('MEETING_HELD', 'FOLLOW_UP', 'CLOSED', 'CANCELLED')""").query(Long.class).list();
        for (long orderId : open) {
            orders.find(orderId)
                    .flatMap(order -> catalog.find(order.packageSlug(), order.packageVersion()))
                    .filter(pkg -> uses(pkg, serviceCodes))
                    .ifPresent(pkg -> tick(orderId, Timeline.Step.DATA_IN, by));
        }
    }

    /** The follow-up package a year later was ordered from this order; after its meeting the order is in follow-up. */
    @Transactional
    public void followUpOrdered(long orderId, String by) {
        statuses.tryChange(orderId, OrderStatus.MEETING_HELD, OrderStatus.FOLLOW_UP, by == null ? SYSTEM : by, null);
        tick(orderId, Timeline.Step.FOLLOW_UP_PACKAGE, by);
    }

    /** A survey opened again goes back to SURVEY_OPEN from SURVEY_CLOSED (before the deck is final). */
    @Transactional
    public void surveyReopened(long orderId, String by) {
        statuses.tryChange(orderId, OrderStatus.SURVEY_CLOSED, OrderStatus.SURVEY_OPEN, by == null ? SYSTEM : by, null);
        jdbc.sql("UPDATE order_task SET done_at = NULL, done_by = NULL WHERE order_id = ? AND step = 'SURVEY_CLOSED'")
                .param(orderId)
                .update();
    }

    private static boolean uses(PackageDefinition pkg, Collection<String> serviceCodes) {
        return pkg.serviceCodes().stream().anyMatch(code -> serviceCodes.contains(code.code()));
    }

    private void reach(long orderId, OrderStatus target, Timeline.Step step, String by) {
        // Read, then write only from the state read; a change in between is read again (a few times at most).
        for (int attempt = 0; attempt < 3; attempt++) {
            OrderStatus status =
                    orders.find(orderId).map(OrderViews.OrderView::status).orElse(null);
            if (status == null
                    || !status.open()
                    || status.compareTo(target) >= 0
                    || statuses.tryChange(orderId, status, target, by == null ? SYSTEM : by, null)) {
                break;
            }
        }
        tick(orderId, step, by);
    }

    private void tick(long orderId, Timeline.Step step, String by) {
        jdbc.sql(
                        "UPDATE order_task SET done_at = now(), done_by = ? WHERE order_id = ? AND step = ? AND done_at IS NULL")
                .params(by == null ? SYSTEM : by, orderId, step.name())
                .update();
    }
}
