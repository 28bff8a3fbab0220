package dk.samspil.pko.audit;

import dk.samspil.pko.audit.AuditForms.DecisionForm;
import dk.samspil.pko.audit.Audits.AuditView;
import dk.samspil.platform.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrative management's answer to an audit request, through the personal link of its e-mail
 * (/audit-godkendelse/{auditId}/{token}): no account needed; the link opens only its own audit and answers once.
 * Shows what the department asked for (title, place, description, criteria) — there are no cases yet.
 */
@Controller
class ApprovalLinkController {

    static final String VIEW = "pko/audit/approval";
    static final String INVALID = "pko/audit/approval-invalid";
    static final String DONE = "pko/audit/approval-done";

    private final AuditApproval approval;
    private final Audits audits;
    private final AuditScope scope;

    ApprovalLinkController(AuditApproval approval, Audits audits, AuditScope scope) {
        this.approval = approval;
        this.audits = audits;
        this.scope = scope;
    }

    @GetMapping("/audit-godkendelse/{auditId}/{token}")
    String page(@PathVariable long auditId, @PathVariable String token, Model model, HttpServletResponse response) {
        if (approval.openLink(auditId, token).isEmpty()) {
            return invalid(response);
        }
        return render(model, audits.find(auditId).orElseThrow(), token, new HashMap<>(), new HashMap<>());
    }

    @PostMapping("/audit-godkendelse/{auditId}/{token}")
    String decide(
            @PathVariable long auditId,
            @PathVariable String token,
            DecisionForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (approval.openLink(auditId, token).isEmpty()) {
            return invalid(response);
        }
        AuditView audit = audits.find(auditId).orElseThrow();
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(draft, errors);
        if (!errors.isEmpty()) {
            return render(model, audit, token, draft, errors);
        }
        try {
            approval.decideByLink(
                    auditId,
                    token,
                    new AuditApproval.Decision(
                            form.approved(),
                            form.name().strip(),
                            form.title().strip(),
                            AuditForms.clean(form.comment())));
        } catch (RuleViolation spentMeanwhile) {
            return invalid(response);
        }
        redirect.addFlashAttribute("approved", form.approved());
        redirect.addFlashAttribute("auditTitle", audit.title());
        return "redirect:/audit-godkendelse/besvaret";
    }

    @GetMapping("/audit-godkendelse/besvaret")
    String done() {
        return DONE;
    }

    private String render(
            Model model, AuditView audit, String token, Map<String, String> draft, Map<String, String> errors) {
        model.addAttribute("audit", audit);
        model.addAttribute("place", scope.placeName(audit));
        model.addAttribute("criteria", audits.criteria(audit.id()));
        model.addAttribute("token", token);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("errorItem", errors.isEmpty() ? null : "svar");
        return VIEW;
    }

    /** An unknown, spent or other audit's link: the same page for all, so a guess learns nothing. */
    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return INVALID;
    }
}
