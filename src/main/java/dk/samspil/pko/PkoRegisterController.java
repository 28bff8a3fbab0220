package dk.samspil.pko;

import dk.samspil.directory.Directory;
import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * The registers edited in the browser: people and their attachments, departments, partner bodies. The medical
 * coordinator and the administrator edit the region's; a practice coordinator their unit's consultants and
 * departments. Consultants and everyone else are refused (404).
 */
@Controller
class PkoRegisterController {

    static final String REGISTERS_VIEW = "pko/registers";
    static final String PERSON_FORM = "pko/person-form";

    private final PkoAccess access;
    private final PkoRegisters registers;
    private final PkoPeople people;
    private final Directory directory;

    PkoRegisterController(PkoAccess access, PkoRegisters registers, PkoPeople people, Directory directory) {
        this.access = access;
        this.registers = registers;
        this.people = people;
        this.directory = directory;
    }

    @GetMapping("/pko/registre")
    String registers(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        Viewer viewer = editor(user);
        model.addAttribute("personForm", new PersonForm());
        model.addAttribute("departmentForm", new DepartmentForm());
        model.addAttribute("partnerBodyForm", new PartnerBodyForm());
        return registersView(viewer, model);
    }

    @PostMapping("/pko/personer")
    String create(
            @AuthenticationPrincipal SamspilPrincipal user,
            @Valid @ModelAttribute PersonForm personForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = editor(user);
        String region = viewer.admin() ? personForm.getRegionCode() : viewer.region();
        if (viewer.admin()
                && directory.regions().stream().noneMatch(r -> r.code().equals(region))) {
            result.rejectValue("regionCode", "pko.person.region.required");
        }
        if (!viewer.editsRegion()) {
            // A coordinator adds consultants to a department of their own unit.
            if (personForm.getKind() != PersonKind.CONSULTANT) {
                result.rejectValue("kind", "pko.person.kind.coordinatorOnlyConsultants");
            }
            if (personForm.getDepartmentId() == null
                    || people.department(personForm.getDepartmentId())
                            .map(d -> !Objects.equals(d.hospitalUnitId(), viewer.unitId()))
                            .orElse(true)) {
                result.rejectValue("departmentId", "pko.person.department.ownUnit");
            }
        } else if (personForm.getDepartmentId() != null
                && people.department(personForm.getDepartmentId())
                        .map(d -> !d.regionCode().equals(region))
                        .orElse(true)) {
            result.rejectValue("departmentId", "pko.person.department.ownUnit");
        }
        checkAccount(personForm, null, result);
        if (result.hasErrors()) {
            model.addAttribute("departmentForm", new DepartmentForm());
            model.addAttribute("partnerBodyForm", new PartnerBodyForm());
            return registersView(viewer, model);
        }
        long id = registers.createPerson(region, personForm);
        redirect.addFlashAttribute("success", "pko.person.created");
        return "redirect:/pko/personer/" + id;
    }

    @GetMapping("/pko/personer/{personId}/rediger")
    String edit(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long personId, Model model) {
        Viewer viewer = access.viewer(user);
        PkoPerson person = access.editable(viewer, personId);
        model.addAttribute("personForm", PersonForm.of(person));
        return personForm(viewer, person, model);
    }

    @PostMapping("/pko/personer/{personId}/rediger")
    String update(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long personId,
            @Valid @ModelAttribute PersonForm personForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        PkoPerson person = access.editable(viewer, personId);
        if (!viewer.editsRegion() && personForm.getKind() != PersonKind.CONSULTANT) {
            result.rejectValue("kind", "pko.person.kind.coordinatorOnlyConsultants");
        }
        checkAccount(personForm, personId, result);
        if (result.hasErrors()) {
            return personForm(viewer, person, model);
        }
        registers.updatePerson(personId, personForm);
        redirect.addFlashAttribute("success", "pko.person.saved");
        return "redirect:/pko/personer/" + personId;
    }

    /** Adds one attachment: a department, a municipality (consultants) or a hospital unit (coordinators). */
    @PostMapping("/pko/personer/{personId}/tilknytninger")
    String attach(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long personId,
            @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) String municipalityCode,
            @RequestParam(required = false) Long unitId,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        PkoPerson person = access.editable(viewer, personId);
        String error = null;
        if (departmentId != null && person.isConsultant()) {
            var department = people.department(departmentId);
            boolean allowed = department.isPresent()
                    && department.get().regionCode().equals(person.regionCode())
                    && (viewer.editsRegion() || Objects.equals(department.get().hospitalUnitId(), viewer.unitId()));
            if (allowed) {
                registers.attachDepartment(personId, departmentId);
            } else {
                error = "pko.attachment.department.invalid";
            }
        } else if (municipalityCode != null
                && !municipalityCode.isBlank()
                && person.isConsultant()
                && viewer.editsRegion()) {
            if (registers.municipalities(person.regionCode()).stream()
                    .anyMatch(m -> m.code().equals(municipalityCode))) {
                registers.attachMunicipality(personId, municipalityCode);
            } else {
                error = "pko.attachment.municipality.invalid";
            }
        } else if (unitId != null && person.isCoordinator() && viewer.editsRegion()) {
            if (registers
                    .unitRegion(unitId)
                    .map(r -> r.equals(person.regionCode()))
                    .orElse(false)) {
                registers.attachUnit(personId, unitId);
            } else {
                error = "pko.attachment.unit.invalid";
            }
        } else {
            error = "pko.attachment.choose";
        }
        flash(redirect, error, "pko.attachment.added", "attachments");
        return "redirect:/pko/personer/" + personId + "#attachments";
    }

    @PostMapping("/pko/tilknytninger/{attachmentId}/slet")
    String detach(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long attachmentId,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Attachment attachment = registers.attachment(attachmentId).orElse(null);
        access.require(attachment != null, viewer, "pko-attachment:" + attachmentId);
        PkoPerson person = access.editable(viewer, attachment.personId());
        access.require(
                viewer.editsRegion() || Objects.equals(attachment.unitId(), viewer.unitId()),
                viewer,
                "pko-attachment:" + attachmentId);
        registers.detach(attachmentId);
        redirect.addFlashAttribute("success", "pko.attachment.removed");
        return "redirect:/pko/personer/" + person.id() + "#attachments";
    }

    @PostMapping("/pko/afdelinger")
    String createDepartment(
            @AuthenticationPrincipal SamspilPrincipal user,
            @Valid @ModelAttribute DepartmentForm departmentForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = editor(user);
        Long unit = departmentForm.getUnitId();
        if (unit == null || !access.editsUnit(viewer, unit)) {
            result.rejectValue("unitId", "pko.department.unit.required");
        } else if (!result.hasErrors() && registers.departmentNameTaken(unit, departmentForm.getName(), null)) {
            result.rejectValue("name", "pko.department.name.duplicate");
        }
        if (result.hasErrors()) {
            model.addAttribute("personForm", new PersonForm());
            model.addAttribute("partnerBodyForm", new PartnerBodyForm());
            return registersView(viewer, model);
        }
        registers.createDepartment(unit, departmentForm.getName());
        redirect.addFlashAttribute("success", "pko.department.created");
        return "redirect:/pko/registre#departments";
    }

    @PostMapping("/pko/afdelinger/{departmentId}")
    String updateDepartment(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long departmentId,
            @Valid @ModelAttribute DepartmentForm departmentForm,
            BindingResult result,
            RedirectAttributes redirect) {
        Viewer viewer = editor(user);
        Department department = people.department(departmentId).orElse(null);
        access.require(
                department != null && access.editsUnit(viewer, department.hospitalUnitId()),
                viewer,
                "pko-department:" + departmentId);
        String error = result.hasErrors()
                ? "pko.department.name.required"
                : registers.departmentNameTaken(department.hospitalUnitId(), departmentForm.getName(), departmentId)
                        ? "pko.department.name.duplicate"
                        : null;
        if (error == null) {
            registers.updateDepartment(departmentId, departmentForm.getName(), departmentForm.isActive());
        }
        flash(redirect, error, "pko.department.saved", "department-" + departmentId);
        return "redirect:/pko/registre#department-" + departmentId;
    }

    @PostMapping({"/pko/samarbejdsparter", "/pko/samarbejdsparter/{bodyId}"})
    String savePartnerBody(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable(required = false) Long bodyId,
            @RequestParam(required = false) String regionCode,
            @Valid @ModelAttribute PartnerBodyForm partnerBodyForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = editor(user);
        access.require(viewer.editsRegion(), viewer, "pko-partner-bodies");
        String region;
        if (bodyId != null) {
            var body = registers.partnerBody(bodyId);
            access.require(
                    body.isPresent() && viewer.inRegion(body.get().regionCode()), viewer, "pko-partner-body:" + bodyId);
            region = body.get().regionCode();
        } else {
            region = viewer.admin()
                    ? (regionCode == null || regionCode.isBlank() ? "1082" : regionCode)
                    : viewer.region();
        }
        if (!result.hasErrors() && registers.partnerNameTaken(region, partnerBodyForm.getName(), bodyId)) {
            result.rejectValue("name", "pko.body.name.duplicate");
        }
        if (result.hasErrors() && bodyId == null) {
            model.addAttribute("personForm", new PersonForm());
            model.addAttribute("departmentForm", new DepartmentForm());
            return registersView(viewer, model);
        }
        if (!result.hasErrors()) {
            registers.savePartnerBody(bodyId, region, partnerBodyForm);
        }
        flash(redirect, result.hasErrors() ? "pko.body.invalid" : null, "pko.body.saved", "body-" + bodyId);
        return "redirect:/pko/registre#body-" + bodyId;
    }

    private Viewer editor(SamspilPrincipal user) {
        Viewer viewer = access.viewer(user);
        access.require(viewer.editsRegion() || viewer.coordinator(), viewer, "pko-registers");
        return viewer;
    }

    private void checkAccount(PersonForm form, Long personId, BindingResult result) {
        if (registers.accountTaken(form.getUserId(), personId)) {
            result.rejectValue("userId", "pko.person.account.taken");
        } else if (form.getUserId() != null
                && registers.pkoAccounts().stream().noneMatch(a -> a.getKey().equals(form.getUserId()))) {
            result.rejectValue("userId", "pko.person.account.invalid");
        }
    }

    private String registersView(Viewer viewer, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute(
                "people",
                registers.people(viewer.region()).stream()
                        .filter(row -> access.edits(viewer, row.person()) || access.sees(viewer, row.person()))
                        .toList());
        Map<Long, String> units = registers.units(viewer.region());
        if (!viewer.editsRegion()) {
            units.keySet().removeIf(id -> !id.equals(viewer.unitId()));
        }
        model.addAttribute("units", units);
        List<Department> departments = people.departments(viewer.region() == null ? "1082" : viewer.region());
        if (viewer.admin()) {
            departments = directory.regions().stream()
                    .flatMap(r -> people.departments(r.code()).stream())
                    .toList();
        }
        model.addAttribute(
                "departments",
                departments.stream()
                        .filter(d -> units.containsKey(d.hospitalUnitId()))
                        .toList());
        model.addAttribute("bodies", viewer.editsRegion() ? registers.partnerBodies(viewer.region()) : List.of());
        model.addAttribute("accounts", registers.pkoAccounts());
        model.addAttribute("regions", directory.regions());
        return REGISTERS_VIEW;
    }

    private String personForm(Viewer viewer, PkoPerson person, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("person", person);
        model.addAttribute("accounts", registers.pkoAccounts());
        return PERSON_FORM;
    }

    private static void flash(RedirectAttributes redirect, String error, String success, String anchor) {
        if (error != null) {
            redirect.addFlashAttribute("error", error);
            redirect.addFlashAttribute("errorAt", anchor);
        } else {
            redirect.addFlashAttribute("success", success);
        }
    }
}
