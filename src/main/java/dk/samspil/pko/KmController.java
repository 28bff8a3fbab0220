package dk.samspil.pko;

import dk.samspil.pko.KmForms.CountForm;
import dk.samspil.pko.KmForms.ReviewForm;
import dk.samspil.pko.KmReviews.Count;
import dk.samspil.pko.KmReviews.Review;
import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Correspondence messages (korrespondancemeddelelser, seed 003): the handbook's guidance as a decision aid for anyone
 * signed in — a GP, a home-care nurse — and the municipal consultant's review of the correspondence with home care
 * from the municipality's counts, uploaded (all or nothing) or typed in, shown under the disclosure policy.
 */
@Controller
class KmController {

    static final String GUIDE_VIEW = "pko/km-guide";
    static final String LIST_VIEW = "pko/km-reviews";
    static final String REVIEW_VIEW = "pko/km-review";

    private final PkoAccess access;
    private final KmReviews reviews;
    private final KmUpload upload;
    private final PkoMunicipalities municipalitiesOf;
    private final Clock clock;

    KmController(
            PkoAccess access, KmReviews reviews, KmUpload upload, PkoMunicipalities municipalitiesOf, Clock clock) {
        this.access = access;
        this.reviews = reviews;
        this.upload = upload;
        this.municipalitiesOf = municipalitiesOf;
        this.clock = clock;
    }

    /** The decision aid: what a KM may be used for, what not, and the fee rule. Any signed-in user reads it. */
    @GetMapping("/korrespondance")
    String guide(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Optional<Viewer> viewer = access.viewerIfAny(user);
        model.addAttribute(
                "reviews", viewer.map(v -> !municipalities(v).isEmpty()).orElse(false));
        return GUIDE_VIEW;
    }

    @GetMapping("/pko/korrespondance")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Viewer viewer = access.viewer(user);
        access.require(!municipalities(viewer).isEmpty(), viewer, "pko-km");
        return renderList(model, viewer, new ReviewForm());
    }

    @PostMapping("/pko/korrespondance")
    String create(
            @AuthenticationPrincipal SamspilPrincipal user,
            @Valid @ModelAttribute("reviewForm") ReviewForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Map<String, String> municipalities = municipalities(viewer);
        access.require(!municipalities.isEmpty(), viewer, "pko-km:create");
        if (form.getMunicipalityCode() == null || !municipalities.containsKey(form.getMunicipalityCode())) {
            result.rejectValue("municipalityCode", "pko.collab.municipality.required");
        }
        if (result.hasErrors()) {
            return renderList(model, viewer, form);
        }
        long id = reviews.create(
                municipalitiesOf.regionOf(form.getMunicipalityCode()).orElseThrow(),
                form.getMunicipalityCode(),
                form.getName().strip(),
                user.getUsername());
        redirect.addFlashAttribute("success", "pko.km.review.created");
        return "redirect:/pko/korrespondance/" + id;
    }

    @GetMapping("/pko/korrespondance/{id}")
    String show(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Viewer viewer = access.viewer(user);
        return render(model, writable(viewer, id));
    }

    /** The municipality's file of counts: every row checked first; one bad row and nothing is saved. */
    @PostMapping("/pko/korrespondance/{id}/fil")
    String upload(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            Model model)
            throws IOException {
        Viewer viewer = access.viewer(user);
        Review review = writable(viewer, id);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "servicedata.file.choose");
            return render(model, review);
        }
        Path temp = Files.createTempFile("samspil-km-", ".upload");
        try {
            file.transferTo(temp);
            KmUpload.Result read = upload.read(temp, latest());
            if (read.good()) {
                String name = file.getOriginalFilename() == null
                        ? "upload"
                        : Path.of(file.getOriginalFilename()).getFileName().toString();
                reviews.replace(
                        id, read.counts(), name.length() > 200 ? name.substring(0, 200) : name, user.getUsername());
                model.addAttribute("uploaded", String.valueOf(read.counts().size()));
            } else {
                model.addAttribute(
                        "problems",
                        read.problems().stream().map(upload::message).toList());
                model.addAttribute("problemCount", String.valueOf(read.problemCount()));
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return render(model, reviews.find(id).orElseThrow());
    }

    /** One count typed in: the month's count of those three categories is replaced. */
    @PostMapping("/pko/korrespondance/{id}/antal")
    String put(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @ModelAttribute("countForm") CountForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Review review = writable(viewer, id);
        Count count = form.check(result, latest());
        if (count == null) {
            return render(model, review);
        }
        reviews.put(id, count);
        redirect.addFlashAttribute("success", "pko.km.form.saved");
        return "redirect:/pko/korrespondance/" + id + "#tal";
    }

    private Review writable(Viewer viewer, long id) {
        Optional<Review> review = reviews.find(id);
        access.require(review.isPresent() && reviews.mayWrite(viewer, review.get()), viewer, "pko-km:" + id);
        return review.orElseThrow();
    }

    private String render(Model model, Review review) {
        List<Count> counts = reviews.counts(review.id());
        if (!model.containsAttribute("countForm")) {
            CountForm form = new CountForm();
            form.setMonth(latest().toString());
            model.addAttribute("countForm", form);
        }
        model.addAttribute("review", review);
        model.addAttribute("reviewTitle", reviews.title(review));
        model.addAttribute("tables", reviews.tables(counts));
        model.addAttribute("months", reviews.monthLabels(counts));
        model.addAttribute("withFee", reviews.withFee(counts));
        model.addAttribute("topics", KmReviews.Topic.values());
        model.addAttribute("senders", KmReviews.Sender.values());
        model.addAttribute("responses", KmReviews.Response.values());
        return REVIEW_VIEW;
    }

    private String renderList(Model model, Viewer viewer, ReviewForm form) {
        Map<String, String> municipalities = municipalities(viewer);
        if (form.getMunicipalityCode() == null && municipalities.size() == 1) {
            form.setMunicipalityCode(municipalities.keySet().iterator().next());
        }
        List<Review> visible = reviews.visible(viewer);
        model.addAttribute(
                "reviewTitles",
                visible.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Review::id, reviews::title, (a, b) -> a, java.util.LinkedHashMap::new)));
        model.addAttribute("municipalities", municipalities);
        model.addAttribute("reviewForm", form);
        return LIST_VIEW;
    }

    /** The municipalities the viewer reviews: as for collaboration meetings, their own (the editors' the region's). */
    private Map<String, String> municipalities(Viewer viewer) {
        return municipalitiesOf.of(viewer);
    }

    /** No month after the current one: the counts are of what has been written. */
    private YearMonth latest() {
        return YearMonth.now(clock.withZone(PkoMeetings.COPENHAGEN));
    }
}
