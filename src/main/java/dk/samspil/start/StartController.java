package dk.samspil.start;

import dk.samspil.deck.DeckOverview;
import dk.samspil.mail.Outbox;
import dk.samspil.ordering.OrderSearch;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import dk.samspil.servicedata.RegisterImports;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where everyone lands after sign-in: one start page per role. */
@Controller
class StartController {

    static final String CONSULTANT_VIEW = "start/consultant";
    static final String MEETINGS_VIEW = "start/meetings";
    static final String ADMIN_VIEW = "start/admin";
    static final String OTHER_VIEW = "start/other";
    static final int SHOWN = 20;

    private final StartPages pages;
    private final Outbox outbox;
    private final RegisterImports imports;

    StartController(StartPages pages, Outbox outbox, RegisterImports imports) {
        this.pages = pages;
        this.outbox = outbox;
        this.imports = imports;
    }

    @GetMapping("/start")
    String start(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long klynge,
            @RequestParam(required = false) String kommune,
            @RequestParam(required = false) String maaned,
            @RequestParam(required = false) String sortering,
            Model model) {
        model.addAttribute("today", pages.today());
        if (!StartPages.seesOrders(user)) {
            return OTHER_VIEW;
        }
        List<OrderRow> rows = pages.rows(user);
        return switch (user.role()) {
            case CONSULTANT -> consultant(rows, new OrderFilter(q, status, klynge, kommune, maaned, sortering), model);
            case ADMIN -> admin(rows, model);
            default -> meetings(user, rows, model);
        };
    }

    private String consultant(List<OrderRow> rows, OrderFilter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute(
                "rows",
                rows.stream().filter(filter::matches).sorted(filter.order()).toList());
        model.addAttribute("total", rows.size());
        model.addAttribute(
                "options",
                OrderSearch.Options.of(rows.stream().map(OrderRow::line).toList()));
        model.addAttribute("sorts", OrderFilter.SORTS);
        return CONSULTANT_VIEW;
    }

    private String meetings(SamspilPrincipal user, List<OrderRow> rows, Model model) {
        var ordered = rows.stream()
                .sorted(Comparator.comparing((OrderRow r) -> !r.active())
                        .thenComparing(r -> r.line().meetingDate()))
                .toList();
        model.addAttribute("rows", ordered);
        model.addAttribute(
                "side",
                StartPages.ownSide(user) == null
                        ? "CLUSTER"
                        : StartPages.ownSide(user).name());
        model.addAttribute("canOrder", user.is(Role.COORDINATOR));
        return MEETINGS_VIEW;
    }

    private String admin(List<OrderRow> rows, Model model) {
        model.addAttribute("failedMails", outbox.failed(SHOWN));
        model.addAttribute("pendingMails", outbox.pendingCount());
        model.addAttribute("imports", imports.newest(10));
        model.addAttribute(
                "overdueOrders",
                rows.stream()
                        .filter(r -> r.active() && r.line().overdueTasks() > 0)
                        .sorted(new OrderFilter(null, null, null, null, null, null).order())
                        .toList());
        model.addAttribute(
                "failedDecks",
                rows.stream()
                        .filter(r -> r.deck() != null && r.deck().stage() == DeckOverview.Stage.FAILED)
                        .toList());
        return ADMIN_VIEW;
    }
}
