package dk.samspil.servicedata;

import dk.samspil.ordering.OrderGuard;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.Orders;
import dk.samspil.security.SamspilPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An order's service figures for everyone who sees the order; the key from letter to practice only for the
 * provider's consultants (and administrators).
 */
@Controller
class FiguresController {

    private final OrderGuard guard;
    private final OrderFigures figures;
    private final MunicipalData municipal;
    private final ServiceTrend trend;

    FiguresController(OrderGuard guard, OrderFigures figures, MunicipalData municipal, ServiceTrend trend) {
        this.trend = trend;
        this.guard = guard;
        this.figures = figures;
        this.municipal = municipal;
    }

    @GetMapping("/bestillinger/{orderId}/data")
    String show(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.visible(user, orderId);
        model.addAttribute("order", order);
        boolean consultant = Orders.canManage(user, order);
        model.addAttribute("figures", consultant ? figures.withPracticeDetail(order) : figures.forOrder(order));
        model.addAttribute("trends", trend.forOrder(order));
        model.addAttribute("referrals", municipal.referrals(order, consultant));
        model.addAttribute("dosisFigures", municipal.dosisFigures(order));
        model.addAttribute("key", consultant ? figures.key(order) : null);
        return "servicedata/figures";
    }
}
