package dk.samspil.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The page behind an invitation link: choose a password, then sign in. */
@Controller
class InvitationController {

    static final String VIEW = "security/invitation";
    static final String INVALID_VIEW = "security/invitation-invalid";

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitation/{token}")
    String show(@PathVariable String token, Model model) {
        return invitations
                .usernameFor(token)
                .map(username -> {
                    model.addAttribute("username", username);
                    model.addAttribute("token", token);
                    model.addAttribute("passwordForm", new PasswordForm());
                    return VIEW;
                })
                .orElse(INVALID_VIEW);
    }

    @PostMapping("/invitation/{token}")
    String accept(
            @PathVariable String token,
            @Valid @ModelAttribute PasswordForm passwordForm,
            BindingResult result,
            Model model) {
        var username = invitations.usernameFor(token);
        if (username.isEmpty()) {
            return INVALID_VIEW;
        }
        if (!result.hasFieldErrors("repeat")
                && passwordForm.getPassword() != null
                && !passwordForm.getPassword().equals(passwordForm.getRepeat())) {
            result.rejectValue("repeat", "invitation.password.mismatch");
        }
        if (result.hasErrors()) {
            model.addAttribute("username", username.get());
            model.addAttribute("token", token);
            return VIEW;
        }
        return invitations.accept(token, passwordForm.getPassword()) ? "redirect:/login?invited" : INVALID_VIEW;
    }

    static class PasswordForm {
        @NotBlank(message = "{invitation.password.required}")
        @Size(min = 10, max = 200, message = "{invitation.password.length}")
        private String password;

        @NotBlank(message = "{invitation.repeat.required}")
        private String repeat;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getRepeat() {
            return repeat;
        }

        public void setRepeat(String repeat) {
            this.repeat = repeat;
        }
    }
}
