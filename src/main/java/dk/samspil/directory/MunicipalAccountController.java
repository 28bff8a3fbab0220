package dk.samspil.directory;

import dk.samspil.directory.Views.MunicipalityView;
import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.SingleLine;
import dk.samspil.security.Access;
import dk.samspil.security.Invitations;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accounts with a municipality's rights (they see every order of the municipality) are made here, and only by an
 * administrator or by the municipality's own accounts, for their own municipality. An order's participants get
 * that order only (see {@code Ordering}); an existing address is never sent a password link.
 */
@Controller
class MunicipalAccountController {

    static final String VIEW = "directory/municipal-accounts";
    static final String PATH = "/kommune/konti";
    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private final Invitations invitations;
    private final Directory directory;
    private final Outbox outbox;
    private final Access access;
    private final MessageSource messages;
    private final SamspilSettings settings;

    MunicipalAccountController(
            Invitations invitations,
            Directory directory,
            Outbox outbox,
            Access access,
            MessageSource messages,
            SamspilSettings settings) {
        this.invitations = invitations;
        this.directory = directory;
        this.outbox = outbox;
        this.access = access;
        this.messages = messages;
        this.settings = settings;
    }

    @GetMapping(PATH)
    String form(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        requireAllowed(user);
        model.addAttribute("accountForm", new AccountForm());
        return view(user, model);
    }

    @PostMapping(PATH)
    @Transactional
    String invite(
            @AuthenticationPrincipal SamspilPrincipal user,
            @Valid @ModelAttribute("accountForm") AccountForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        requireAllowed(user);
        String code = user.isAdmin() ? form.getMunicipalityCode() : user.municipalityCode();
        Optional<MunicipalityView> municipality = directory.municipalities().stream()
                .filter(m -> m.code().equals(code))
                .findFirst();
        if (municipality.isEmpty()) {
            result.rejectValue("municipalityCode", "invitation.municipal.municipality.required");
        }
        if (result.hasErrors()) {
            return view(user, model);
        }
        Optional<String> token = invitations.inviteMunicipalContact(form.getEmail(), form.getName(), code);
        if (token.isPresent()) {
            outbox.enqueueSecret(mail(
                    form,
                    municipality.get(),
                    "invitation.municipal.mail",
                    settings.link("/invitation/" + token.get())));
            redirect.addFlashAttribute("success", "invitation.municipal.sent");
        } else if (invitations.grantMunicipality(form.getEmail(), code)) {
            // An order's participant who works for the municipality: rights, and a notice, but no password link.
            outbox.enqueue(mail(
                    form, municipality.get(), "invitation.municipal.granted.mail", settings.link("/bestillinger")));
            redirect.addFlashAttribute("success", "invitation.municipal.granted");
        } else {
            result.rejectValue("email", "invitation.municipal.email.taken");
            return view(user, model);
        }
        return "redirect:" + PATH;
    }

    private OutgoingMail mail(AccountForm form, MunicipalityView municipality, String key, String link) {
        Object[] args = {form.getName().strip(), municipality.name(), link};
        return new OutgoingMail(
                form.getEmail().strip(),
                messages.getMessage(key + ".subject", args, DANISH),
                messages.getMessage(key + ".body", args, DANISH),
                "municipal-account:" + municipality.code());
    }

    /** An administrator, or an account with its municipality's rights (not an order's participant). */
    private void requireAllowed(SamspilPrincipal user) {
        access.require(
                user.isAdmin() || (user.is(Role.MUNICIPALITY) && user.municipalityCode() != null),
                user,
                "municipal-accounts");
    }

    private String view(SamspilPrincipal user, Model model) {
        List<MunicipalityView> choices = user.isAdmin()
                ? directory.municipalities()
                : directory.municipalities().stream()
                        .filter(m -> m.code().equals(user.municipalityCode()))
                        .toList();
        model.addAttribute("municipalities", choices);
        model.addAttribute("chooser", user.isAdmin());
        return VIEW;
    }

    /** The new colleague: name, e-mail and (for an administrator) the municipality. */
    static class AccountForm {
        @NotBlank(message = "{invitation.municipal.name.required}")
        @Size(max = 200, message = "{field.tooLong}")
        @SingleLine
        private String name;

        /** The address is also the username, so it keeps to the characters a username may have. */
        @NotBlank(message = "{invitation.municipal.email.required}")
        @Pattern(
                regexp = "\\s*[A-Za-z0-9._-]{1,64}@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}\\s*",
                message = "{invitation.municipal.email.invalid}")
        @Size(max = 100, message = "{field.tooLong}")
        private String email;

        private String municipalityCode;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getMunicipalityCode() {
            return municipalityCode;
        }

        public void setMunicipalityCode(String municipalityCode) {
            this.municipalityCode = municipalityCode;
        }
    }
}
