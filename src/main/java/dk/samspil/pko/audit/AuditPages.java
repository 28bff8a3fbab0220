package dk.samspil.pko.audit;

import dk.samspil.pko.audit.AuditCases.CaseView;
import dk.samspil.pko.audit.AuditScope.Viewer;
import dk.samspil.pko.audit.Audits.AuditView;
import dk.samspil.platform.RuleViolation;
import dk.samspil.security.Access;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the audit pages share: who may see and write an audit (404 otherwise), and how a page takes a form. */
@Component
class AuditPages {

    private final AuditScope scope;
    private final Audits audits;
    private final AuditCases cases;
    private final Access access;

    AuditPages(AuditScope scope, Audits audits, AuditCases cases, Access access) {
        this.scope = scope;
        this.audits = audits;
        this.cases = cases;
        this.access = access;
    }

    /** Runs the step when the form had no errors; a refusal by the audit's rules is put at its field. */
    static boolean succeeded(Map<String, String> errors, Runnable step) {
        if (!errors.isEmpty()) {
            return false;
        }
        try {
            step.run();
            return true;
        } catch (RuleViolation e) {
            errors.put(e.field(), e.messageKey());
            return false;
        }
    }

    /** What was typed and its errors (message keys by field), with the item of the page the errors belong to. */
    static String withForm(
            Model model, String view, Map<String, String> draft, Map<String, String> errors, String item) {
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("errorItem", errors.isEmpty() ? null : item);
        return view;
    }

    static String done(RedirectAttributes redirect, long id, String message, String anchor) {
        redirect.addFlashAttribute("success", message);
        return "redirect:/pko/audit/" + id + "#" + anchor;
    }

    /** The signed-in user as a PKO person; everyone else is answered 404 on every audit page. */
    Viewer viewer(SamspilPrincipal user) {
        Viewer viewer = scope.viewer(user).orElse(null);
        access.require(viewer != null, user, "pko-audit");
        return viewer;
    }

    Viewer planner(SamspilPrincipal user) {
        Viewer viewer = viewer(user);
        access.require(!viewer.places().isEmpty(), user, "pko-audit:plan");
        return viewer;
    }

    AuditView visible(Viewer viewer, long id) {
        AuditView audit = audits.find(id).filter(viewer::sees).orElse(null);
        access.require(audit != null, viewer.user(), "pko-audit:" + id);
        return audit;
    }

    AuditView writable(Viewer viewer, long id) {
        AuditView audit = visible(viewer, id);
        access.require(viewer.writes(audit), viewer.user(), "pko-audit:" + id + ":write");
        return audit;
    }

    CaseView caseOf(long id, long caseId) {
        return cases.find(id, caseId)
                .orElseThrow(() -> new AccessRefusedException("pko-audit:" + id + ":case:" + caseId));
    }
}
