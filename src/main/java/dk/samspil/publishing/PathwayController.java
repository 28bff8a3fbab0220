package dk.samspil.publishing;

import dk.samspil.pko.PkoPeople;
import dk.samspil.pko.PkoPerson;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SingleLineRule;
import dk.samspil.publishing.PathwayApprovals.Approver;
import dk.samspil.publishing.PathwayApprovals.PathwayParty;
import dk.samspil.publishing.Pathways.ChangeKind;
import dk.samspil.publishing.Pathways.PathwayStatus;
import dk.samspil.publishing.Pathways.PathwayView;
import dk.samspil.publishing.Pathways.VersionView;
import dk.samspil.security.Access;
import dk.samspil.security.SamspilPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The region's care pathway descriptions (/forloebsbeskrivelser) for the scheme's consultants, coordinators and the
 * medical coordinator: started for a patient group, written in five sections with every version kept and compared,
 * authors invited by a personal link, the approval chain started and answered, and the regionally valid text sent
 * to the editors with a decision on a news mail. Another region's pathway, and everyone outside the scheme, 404.
 */
@Controller
class PathwayController {

    static final String LIST = "publishing/pathway-list";
    static final String FORM = "publishing/pathway-form";
    static final String PAGE = "publishing/pathway";
    static final String COMPARE = "publishing/pathway-compare";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final Pathways pathways;
    private final PathwayApprovals approvals;
    private final PathwayPublishing publishing;
    private final PathwayAuthors invited;
    private final NewsletterAuthors authors;
    private final PkoPeople people;
    private final Access access;
    private final Clock clock;

    PathwayController(
            Pathways pathways,
            PathwayApprovals approvals,
            PathwayPublishing publishing,
            PathwayAuthors invited,
            NewsletterAuthors authors,
            PkoPeople people,
            Access access,
            Clock clock) {
        this.pathways = pathways;
        this.approvals = approvals;
        this.publishing = publishing;
        this.invited = invited;
        this.authors = authors;
        this.people = people;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/forloebsbeskrivelser")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        PkoPerson person = person(user);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("pathways", pathways.inRegion(person.regionCode()));
        model.addAttribute(
                "overdue", person.isMedicalCoordinator() ? pathways.overdue(person.regionCode(), today) : List.of());
        model.addAttribute("medical", person.isMedicalCoordinator());
        model.addAttribute("awaiting", approvals.awaiting(person.email()));
        model.addAttribute("today", today);
        model.addAttribute("regionCode", person.regionCode());
        return LIST;
    }

    @GetMapping("/forloebsbeskrivelser/ny")
    String newForm(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        person(user);
        Map<String, String> draft = PathwayForm.draft(Map.of());
        draft.put("reviewDate", LocalDate.now(clock).plusYears(2).toString());
        return form(model, null, draft, Map.of());
    }

    @PostMapping("/forloebsbeskrivelser")
    String create(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        PkoPerson person = person(user);
        Map<String, String> draft = PathwayForm.draft(params);
        Map<String, String> errors = PathwayForm.errors(draft, LocalDate.now(clock), false);
        if (!errors.isEmpty()) {
            return form(model, null, draft, errors);
        }
        long id = pathways.start(
                new Pathways.Start(
                        person.regionCode(),
                        draft.get("patientGroup").strip(),
                        draft.get("specialty").strip(),
                        person.id(),
                        person.name(),
                        PathwayForm.reviewDate(draft),
                        user.id()),
                PathwayForm.sections(draft),
                person.name());
        redirect.addFlashAttribute("success", "publishing.pathway.saved");
        return "redirect:/forloebsbeskrivelser/" + id;
    }

    @GetMapping("/forloebsbeskrivelser/{id}")
    String page(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        PkoPerson person = person(user);
        PathwayView pathway = readable(user, person, id);
        VersionView newest = pathways.version(id, pathway.version()).orElseThrow();
        var all = approvals.of(id);
        model.addAttribute("pathway", pathway);
        model.addAttribute("sections", PathwayPage.sections(newest.sections()));
        model.addAttribute("newest", newest);
        model.addAttribute("versions", pathways.versions(id));
        model.addAttribute("approvals", all);
        model.addAttribute("approvers", approvers(pathway));
        model.addAttribute("required", PathwayApprovals.required(pathway.changeKind(), pathway.extraWork()));
        model.addAttribute("parties", PathwayParty.values());
        model.addAttribute("invitedAuthors", invited.of(id));
        model.addAttribute("canWriteNews", authors.author(user).isPresent());
        model.addAttribute(
                "myApproval",
                all.stream()
                        .filter(a -> a.open()
                                && pathway.status() == PathwayStatus.APPROVAL
                                && a.round() == pathway.approvalRound()
                                && a.approverEmail().equalsIgnoreCase(person.email()))
                        .findFirst()
                        .orElse(null));
        model.addAttribute("overdue", pathway.overdue(LocalDate.now(clock)));
        boolean mayChangeOwner = pathway.ownerPersonId() == person.id() || person.isMedicalCoordinator();
        model.addAttribute("ownerOptions", mayChangeOwner ? people.active(person.regionCode()) : List.of());
        return PAGE;
    }

    /** The owner hands the description on; the medical coordinator, who sees those overdue, may too. */
    @PostMapping("/forloebsbeskrivelser/{id}/ejer")
    String changeOwner(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String owner,
            RedirectAttributes redirect) {
        PkoPerson person = person(user);
        PathwayView pathway = readable(user, person, id);
        if (pathway.ownerPersonId() != person.id() && !person.isMedicalCoordinator()) {
            return refused(redirect, id, "publishing.pathway.owner.notYours", "ejer");
        }
        Optional<PkoPerson> next;
        try {
            next = RequestForm.blank(owner)
                    ? Optional.empty()
                    : people.person(Long.parseLong(owner.strip()))
                            .filter(p -> p.active() && p.regionCode().equals(pathway.regionCode()));
        } catch (NumberFormatException malformed) {
            next = Optional.empty();
        }
        if (next.isEmpty()) {
            return refused(redirect, id, "publishing.pathway.owner.required", "ejer");
        }
        pathways.changeOwner(id, next.get().id(), next.get().name());
        redirect.addFlashAttribute("success", "publishing.pathway.owner.changed");
        return "redirect:/forloebsbeskrivelser/" + id;
    }

    @GetMapping("/forloebsbeskrivelser/{id}/rediger")
    String editForm(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        PathwayView pathway = readable(user, person(user), id);
        VersionView newest = pathways.version(id, pathway.version()).orElseThrow();
        return form(model, pathway, PathwayForm.of(pathway, newest.sections()), Map.of());
    }

    @PostMapping("/forloebsbeskrivelser/{id}/rediger")
    String edit(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        PkoPerson person = person(user);
        PathwayView pathway = readable(user, person, id);
        return PathwayPage.save(
                pathways,
                approvals,
                pathway,
                params,
                person.name(),
                LocalDate.now(clock),
                model,
                redirect,
                (draft, errors) -> form(model, pathway, draft, errors),
                "/forloebsbeskrivelser/" + id);
    }

    @PostMapping("/forloebsbeskrivelser/{id}/godkendelse")
    String startApproval(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        PathwayView pathway = readable(user, person(user), id);
        List<Approver> chosen = new ArrayList<>();
        for (PathwayParty party : PathwayParty.values()) {
            String name = params.getOrDefault(party.name() + "-name", "").strip();
            String email = params.getOrDefault(party.name() + "-email", "").strip();
            if (name.isEmpty() && email.isEmpty()) {
                continue;
            }
            if (name.isEmpty() || name.length() > 200 || !SingleLineRule.holds(name)) {
                return refused(redirect, id, "publishing.pathway.approver.name", party.name());
            }
            if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
                return refused(redirect, id, "publishing.invite.email.invalid", party.name());
            }
            chosen.add(new Approver(party, name, email));
        }
        try {
            approvals.start(pathway, chosen);
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), refused.field() == null ? "kaede" : refused.field());
        }
        redirect.addFlashAttribute("success", "publishing.pathway.approval.asked");
        return "redirect:/forloebsbeskrivelser/" + id;
    }

    @PostMapping("/forloebsbeskrivelser/{id}/godkendelser/{approvalId}")
    String decide(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long approvalId,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        PkoPerson person = person(user);
        readable(user, person, id);
        access.require(approvals.pathwayOf(approvalId) == id, user, "pathway:approval:" + approvalId);
        NewsletterApprovals.Decision answer =
                NewsletterApprovalLinkController.decision(decision, person.name(), comment);
        if (answer == null) {
            return refused(
                    redirect, id, NewsletterApprovalLinkController.problem(decision, comment), "min-godkendelse");
        }
        try {
            approvals.decideSignedIn(approvalId, person.email(), answer);
        } catch (RuleViolation refused) {
            return refused(redirect, id, "publishing.approval.notYours", "min-godkendelse");
        }
        redirect.addFlashAttribute(
                "success", answer.approved() ? "publishing.approval.approved" : "publishing.approval.refused");
        return "redirect:/forloebsbeskrivelser/" + id;
    }

    @PostMapping("/forloebsbeskrivelser/{id}/redaktion")
    String toEditors(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String newsMail,
            RedirectAttributes redirect) {
        PathwayView pathway = readable(user, person(user), id);
        if (!"YES".equals(newsMail) && !"NO".equals(newsMail)) {
            return refused(redirect, id, "publishing.pathway.news.required", "redaktion");
        }
        Long request;
        try {
            request = publishing.sendToEditors(
                    pathway, "YES".equals(newsMail), authors.author(user).orElse(null), LocalDate.now(clock));
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), "redaktion");
        }
        if (request != null) {
            redirect.addFlashAttribute("success", "publishing.pathway.news.started");
            return "redirect:/nyhedsmails/" + request;
        }
        redirect.addFlashAttribute("success", "publishing.pathway.published");
        return "redirect:/forloebsbeskrivelser/" + id;
    }

    @PostMapping("/forloebsbeskrivelser/{id}/forfattere")
    String invite(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String authorName,
            @RequestParam(required = false) String authorEmail,
            RedirectAttributes redirect) {
        PkoPerson person = person(user);
        PathwayView pathway = readable(user, person, id);
        if (RequestForm.blank(authorName) || authorName.length() > 200 || !SingleLineRule.holds(authorName)) {
            return refused(redirect, id, "publishing.invite.name.required", "forfattere");
        }
        if (RequestForm.blank(authorEmail)
                || authorEmail.length() > 320
                || !EMAIL.matcher(authorEmail.strip()).matches()) {
            return refused(redirect, id, "publishing.invite.email.invalid", "forfattere");
        }
        invited.invite(id, pathway.patientGroup(), authorName.strip(), authorEmail.strip(), person.name());
        redirect.addFlashAttribute("success", "publishing.invite.sent");
        return "redirect:/forloebsbeskrivelser/" + id;
    }

    @GetMapping("/forloebsbeskrivelser/{id}/sammenlign")
    String compare(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(name = "fra", defaultValue = "0") int from,
            @RequestParam(name = "til", defaultValue = "0") int to,
            Model model) {
        PathwayView pathway = readable(user, person(user), id);
        int newer = to <= 0 ? pathway.version() : to;
        int older = from <= 0 ? Math.max(1, newer - 1) : from;
        Optional<VersionView> a = pathways.version(id, Math.min(older, newer));
        Optional<VersionView> b = pathways.version(id, Math.max(older, newer));
        access.require(a.isPresent() && b.isPresent(), user, "pathway:" + id + ":versions");
        model.addAttribute("pathway", pathway);
        model.addAttribute("older", a.get());
        model.addAttribute("newer", b.get());
        model.addAttribute("versions", pathways.versions(id));
        model.addAttribute(
                "diffs", PathwayPage.diffs(a.get().sections(), b.get().sections()));
        return COMPARE;
    }

    /** The chosen approvers, or empty ones for each party to fill in. */
    private Map<String, Approver> approvers(PathwayView pathway) {
        Map<String, Approver> byParty = new LinkedHashMap<>();
        approvals.approvers(pathway.id()).forEach(a -> byParty.put(a.party().name(), a));
        return byParty;
    }

    private String form(Model model, PathwayView pathway, Map<String, String> draft, Map<String, String> errors) {
        model.addAttribute("pathway", pathway);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("errorItem", errors.isEmpty() ? null : "pathway");
        model.addAttribute("sectionKeys", Pathways.SECTIONS);
        model.addAttribute("changeOfValid", pathway != null && pathway.approvedVersion() != null);
        model.addAttribute(
                "formAction",
                pathway == null ? "/forloebsbeskrivelser" : "/forloebsbeskrivelser/" + pathway.id() + "/rediger");
        model.addAttribute("baseVersion", pathway == null ? 0 : pathway.version());
        return FORM;
    }

    /** The signed-in person of the scheme (a consultant, coordinator or the medical coordinator), else 404. */
    private PkoPerson person(SamspilPrincipal user) {
        Optional<PkoPerson> person = authors.person(user);
        access.require(person.isPresent(), user, "pathway");
        return person.orElseThrow();
    }

    /** The pathway, for the scheme's people of its region only. */
    private PathwayView readable(SamspilPrincipal user, PkoPerson person, long id) {
        Optional<PathwayView> pathway =
                pathways.find(id).filter(p -> p.regionCode().equals(person.regionCode()));
        access.require(pathway.isPresent(), user, "pathway:" + id);
        return pathway.orElseThrow();
    }

    static ChangeKind kind(String value) {
        return "SIGNIFICANT".equals(value) ? ChangeKind.SIGNIFICANT : ChangeKind.MINOR;
    }

    private static String refused(RedirectAttributes redirect, long id, String key, String anchor) {
        redirect.addFlashAttribute("error", key);
        redirect.addFlashAttribute("errorAt", anchor);
        return "redirect:/forloebsbeskrivelser/" + id + "#" + anchor;
    }
}
