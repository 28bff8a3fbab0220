package dk.samspil.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A coordinator invites a second coordinator of their own cluster (administrators may for any cluster). */
@Controller
class CoordinatorInvitationController {

    static final String VIEW = "security/coordinator-new";

    private final UserAdministration users;
    private final Access access;
    private final Organisations organisations;

    CoordinatorInvitationController(UserAdministration users, Access access, Organisations organisations) {
        this.users = users;
        this.access = access;
        this.organisations = organisations;
    }

    @GetMapping("/klynger/{clusterId}/koordinatorer/ny")
    String form(@PathVariable long clusterId, @AuthenticationPrincipal SamspilPrincipal user, Model model) {
        access.requireCluster(user, clusterId);
        model.addAttribute("coordinatorForm", new CoordinatorForm());
        return view(clusterId, model);
    }

    @PostMapping("/klynger/{clusterId}/koordinatorer")
    String invite(
            @PathVariable long clusterId,
            @Valid @ModelAttribute CoordinatorForm coordinatorForm,
            BindingResult result,
            @AuthenticationPrincipal SamspilPrincipal user,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        access.requireCluster(user, clusterId);
        if (!result.hasFieldErrors("email") && users.emailInUse(coordinatorForm.getEmail())) {
            result.rejectValue("email", "users.email.inUse");
        }
        if (result.hasErrors()) {
            return view(clusterId, model);
        }
        users.invite(
                coordinatorForm.getEmail(),
                coordinatorForm.getName(),
                Role.COORDINATOR,
                "C:" + clusterId,
                user.getUsername(),
                request.getRemoteAddr());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/klynger/" + clusterId + "/koordinatorer/ny";
    }

    private String view(long clusterId, Model model) {
        model.addAttribute("clusterId", clusterId);
        model.addAttribute(
                "clusterName",
                organisations
                        .name(Organisations.Kind.CLUSTER, String.valueOf(clusterId))
                        .orElseThrow(() -> new AccessRefusedException("cluster:" + clusterId)));
        return VIEW;
    }

    static class CoordinatorForm {
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
