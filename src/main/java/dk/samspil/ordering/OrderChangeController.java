package dk.samspil.ordering;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.directory.Directory;
import dk.samspil.ordering.OrderRules.Problem;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.platform.RuleViolation;
import dk.samspil.security.SamspilPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A placed order changed by its cluster's coordinator or its provider's consultant until the meeting: the meeting's
 * date, time, venue, municipal participants and elective topics on one page, the order's programme on another.
 */
@Controller
class OrderChangeController {

    static final String CHANGE_VIEW = "ordering/change";
    static final String PROGRAMME_VIEW = "ordering/programme";

    private final OrderGuard guard;
    private final Orders orders;
    private final OrderChanges changes;
    private final Ordering ordering;
    private final Catalog catalog;
    private final Directory directory;

    OrderChangeController(
            OrderGuard guard,
            Orders orders,
            OrderChanges changes,
            Ordering ordering,
            Catalog catalog,
            Directory directory) {
        this.guard = guard;
        this.orders = orders;
        this.changes = changes;
        this.ordering = ordering;
        this.catalog = catalog;
        this.directory = directory;
    }

    @GetMapping("/bestillinger/{orderId}/aendring")
    String changeForm(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.planned(user, orderId);
        model.addAttribute("orderChangeForm", OrderChangeForm.of(order));
        return changeView(model, order);
    }

    @PostMapping("/bestillinger/{orderId}/aendring")
    String change(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @ModelAttribute OrderChangeForm orderChangeForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.planned(user, orderId);
        if (!order.changeable()) {
            redirect.addFlashAttribute("error", "order.change.closed");
            return "redirect:/bestillinger/" + orderId;
        }
        PackageDefinition pkg = OrderPackage.placed(catalog, order);
        orderChangeForm.municipalitiesOf(order);
        if (result.hasFieldErrors("version")) {
            // A version that is no number was not read from this order: as if it were changed meanwhile.
            return meanwhile(model, order, orderChangeForm);
        }
        if (!result.hasErrors()) {
            reject(OrderRules.checkChange(orderChangeForm, pkg, ordering.today()), result);
        }
        if (result.hasErrors()) {
            orderChangeForm.padParticipants();
            return changeView(model, order);
        }
        try {
            List<OrderChanges.Diff> diffs = changes.change(order, orderChangeForm, pkg, user);
            redirect.addFlashAttribute("success", diffs.isEmpty() ? "order.change.nothing" : "order.change.saved");
            return "redirect:/bestillinger/" + orderId + (diffs.isEmpty() ? "" : "#aendringer");
        } catch (RuleViolation refused) {
            if ("order.change.changedMeanwhile".equals(refused.messageKey())) {
                return meanwhile(model, order, orderChangeForm);
            }
            redirect.addFlashAttribute("error", refused.messageKey());
            return "redirect:/bestillinger/" + orderId;
        }
    }

    /** The form again with what was typed, now on the order as it stands (saving again keeps what was typed). */
    private String meanwhile(Model model, OrderView order, OrderChangeForm typed) {
        OrderView now = orders.find(order.id()).orElseThrow();
        typed.setVersion(now.version());
        typed.padParticipants();
        model.addAttribute("meanwhile", true);
        return changeView(model, now);
    }

    @GetMapping("/bestillinger/{orderId}/program")
    String programme(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.planned(user, orderId);
        model.addAttribute(
                "programmeForm",
                ProgrammeForm.of(OrderPackage.of(catalog, order).programme(), order.version()));
        return programmeView(model, order);
    }

    @PostMapping("/bestillinger/{orderId}/program")
    String changeProgramme(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @ModelAttribute ProgrammeForm programmeForm,
            BindingResult result,
            @RequestParam(required = false) String action,
            Model model,
            RedirectAttributes redirect) {
        OrderView order = guard.planned(user, orderId);
        if (!order.changeable()) {
            redirect.addFlashAttribute("error", "order.change.closed");
            return "redirect:/bestillinger/" + orderId;
        }
        if (result.hasFieldErrors("version") || programmeForm.getVersion() != order.version()) {
            // The rows point into the programme as it was read: on a changed order they would land elsewhere.
            return programmeMeanwhile(model, order, programmeForm);
        }
        ProgrammeForm.Outcome outcome = programmeForm.apply(
                changes.ownOrPackageProgramme(order),
                OrderPackage.of(catalog, order).programme(),
                action);
        reject(outcome.problems(), result);
        if (result.hasErrors()) {
            return programmeView(model, order);
        }
        try {
            boolean changed = changes.changeProgramme(
                    order, outcome.items(), outcome.origins(), programmeForm.getVersion(), user);
            redirect.addFlashAttribute("success", changed ? "order.programme.saved" : "order.change.nothing");
        } catch (RuleViolation refused) {
            if ("order.change.changedMeanwhile".equals(refused.messageKey())) {
                return programmeMeanwhile(model, order, programmeForm);
            }
            redirect.addFlashAttribute("error", refused.messageKey());
            return "redirect:/bestillinger/" + orderId;
        }
        return "redirect:/bestillinger/" + orderId + "/program";
    }

    /** The programme as it stands now, and below it what was typed and not saved. */
    private String programmeMeanwhile(Model model, OrderView order, ProgrammeForm typed) {
        OrderView now = orders.find(order.id()).orElseThrow();
        model.addAttribute("unsaved", typed.getBlocks());
        model.addAttribute(
                "programmeForm", ProgrammeForm.of(OrderPackage.of(catalog, now).programme(), now.version()));
        model.addAttribute("meanwhile", true);
        return programmeView(model, now);
    }

    /**
     * A form with a row far beyond any the page shows (the binder grows its lists only so far) was not sent from the
     * page: back to the form with a Danish message, nothing saved.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    String tooManyRows(HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put("error", "order.change.tooManyRows");
        return "redirect:" + request.getRequestURI();
    }

    private static void reject(List<Problem> problems, BindingResult result) {
        for (Problem problem : problems) {
            if (problem.field() == null) {
                result.reject(problem.key(), problem.args(), null);
            } else {
                result.rejectValue(problem.field(), problem.key(), problem.args(), null);
            }
        }
    }

    private String changeView(Model model, OrderView order) {
        model.addAttribute("order", order);
        model.addAttribute("pkg", OrderPackage.placed(catalog, order));
        model.addAttribute(
                "municipalities",
                directory.municipalities().stream()
                        .filter(m -> order.involvesMunicipality(m.code()))
                        .toList());
        model.addAttribute("changes", changes.of(order.id()));
        return CHANGE_VIEW;
    }

    private String programmeView(Model model, OrderView order) {
        ProgrammeForm form = (ProgrammeForm) model.getAttribute("programmeForm");
        PackageDefinition pkg = OrderPackage.of(catalog, order);
        model.addAttribute("order", order);
        model.addAttribute("meetingMinutes", pkg.meetingMinutes());
        model.addAttribute("times", form.times(order.startTime()));
        Integer total = form.totalMinutes();
        model.addAttribute("totalMinutes", total);
        model.addAttribute("minutesOff", total != null && total != pkg.meetingMinutes());
        model.addAttribute("ownProgramme", order.programme() != null);
        model.addAttribute("maxItems", ProgrammeForm.MAX_ITEMS);
        return PROGRAMME_VIEW;
    }
}
