package dk.samspil.publishing;

import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SingleLineRule;
import dk.samspil.publishing.PathwayApprovals.ApprovalView;
import dk.samspil.publishing.PathwayAuthors.InvitedAuthor;
import dk.samspil.publishing.Pathways.PathwayView;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pathway's personal links, no account needed: an approver's (/forloeb-godkendelse/{approvalId}/{token}, once,
 * only its pathway and round) and an invited author's (/forloeb-forfatter/{token}, edits only its pathway). An
 * unknown, spent or other pathway's link gets the same 404 page.
 */
@Controller
class PathwayLinkController {

    static final String APPROVAL = "publishing/pathway-approval";
    static final String AUTHOR = "publishing/pathway-author";

    private final PathwayApprovals approvals;
    private final PathwayAuthors invited;
    private final Pathways pathways;
    private final Clock clock;

    PathwayLinkController(PathwayApprovals approvals, PathwayAuthors invited, Pathways pathways, Clock clock) {
        this.approvals = approvals;
        this.invited = invited;
        this.pathways = pathways;
        this.clock = clock;
    }

    @GetMapping("/forloeb-godkendelse/{approvalId}/{token}")
    String approval(
            @PathVariable long approvalId,
            @PathVariable String token,
            Model model,
            HttpServletResponse response,
            CsrfToken csrf) {
        early(csrf);
        return approvals
                .openLink(approvalId, token)
                .map(a -> renderApproval(model, a, token, new HashMap<>(), new HashMap<>()))
                .orElseGet(() -> invalid(response));
    }

    @PostMapping("/forloeb-godkendelse/{approvalId}/{token}")
    String decide(
            @PathVariable long approvalId,
            @PathVariable String token,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String comment,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            CsrfToken csrf) {
        early(csrf);
        Optional<ApprovalView> open = approvals.openLink(approvalId, token);
        if (open.isEmpty()) {
            return invalid(response);
        }
        Map<String, String> draft = new HashMap<>();
        draft.put("decision", decision == null ? "" : decision);
        draft.put("name", name == null ? "" : name);
        draft.put("comment", comment == null ? "" : comment);
        Map<String, String> errors = new HashMap<>();
        String problem = NewsletterApprovalLinkController.problem(decision, comment);
        if (problem != null) {
            errors.put(
                    problem.endsWith("comment.required") || problem.equals("field.tooLong") ? "comment" : "decision",
                    problem);
        }
        if (RequestForm.blank(name)) {
            errors.put("name", "publishing.approval.name.required");
        } else if (name.length() > 200 || !SingleLineRule.holds(name)) {
            errors.put("name", SingleLineRule.KEY);
        }
        if (!errors.isEmpty()) {
            return renderApproval(model, open.get(), token, draft, errors);
        }
        var answer = NewsletterApprovalLinkController.decision(decision, name.strip(), comment);
        try {
            approvals.decideByLink(approvalId, token, answer);
        } catch (RuleViolation spentMeanwhile) {
            return invalid(response);
        }
        redirect.addFlashAttribute("approved", answer.approved());
        return "redirect:/nyhedsmail-godkendelse/besvaret";
    }

    @GetMapping("/forloeb-forfatter/{token}")
    String authorForm(@PathVariable String token, Model model, HttpServletResponse response, CsrfToken csrf) {
        early(csrf);
        Optional<InvitedAuthor> author = invited.open(token);
        if (author.isEmpty()) {
            return invalid(response);
        }
        PathwayView pathway = pathways.find(author.get().pathwayId()).orElseThrow();
        var newest = pathways.version(pathway.id(), pathway.version()).orElseThrow();
        return renderAuthor(model, pathway, author.get(), token, PathwayForm.of(pathway, newest.sections()), Map.of());
    }

    @PostMapping("/forloeb-forfatter/{token}")
    String authorSave(
            @PathVariable String token,
            @RequestParam Map<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            CsrfToken csrf) {
        early(csrf);
        Optional<InvitedAuthor> author = invited.open(token);
        if (author.isEmpty()) {
            return invalid(response);
        }
        PathwayView pathway = pathways.find(author.get().pathwayId()).orElseThrow();
        return PathwayPage.save(
                pathways,
                approvals,
                pathway,
                params,
                author.get().name() + " (" + author.get().email() + ")",
                LocalDate.now(clock),
                model,
                redirect,
                (draft, errors) -> renderAuthor(model, pathway, author.get(), token, draft, errors),
                "/forloeb-forfatter/" + token);
    }

    private String renderApproval(
            Model model, ApprovalView approval, String token, Map<String, String> draft, Map<String, String> errors) {
        PathwayView pathway = pathways.find(approval.pathwayId()).orElseThrow();
        var version = pathways.version(pathway.id(), approval.version()).orElseThrow();
        model.addAttribute("approval", approval);
        model.addAttribute("pathway", pathway);
        model.addAttribute("sections", PathwayPage.sections(version.sections()));
        model.addAttribute("token", token);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("errorItem", errors.isEmpty() ? null : "answer");
        if (approval.version() > 1) {
            pathways.version(pathway.id(), approval.version() - 1)
                    .ifPresent(previous ->
                            model.addAttribute("diffs", PathwayPage.diffs(previous.sections(), version.sections())));
        }
        return APPROVAL;
    }

    private String renderAuthor(
            Model model,
            PathwayView pathway,
            InvitedAuthor author,
            String token,
            Map<String, String> draft,
            Map<String, String> errors) {
        model.addAttribute("pathway", pathway);
        model.addAttribute("author", author);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("errorItem", errors.isEmpty() ? null : "pathway");
        model.addAttribute("sectionKeys", Pathways.SECTIONS);
        model.addAttribute("changeOfValid", pathway.approvedVersion() != null);
        model.addAttribute("formAction", "/forloeb-forfatter/" + token);
        model.addAttribute("baseVersion", pathway.version());
        return AUTHOR;
    }

    /**
     * The form's CSRF token made before the page is written: a long pathway fills the response buffer, and a session
     * cannot be created once the response is committed.
     */
    private static void early(CsrfToken csrf) {
        if (csrf != null) {
            csrf.getToken();
        }
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return NewsletterApprovalLinkController.INVALID;
    }
}
