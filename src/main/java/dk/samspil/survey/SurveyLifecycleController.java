package dk.samspil.survey;

import dk.samspil.ordering.OrderGuard;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.platform.RuleViolation;
import dk.samspil.security.Access;
import dk.samspil.security.SamspilPrincipal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The survey's way from the review round to the meeting: freezing it (or opening a new version), sending it and its
 * reminders, closing and reopening it. Each goes back to the survey page ({@link SurveyController}) with its outcome.
 */
@Controller
class SurveyLifecycleController {

    private final Surveys surveys;
    private final Review review;
    private final Sending sending;
    private final Access access;
    private final OrderGuard guard;
    private final SurveyGuard surveyGuard;

    SurveyLifecycleController(
            Surveys surveys, Review review, Sending sending, Access access, OrderGuard guard, SurveyGuard surveyGuard) {
        this.surveys = surveys;
        this.review = review;
        this.sending = sending;
        this.access = access;
        this.guard = guard;
        this.surveyGuard = surveyGuard;
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/frys")
    String freeze(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        SurveyView survey = surveyGuard.managed(user, orderId);
        return SurveyController.act(
                orderId, redirect, "survey.frozen.done", () -> review.freeze(survey, user.displayName()));
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/ny-version")
    String newVersion(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        SurveyView survey = surveyGuard.managed(user, orderId);
        return SurveyController.act(orderId, redirect, "survey.newVersion.done", () -> review.newVersion(survey));
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/send")
    String send(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
            @RequestParam(required = false) String reminderDays,
            @RequestParam(required = false) List<String> audience,
            @RequestParam(name = "_audience", required = false) String audienceChosen,
            RedirectAttributes redirect) {
        return sendAction(
                user,
                orderId,
                redirect,
                "survey.sent",
                survey -> sending.send(
                        survey, closesOn, reminderDays, user.displayName(), audience(audience, audienceChosen)));
    }

    /** Reminders to the chosen sectors (all when not chosen); a chosen municipality also invites participants not yet invited. */
    @PostMapping("/bestillinger/{orderId}/spoergeskema/paamind")
    String remind(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) List<String> audience,
            @RequestParam(name = "_audience", required = false) String audienceChosen,
            RedirectAttributes redirect) {
        Set<Sector> chosen = audience(audience, audienceChosen);
        return sendAction(
                user,
                orderId,
                redirect,
                "survey.reminded",
                survey -> chosen == null ? sending.remind(survey) : sending.remind(survey, chosen));
    }

    /** The sectors ticked on the form; null when the form offered no choice (the package's default applies). */
    private static Set<Sector> audience(List<String> audience, String audienceChosen) {
        if (audienceChosen == null) {
            return null;
        }
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        for (Sector sector : Sector.values()) {
            if (audience != null && audience.contains(sector.name())) {
                sectors.add(sector);
            }
        }
        return sectors;
    }

    /** Sending and reminding: for whoever may send; the success message gets the number of mails. */
    private String sendAction(
            SamspilPrincipal user,
            long orderId,
            RedirectAttributes redirect,
            String successKey,
            ToIntFunction<SurveyView> action) {
        OrderView order = guard.visible(user, orderId);
        access.require(surveyGuard.canSend(user, order), user, "order:" + orderId + ":survey-send");
        SurveyView survey = surveys.forOrder(orderId, order.packageSlug());
        try {
            int mails = action.applyAsInt(survey);
            redirect.addFlashAttribute("success", successKey);
            redirect.addFlashAttribute("successArgs", new Object[] {mails});
        } catch (RuleViolation refused) {
            // Back at the send form with the message there, not at the top of a long page.
            redirect.addFlashAttribute("error", refused.messageKey());
            redirect.addFlashAttribute("errorAt", "send");
            return "redirect:/bestillinger/" + orderId + "/spoergeskema#send";
        }
        return "redirect:/bestillinger/" + orderId + "/spoergeskema";
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/luk")
    String close(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long orderId, RedirectAttributes redirect) {
        SurveyView survey = surveyGuard.managed(user, orderId);
        return SurveyController.act(
                orderId, redirect, "survey.closed.done", () -> sending.close(survey, user.displayName()));
    }

    @PostMapping("/bestillinger/{orderId}/spoergeskema/genaabn")
    String reopen(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long orderId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
            RedirectAttributes redirect) {
        SurveyView survey = surveyGuard.managed(user, orderId);
        return SurveyController.act(orderId, redirect, "survey.reopened", () -> sending.reopen(survey, closesOn));
    }
}
