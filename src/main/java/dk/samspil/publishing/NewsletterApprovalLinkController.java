package dk.samspil.publishing;

import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SingleLineRule;
import dk.samspil.publishing.NewsletterApprovals.ApprovalView;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An approver's answer through the personal link of their e-mail (/nyhedsmail-godkendelse/{approvalId}/{token}):
 * no account needed; the link opens only its own request, only while the round it was sent in is open, and answers
 * once. The approver reads the text as it will be sent and approves, or refuses with a comment.
 */
@Controller
class NewsletterApprovalLinkController {

    static final String VIEW = "publishing/approval";
    static final String INVALID = "publishing/approval-invalid";
    static final String DONE = "publishing/approval-done";
    static final int COMMENT_MAX = 2000;

    private final NewsletterApprovals approvals;
    private final NewsletterRequests requests;
    private final NewsletterAudiences audiences;

    NewsletterApprovalLinkController(
            NewsletterApprovals approvals, NewsletterRequests requests, NewsletterAudiences audiences) {
        this.approvals = approvals;
        this.requests = requests;
        this.audiences = audiences;
    }

    @GetMapping("/nyhedsmail-godkendelse/{approvalId}/{token}")
    String page(@PathVariable long approvalId, @PathVariable String token, Model model, HttpServletResponse response) {
        return approvals
                .openLink(approvalId, token)
                .map(approval -> render(model, approval, token, new HashMap<>(), new HashMap<>()))
                .orElseGet(() -> invalid(response));
    }

    @PostMapping("/nyhedsmail-godkendelse/{approvalId}/{token}")
    String decide(
            @PathVariable long approvalId,
            @PathVariable String token,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String comment,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var open = approvals.openLink(approvalId, token);
        if (open.isEmpty()) {
            return invalid(response);
        }
        Map<String, String> draft = new HashMap<>();
        draft.put("decision", decision == null ? "" : decision);
        draft.put("name", name == null ? "" : name);
        draft.put("comment", comment == null ? "" : comment);
        Map<String, String> errors = new HashMap<>();
        String problem = problem(decision, comment);
        if (problem != null) {
            errors.put(
                    problem.endsWith("comment.required") || problem.equals("field.tooLong") ? "comment" : "decision",
                    problem);
        }
        if (RequestForm.blank(name)) {
            errors.put("name", "publishing.approval.name.required");
        } else if (name.length() > 200) {
            errors.put("name", "field.tooLong");
        } else if (!SingleLineRule.holds(name)) {
            errors.put("name", SingleLineRule.KEY);
        }
        if (!errors.isEmpty()) {
            return render(model, open.get(), token, draft, errors);
        }
        NewsletterApprovals.Decision answer = decision(decision, name.strip(), comment);
        try {
            approvals.decideByLink(approvalId, token, answer);
        } catch (RuleViolation spentMeanwhile) {
            return invalid(response);
        }
        redirect.addFlashAttribute("approved", answer.approved());
        return "redirect:/nyhedsmail-godkendelse/besvaret";
    }

    @GetMapping("/nyhedsmail-godkendelse/besvaret")
    String done() {
        return DONE;
    }

    /** The answer, or null when it is missing or malformed ({@link #problem} says what is wrong). */
    static NewsletterApprovals.Decision decision(String decision, String name, String comment) {
        if (problem(decision, comment) != null) {
            return null;
        }
        return new NewsletterApprovals.Decision(
                "APPROVE".equals(decision), name, RequestForm.blank(comment) ? null : comment.strip());
    }

    /** What is wrong with an answer: no choice, a refusal without its reason, an oversized comment; else null. */
    static String problem(String decision, String comment) {
        if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
            return "publishing.approval.decision.required";
        }
        if (comment != null && comment.length() > COMMENT_MAX) {
            return "field.tooLong";
        }
        if ("REFUSE".equals(decision) && RequestForm.blank(comment)) {
            return "publishing.approval.comment.required";
        }
        return null;
    }

    private String render(
            Model model, ApprovalView approval, String token, Map<String, String> draft, Map<String, String> errors) {
        var request =
                requests.find(approvals.requestOf(approval.id()).orElseThrow()).orElseThrow();
        model.addAttribute("approval", approval);
        model.addAttribute("request", request);
        model.addAttribute("audienceText", audiences.describe(request));
        model.addAttribute("token", token);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("errorItem", errors.isEmpty() ? null : "answer");
        return VIEW;
    }

    /** An unknown, spent or other request's link: the same page for all, so a guess learns nothing. */
    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return INVALID;
    }
}
