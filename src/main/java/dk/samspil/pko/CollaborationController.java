package dk.samspil.pko;

import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.pko.PkoCollaborations.Collaboration;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Collaboration meetings between a municipality and general practice (/pko/samarbejdsmoeder): the municipal
 * consultant plans one for their municipality (the region's medical coordinator and the administrator for any of
 * the region's), keeps its plan, its invitees and, for the Manegemodellen, its case; the clash check and the mandate
 * come before the invitations. The meeting itself is the meeting module's page (/moeder/{id}).
 */
@Controller
class CollaborationController {

    static final String LIST_VIEW = "pko/collaborations";

    private final PkoAccess access;
    private final PkoCollaborations collaborations;
    private final CollaborationPage page;
    private final PkoMunicipalities municipalitiesOf;
    private final Clock clock;

    CollaborationController(
            PkoAccess access,
            PkoCollaborations collaborations,
            CollaborationPage page,
            PkoMunicipalities municipalitiesOf,
            Clock clock) {
        this.access = access;
        this.collaborations = collaborations;
        this.page = page;
        this.municipalitiesOf = municipalitiesOf;
        this.clock = clock;
    }

    @GetMapping("/pko/samarbejdsmoeder")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Viewer viewer = access.viewer(user);
        CollaborationForm form = new CollaborationForm();
        form.setDate(today().plusWeeks(6).toString());
        return renderList(model, viewer, form);
    }

    @PostMapping("/pko/samarbejdsmoeder")
    String plan(
            @AuthenticationPrincipal SamspilPrincipal user,
            @Valid @ModelAttribute("planForm") CollaborationForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Map<String, String> municipalities = municipalitiesOf.of(viewer);
        access.require(!municipalities.isEmpty(), viewer, "pko-collaborations:plan");
        form.check(result, today(), null);
        if (form.getMunicipalityCode() == null || !municipalities.containsKey(form.getMunicipalityCode())) {
            result.rejectValue("municipalityCode", "pko.collab.municipality.required");
        }
        page.checkReview(viewer, form, result);
        if (result.hasErrors()) {
            return renderList(model, viewer, form);
        }
        String region = municipalitiesOf.regionOf(form.getMunicipalityCode()).orElseThrow();
        Long planner = viewer.person() != null
                        && collaborations.ownMunicipalities(viewer).contains(form.getMunicipalityCode())
                ? viewer.person().id()
                : null;
        long id = collaborations.plan(region, form.getMunicipalityCode(), planner, form.plan(), user.getUsername());
        redirect.addFlashAttribute("success", "pko.collab.planned");
        return "redirect:/pko/samarbejdsmoeder/" + id;
    }

    @GetMapping("/pko/samarbejdsmoeder/{id}")
    String show(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Viewer viewer = access.viewer(user);
        return page.render(model, viewer, page.writable(viewer, id));
    }

    @PostMapping("/pko/samarbejdsmoeder/{id}")
    String save(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("planForm") CollaborationForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Collaboration c = page.writable(viewer, id);
        form.setMunicipalityCode(c.municipalityCode());
        form.check(result, today(), c.date());
        page.checkReview(viewer, form, result);
        if (!result.hasErrors() && !collaborations.save(id, form.plan(), form.getVersion())) {
            result.reject("pko.collab.conflict");
            form.setVersion(collaborations.find(id).orElseThrow().version());
        }
        if (result.hasErrors()) {
            return page.render(model, viewer, c);
        }
        redirect.addFlashAttribute("success", "pko.collab.saved");
        return "redirect:/pko/samarbejdsmoeder/" + id;
    }

    private String renderList(Model model, Viewer viewer, CollaborationForm form) {
        Map<String, String> municipalities = municipalitiesOf.of(viewer);
        if (form.getMunicipalityCode() == null && municipalities.size() == 1) {
            form.setMunicipalityCode(municipalities.keySet().iterator().next());
        }
        List<Collaboration> visible = collaborations.visible(viewer);
        Map<Long, String> titles = new LinkedHashMap<>();
        visible.forEach(c -> titles.put(c.id(), collaborations.title(c)));
        model.addAttribute("viewer", viewer);
        model.addAttribute("collaborations", visible);
        model.addAttribute("titles", titles);
        model.addAttribute("municipalities", municipalities);
        model.addAttribute("planForm", form);
        page.choices(model, viewer, null);
        return LIST_VIEW;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PkoMeetings.COPENHAGEN));
    }
}
