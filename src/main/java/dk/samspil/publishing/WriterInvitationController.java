package dk.samspil.publishing;

import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SingleLineRule;
import dk.samspil.publishing.NewsletterRequests.Author;
import dk.samspil.security.SamspilPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
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
 * Inviting municipal or hospital staff to write a newsletter text (POST /nyhedsmails/invitationer, by a consultant
 * or coordinator), and the invited writer's form behind the personal link (/nyhedsmail-skriv/{token}, no account):
 * the same seven points; an unknown, spent or expired link is 404.
 */
@Controller
class WriterInvitationController {

    static final String DONE = "publishing/written";

    private final WriterInvitations invitations;
    private final NewsletterAuthors authors;
    private final NewsletterAudiences audiences;
    private final Clock clock;

    WriterInvitationController(
            WriterInvitations invitations, NewsletterAuthors authors, NewsletterAudiences audiences, Clock clock) {
        this.invitations = invitations;
        this.authors = authors;
        this.audiences = audiences;
        this.clock = clock;
    }

    @PostMapping("/nyhedsmails/invitationer")
    String invite(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(required = false) String writerName,
            @RequestParam(required = false) String writerEmail,
            RedirectAttributes redirect) {
        Author author = authors.requireAuthor(user);
        String problem = RequestForm.blank(writerName)
                ? "publishing.invite.name.required"
                : writerName.length() > 200 || !SingleLineRule.holds(writerName)
                        ? SingleLineRule.KEY
                        : RequestForm.blank(writerEmail)
                                        || writerEmail.length() > 320
                                        || !RequestForm.EMAIL
                                                .matcher(writerEmail.strip())
                                                .matches()
                                ? "publishing.invite.email.invalid"
                                : null;
        if (problem != null) {
            redirect.addFlashAttribute("error", problem);
            redirect.addFlashAttribute("errorAt", "inviter");
            redirect.addFlashAttribute("writerName", writerName);
            redirect.addFlashAttribute("writerEmail", writerEmail);
            return "redirect:/nyhedsmails#inviter";
        }
        invitations.invite(author, writerName.strip(), writerEmail.strip());
        redirect.addFlashAttribute("success", "publishing.invite.sent");
        return "redirect:/nyhedsmails";
    }

    @GetMapping("/nyhedsmail-skriv/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        var invitation = invitations.open(token);
        if (invitation.isEmpty()) {
            return invalid(response);
        }
        RequestForm form = new RequestForm();
        form.setSender(invitation.get().writerName());
        form.setCoSender(invitation.get().inviter().name());
        return render(model, invitation.get(), token, form);
    }

    @PostMapping("/nyhedsmail-skriv/{token}")
    String write(
            @PathVariable String token,
            @Valid @ModelAttribute("requestForm") RequestForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response) {
        var invitation = invitations.open(token);
        if (invitation.isEmpty()) {
            return invalid(response);
        }
        String region = invitation.get().inviter().regionCode();
        audiences.check(form, result, region, LocalDate.now(clock));
        if (result.hasErrors()) {
            return render(model, invitation.get(), token, form);
        }
        try {
            invitations.write(invitation.get(), form.draft());
        } catch (RuleViolation spentMeanwhile) {
            return invalid(response);
        }
        model.addAttribute("inviterName", invitation.get().inviter().name());
        return DONE;
    }

    private String render(Model model, WriterInvitations.Invitation invitation, String token, RequestForm form) {
        String region = invitation.inviter().regionCode();
        model.addAttribute("requestForm", form);
        model.addAttribute("requestId", null);
        model.addAttribute("formAction", "/nyhedsmail-skriv/" + token);
        model.addAttribute("invitedBy", invitation.inviter().name());
        audiences.options(model, region);
        return NewsletterRequestController.FORM;
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return SubscriptionController.INVALID;
    }
}
