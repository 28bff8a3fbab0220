package dk.samspil.pko;

import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheme's own pages: the user's start in the scheme (their attachments and tasks; a coordinator's unit; the
 * medical coordinator's region), the list of all consultants and coordinators, and a person's page with their
 * working agreements and the "9 gode råd" checklist.
 */
@Controller
class PkoController {

    static final String HOME_VIEW = "pko/home";
    static final String LIST_VIEW = "pko/people";
    static final String PERSON_VIEW = "pko/person";

    private final PkoAccess access;
    private final PkoRegisters registers;
    private final PkoHours hours;

    PkoController(PkoAccess access, PkoRegisters registers, PkoHours hours) {
        this.access = access;
        this.registers = registers;
        this.hours = hours;
    }

    @GetMapping("/pko")
    String home(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Viewer viewer = access.viewer(user);
        model.addAttribute("viewer", viewer);
        if (viewer.person() != null) {
            model.addAttribute(
                    "attachments", registers.attachments(viewer.person().id()));
            model.addAttribute("contracts", hours.contractsOf(viewer.person().id()));
            model.addAttribute("tasks", TaskKind.of(viewer.person().kind()));
        }
        // The people the user looks after: a coordinator's unit, the medical coordinator's (administrator's) region.
        List<PkoRegisters.PersonRow> looked = registers.people(viewer.region()).stream()
                .filter(row -> viewer.person() == null
                        || row.person().id() != viewer.person().id())
                .filter(row -> access.sees(viewer, row.person()))
                .toList();
        model.addAttribute("people", looked);
        return HOME_VIEW;
    }

    @GetMapping("/pko/oversigt")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Viewer viewer = access.viewer(user);
        model.addAttribute("viewer", viewer);
        model.addAttribute(
                "people",
                registers.people(viewer.region()).stream()
                        .filter(row -> row.person().active())
                        .toList());
        return LIST_VIEW;
    }

    @GetMapping("/pko/personer/{personId}")
    String person(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long personId, Model model) {
        Viewer viewer = access.viewer(user);
        PkoPerson person = access.person(viewer, personId);
        model.addAttribute("viewer", viewer);
        model.addAttribute("person", person);
        model.addAttribute("own", viewer.person() != null && viewer.person().id() == personId);
        model.addAttribute("editable", access.edits(viewer, person));
        model.addAttribute("attachments", registers.attachments(personId));
        model.addAttribute("agreements", registers.agreements(personId));
        model.addAttribute("ticks", registers.ticks(personId));
        model.addAttribute(
                "advice",
                person.isMedicalCoordinator()
                        ? List.of()
                        : IntStream.rangeClosed(1, 9).boxed().toList());
        model.addAttribute("adviceKind", person.isCoordinator() ? "coordinator" : "consultant");
        model.addAttribute("contracts", hours.contractsOf(personId));
        if (access.edits(viewer, person)) {
            model.addAttribute(
                    "departments",
                    registers.departmentsFor(person.regionCode()).stream()
                            .filter(d -> viewer.editsRegion() || Objects.equals(d.hospitalUnitId(), viewer.unitId()))
                            .toList());
            model.addAttribute(
                    "municipalities", viewer.editsRegion() ? registers.municipalities(person.regionCode()) : List.of());
            model.addAttribute(
                    "qualityUnit", registers.qualityUnit(person.regionCode()).orElse(null));
            model.addAttribute("units", viewer.editsRegion() ? registers.units(person.regionCode()) : Map.of());
        }
        return PERSON_VIEW;
    }

    /** The person themself or an editor of their record keeps the agreement with the partner of one attachment. */
    @PostMapping("/pko/tilknytninger/{attachmentId}/aftale")
    String agreement(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long attachmentId,
            @Valid @ModelAttribute AgreementForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Attachment attachment = registers.attachment(attachmentId).orElse(null);
        access.require(attachment != null, viewer, "pko-attachment:" + attachmentId);
        PkoPerson person = access.person(viewer, attachment.personId());
        access.require(ownOrEditor(viewer, person), viewer, "pko-attachment:" + attachmentId);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("error", "pko.agreement.tooLong");
            redirect.addFlashAttribute("errorAt", "agreement-" + attachmentId);
        } else {
            registers.saveAgreement(attachmentId, form);
            redirect.addFlashAttribute("success", "pko.agreement.saved");
        }
        return "redirect:/pko/personer/" + person.id() + "#agreement-" + attachmentId;
    }

    /** Only the person ticks off their own checklist. */
    @PostMapping("/pko/personer/{personId}/gode-raad")
    String advice(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long personId,
            @RequestParam(name = "item", required = false) List<Integer> items,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        PkoPerson person = access.person(viewer, personId);
        access.require(
                viewer.person() != null && viewer.person().id() == personId && !person.isMedicalCoordinator(),
                viewer,
                "pko-advice:" + personId);
        Set<Integer> ticked = new HashSet<>();
        if (items != null) {
            items.stream().filter(i -> i != null && i >= 1 && i <= 9).forEach(ticked::add);
        }
        registers.saveTicks(personId, ticked);
        redirect.addFlashAttribute("success", "pko.advice.saved");
        return "redirect:/pko/personer/" + personId + "#advice";
    }

    private boolean ownOrEditor(Viewer viewer, PkoPerson person) {
        return (viewer.person() != null && viewer.person().id() == person.id()) || access.edits(viewer, person);
    }
}
