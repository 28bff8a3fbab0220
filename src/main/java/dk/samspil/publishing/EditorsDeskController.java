package dk.samspil.publishing;

import dk.samspil.platform.RuleViolation;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import dk.samspil.security.Access;
import dk.samspil.security.SamspilPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The praksis.dk editors' desk (/redaktion, role EDITOR): the queue by latest send date with "Haster" first and how
 * often each sender uses it, a request with its approvals, questions to the author and their answers, the day it is
 * planned for, and the sending. Everyone else is refused (403, by the security configuration).
 */
@Controller
class EditorsDeskController {

    static final String QUEUE = "publishing/desk";
    static final String PAGE = "publishing/desk-request";

    private final EditorsDesk desk;
    private final NewsletterRequests requests;
    private final NewsletterApprovals approvals;
    private final NewsletterSending sending;
    private final NewsletterAudiences audiences;
    private final QualityChecks checks;
    private final Access access;
    private final Clock clock;

    EditorsDeskController(
            EditorsDesk desk,
            NewsletterRequests requests,
            NewsletterApprovals approvals,
            NewsletterSending sending,
            NewsletterAudiences audiences,
            QualityChecks checks,
            Access access,
            Clock clock) {
        this.desk = desk;
        this.requests = requests;
        this.approvals = approvals;
        this.sending = sending;
        this.audiences = audiences;
        this.checks = checks;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/redaktion")
    String queue(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        requireEditor(user);
        List<RequestView> queue = desk.queue();
        List<RequestView> sent = desk.sent(20);
        model.addAttribute("queue", queue);
        model.addAttribute("sent", sent);
        model.addAttribute("urgentUses", desk.urgentUses(queue));
        model.addAttribute("audienceTexts", audiences.describe(queue));
        model.addAttribute("openChecks", checks.openAmong(queue));
        return QUEUE;
    }

    @GetMapping("/redaktion/{id}")
    String page(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        RequestView request = submitted(user, id);
        Map<Long, Integer> uses = desk.urgentUses(List.of(request));
        model.addAttribute("request", request);
        model.addAttribute("audienceText", audiences.describe(request));
        model.addAttribute("approvals", approvals.of(id));
        model.addAttribute("questions", desk.questions(id));
        model.addAttribute("checks", checks.of(id));
        model.addAttribute("urgentUses", uses.getOrDefault(request.authorUserId(), 0));
        model.addAttribute(
                "recipients", request.status() == RequestStatus.SENT ? null : sending.recipientCount(request));
        return PAGE;
    }

    @PostMapping("/redaktion/{id}/spoergsmaal")
    String ask(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String question,
            RedirectAttributes redirect) {
        RequestView request = submitted(user, id);
        if (RequestForm.blank(question)) {
            return refused(redirect, id, "publishing.desk.question.required", "spoergsmaal");
        }
        if (question.length() > 5000) {
            return refused(redirect, id, "field.tooLong", "spoergsmaal");
        }
        try {
            desk.ask(request, question.strip(), user.displayName());
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), "spoergsmaal");
        }
        redirect.addFlashAttribute("success", "publishing.desk.question.asked");
        return "redirect:/redaktion/" + id;
    }

    @PostMapping("/redaktion/{id}/kvalitetstjek")
    String askCheck(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        RequestView request = submitted(user, id);
        if (RequestForm.blank(note)) {
            return refused(redirect, id, "publishing.quality.note.required", "kvalitetstjek");
        }
        if (note.length() > 5000) {
            return refused(redirect, id, "field.tooLong", "kvalitetstjek");
        }
        try {
            checks.ask(request, note.strip(), user.displayName());
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), "kvalitetstjek");
        }
        redirect.addFlashAttribute("success", "publishing.quality.asked");
        return "redirect:/redaktion/" + id;
    }

    @PostMapping("/redaktion/{id}/planlaeg")
    String schedule(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String scheduledFor,
            RedirectAttributes redirect) {
        RequestView request = submitted(user, id);
        LocalDate day = RequestForm.date(scheduledFor);
        if (day == null) {
            return refused(redirect, id, "publishing.desk.schedule.invalid", "planlaeg");
        }
        try {
            desk.schedule(request, day, LocalDate.now(clock));
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), "planlaeg");
        }
        redirect.addFlashAttribute("success", "publishing.desk.scheduled");
        return "redirect:/redaktion/" + id;
    }

    @PostMapping("/redaktion/{id}/send")
    String send(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        RequestView request = submitted(user, id);
        try {
            int sent = sending.send(request);
            redirect.addFlashAttribute("success", "publishing.desk.sent");
            redirect.addFlashAttribute("successArgs", new Object[] {String.valueOf(sent)});
        } catch (RuleViolation refused) {
            return refused(redirect, id, refused.messageKey(), "send");
        }
        return "redirect:/redaktion/" + id;
    }

    private void requireEditor(SamspilPrincipal user) {
        access.require(EditorsDesk.isEditor(user), user, "publishing:desk");
    }

    /** A request the author has sent to the editors (drafts and requests awaiting approval are not theirs yet). */
    private RequestView submitted(SamspilPrincipal user, long id) {
        requireEditor(user);
        Optional<RequestView> request =
                requests.find(id).filter(r -> r.status().atDesk() || r.status() == RequestStatus.SENT);
        access.require(request.isPresent(), user, "publishing:desk:" + id);
        return request.orElseThrow();
    }

    private static String refused(RedirectAttributes redirect, long id, String key, String anchor) {
        redirect.addFlashAttribute("error", key);
        redirect.addFlashAttribute("errorAt", anchor);
        return "redirect:/redaktion/" + id + "#" + anchor;
    }
}
