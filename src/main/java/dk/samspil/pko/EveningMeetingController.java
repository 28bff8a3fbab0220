package dk.samspil.pko;

import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.pko.PkoEveningMeetings.EveningMeeting;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evening meetings (/pko/fyraftensmoeder): the coordinator plans one with its call for talks and sees the
 * planner's warnings; the unit's hospital consultants send their wishes for talks; the coordinator sees them side by
 * side, department by department, and puts them on the programme, which is the meeting's agenda (/moeder/{id}).
 */
@Controller
class EveningMeetingController {

    static final String LIST_VIEW = "pko/evenings";
    static final String VIEW = "pko/evening";

    private final PkoAccess access;
    private final PkoEveningMeetings evenings;
    private final PkoRegisters registers;
    private final SamspilSettings settings;

    EveningMeetingController(
            PkoAccess access, PkoEveningMeetings evenings, PkoRegisters registers, SamspilSettings settings) {
        this.access = access;
        this.evenings = evenings;
        this.registers = registers;
        this.settings = settings;
    }

    @GetMapping("/pko/fyraftensmoeder")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        return renderList(model, access.viewer(user), new EveningForm());
    }

    @PostMapping("/pko/fyraftensmoeder")
    String plan(
            @AuthenticationPrincipal SamspilPrincipal user,
            @Valid @ModelAttribute("eveningForm") EveningForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Map<Long, String> units = access.plannableUnits(viewer);
        access.require(!units.isEmpty(), viewer, "pko-evenings:plan");
        form.check(result, evenings.today());
        if (form.getUnitId() == null || !units.containsKey(form.getUnitId())) {
            result.rejectValue("unitId", "pko.meetings.unit.required");
        }
        if (result.hasErrors()) {
            return renderList(model, viewer, form);
        }
        long id = evenings.plan(
                registers.unitRegion(form.getUnitId()).orElseThrow(),
                form.getUnitId(),
                form.dateValue(),
                form.startValue(),
                form.endValue(),
                form.placeText(),
                form.formatValue(),
                form.callDeadlineValue(),
                user.getUsername());
        redirect.addFlashAttribute("success", "pko.evening.planned");
        return "redirect:/pko/fyraftensmoeder/" + id;
    }

    @GetMapping("/pko/fyraftensmoeder/{id}")
    String page(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Viewer viewer = access.viewer(user);
        return render(model, viewer, readable(viewer, id), new WishForm());
    }

    /** A consultant's wish for a talk from one of their departments at the unit; after the deadline it is marked late. */
    @PostMapping("/pko/fyraftensmoeder/{id}/oensker")
    String wish(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("wishForm") WishForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        EveningMeeting evening = readable(viewer, id);
        List<Department> departments = evenings.wishDepartments(viewer, evening);
        access.require(!departments.isEmpty(), viewer, "pko-evening:" + id + ":wish");
        if (form.getDepartmentId() != null && departments.stream().noneMatch(d -> d.id() == form.getDepartmentId())) {
            result.rejectValue("departmentId", "pko.evening.wish.department.required");
        }
        if (form.minutesValue() == null) {
            result.rejectValue("minutes", "pko.evening.wish.minutes.invalid");
        }
        if (result.hasErrors()) {
            return render(model, viewer, evening, form);
        }
        evenings.wish(
                evening,
                form.getDepartmentId(),
                viewer.person().id(),
                form.getTopic().strip(),
                form.getSpeaker() == null ? "" : form.getSpeaker().strip(),
                form.minutesValue());
        redirect.addFlashAttribute(
                "success", evening.callOpen(evenings.today()) ? "pko.evening.wish.sent" : "pko.evening.wish.sentLate");
        return "redirect:/pko/fyraftensmoeder/" + id + "#oensker";
    }

    /** Puts a wish on the programme (the meeting's agenda). */
    @PostMapping("/pko/fyraftensmoeder/{id}/oensker/{wishId}/programmet")
    String place(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long wishId,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        EveningMeeting evening = readable(viewer, id);
        access.require(PkoEveningMeetings.mayWrite(viewer, evening), viewer, "pko-evening:" + id + ":programme");
        access.require(evenings.place(evening, wishId), viewer, "pko-evening:" + id + ":wish:" + wishId);
        redirect.addFlashAttribute("success", "pko.evening.wish.placed");
        return "redirect:/pko/fyraftensmoeder/" + id + "#oensker";
    }

    private EveningMeeting readable(Viewer viewer, long id) {
        Optional<EveningMeeting> evening = evenings.find(id);
        access.require(evening.isPresent() && evenings.mayRead(viewer, evening.get()), viewer, "pko-evening:" + id);
        return evening.orElseThrow();
    }

    private String render(Model model, Viewer viewer, EveningMeeting evening, WishForm form) {
        boolean writes = PkoEveningMeetings.mayWrite(viewer, evening);
        List<Department> departments = evenings.wishDepartments(viewer, evening);
        if (form.getDepartmentId() == null && departments.size() == 1) {
            form.setDepartmentId(departments.get(0).id());
        }
        model.addAttribute("viewer", viewer);
        model.addAttribute("evening", evening);
        model.addAttribute("eveningTitle", evenings.title(evening));
        model.addAttribute("writes", writes);
        model.addAttribute("callOpen", evening.callOpen(evenings.today()));
        model.addAttribute("wishes", evenings.wishes(evening));
        model.addAttribute("departments", departments);
        model.addAttribute("wishForm", form);
        model.addAttribute("signups", evenings.signups(evening.id()));
        model.addAttribute("signupLink", settings.link("/fyraftensmoede/" + evening.signupToken()));
        model.addAttribute("planWarnings", writes ? evenings.planWarnings(evening) : List.of());
        model.addAttribute("programmeWarnings", writes ? evenings.programmeWarnings(evening) : List.of());
        return VIEW;
    }

    private String renderList(Model model, Viewer viewer, EveningForm form) {
        Map<Long, String> units = access.plannableUnits(viewer);
        if (form.getUnitId() == null && units.size() == 1) {
            form.setUnitId(units.keySet().iterator().next());
        }
        List<EveningMeeting> visible = evenings.visible(viewer);
        Map<Long, String> titles = new LinkedHashMap<>();
        visible.forEach(e -> titles.put(e.id(), evenings.title(e)));
        model.addAttribute("viewer", viewer);
        model.addAttribute("evenings", visible);
        model.addAttribute("titles", titles);
        model.addAttribute("units", units);
        model.addAttribute("eveningForm", form);
        return LIST_VIEW;
    }
}
