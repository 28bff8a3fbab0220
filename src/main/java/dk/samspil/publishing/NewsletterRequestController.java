package dk.samspil.publishing;

import dk.samspil.pko.PkoPerson;
import dk.samspil.platform.RuleViolation;
import dk.samspil.publishing.NewsletterRequests.Author;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import dk.samspil.security.Access;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

/**
 * The author's newsletter requests (/nyhedsmails): written with the handbook's seven points, sent to the approvers
 * they pick, then to the editors; the editors' questions answered here. A person of the scheme asked to approve a
 * request answers on its page when signed in.
 */
@Controller
class NewsletterRequestController {

    static final String LIST = "publishing/list";
    static final String FORM = "publishing/form";
    static final String PAGE = "publishing/request";

    private final NewsletterRequests requests;
    private final NewsletterApprovals approvals;
    private final EditorsDesk desk;
    private final NewsletterAuthors authors;
    private final NewsletterAudiences audiences;
    private final WriterInvitations invitations;
    private final QualityChecks checks;
    private final PkOrientering pkOrientering;
    private final Access access;
    private final Clock clock;

    NewsletterRequestController(
            NewsletterRequests requests,
            NewsletterApprovals approvals,
            EditorsDesk desk,
            NewsletterAuthors authors,
            NewsletterAudiences audiences,
            WriterInvitations invitations,
            QualityChecks checks,
            PkOrientering pkOrientering,
            Access access,
            Clock clock) {
        this.requests = requests;
        this.approvals = approvals;
        this.desk = desk;
        this.authors = authors;
        this.audiences = audiences;
        this.invitations = invitations;
        this.checks = checks;
        this.pkOrientering = pkOrientering;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/nyhedsmails")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Optional<PkoPerson> person = authors.person(user);
        access.require(person.isPresent(), user, "publishing:list");
        boolean writes = authors.author(user).isPresent();
        model.addAttribute("writes", writes);
        model.addAttribute("own", writes ? requests.byAuthor(user.id()) : List.of());
        model.addAttribute("invitations", writes ? invitations.byInviter(user.id()) : List.of());
        model.addAttribute("awaiting", requests.awaitingApprovalBy(person.get().email()));
        model.addAttribute("awaitingChecks", checks.awaiting(person.get().email()));
        authors.coordinatedUnit(user).ifPresent(unit -> {
            var issues = pkOrientering.issues(unit);
            model.addAttribute("pkoDue", pkOrientering.due(issues, LocalDate.now(clock)));
            model.addAttribute(
                    "pkoWaiting", String.valueOf(pkOrientering.waiting(unit).size()));
        });
        return LIST;
    }

    @GetMapping("/nyhedsmails/ny")
    String newForm(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Author author = authors.requireAuthor(user);
        RequestForm form = new RequestForm();
        form.setSender(author.name());
        return form(model, author.regionCode(), form, null);
    }

    @PostMapping("/nyhedsmails")
    String create(
            @AuthenticationPrincipal SamspilPrincipal user,
            @Valid @ModelAttribute("requestForm") RequestForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Author author = authors.requireAuthor(user);
        check(form, result, author.regionCode());
        if (result.hasErrors()) {
            return form(model, author.regionCode(), form, null);
        }
        long id = requests.create(author, form.draft());
        redirect.addFlashAttribute("success", "publishing.request.saved");
        return "redirect:/nyhedsmails/" + id;
    }

    @GetMapping("/nyhedsmails/{id}")
    String page(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        RequestView request = authors.readable(user, id);
        LocalDate today = LocalDate.now(clock);
        boolean mine = request.authorUserId() == user.id();
        String email = authors.person(user).map(PkoPerson::email).orElse("");
        var all = approvals.of(id);
        model.addAttribute("request", request);
        model.addAttribute("mine", mine);
        model.addAttribute("audienceText", audiences.describe(request));
        model.addAttribute("approvals", all);
        model.addAttribute(
                "myApproval",
                all.stream()
                        .filter(a -> a.open()
                                && a.round() == request.approvalRound()
                                && request.status() == RequestStatus.APPROVAL
                                && a.approverEmail().equalsIgnoreCase(email))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("questions", desk.questions(id));
        model.addAttribute("returns", request.contribution() ? pkOrientering.returns(id) : List.of());
        model.addAttribute(
                "mayReturn", request.status() == RequestStatus.CONTRIBUTED && authors.sentToCoordinator(request, user));
        model.addAttribute("shortNotice", request.shortNotice(today));
        var allChecks = checks.of(id);
        model.addAttribute("checks", allChecks);
        model.addAttribute(
                "myCheck",
                allChecks.stream()
                        .filter(c -> c.open() && c.checkerEmail().equalsIgnoreCase(email))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("today", today.toString());
        return PAGE;
    }

    @GetMapping("/nyhedsmails/{id}/rediger")
    String editForm(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            Model model,
            RedirectAttributes redirect) {
        RequestView request = authors.own(user, id);
        if (!request.status().editable()) {
            return refused(redirect, id, "publishing.request.rule.notEditable", "handlinger");
        }
        return form(model, request.regionCode(), RequestForm.of(request), id);
    }

    @PostMapping("/nyhedsmails/{id}/rediger")
    String edit(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("requestForm") RequestForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        RequestView request = authors.own(user, id);
        check(form, result, request.regionCode());
        if (result.hasErrors()) {
            return form(model, request.regionCode(), form, id);
        }
        try {
            requests.update(id, form.draft());
        } catch (RuleViolation refused) {
            result.reject(refused.messageKey());
            return form(model, request.regionCode(), form, id);
        }
        redirect.addFlashAttribute("success", "publishing.request.saved");
        return "redirect:/nyhedsmails/" + id;
    }

    @PostMapping("/nyhedsmails/{id}/godkendelse")
    String askApproval(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        RequestView request = authors.own(user, id);
        try {
            approvals.ask(request);
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), "handlinger");
        }
        redirect.addFlashAttribute("success", "publishing.approval.asked");
        return "redirect:/nyhedsmails/" + id;
    }

    @PostMapping("/nyhedsmails/{id}/indsend")
    String submit(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirmShortNotice,
            RedirectAttributes redirect) {
        RequestView request = authors.own(user, id);
        try {
            if (request.contribution()) {
                pkOrientering.contribute(request);
            } else {
                desk.submit(request, confirmShortNotice, LocalDate.now(clock));
            }
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), "handlinger");
        }
        redirect.addFlashAttribute(
                "success", request.contribution() ? "publishing.submit.contributed" : "publishing.submit.done");
        return "redirect:/nyhedsmails/" + id;
    }

    @PostMapping("/nyhedsmails/{id}/spoergsmaal/{questionId}/svar")
    String answer(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long questionId,
            @RequestParam(required = false) String answer,
            RedirectAttributes redirect) {
        RequestView request = authors.own(user, id);
        String anchor = "spoergsmaal-" + questionId;
        if (RequestForm.blank(answer)) {
            return refused(redirect, id, "publishing.question.answer.required", anchor);
        }
        if (answer.length() > 5000) {
            return refused(redirect, id, "field.tooLong", anchor);
        }
        try {
            desk.answer(request, questionId, answer.strip(), request.authorName());
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), anchor);
        }
        redirect.addFlashAttribute("success", "publishing.question.answered");
        return "redirect:/nyhedsmails/" + id;
    }

    @PostMapping("/nyhedsmails/{id}/godkendelser/{approvalId}")
    String decide(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long approvalId,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        RequestView request = authors.readable(user, id);
        PkoPerson person = authors.person(user).orElseThrow();
        access.require(
                approvals.requestOf(approvalId).filter(r -> r == request.id()).isPresent(),
                user,
                "publishing:approval:" + approvalId);
        NewsletterApprovals.Decision answer =
                NewsletterApprovalLinkController.decision(decision, person.name(), comment);
        if (answer == null) {
            return refused(
                    redirect, id, NewsletterApprovalLinkController.problem(decision, comment), "min-godkendelse");
        }
        try {
            approvals.decideSignedIn(approvalId, person.email(), answer);
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), "min-godkendelse");
        }
        redirect.addFlashAttribute(
                "success", answer.approved() ? "publishing.approval.approved" : "publishing.approval.refused");
        return "redirect:/nyhedsmails/" + id;
    }

    @PostMapping("/nyhedsmails/{id}/kvalitetstjek/{checkId}")
    String check(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long checkId,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        RequestView request = authors.readable(user, id);
        PkoPerson person = authors.person(user).orElseThrow();
        access.require(checks.isChecker(id, person.email()), user, "publishing:quality:" + checkId);
        if (!"OK".equals(verdict) && !"REMARKS".equals(verdict)) {
            return refused(redirect, id, "publishing.quality.verdict.required", "mit-kvalitetstjek");
        }
        if (comment != null && comment.length() > 5000) {
            return refused(redirect, id, "field.tooLong", "mit-kvalitetstjek");
        }
        try {
            checks.answer(
                    request,
                    checkId,
                    person.email(),
                    "OK".equals(verdict),
                    RequestForm.blank(comment) ? null : comment.strip());
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), "mit-kvalitetstjek");
        }
        redirect.addFlashAttribute("success", "publishing.quality.answered");
        return "redirect:/nyhedsmails/" + id;
    }

    private void check(RequestForm form, BindingResult result, String regionCode) {
        audiences.check(form, result, regionCode, LocalDate.now(clock));
    }

    private String form(Model model, String regionCode, RequestForm form, Long id) {
        model.addAttribute("requestForm", form);
        model.addAttribute("requestId", id);
        audiences.options(model, regionCode);
        return FORM;
    }

    private static String refused(RedirectAttributes redirect, long id, String key, String anchor) {
        redirect.addFlashAttribute("error", key);
        redirect.addFlashAttribute("errorAt", anchor);
        return "redirect:/nyhedsmails/" + id + "#" + anchor;
    }
}
