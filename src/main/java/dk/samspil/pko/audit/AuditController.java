package dk.samspil.pko.audit;

import dk.samspil.pko.audit.AuditCases.Assessment;
import dk.samspil.pko.audit.AuditCases.CaseView;
import dk.samspil.pko.audit.AuditForms.CasesForm;
import dk.samspil.pko.audit.AuditForms.CompleteForm;
import dk.samspil.pko.audit.AuditForms.CriterionForm;
import dk.samspil.pko.audit.AuditForms.LetterForm;
import dk.samspil.pko.audit.AuditForms.PlanForm;
import dk.samspil.pko.audit.AuditForms.RequestForm;
import dk.samspil.pko.audit.AuditScope.Viewer;
import dk.samspil.pko.audit.Audits.AuditView;
import dk.samspil.pko.audit.Audits.Criterion;
import dk.samspil.platform.UploadLimits;
import dk.samspil.security.Access;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * The audits of a PKO user (/pko/audit): planned and carried out by the department's consultant, seen by the unit's
 * practice coordinator and the medical coordinator; everyone else gets 404. A refused step comes back on the page
 * with its Danish message at the field and what was typed kept.
 */
@Controller
class AuditController {

    static final String LIST = "pko/audit/list";
    static final String PLAN = "pko/audit/plan";
    static final String AUDIT = "pko/audit/audit";
    static final String LETTER = "pko/audit/letter";
    static final String CASE = "pko/audit/case";
    static final String REPORT = "pko/audit/report";
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AuditScope scope;
    private final Audits audits;
    private final AuditApproval approval;
    private final AuditCases cases;
    private final AuditCompletion completion;
    private final Access access;
    private final UploadLimits uploads;

    AuditController(AuditScope scope, Audits audits, AuditApproval approval, AuditCases cases, AuditCompletion completion,
            Access access, UploadLimits uploads) {
        this.scope = scope;
        this.audits = audits;
        this.approval = approval;
        this.cases = cases;
        this.completion = completion;
        this.access = access;
        this.uploads = uploads;
    }

    @GetMapping("/pko/audit")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Viewer viewer = viewer(user);
        model.addAttribute("viewer", viewer);
        model.addAttribute("audits", audits.inRegion(viewer.regionCode()).stream().filter(viewer::sees)
                .map(a -> new Row(a, scope.placeName(a))).toList());
        return LIST;
    }

    record Row(AuditView audit, String place) {}

    @GetMapping("/pko/audit/ny")
    String planForm(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Viewer viewer = planner(user);
        return plan(model, viewer, new HashMap<>(), new HashMap<>());
    }

    @PostMapping("/pko/audit")
    String plan(@AuthenticationPrincipal SamspilPrincipal user, PlanForm form, Model model, RedirectAttributes redirect) {
        Viewer viewer = planner(user);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(draft, errors);
        AuditScope.Place place = viewer.places().stream().filter(p -> p.key().equals(form.place())).findFirst().orElse(null);
        if (place == null && !errors.containsKey("place")) {
            errors.put("place", "pko.audit.place.required");
        }
        if (!errors.isEmpty()) {
            return plan(model, viewer, draft, errors);
        }
        long id = audits.plan(new Audits.Plan(viewer.regionCode(), place.departmentId(), place.municipalityCode(),
                form.title().strip(), form.description().strip(), form.departmentDoctor().strip()), user.getUsername());
        return done(redirect, id, "pko.audit.planned", "trin-1");
    }

    private String plan(Model model, Viewer viewer, Map<String, String> draft, Map<String, String> errors) {
        model.addAttribute("places", viewer.places());
        model.addAttribute("defaultCriteria", audits.defaultCriteria());
        return withForm(model, PLAN, draft, errors, "plan");
    }

    @GetMapping("/pko/audit/{id}")
    String audit(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Viewer viewer = viewer(user);
        return render(model, viewer, visible(viewer, id), new HashMap<>(), new HashMap<>(), null);
    }

    @PostMapping("/pko/audit/{id}/kriterier")
    String addCriterion(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, CriterionForm form, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewer(user);
        AuditView audit = writable(viewer, id);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check("criterion", draft, errors);
        return attempt(model, viewer, audit, draft, errors, "kriterier",
                () -> audits.addCriterion(id, form.text().strip()), redirect, "pko.audit.criterion.added");
    }

    @PostMapping("/pko/audit/{id}/kriterier/{criterionId}")
    String saveCriterion(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, @PathVariable long criterionId,
            CriterionForm form, Model model, RedirectAttributes redirect) {
        Viewer viewer = viewer(user);
        AuditView audit = writable(viewer, id);
        criterion(id, criterionId);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check("criterion-" + criterionId, draft, errors);
        return attempt(model, viewer, audit, draft, errors, "kriterier",
                () -> audits.saveCriterion(id, criterionId, form.text().strip()), redirect, "pko.audit.criterion.saved");
    }

    @PostMapping("/pko/audit/{id}/kriterier/{criterionId}/slet")
    String removeCriterion(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, @PathVariable long criterionId,
            Model model, RedirectAttributes redirect) {
        Viewer viewer = viewer(user);
        AuditView audit = writable(viewer, id);
        criterion(id, criterionId);
        return attempt(model, viewer, audit, new HashMap<>(), new HashMap<>(), "kriterier",
                () -> audits.removeCriterion(id, criterionId), redirect, "pko.audit.criterion.removed");
    }

    @PostMapping("/pko/audit/{id}/anmodning")
    String request(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, RequestForm form, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewer(user);
        AuditView audit = writable(viewer, id);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(draft, errors);
        return attempt(model, viewer, audit, draft, errors, "trin-1", () -> approval.request(audit,
                new AuditApproval.Request(form.managementName().strip(), form.managementEmail().strip(), form.requestText().strip()),
                scope.placeName(audit), viewer.displayName()), redirect, "pko.audit.requested");
    }

    @GetMapping("/pko/audit/{id}/godkendelsesbrev")
    String letterForm(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Viewer viewer = viewer(user);
        return letter(model, writable(viewer, id), new HashMap<>(), new HashMap<>());
    }

    @PostMapping("/pko/audit/{id}/godkendelsesbrev")
    String uploadLetter(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, LetterForm form, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewer(user);
        AuditView audit = writable(viewer, id);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(uploads.maxBytes(), draft, errors);
        if (succeeded(errors, () -> approval.approveByLetter(id, form.approverName().strip(), form.approverTitle().strip(),
                new AuditApproval.Letter(fileName(form.file().getOriginalFilename()), LetterForm.kind(form.file()),
                        bytes(form)), user.getUsername()))) {
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
        Viewer viewer = viewer(user);
        visible(viewer, id);
        AuditApproval.Letter letter = approval.letter(id).orElseThrow(() -> new AccessRefusedException("pko-audit:" + id + ":letter"));
        return download(letter.content(), MediaType.parseMediaType(letter.contentType()), letter.fileName());
    }

    @PostMapping("/pko/audit/{id}/sager")
    String addCases(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, CasesForm form, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewer(user);
        AuditView audit = writable(viewer, id);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        List<String> numbers = form.check(draft, errors);
        return attempt(model, viewer, audit, draft, errors, "trin-2", () -> cases.add(id, numbers), redirect,
                "pko.audit.case.added");
    }

    @PostMapping("/pko/audit/{id}/sager/{caseId}/slet")
    String removeCase(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, @PathVariable long caseId,
            Model model, RedirectAttributes redirect) {
        Viewer viewer = viewer(user);
        AuditView audit = writable(viewer, id);
        caseOf(id, caseId);
        return attempt(model, viewer, audit, new HashMap<>(), new HashMap<>(), "trin-2", () -> cases.remove(id, caseId),
                redirect, "pko.audit.case.removed");
    }

    @GetMapping("/pko/audit/{id}/sager/{caseId}")
    String caseForm(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, @PathVariable long caseId,
            Model model) {
        Viewer viewer = viewer(user);
        AuditView audit = writable(viewer, id);
        CaseView view = caseOf(id, caseId);
        Map<String, String> draft = new HashMap<>();
        draft.put("lookups", String.valueOf(view.lookupsRegistered()));
        cases.assessments(caseId).forEach((criterion, a) -> {
            draft.put("verdict-" + criterion, a.verdict().name());
            draft.put("remark-" + criterion, a.remark() == null ? "" : a.remark());
        });
        return caseForm(model, audit, view, draft, new HashMap<>());
    }

    @PostMapping("/pko/audit/{id}/sager/{caseId}")
    String assess(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, @PathVariable long caseId,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Viewer viewer = viewer(user);
        AuditView audit = writable(viewer, id);
        CaseView view = caseOf(id, caseId);
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

    private String caseForm(Model model, AuditView audit, CaseView view, Map<String, String> draft, Map<String, String> errors) {
        model.addAttribute("audit", audit);
        model.addAttribute("theCase", view);
        model.addAttribute("caseIndex", cases.cases(audit.id()).indexOf(view) + 1);
        model.addAttribute("criteria", audits.criteria(audit.id()));
        model.addAttribute("verdicts", Verdict.values());
        return withForm(model, CASE, draft, errors, "vurdering");
    }

    @GetMapping("/pko/audit/{id}/rapport")
    String report(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Viewer viewer = viewer(user);
        return report(model, viewer, visible(viewer, id), new HashMap<>(), new HashMap<>());
    }

    @PostMapping("/pko/audit/{id}/afslut")
    String complete(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, CompleteForm form, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = viewer(user);
        AuditView audit = writable(viewer, id);
        Map<String, String> draft = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        form.check(draft, errors);
        if (succeeded(errors, () -> completion.complete(id, form.conclusions().strip(), AuditForms.clean(form.actions()),
                new AuditCompletion.Report(scope.placeName(audit), scope.unitName(audit), scope.coordinatorEmails(audit)),
                user.getUsername()))) {
            redirect.addFlashAttribute("success", "pko.audit.completed");
            return "redirect:/pko/audit/" + id + "/rapport";
        }
        return report(model, viewer, audit, draft, errors);
    }

    private String report(Model model, Viewer viewer, AuditView audit, Map<String, String> draft, Map<String, String> errors) {
        model.addAttribute("audit", audit);
        model.addAttribute("place", scope.placeName(audit));
        model.addAttribute("unit", scope.unitName(audit));
        model.addAttribute("writer", viewer.writes(audit));
        model.addAttribute("results", completion.results(audit.id(), audit.status()));
        List<CaseView> all = audit.status() == AuditStatus.COMPLETED ? List.of() : cases.cases(audit.id());
        model.addAttribute("caseCount", all.size());
        model.addAttribute("completeCount", all.stream().filter(CaseView::complete).count());
        return withForm(model, REPORT, draft, errors, "afslut");
    }

    @GetMapping("/pko/audit/{id}/rapport.docx")
    ResponseEntity<byte[]> reportDocx(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id) {
        Viewer viewer = viewer(user);
        AuditView audit = visible(viewer, id);
        byte[] docx = completion.reportDocx(audit, scope.placeName(audit), scope.unitName(audit)).orElseThrow(() -> new AccessRefusedException("pko-audit:" + id + ":report"));
        return download(docx, DOCX, "audit-" + id + "-rapport.docx");
    }

    /** Runs a guarded step when the form had no errors; a refusal comes back on the audit page at its step. */
    private String attempt(Model model, Viewer viewer, AuditView audit, Map<String, String> draft, Map<String, String> errors,
            String anchor, Runnable step, RedirectAttributes redirect, String success) {
        if (succeeded(errors, step)) {
            return done(redirect, audit.id(), success, anchor);
        }
        return render(model, viewer, audit, draft, errors, anchor);
    }

    /** Runs the step when the form had no errors; a refusal by the audit's rules is put at its field. */
    private static boolean succeeded(Map<String, String> errors, Runnable step) {
        if (!errors.isEmpty()) {
            return false;
        }
        try {
            step.run();
            return true;
        } catch (AuditRuleViolation e) {
            errors.put(e.field(), e.messageKey());
            return false;
        }
    }

    private static byte[] bytes(LetterForm form) {
        try {
            return form.file().getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String render(Model model, Viewer viewer, AuditView audit, Map<String, String> draft, Map<String, String> errors,
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
        model.addAttribute("completeCount", all.stream().filter(CaseView::complete).count());
        return withForm(model, AUDIT, draft, errors, errorItem);
    }

    /** What was typed and its errors (message keys by field), with the item of the page the errors belong to. */
    private static String withForm(Model model, String view, Map<String, String> draft, Map<String, String> errors,
            String item) {
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("errorItem", errors.isEmpty() ? null : item);
        return view;
    }

    private static String done(RedirectAttributes redirect, long id, String message, String anchor) {
        redirect.addFlashAttribute("success", message);
        return "redirect:/pko/audit/" + id + "#" + anchor;
    }

    /** The signed-in user as a PKO person; everyone else is answered 404 on every audit page. */
    private Viewer viewer(SamspilPrincipal user) {
        Viewer viewer = scope.viewer(user).orElse(null);
        access.require(viewer != null, user, "pko-audit");
        return viewer;
    }

    private Viewer planner(SamspilPrincipal user) {
        Viewer viewer = viewer(user);
        access.require(!viewer.places().isEmpty(), user, "pko-audit:plan");
        return viewer;
    }

    private AuditView visible(Viewer viewer, long id) {
        AuditView audit = audits.find(id).filter(viewer::sees).orElse(null);
        access.require(audit != null, viewer.user(), "pko-audit:" + id);
        return audit;
    }

    private AuditView writable(Viewer viewer, long id) {
        AuditView audit = visible(viewer, id);
        access.require(viewer.writes(audit), viewer.user(), "pko-audit:" + id + ":write");
        return audit;
    }

    private Criterion criterion(long id, long criterionId) {
        return audits.criteria(id).stream().filter(c -> c.id() == criterionId).findFirst()
                .orElseThrow(() -> new AccessRefusedException("pko-audit:" + id + ":criterion:" + criterionId));
    }

    private CaseView caseOf(long id, long caseId) {
        return cases.find(id, caseId).orElseThrow(() -> new AccessRefusedException("pko-audit:" + id + ":case:" + caseId));
    }

    private static String fileName(String original) {
        String name = original == null ? "godkendelse" : original.replaceAll(".*[/\\\\]", "").replaceAll("[\\r\\n\"]", "");
        return name.isBlank() ? "godkendelse" : name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
