package dk.samspil.pko;

import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.pko.PkoEveningMeetings.EveningMeeting;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
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
 * The evening meetings (/pko/fyraftensmoeder): the coordinator plans one with its call for talks and sees the
 * planner's warnings; the unit's hospital consultants send their wishes for talks; the coordinator sees them side by
 * side, department by department, and puts them on the programme, which is the meeting's agenda (/moeder/{id}).
 * The page's logistics (checklist, the consultants' attendance, the grant) are {@link EveningLogisticsController}'s.
 */
@Controller
class EveningMeetingController {

    static final String LIST_VIEW = "pko/evenings";

    private final PkoAccess access;
    private final PkoEveningMeetings evenings;
    private final PkoRegisters registers;
    private final EveningPage eveningPage;

    EveningMeetingController(
            PkoAccess access, PkoEveningMeetings evenings, PkoRegisters registers, EveningPage eveningPage) {
        this.access = access;
        this.evenings = evenings;
        this.registers = registers;
        this.eveningPage = eveningPage;
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
        return eveningPage.render(model, viewer, eveningPage.readable(viewer, id));
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
        EveningMeeting evening = eveningPage.readable(viewer, id);
        List<Department> departments = evenings.wishDepartments(viewer, evening);
        access.require(!departments.isEmpty(), viewer, "pko-evening:" + id + ":wish");
        if (form.getDepartmentId() != null && departments.stream().noneMatch(d -> d.id() == form.getDepartmentId())) {
            result.rejectValue("departmentId", "pko.evening.wish.department.required");
        }
        if (form.minutesValue() == null) {
            result.rejectValue("minutes", "pko.evening.wish.minutes.invalid");
        }
        if (result.hasErrors()) {
            return eveningPage.render(model, viewer, evening);
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
        EveningMeeting evening = eveningPage.readable(viewer, id);
        access.require(PkoEveningMeetings.mayWrite(viewer, evening), viewer, "pko-evening:" + id + ":programme");
        access.require(evenings.place(evening, wishId), viewer, "pko-evening:" + id + ":wish:" + wishId);
        redirect.addFlashAttribute("success", "pko.evening.wish.placed");
        return "redirect:/pko/fyraftensmoeder/" + id + "#oensker";
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
