package dk.samspil.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages for users (/admin/brugere; the URL rules let only administrators in). */
@Controller
class UserAdminController {

    static final String LIST = "security/users";
    static final String NEW = "security/users-new";
    static final String ONE = "security/users-one";

    private final UserAdministration users;

    UserAdminController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping("/admin/brugere")
    String list(Model model) {
        model.addAttribute("users", users.users());
        return LIST;
    }

    @GetMapping("/admin/brugere/ny")
    String newUser(Model model) {
        model.addAttribute("inviteForm", new InviteForm());
        return form(model);
    }

    @PostMapping("/admin/brugere")
    String invite(
            @Valid @ModelAttribute InviteForm inviteForm,
            BindingResult result,
            Model model,
            @AuthenticationPrincipal SamspilPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!result.hasFieldErrors("email") && users.emailInUse(inviteForm.getEmail())) {
            result.rejectValue("email", "users.email.inUse");
        }
        checkOrganisation(inviteForm.getRole(), inviteForm.getOrganisation(), result);
        if (result.hasErrors()) {
            return form(model);
        }
        long id = users.invite(
                inviteForm.getEmail(),
                inviteForm.getName(),
                inviteForm.getRole(),
                inviteForm.getOrganisation(),
                admin.getUsername(),
                request.getRemoteAddr());
        redirect.addFlashAttribute("saved", "users.invited");
        return "redirect:/admin/brugere/" + id;
    }

    @GetMapping("/admin/brugere/{id}")
    String one(@PathVariable long id, Model model) {
        return page(users.user(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), model);
    }

    /** The user's page with its three forms (role, work identity, access); a form sent back with errors is kept. */
    private String page(UserAdministration.UserRow user, Model model) {
        if (!model.containsAttribute("roleForm")) {
            var form = new RoleForm();
            form.setRole(user.role());
            form.setOrganisation(users.organisationOf(user.id()));
            model.addAttribute("roleForm", form);
        }
        if (!model.containsAttribute("professionalForm")) {
            var professional = users.professional(user.id());
            var form = new ProfessionalForm();
            form.setProfessionalId(professional.professionalId());
            form.setCvr(professional.cvr());
            model.addAttribute("professionalForm", form);
        }
        model.addAttribute("user", user);
        model.addAttribute("identities", users.workIdentities(user.id()));
        model.addAttribute("organisations", organisations());
        return ONE;
    }

    @PostMapping("/admin/brugere/{id}/arbejdsidentitet")
    String professional(
            @PathVariable long id,
            @Valid @ModelAttribute ProfessionalForm professionalForm,
            BindingResult result,
            Model model,
            @AuthenticationPrincipal SamspilPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var user = users.user(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean hasId = professionalForm.getProfessionalId() != null
                && !professionalForm.getProfessionalId().isBlank();
        boolean hasCvr =
                professionalForm.getCvr() != null && !professionalForm.getCvr().isBlank();
        if (hasId && !hasCvr && !result.hasFieldErrors("cvr")) {
            result.rejectValue("cvr", "users.professional.cvr.required");
        }
        if (hasCvr && !hasId && !result.hasFieldErrors("professionalId")) {
            result.rejectValue("professionalId", "users.professional.id.required");
        }
        if (hasId
                && !result.hasFieldErrors("professionalId")
                && users.professionalIdInUse(
                        professionalForm.getProfessionalId().strip(), id)) {
            result.rejectValue("professionalId", "users.professional.id.inUse");
        }
        if (result.hasErrors()) {
            return page(user, model);
        }
        users.setProfessional(
                id,
                professionalForm.getProfessionalId(),
                professionalForm.getCvr(),
                admin.getUsername(),
                request.getRemoteAddr());
        redirect.addFlashAttribute("saved", hasId ? "users.professional.saved" : "users.professional.cleared");
        return "redirect:/admin/brugere/" + id;
    }

    @PostMapping("/admin/brugere/{id}/arbejdsidentitet/fjern")
    String unlink(
            @PathVariable long id,
            @RequestParam String issuer,
            @RequestParam String subject,
            @AuthenticationPrincipal SamspilPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        users.user(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!users.unlink(id, issuer, subject, admin.getUsername(), request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("saved", "users.identity.removed");
        return "redirect:/admin/brugere/" + id;
    }

    @PostMapping("/admin/brugere/{id}/rolle")
    String changeRole(
            @PathVariable long id,
            @Valid @ModelAttribute RoleForm roleForm,
            BindingResult result,
            Model model,
            @AuthenticationPrincipal SamspilPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var user = users.user(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        checkOrganisation(roleForm.getRole(), roleForm.getOrganisation(), result);
        if (result.hasErrors()) {
            return page(user, model);
        }
        users.changeRole(
                id, roleForm.getRole(), roleForm.getOrganisation(), admin.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("saved", "users.roleChanged");
        return "redirect:/admin/brugere/" + id;
    }

    @PostMapping("/admin/brugere/{id}/deaktiver")
    String deactivate(
            @PathVariable long id,
            @AuthenticationPrincipal SamspilPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        users.user(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (id == admin.id()) {
            redirect.addFlashAttribute("refused", "users.deactivate.self");
            return "redirect:/admin/brugere/" + id;
        }
        users.deactivate(id, admin.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("saved", "users.deactivated");
        return "redirect:/admin/brugere/" + id;
    }

    @PostMapping("/admin/brugere/{id}/aktiver")
    String reactivate(
            @PathVariable long id,
            @AuthenticationPrincipal SamspilPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        users.user(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        users.reactivate(id, admin.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("saved", "users.reactivated");
        return "redirect:/admin/brugere/" + id;
    }

    /** Names a consultant their provider's lead consultant (manages its consultants), or no longer. */
    @PostMapping("/admin/brugere/{id}/leder")
    String lead(
            @PathVariable long id,
            @RequestParam(defaultValue = "true") boolean lead,
            @AuthenticationPrincipal SamspilPrincipal admin,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var user = users.user(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (user.role() != Role.CONSULTANT) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        users.setLead(id, lead, admin.getUsername(), request.getRemoteAddr());
        redirect.addFlashAttribute("saved", lead ? "provider.lead.named" : "provider.lead.removed");
        return "redirect:/admin/brugere/" + id;
    }

    private void checkOrganisation(Role role, String organisation, BindingResult result) {
        if (role != null && !users.fits(role, organisation)) {
            result.rejectValue(
                    "organisation",
                    users.organisations(role).isEmpty() ? "users.organisation.none" : "users.organisation.required");
        }
    }

    private String form(Model model) {
        model.addAttribute("organisations", organisations());
        return NEW;
    }

    private List<UserAdministration.Organisation> organisations() {
        return users.allOrganisations();
    }

    static class RoleForm {
        @NotNull(message = "{users.role.required}")
        private Role role;

        private String organisation;

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public String getOrganisation() {
            return organisation;
        }

        public void setOrganisation(String organisation) {
            this.organisation = organisation;
        }
    }

    /** The broker's persistent professional id and the organisation's CVR; both, or neither. */
    static class ProfessionalForm {
        @Pattern(regexp = "\\s*([A-Za-z0-9:._-]{1,100})?\\s*", message = "{users.professional.id.invalid}")
        private String professionalId;

        @Pattern(regexp = "\\s*([0-9]{8})?\\s*", message = "{users.professional.cvr.invalid}")
        private String cvr;

        public String getProfessionalId() {
            return professionalId;
        }

        public void setProfessionalId(String professionalId) {
            this.professionalId = professionalId;
        }

        public String getCvr() {
            return cvr;
        }

        public void setCvr(String cvr) {
            this.cvr = cvr;
        }
    }

    static class InviteForm extends RoleForm {
        @NotBlank(message = "{users.email.required}")
        @Email(message = "{users.email.invalid}")
        @Pattern(regexp = "[A-Za-z0-9._@-]{3,100}", message = "{users.email.invalid}")
        private String email;

        @NotBlank(message = "{users.name.required}")
        @Size(max = 200, message = "{users.name.length}")
        private String name;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
