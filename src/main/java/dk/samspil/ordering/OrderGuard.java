package dk.samspil.ordering;

import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.security.Access;
import dk.samspil.security.SamspilPrincipal;
import org.springframework.stereotype.Component;

/**
 * The one way pages get an order for a user: the order if the user may see (run, plan) it, otherwise refused as
 * not found and audited. Every module's order pages use it, so the rules of {@link Orders} are applied alike.
 */
@Component
public class OrderGuard {

    private final Orders orders;
    private final Access access;

    OrderGuard(Orders orders, Access access) {
        this.orders = orders;
        this.access = access;
    }

    /** Seen by its cluster's coordinator, its provider's consultants and its municipalities' contacts. */
    public OrderView visible(SamspilPrincipal user, long orderId) {
        OrderView order = orders.find(orderId).orElse(null);
        access.require(order != null && Orders.canSee(user, order), user, "order:" + orderId);
        return order;
    }

    /** Read (pages and the deck's and minutes' files, nothing written) by those who see it and its cluster's members. */
    public OrderView readable(SamspilPrincipal user, long orderId) {
        OrderView order = orders.find(orderId).orElse(null);
        access.require(order != null && Orders.canRead(user, order), user, "order:" + orderId);
        return order;
    }

    /** Run by its provider's consultants (and administrators). */
    public OrderView managed(SamspilPrincipal user, long orderId) {
        OrderView order = visible(user, orderId);
        access.require(Orders.canManage(user, order), user, "order:" + orderId + ":manage");
        return order;
    }

    /** Planned (date, cancellation) by its cluster's coordinator and whoever runs it. */
    public OrderView planned(SamspilPrincipal user, long orderId) {
        OrderView order = visible(user, orderId);
        access.require(Orders.canPlan(user, order), user, "order:" + orderId + ":plan");
        return order;
    }
}
