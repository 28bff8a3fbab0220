package dk.samspil.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
 * A provider's lead consultant manages the provider's own consultants (/udbyder/konsulenter): invites, deactivates,
 * reactivates and names them lead. Anyone else, and any user of another provider, gets 404.
 */
@Controller
class LeadConsultantController {

    static final String LIST = "security/provider-consultants";
    static final String NEW = "security/provider-consultant-new";
    private static final String BASE = "/udbyder/konsulenter";

    private final UserAdministration users;
    private final Access access;
    private final ClientAddress clientAddress;

    LeadConsultantController(UserAdministration users, Access access, ClientAddress clientAddress) {
        this.users = users;
        this.access = access;
        this.clientAddress = clientAddress;
    }

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        requireLead(user);
        model.addAttribute("consultants", users.consultantsOf(user.providerCode()));
        model.addAttribute("providerName", users.providerName(user.providerCode()));
        return LIST;
    }

    @GetMapping(BASE + "/ny")
    String newConsultant(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        requireLead(user);
        model.addAttribute("coordinatorForm", new CoordinatorInvitationController.CoordinatorForm());
        return form(user, model);
    }

    @PostMapping(BASE)
    String invite(
            @Valid @ModelAttribute("coordinatorForm") CoordinatorInvitationController.CoordinatorForm form,
            BindingResult result,
            @AuthenticationPrincipal SamspilPrincipal user,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        requireLead(user);
        if (!result.hasFieldErrors("email") && users.emailInUse(form.getEmail())) {
            result.rejectValue("email", "users.email.inUse");
        }
        if (result.hasErrors()) {
            return form(user, model);
        }
        users.invite(
                form.getEmail(),
                form.getName(),
                Role.CONSULTANT,
                "P:" + user.providerCode(),
                user.getUsername(),
                clientAddress.of(request));
        redirect.addFlashAttribute("saved", "users.invited");
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/{id}/deaktiver")
    String deactivate(
            @PathVariable long id,
            @AuthenticationPrincipal SamspilPrincipal user,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        requireOwnConsultant(user, id);
        if (id == user.id()) {
            redirect.addFlashAttribute("refused", "users.deactivate.self");
            return "redirect:" + BASE;
        }
        users.deactivate(id, user.getUsername(), clientAddress.of(request));
        redirect.addFlashAttribute("saved", "users.deactivated");
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/{id}/aktiver")
    String reactivate(
            @PathVariable long id,
            @AuthenticationPrincipal SamspilPrincipal user,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        requireOwnConsultant(user, id);
        users.reactivate(id, user.getUsername(), clientAddress.of(request));
        redirect.addFlashAttribute("saved", "users.reactivated");
        return "redirect:" + BASE;
    }

    /** Names the consultant lead, or (sent with {@code lead=false}) no longer lead; a lead cannot step down alone. */
    @PostMapping(BASE + "/{id}/leder")
    String lead(
            @PathVariable long id,
            @RequestParam(defaultValue = "true") boolean lead,
            @AuthenticationPrincipal SamspilPrincipal user,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        requireOwnConsultant(user, id);
        if (!lead && id == user.id()) {
            redirect.addFlashAttribute("refused", "provider.lead.self");
            return "redirect:" + BASE;
        }
        users.setLead(id, lead, user.getUsername(), clientAddress.of(request));
        redirect.addFlashAttribute("saved", lead ? "provider.lead.named" : "provider.lead.removed");
        return "redirect:" + BASE;
    }

    private String form(SamspilPrincipal user, Model model) {
        model.addAttribute("providerName", users.providerName(user.providerCode()));
        return NEW;
    }

    private void requireLead(SamspilPrincipal user) {
        access.require(
                user != null && user.is(Role.CONSULTANT) && user.providerCode() != null && users.isLead(user.id()),
                user,
                "provider-consultants");
    }

    private void requireOwnConsultant(SamspilPrincipal user, long id) {
        requireLead(user);
        access.require(
                users.consultantsOf(user.providerCode()).stream().anyMatch(c -> c.id() == id), user, "user:" + id);
    }
}
