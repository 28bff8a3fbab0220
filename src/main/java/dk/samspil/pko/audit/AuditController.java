package dk.samspil.pko.audit;

import static dk.samspil.pko.audit.AuditPages.done;
import static dk.samspil.pko.audit.AuditPages.succeeded;
import static dk.samspil.pko.audit.AuditPages.withForm;

import dk.samspil.office.Downloads;
import dk.samspil.pko.audit.AuditCases.CaseView;
import dk.samspil.pko.audit.AuditForms.CasesForm;
import dk.samspil.pko.audit.AuditForms.CriterionForm;
import dk.samspil.pko.audit.AuditForms.LetterForm;
import dk.samspil.pko.audit.AuditForms.PlanForm;
import dk.samspil.pko.audit.AuditForms.RequestForm;
import dk.samspil.pko.audit.AuditScope.Viewer;
import dk.samspil.pko.audit.Audits.AuditView;
import dk.samspil.pko.audit.Audits.Criterion;
import dk.samspil.platform.UploadLimits;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audits of a PKO user (/pko/audit), planning and step 1 and the cases of step 2: planned and carried out by the
 * department's consultant, seen by the unit's practice coordinator and the medical coordinator; everyone else gets
 * 404. A refused step comes back on the page with its Danish message at the field and what was typed kept. The
 * assessment of each case and the result are in {@link AuditReviewController}.
 */
@Controller
class AuditController {

    static final String LIST = "pko/audit/list";
    static final String PLAN = "pko/audit/plan";
    static final String AUDIT = "pko/audit/audit";
    static final String LETTER = "pko/audit/letter";

    private final AuditScope scope;
    private final Audits audits;
    private final AuditApproval approval;
    private final AuditCases cases;
    private final AuditPages pages;
    private final UploadLimits uploads;

    AuditController(
            AuditScope scope,
            Audits audits,
            AuditApproval approval,
            AuditCases cases,
            AuditPages pages,
            UploadLimits uploads) {
        this.scope = scope;
        this.audits = audits;
        this.approval = approval;
        this.cases = cases;
        this.pages = pages;
        this.uploads = uploads;
    }

    @GetMapping("/pko/audit")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Viewer viewer = pages.viewer(user);
        model.addAttribute("viewer", viewer);
        model.addAttribute(
                "audits",
                audits.inRegion(viewer.regionCode()).stream()
                        .filter(viewer::sees)
                        .map(a -> new Row(a, scope.placeName(a)))
                        .toList());
        return LIST;
    }

    record Row(AuditView audit, String place) {}

    @GetMapping("/pko/audit/ny")
    String planForm(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Viewer viewer = pages.planner(user);
        return plan(model, viewer, new HashMap<>(), new HashMap<>());
    }

    @PostMapping("/pko/audit")
    String plan(
            @AuthenticationPrincipal SamspilPrincipal user, PlanForm form, Model model, RedirectAttributes redirect) {
        Viewer viewer = pages.planner(user);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(draft, errors);
        AuditScope.Place place = viewer.places().stream()
                .filter(p -> p.key().equals(form.place()))
                .findFirst()
                .orElse(null);
        if (place == null && !errors.containsKey("place")) {
            errors.put("place", "pko.audit.place.required");
        }
        if (!errors.isEmpty()) {
            return plan(model, viewer, draft, errors);
        }
        long id = audits.plan(
                new Audits.Plan(
                        viewer.regionCode(),
                        place.departmentId(),
                        place.municipalityCode(),
                        form.title().strip(),
                        form.description().strip(),
                        form.departmentDoctor().strip()),
                user.getUsername());
        return done(redirect, id, "pko.audit.planned", "trin-1");
    }

    private String plan(Model model, Viewer viewer, Map<String, String> draft, Map<String, String> errors) {
        model.addAttribute("places", viewer.places());
        model.addAttribute("defaultCriteria", audits.defaultCriteria());
        return withForm(model, PLAN, draft, errors, "plan");
    }

    @GetMapping("/pko/audit/{id}")
    String audit(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Viewer viewer = pages.viewer(user);
        return render(model, viewer, pages.visible(viewer, id), new HashMap<>(), new HashMap<>(), null);
    }

    @PostMapping("/pko/audit/{id}/kriterier")
    String addCriterion(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            CriterionForm form,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.writable(viewer, id);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check("criterion", draft, errors);
        return attempt(
                model,
                viewer,
                audit,
                draft,
                errors,
                "kriterier",
                () -> audits.addCriterion(id, form.text().strip()),
                redirect,
                "pko.audit.criterion.added");
    }

    @PostMapping("/pko/audit/{id}/kriterier/{criterionId}")
    String saveCriterion(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long criterionId,
            CriterionForm form,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.writable(viewer, id);
        criterion(id, criterionId);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check("criterion-" + criterionId, draft, errors);
        return attempt(
                model,
                viewer,
                audit,
                draft,
                errors,
                "kriterier",
                () -> audits.saveCriterion(id, criterionId, form.text().strip()),
                redirect,
                "pko.audit.criterion.saved");
    }

    @PostMapping("/pko/audit/{id}/kriterier/{criterionId}/slet")
    String removeCriterion(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long criterionId,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.writable(viewer, id);
        criterion(id, criterionId);
        return attempt(
                model,
                viewer,
                audit,
                new HashMap<>(),
                new HashMap<>(),
                "kriterier",
                () -> audits.removeCriterion(id, criterionId),
                redirect,
                "pko.audit.criterion.removed");
    }

    @PostMapping("/pko/audit/{id}/anmodning")
    String request(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            RequestForm form,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.writable(viewer, id);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(draft, errors);
        return attempt(
                model,
                viewer,
                audit,
                draft,
                errors,
                "trin-1",
                () -> approval.request(
                        audit,
                        new AuditApproval.Request(
                                form.managementName().strip(),
                                form.managementEmail().strip(),
                                form.requestText().strip()),
                        scope.placeName(audit),
                        viewer.displayName()),
                redirect,
                "pko.audit.requested");
    }

    @GetMapping("/pko/audit/{id}/godkendelsesbrev")
    String letterForm(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Viewer viewer = pages.viewer(user);
        return letter(model, pages.writable(viewer, id), new HashMap<>(), new HashMap<>());
    }

    @PostMapping("/pko/audit/{id}/godkendelsesbrev")
    String uploadLetter(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            LetterForm form,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.writable(viewer, id);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(uploads.maxBytes(), draft, errors);
        if (succeeded(
                errors,
                () -> approval.approveByLetter(
                        id,
                        form.approverName().strip(),
                        form.approverTitle().strip(),
                        new AuditApproval.Letter(
                                fileName(form.file().getOriginalFilename()), LetterForm.kind(form.file()), bytes(form)),
                        user.getUsername()))) {
            return done(redirect, id, "pko.audit.letter.saved", "trin-1");
        }
        return letter(model, audit, draft, errors);
    }

    private String letter(Model model, AuditView audit, Map<String, String> draft, Map<String, String> errors) {
        model.addAttribute("audit", audit);
        model.addAttribute("place", scope.placeName(audit));
        return withForm(model, LETTER, draft, errors, "brev");
    }

    @GetMapping("/pko/audit/{id}/godkendelsesbrev/fil")
    ResponseEntity<byte[]> letterFile(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id) {
        Viewer viewer = pages.viewer(user);
        pages.visible(viewer, id);
        AuditApproval.Letter letter =
                approval.letter(id).orElseThrow(() -> new AccessRefusedException("pko-audit:" + id + ":letter"));
        return Downloads.attachment(
                letter.content(), MediaType.parseMediaType(letter.contentType()), letter.fileName());
    }

    @PostMapping("/pko/audit/{id}/sager")
    String addCases(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            CasesForm form,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.writable(viewer, id);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        List<String> numbers = form.check(draft, errors);
        return attempt(
                model,
                viewer,
                audit,
                draft,
                errors,
                "trin-2",
                () -> cases.add(id, numbers),
                redirect,
                "pko.audit.case.added");
    }

    @PostMapping("/pko/audit/{id}/sager/{caseId}/slet")
    String removeCase(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long caseId,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = pages.viewer(user);
        AuditView audit = pages.writable(viewer, id);
        pages.caseOf(id, caseId);
        return attempt(
                model,
                viewer,
                audit,
                new HashMap<>(),
                new HashMap<>(),
                "trin-2",
                () -> cases.remove(id, caseId),
                redirect,
                "pko.audit.case.removed");
    }

    /** Runs a guarded step when the form had no errors; a refusal comes back on the audit page at its step. */
    private String attempt(
            Model model,
            Viewer viewer,
            AuditView audit,
            Map<String, String> draft,
            Map<String, String> errors,
            String anchor,
            Runnable step,
            RedirectAttributes redirect,
            String success) {
        if (succeeded(errors, step)) {
            return done(redirect, audit.id(), success, anchor);
        }
        return render(model, viewer, audit, draft, errors, anchor);
    }

    private static byte[] bytes(LetterForm form) {
        try {
            return form.file().getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String render(
            Model model,
            Viewer viewer,
            AuditView audit,
            Map<String, String> draft,
            Map<String, String> errors,
            String errorItem) {
        model.addAttribute("audit", audit);
        model.addAttribute("place", scope.placeName(audit));
        model.addAttribute("unit", scope.unitName(audit));
        model.addAttribute("writer", viewer.writes(audit));
        model.addAttribute("awaitsApproval", audit.status().awaitsApproval());
        model.addAttribute("criteria", audits.criteria(audit.id()));
        List<CaseView> all = cases.cases(audit.id());
        model.addAttribute("cases", all);
        model.addAttribute("caseTarget", AuditCases.CASES);
        model.addAttribute(
                "completeCount", all.stream().filter(CaseView::complete).count());
        return withForm(model, AUDIT, draft, errors, errorItem);
    }

    private Criterion criterion(long id, long criterionId) {
        return audits.criteria(id).stream()
                .filter(c -> c.id() == criterionId)
                .findFirst()
                .orElseThrow(() -> new AccessRefusedException("pko-audit:" + id + ":criterion:" + criterionId));
    }

    private static String fileName(String original) {
        String name = original == null
                ? "godkendelse"
                : original.replaceAll(".*[/\\\\]", "").replaceAll("[\\r\\n\"]", "");
        return name.isBlank() ? "godkendelse" : name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
