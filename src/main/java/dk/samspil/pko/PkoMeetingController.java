package dk.samspil.pko;

import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.RegionView;
import dk.samspil.pko.PkoAccess.Viewer;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheme's own meetings (/pko/moeder): the meetings a person of the scheme takes part in or plans, the units
 * short of the handbook's two consultant meetings this year, and planning a new one. The meeting itself — agenda,
 * roles, attendance, parking lot, agreements, referat — is the meeting module's page (/moeder/{id}).
 */
@Controller
class PkoMeetingController {

    static final String VIEW = "pko/meetings";

    private final PkoAccess access;
    private final PkoMeetings meetings;
    private final PkoRegisters registers;
    private final PkoPeople people;
    private final Directory directory;
    private final Clock clock;

    PkoMeetingController(
            PkoAccess access,
            PkoMeetings meetings,
            PkoRegisters registers,
            PkoPeople people,
            Directory directory,
            Clock clock) {
        this.access = access;
        this.meetings = meetings;
        this.registers = registers;
        this.people = people;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/pko/moeder")
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Viewer viewer = access.viewer(user);
        return render(model, viewer, new MeetingPlanForm());
    }

    @PostMapping("/pko/moeder")
    String plan(
            @AuthenticationPrincipal SamspilPrincipal user,
            @Valid @ModelAttribute("planForm") MeetingPlanForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Map<Long, String> units = access.plannableUnits(viewer);
        List<Department> departments = ownDepartments(viewer);
        Map<String, String> municipalities = ownMunicipalities(viewer);
        access.require(
                !units.isEmpty() || viewer.editsRegion() || !departments.isEmpty() || !municipalities.isEmpty(),
                viewer,
                "pko-meetings:plan");
        form.check(result, LocalDate.now(clock.withZone(PkoMeetings.COPENHAGEN)));
        PkoMeetings.Kind kind = form.kindValue();
        PkoMeetings.With with = PkoMeetings.With.nothing();
        String region = viewer.region();
        if (kind == PkoMeetings.Kind.COORDINATORS && !viewer.editsRegion()) {
            result.rejectValue("kind", "pko.meetings.kind.notYours");
        } else if (kind == PkoMeetings.Kind.COORDINATORS && viewer.admin()) {
            region = directory.regions().stream()
                    .map(RegionView::code)
                    .filter(code -> code.equals(form.getRegionCode()))
                    .findFirst()
                    .orElse(null);
            if (region == null) {
                result.rejectValue("regionCode", "pko.meetings.region.choose");
            }
        } else if (kind == PkoMeetings.Kind.UNIT_CONSULTANTS) {
            if (form.getUnitId() == null || !units.containsKey(form.getUnitId())) {
                result.rejectValue("unitId", "pko.meetings.unit.required");
            } else {
                with = PkoMeetings.With.unit(form.getUnitId());
                region = registers.unitRegion(form.getUnitId()).orElse(null);
            }
        } else if (kind == PkoMeetings.Kind.DEPARTMENT) {
            Department department = departments.stream()
                    .filter(d -> form.getDepartmentId() != null && d.id() == form.getDepartmentId())
                    .findFirst()
                    .orElse(null);
            if (department == null) {
                result.rejectValue("departmentId", "pko.meetings.department.required");
            } else {
                with = new PkoMeetings.With(
                        department.hospitalUnitId(),
                        department.id(),
                        null,
                        viewer.person().id());
                region = department.regionCode();
            }
        } else if (kind == PkoMeetings.Kind.MUNICIPALITY) {
            if (form.getMunicipalityCode() == null || !municipalities.containsKey(form.getMunicipalityCode())) {
                result.rejectValue("municipalityCode", "pko.meetings.municipality.required");
            } else {
                with = new PkoMeetings.With(
                        null, null, form.getMunicipalityCode(), viewer.person().id());
            }
        }
        if (!result.hasErrors() && region == null && kind != PkoMeetings.Kind.COORDINATORS) {
            result.rejectValue("kind", "pko.meetings.region.required");
        }
        if (result.hasErrors()) {
            return render(model, viewer, form);
        }
        long meetingId = meetings.plan(
                region,
                kind,
                with,
                form.dateValue(),
                form.startValue(),
                form.placeText(),
                form.isMunicipalInvited(),
                user.getUsername());
        redirect.addFlashAttribute("success", "pko.meetings.planned");
        return "redirect:/moeder/" + meetingId;
    }

    private String render(Model model, Viewer viewer, MeetingPlanForm form) {
        Map<Long, String> units = access.plannableUnits(viewer);
        if (form.getUnitId() == null && units.size() == 1) {
            form.setUnitId(units.keySet().iterator().next());
        }
        int year = LocalDate.now(clock.withZone(PkoMeetings.COPENHAGEN)).getYear();
        model.addAttribute("viewer", viewer);
        List<PkoMeetings.PkoMeeting> visible = meetings.visible(viewer);
        Map<Long, String> titles = new LinkedHashMap<>();
        visible.forEach(m -> titles.put(m.id(), meetings.title(m)));
        model.addAttribute("meetings", visible);
        model.addAttribute("titles", titles);
        model.addAttribute("shortfalls", meetings.shortfalls(viewer, year));
        model.addAttribute("year", String.valueOf(year));
        model.addAttribute("minimum", PkoMeetings.MINIMUM_PER_YEAR);
        List<Department> departments = ownDepartments(viewer);
        Map<String, String> municipalities = ownMunicipalities(viewer);
        if (form.getDepartmentId() == null && departments.size() == 1) {
            form.setDepartmentId(departments.get(0).id());
        }
        if (form.getMunicipalityCode() == null && municipalities.size() == 1) {
            form.setMunicipalityCode(municipalities.keySet().iterator().next());
        }
        if (units.isEmpty() && !viewer.editsRegion() && form.kindValue() == PkoMeetings.Kind.UNIT_CONSULTANTS) {
            form.setKind((departments.isEmpty() ? PkoMeetings.Kind.MUNICIPALITY : PkoMeetings.Kind.DEPARTMENT).name());
        }
        model.addAttribute("units", units);
        model.addAttribute("regions", viewer.admin() ? directory.regions() : List.of());
        model.addAttribute("departments", departments);
        model.addAttribute("municipalities", municipalities);
        model.addAttribute(
                "plans",
                !units.isEmpty() || viewer.editsRegion() || !departments.isEmpty() || !municipalities.isEmpty());
        model.addAttribute("planForm", form);
        return VIEW;
    }

    /** A consultant's own departments, where they hold their department meetings. */
    private List<Department> ownDepartments(Viewer viewer) {
        return viewer.person() != null && viewer.person().isConsultant()
                ? people.ownDepartments(viewer.person().id())
                : List.of();
    }

    /** A municipal consultant's own municipalities: code → name. */
    private Map<String, String> ownMunicipalities(Viewer viewer) {
        Map<String, String> own = new LinkedHashMap<>();
        if (viewer.person() != null && viewer.person().isConsultant()) {
            List<String> codes = people.ownMunicipalities(viewer.person().id());
            registers.municipalities(viewer.region()).stream()
                    .filter(m -> codes.contains(m.code()))
                    .forEach(m -> own.put(m.code(), m.name()));
        }
        return own;
    }
}
