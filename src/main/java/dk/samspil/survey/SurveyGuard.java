package dk.samspil.survey;

import dk.samspil.ordering.OrderGuard;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import org.springframework.stereotype.Component;

/** What the planners' survey pages share about who may change an order's survey and who may send it. */
@Component
class SurveyGuard {

    private final OrderGuard guard;
    private final Surveys surveys;
    private final SurveySettings settings;

    SurveyGuard(OrderGuard guard, Surveys surveys, SurveySettings settings) {
        this.guard = guard;
        this.surveys = surveys;
        this.settings = settings;
    }

    /** The order's survey, for whoever manages the order (refused as the order's guard refuses). */
    SurveyView managed(SamspilPrincipal user, long orderId) {
        OrderView order = guard.managed(user, orderId);
        return surveys.forOrder(orderId, order.packageSlug());
    }

    /** The consultant sends; a coordinator who plans the order too, where the provider lets coordinators send. */
    boolean canSend(SamspilPrincipal user, OrderView order) {
        return Orders.canManage(user, order)
                || (user.is(Role.COORDINATOR)
                        && Orders.canPlan(user, order)
                        && settings.coordinatorSends().contains(order.providerCode()));
    }
}
