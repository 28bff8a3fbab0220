package dk.samspil.pko.audit;

import static dk.samspil.pko.audit.AuditPages.done;
import static dk.samspil.pko.audit.AuditPages.succeeded;
import static dk.samspil.pko.audit.AuditPages.withForm;

import dk.samspil.office.Downloads;
import dk.samspil.pko.audit.AuditCases.Assessment;
import dk.samspil.pko.audit.AuditCases.CaseView;
import dk.samspil.pko.audit.AuditForms.CompleteForm;
import dk.samspil.pko.audit.AuditScope.Viewer;
import dk.samspil.pko.audit.Audits.AuditView;
import dk.samspil.pko.audit.Audits.Criterion;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Steps 2 and 3 of an audit: each case's referral and discharge letter assessed against every criterion, and the
 * result — seen by the consultant, the unit's practice coordinator and the medical coordinator, completed (and its
 * cases deleted) by the consultant, and written as Word.
 */
@Controller
class AuditReviewController {

    static final String CASE = "pko/audit/case";
    static final String REPORT = "pko/audit/report";
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AuditScope scope;
    private final Audits audits;
    private final AuditCases cases;
    private final AuditCompletion completion;
    private final AuditPages pages;

    AuditReviewController(
            AuditScope scope, Audits audits, AuditCases cases, AuditCompletion completion, AuditPages pages) {
        this.scope = scope;
        this.audits = audits;
        this.cases = cases;
        this.completion = completion;
        this.pages = pages;
    }

    @GetMapping("/pko/audit/{id}/sager/{caseId}")
    String caseForm(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long caseId,
            Model model) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.writable(viewer, id);
        CaseView view = pages.caseOf(id, caseId);
        Map<String, String> draft = new HashMap<>();
        draft.put("lookups", String.valueOf(view.lookupsRegistered()));
        cases.assessments(caseId).forEach((criterion, a) -> {
            draft.put("verdict-" + criterion, a.verdict().name());
            draft.put("remark-" + criterion, a.remark() == null ? "" : a.remark());
        });
        return caseForm(model, audit, view, draft, new HashMap<>());
    }

    @PostMapping("/pko/audit/{id}/sager/{caseId}")
    String assess(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long caseId,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.writable(viewer, id);
        CaseView view = pages.caseOf(id, caseId);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Long, Assessment> assessed = new LinkedHashMap<>();
        boolean lookups = "true".equals(params.get("lookups"));
        draft.put("lookups", String.valueOf(lookups));
        for (Criterion criterion : audits.criteria(id)) {
            String verdict = params.getOrDefault("verdict-" + criterion.id(), "");
            String remark = params.getOrDefault("remark-" + criterion.id(), "");
            draft.put("verdict-" + criterion.id(), verdict);
            draft.put("remark-" + criterion.id(), remark);
            var problem = CaseTexts.remarkProblem(remark);
            if (problem.isPresent()) {
                errors.put("remark-" + criterion.id(), problem.get());
            } else if (!verdict.isEmpty()) {
                try {
                    assessed.put(criterion.id(), new Assessment(Verdict.valueOf(verdict), AuditForms.clean(remark)));
                } catch (IllegalArgumentException unknown) {
                    errors.put("verdict-" + criterion.id(), "pko.audit.verdict.required");
                }
            }
        }
        if (succeeded(errors, () -> cases.assess(id, caseId, lookups, assessed, user.getUsername()))) {
            return done(redirect, id, "pko.audit.case.saved", "trin-2");
        }
        return caseForm(model, audit, view, draft, errors);
    }

    private String caseForm(
            Model model, AuditView audit, CaseView view, Map<String, String> draft, Map<String, String> errors) {
        model.addAttribute("audit", audit);
        model.addAttribute("theCase", view);
        model.addAttribute("caseIndex", cases.cases(audit.id()).indexOf(view) + 1);
        model.addAttribute("criteria", audits.criteria(audit.id()));
        model.addAttribute("verdicts", Verdict.values());
        return withForm(model, CASE, draft, errors, "vurdering");
    }

    @GetMapping("/pko/audit/{id}/rapport")
    String report(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Viewer viewer = pages.viewer(user);
        return report(model, viewer, pages.visible(viewer, id), new HashMap<>(), new HashMap<>());
    }

    @PostMapping("/pko/audit/{id}/afslut")
    String complete(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            CompleteForm form,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.writable(viewer, id);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(draft, errors);
        if (succeeded(
                errors,
                () -> completion.complete(
                        id,
                        form.conclusions().strip(),
                        AuditForms.clean(form.actions()),
                        new AuditCompletion.Report(
                                scope.placeName(audit), scope.unitName(audit), scope.coordinatorEmails(audit)),
                        user.getUsername()))) {
            redirect.addFlashAttribute("success", "pko.audit.completed");
            return "redirect:/pko/audit/" + id + "/rapport";
        }
        return report(model, viewer, audit, draft, errors);
    }

    private String report(
            Model model, Viewer viewer, AuditView audit, Map<String, String> draft, Map<String, String> errors) {
        model.addAttribute("audit", audit);
        model.addAttribute("place", scope.placeName(audit));
        model.addAttribute("unit", scope.unitName(audit));
        model.addAttribute("writer", viewer.writes(audit));
        model.addAttribute("results", completion.results(audit.id(), audit.status()));
        List<CaseView> all = audit.status() == AuditStatus.COMPLETED ? List.of() : cases.cases(audit.id());
        model.addAttribute("caseCount", all.size());
        model.addAttribute(
                "completeCount", all.stream().filter(CaseView::complete).count());
        return withForm(model, REPORT, draft, errors, "afslut");
    }

    @GetMapping("/pko/audit/{id}/rapport.docx")
    ResponseEntity<byte[]> reportDocx(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.visible(viewer, id);
        byte[] docx = completion
                .reportDocx(audit, scope.placeName(audit), scope.unitName(audit))
                .orElseThrow(() -> new AccessRefusedException("pko-audit:" + id + ":report"));
        return Downloads.attachment(docx, DOCX, "audit-" + id + "-rapport.docx");
    }
}
