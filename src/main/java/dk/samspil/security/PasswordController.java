package dk.samspil.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/** "Glemt adgangskode" (public) and changing one's own password on the account page (/konto). */
@Controller
class PasswordController {

    static final String FORGOT = "security/forgot";
    static final String FORGOT_SENT = "security/forgot-sent";
    static final String RESET = "security/reset";
    static final String ACCOUNT = "security/account";

    private final Passwords passwords;
    private final ClientAddress clientAddress;
    private final UserAdministration users;

    PasswordController(Passwords passwords, ClientAddress clientAddress, UserAdministration users) {
        this.passwords = passwords;
        this.clientAddress = clientAddress;
        this.users = users;
    }

    @GetMapping("/glemt-adgangskode")
    String forgot(Model model) {
        model.addAttribute("forgotForm", new ForgotForm());
        return FORGOT;
    }

    /** The same page whether the address is known or not. */
    @PostMapping("/glemt-adgangskode")
    String requestReset(
            @Valid @ModelAttribute ForgotForm forgotForm, BindingResult result, HttpServletRequest request) {
        if (result.hasErrors()) {
            return FORGOT;
        }
        passwords.requestReset(forgotForm.getEmail(), clientAddress.of(request));
        return FORGOT_SENT;
    }

    @GetMapping("/nulstil/{token}")
    String showReset(@PathVariable String token, Model model) {
        return passwords
                .usernameFor(token)
                .map(username -> {
                    model.addAttribute("username", username);
                    model.addAttribute("token", token);
                    model.addAttribute("passwordForm", new InvitationController.PasswordForm());
                    return RESET;
                })
                .orElse(InvitationController.INVALID_VIEW);
    }

    @PostMapping("/nulstil/{token}")
    String reset(
            @PathVariable String token,
            @Valid @ModelAttribute("passwordForm") InvitationController.PasswordForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request) {
        var username = passwords.usernameFor(token);
        if (username.isEmpty()) {
            return InvitationController.INVALID_VIEW;
        }
        if (mismatch(form, result)) {
            model.addAttribute("username", username.get());
            model.addAttribute("token", token);
            return RESET;
        }
        return passwords.reset(token, form.getPassword(), request.getRemoteAddr())
                ? "redirect:/login?reset"
                : InvitationController.INVALID_VIEW;
    }

    @GetMapping("/konto")
    String account(Model model, @AuthenticationPrincipal SamspilPrincipal user) {
        model.addAttribute("changeForm", new ChangeForm());
        model.addAttribute("leadConsultant", user != null && users.isLead(user.id()));
        return ACCOUNT;
    }

    @PostMapping("/konto/adgangskode")
    String change(
            @Valid @ModelAttribute ChangeForm changeForm,
            BindingResult result,
            Model model,
            @AuthenticationPrincipal SamspilPrincipal user,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!result.hasFieldErrors("current") && !passwords.matches(user.id(), changeForm.getCurrent())) {
            result.rejectValue("current", "account.current.wrong");
        }
        if (mismatch(changeForm, result)) {
            model.addAttribute("leadConsultant", users.isLead(user.id()));
            return ACCOUNT;
        }
        var validFrom = passwords.change(user.id(), changeForm.getPassword(), request.getRemoteAddr());
        SessionCheck.stampSignIn(request, validFrom);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/konto";
    }

    /** Adds the mismatch error; true when the form has any error. */
    private static boolean mismatch(InvitationController.PasswordForm form, BindingResult result) {
        if (!result.hasFieldErrors("repeat")
                && form.getPassword() != null
                && !form.getPassword().equals(form.getRepeat())) {
            result.rejectValue("repeat", "invitation.password.mismatch");
        }
        return result.hasErrors();
    }

    static class ForgotForm {
        @NotBlank(message = "{users.email.required}")
        @Size(max = 320, message = "{users.email.invalid}")
        private String email;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    static class ChangeForm extends InvitationController.PasswordForm {
        @NotBlank(message = "{account.current.required}")
        private String current;

        public String getCurrent() {
            return current;
        }

        public void setCurrent(String current) {
            this.current = current;
        }
    }
}
