package dk.samspil.ordering;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.ClusterView;
import dk.samspil.directory.Views.MunicipalityView;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.platform.RuleViolation;
import dk.samspil.security.Access;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The order pages: the list (a queue for consultants), the order form, and one order with its timeline. */
@Controller
class OrderController {

    static final String LIST_VIEW = "ordering/list";
    static final String FORM_VIEW = "ordering/form";
    static final String ORDER_VIEW = "ordering/order";

    private final Orders orders;
    private final Ordering ordering;
    private final Catalog catalog;
    private final Directory directory;
    private final Access access;
    private final OrderGuard guard;
    private final StatusChanges statuses;
    private final PreMeetings preMeetings;
    private final OrderChanges changes;

    OrderController(
            Orders orders,
            Ordering ordering,
            Catalog catalog,
            Directory directory,
            Access access,
            OrderGuard guard,
            StatusChanges statuses,
            PreMeetings preMeetings,
            OrderChanges changes) {
        this.changes = changes;
        this.guard = guard;
        this.preMeetings = preMeetings;
        this.statuses = statuses;
        this.orders = orders;
        this.ordering = ordering;
        this.catalog = catalog;
        this.directory = directory;
        this.access = access;
    }

    static final List<String> LIST_SORTS = List.of("moede", "klynge", "fase");

    @GetMapping("/bestillinger")
    String list(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long klynge,
            @RequestParam(required = false) String kommune,
            @RequestParam(required = false) String maaned,
            @RequestParam(required = false) String sortering,
            Model model) {
        LocalDate today = ordering.today();
        var lines = orders.visibleTo(user, today);
        OrderSearch search = new OrderSearch(q, status, klynge, kommune, maaned);
        String sort = sortering != null && LIST_SORTS.contains(sortering) ? sortering : "moede";
        model.addAttribute(
                "orders",
                lines.stream()
                        .filter(search::matches)
                        .sorted(OrderSearch.sortedBy(sort))
                        .toList());
        model.addAttribute("total", lines.size());
        model.addAttribute("search", search);
        model.addAttribute("options", OrderSearch.Options.of(lines));
        model.addAttribute("sorts", LIST_SORTS);
        model.addAttribute("sort", sort);
        boolean showQueue = user.is(Role.CONSULTANT) || user.isAdmin();
        model.addAttribute(
                "queue",
                showQueue
                        ? orders.queue(lines.stream()
                                .filter(o -> o.status() == OrderStatus.RECEIVED
                                        || o.status() == OrderStatus.CALLBACK_PLANNED)
                                .sorted(Comparator.comparing(OrderViews.OrderLine::callbackAt))
                                .toList())
                        : List.of());
        model.addAttribute("showQueue", showQueue);
        return LIST_VIEW;
    }

    @GetMapping("/bestillinger/ny")
    String orderForm(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(name = "pakke", required = false) String slug,
            Model model) {
        PackageDefinition pkg = orderablePackage(user, slug);
        OrderForm form = new OrderForm();
        form.setPackageSlug(pkg.slug());
        ClusterView cluster = directory.cluster(user.clusterId()).orElseThrow();
        if (cluster.municipalityCode() != null) {
            form.getMunicipalityCodes().add(cluster.municipalityCode());
        }
        model.addAttribute("orderForm", form);
        return formView(model, pkg, cluster);
    }

    @PostMapping("/bestillinger")
    String place(
            @AuthenticationPrincipal SamspilPrincipal user,
            @ModelAttribute OrderForm orderForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        PackageDefinition pkg = orderablePackage(user, orderForm.getPackageSlug());
        ClusterView cluster = directory.cluster(user.clusterId()).orElseThrow();
        if (!result.hasErrors()) {
            OrderRules.check(
                            orderForm,
                            pkg,
                            regionMunicipalities(cluster).stream()
                                    .map(MunicipalityView::code)
                                    .collect(Collectors.toSet()),
                            ordering.today(),
                            ordering.now())
                    .forEach(problem -> result.rejectValue(problem.field(), problem.key(), problem.args(), null));
        }
        if (result.hasErrors()) {
            orderForm.padParticipants();
            return formView(model, pkg, cluster);
        }
        long id = ordering.place(orderForm, pkg, user);
        redirect.addFlashAttribute("success", "order.placed");
        return "redirect:/bestillinger/" + id;
    }

    /** The cluster's coordinator orders the follow-up a year later in one click, prefilled from this order. */
    @PostMapping("/bestillinger/{orderId}/opfoelgning")
    String followUp(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        access.require(
                user.is(Role.COORDINATOR)
                        && user.clusterId() != null
                        && user.clusterId() == order.clusterId()
                        && order.status() != OrderStatus.CANCELLED,
                user,
                "order:" + orderId + ":follow-up");
        // The follow-up is ordered from the package as the catalogue has it today, not the first order's version.
        PackageDefinition pkg = catalog.find(order.packageSlug()).orElseThrow();
        try {
            long id = ordering.placeFollowUp(order, pkg, user);
            redirect.addFlashAttribute("success", "order.followUp.placed");
            return "redirect:/bestillinger/" + id;
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("error", violation.getMessage());
            return "redirect:/bestillinger/" + orderId;
        }
    }

    @GetMapping("/bestillinger/{orderId}")
    String show(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, Model model) {
        OrderView order = guard.readable(user, orderId);
        LocalDate today = ordering.today();
        List<TaskView> tasks = orders.tasks(orderId);
        model.addAttribute("order", order);
        model.addAttribute(
                "pkg", catalog.find(order.packageSlug(), order.packageVersion()).orElseThrow());
        model.addAttribute("tasks", tasks);
        model.addAttribute("today", today);
        model.addAttribute(
                "overdue", tasks.stream().filter(t -> t.overdue(today)).count());
        // The summary at the top: the order's phase, its next task and the reader's own next task.
        List<TaskView> open = tasks.stream().filter(t -> !t.done()).toList();
        Party side = Party.of(user);
        model.addAttribute("nextTask", open.isEmpty() ? null : open.get(0));
        model.addAttribute(
                "ownTask",
                open.stream().filter(t -> t.owner() == side).findFirst().orElse(null));
        model.addAttribute("phases", OrderStatus.PATH);
        model.addAttribute(
                "tickable",
                tasks.stream()
                        .filter(t -> Orders.canTick(user, order, t))
                        .map(TaskView::id)
                        .collect(Collectors.toSet()));
        model.addAttribute("canManage", Orders.canManage(user, order));
        model.addAttribute("reader", !Orders.canSee(user, order));
        model.addAttribute("canPlan", Orders.canPlan(user, order));
        model.addAttribute("nextStatus", order.status().next().orElse(null));
        model.addAttribute(
                "statusTargets",
                Arrays.stream(OrderStatus.values())
                        .filter(s -> s != order.status() && s != OrderStatus.CANCELLED)
                        .toList());
        model.addAttribute("statusChanges", statuses.of(orderId));
        model.addAttribute("changes", changes.of(orderId));
        model.addAttribute("firstContact", orders.firstContact(orderId).orElse(null));
        model.addAttribute("preMeeting", preMeetings.of(orderId).orElse(null));
        model.addAttribute("firstContactAnswers", FirstContactAnswer.values());
        model.addAttribute("cancellable", order.status().canMoveTo(OrderStatus.CANCELLED));
        Long followUp = orders.followUpOf(orderId).orElse(null);
        model.addAttribute(
                "canFollowUp",
                user.is(Role.COORDINATOR)
                        && user.clusterId() != null
                        && user.clusterId() == order.clusterId()
                        && order.status() != OrderStatus.CANCELLED
                        && order.followsOrderId() == null
                        && followUp == null);
        model.addAttribute("followUp", followUp);
        return ORDER_VIEW;
    }

    @PostMapping("/bestillinger/{orderId}/tilbageringning")
    String callback(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate confirmedDate,
            @RequestParam(defaultValue = "PROVIDER") String firstContact,
            RedirectAttributes redirect) {
        OrderView order = guard.managed(user, orderId);
        String contact = "CLUSTER".equals(firstContact) ? "CLUSTER" : "PROVIDER";
        return act(
                orderId,
                redirect,
                "order.callback.recorded",
                () -> changes.recordCallback(order, note, confirmedDate, contact, user));
    }

    @PostMapping("/bestillinger/{orderId}/kommune-kontaktet")
    String municipalityContacted(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        OrderView order = guard.managed(user, orderId);
        return act(
                orderId, redirect, "order.municipalityContacted.recorded", () -> ordering.municipalityContacted(order));
    }

    /** The first contact with the municipality: recorded by the side that makes it (or the provider). */
    @PostMapping("/bestillinger/{orderId}/foerste-kontakt")
    String firstContact(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) String madeBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate madeOn,
            @RequestParam(required = false) FirstContactAnswer answer,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        OrderView order = guard.planned(user, orderId);
        return act(
                orderId,
                redirect,
                "order.firstContactStep.recorded",
                "foerste-kontakt",
                () -> ordering.recordFirstContact(order, madeBy, madeOn, answer, note, user));
    }

    @PostMapping("/bestillinger/{orderId}/materialer")
    String materials(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        OrderView order = guard.managed(user, orderId);
        PackageDefinition pkg =
                catalog.find(order.packageSlug(), order.packageVersion()).orElseThrow();
        return act(orderId, redirect, "order.materials.sent", () -> ordering.sendMaterials(order, pkg, user));
    }

    @PostMapping("/bestillinger/{orderId}/opgaver/{taskId}")
    String task(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @PathVariable long taskId,
            @RequestParam(defaultValue = "done") String action,
            RedirectAttributes redirect) {
        OrderView order = guard.visible(user, orderId);
        TaskView task = orders.tasks(orderId).stream()
                .filter(t -> t.id() == taskId)
                .findFirst()
                .orElseThrow(() -> new AccessRefusedException("task:" + taskId));
        access.require(Orders.canTick(user, order, task), user, "task:" + taskId);
        return act(orderId, redirect, "reopen".equals(action) ? "order.task.reopened" : "order.task.done", () -> {
            if ("reopen".equals(action)) ordering.reopenTask(task);
            else ordering.tickTask(order, task, user);
        });
    }

    @PostMapping("/bestillinger/{orderId}/moededato")
    String move(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate meetingDate,
            RedirectAttributes redirect) {
        OrderView order = guard.planned(user, orderId);
        if (meetingDate == null) {
            redirect.addFlashAttribute("error", "order.meetingDate.required");
            return "redirect:/bestillinger/" + orderId;
        }
        return act(orderId, redirect, "order.moved", () -> changes.moveMeeting(order, meetingDate, user));
    }

    @PostMapping("/bestillinger/{orderId}/aflys")
    String cancel(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        OrderView order = guard.planned(user, orderId);
        return act(orderId, redirect, "order.cancelled", "aflys", () -> ordering.cancel(order, reason, user));
    }

    @PostMapping("/bestillinger/{orderId}/status")
    String advance(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) OrderStatus target,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        OrderView order = guard.managed(user, orderId);
        if (target == null) {
            redirect.addFlashAttribute("error", "order.transition.notAllowed");
            return "redirect:/bestillinger/" + orderId;
        }
        return act(
                orderId,
                redirect,
                "order.statusChanged",
                "status-form",
                () -> ordering.changeStatus(order, target, reason, user));
    }

    private String act(long orderId, RedirectAttributes redirect, String successKey, Runnable action) {
        return act(orderId, redirect, successKey, null, action);
    }

    /** As above; a refusal comes back at the form's anchor with the message there. */
    private String act(long orderId, RedirectAttributes redirect, String successKey, String anchor, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("success", successKey);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("error", refused.messageKey());
            if (anchor != null) {
                redirect.addFlashAttribute("errorAt", anchor);
                return "redirect:/bestillinger/" + orderId + "#" + anchor;
            }
        }
        return "redirect:/bestillinger/" + orderId;
    }

    private String formView(Model model, PackageDefinition pkg, ClusterView cluster) {
        model.addAttribute("pkg", pkg);
        model.addAttribute("cluster", cluster);
        model.addAttribute("municipalities", regionMunicipalities(cluster));
        model.addAttribute(
                "earliest",
                pkg.leadTime() == null
                        ? null
                        : ordering.today().plusWeeks(pkg.leadTime().weeks()));
        return FORM_VIEW;
    }

    private List<MunicipalityView> regionMunicipalities(ClusterView cluster) {
        return directory.municipalities().stream()
                .filter(m -> m.regionName().equals(cluster.regionName()))
                .toList();
    }

    /** The package, if the user's cluster may order it: offered, and a regional provider's only in its region. */
    private PackageDefinition orderablePackage(SamspilPrincipal user, String slug) {
        access.require(user.is(Role.COORDINATOR) && user.clusterId() != null, user, "order-form");
        String region =
                directory.cluster(user.clusterId()).map(ClusterView::regionCode).orElse(null);
        return catalog.find(slug == null ? "" : slug)
                .filter(pkg -> catalog.orderableIn(pkg, region))
                .orElseThrow(() -> new AccessRefusedException("package:" + slug));
    }
}
