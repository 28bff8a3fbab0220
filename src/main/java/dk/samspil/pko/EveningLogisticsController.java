package dk.samspil.pko;

import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.pko.PkoEveningLogistics.Change;
import dk.samspil.pko.PkoEveningMeetings.EveningMeeting;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The logistics on an evening meeting's page, all forms posted to it: the checklist (room, catering, invitation,
 * booked "i samarbejde med en administrativ medarbejder"), which those who write the meeting keep; each hospital
 * consultant's answer whether they come; and the note of the grant application to Fonden for Almen Praksis.
 */
@Controller
class EveningLogisticsController {

    private static final String BASE = "/pko/fyraftensmoeder/";

    private final PkoAccess access;
    private final PkoEveningLogistics logistics;
    private final EveningPage eveningPage;

    EveningLogisticsController(PkoAccess access, PkoEveningLogistics logistics, EveningPage eveningPage) {
        this.access = access;
        this.logistics = logistics;
        this.eveningPage = eveningPage;
    }

    @PostMapping(BASE + "{id}/opgaver")
    String addTask(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("taskForm") TaskForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        EveningMeeting evening = eveningPage.writable(viewer, id, "task");
        form.check(result, logistics.today());
        if (result.hasErrors()) {
            return eveningPage.render(model, viewer, evening);
        }
        logistics.addTask(id, form.text(), form.owner(), form.dueValue(), user.getUsername());
        redirect.addFlashAttribute("success", "pko.evening.task.added");
        return "redirect:" + BASE + id + "#opgaver";
    }

    /** The default items, for a meeting whose checklist is empty. */
    @PostMapping(BASE + "{id}/opgaver/standard")
    String addDefaults(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        EveningMeeting evening = eveningPage.writable(viewer, id, "tasks");
        if (logistics.addDefaults(evening, user.getUsername())) {
            redirect.addFlashAttribute("success", "pko.evening.task.defaultsAdded");
        } else {
            stale(redirect);
        }
        return "redirect:" + BASE + id + "#opgaver";
    }

    /** Ticks an item done (who and when are kept), or not done again. */
    @PostMapping(BASE + "{id}/opgaver/{taskId}/udfoert")
    String tick(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean done,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        eveningPage.writable(viewer, id, "task:" + taskId);
        String by =
                user.displayName() == null || user.displayName().isBlank() ? user.getUsername() : user.displayName();
        return changed(
                viewer,
                id,
                taskId,
                logistics.tick(id, taskId, version == null ? -1 : version, done, by),
                done ? "pko.evening.task.ticked" : "pko.evening.task.unticked",
                redirect);
    }

    @PostMapping(BASE + "{id}/opgaver/{taskId}/slet")
    String removeTask(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long taskId,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        eveningPage.writable(viewer, id, "task:" + taskId);
        return changed(
                viewer,
                id,
                taskId,
                logistics.remove(id, taskId, version == null ? -1 : version),
                "pko.evening.task.removed",
                redirect);
    }

    private String changed(
            Viewer viewer, long id, long taskId, Change change, String done, RedirectAttributes redirect) {
        access.require(change != Change.MISSING, viewer, "pko-evening:" + id + ":task:" + taskId);
        if (change == Change.DONE) {
            redirect.addFlashAttribute("success", done);
        } else {
            stale(redirect);
        }
        return "redirect:" + BASE + id + "#opgaver";
    }

    private static void stale(RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", "pko.evening.task.stale");
        redirect.addFlashAttribute("errorAt", "opgaver");
    }

    /** A hospital consultant of the unit answers for themself whether they come (JA or NEJ). */
    @PostMapping(BASE + "{id}/deltagelse")
    String answer(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @RequestParam(required = false) String svar,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        EveningMeeting evening = eveningPage.readable(viewer, id);
        access.require(eveningPage.ownAnswer(viewer, evening).isPresent(), viewer, "pko-evening:" + id + ":attendance");
        if (!"JA".equals(svar) && !"NEJ".equals(svar)) {
            redirect.addFlashAttribute("error", "pko.evening.attendance.required");
            redirect.addFlashAttribute("errorAt", "deltagelse");
        } else {
            logistics.answer(id, viewer.person().id(), "JA".equals(svar));
            redirect.addFlashAttribute(
                    "success", "JA".equals(svar) ? "pko.evening.attendance.yes" : "pko.evening.attendance.no");
        }
        return "redirect:" + BASE + id + "#deltagelse";
    }

    /** The note of the grant application; a save over someone else's keeps what was typed and shows what is stored. */
    @PostMapping(BASE + "{id}/tilskud")
    String saveGrant(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("grantForm") GrantForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        EveningMeeting evening = eveningPage.writable(viewer, id, "grant");
        form.check(result, logistics.today());
        if (result.hasErrors()) {
            return eveningPage.render(model, viewer, evening);
        }
        if (!logistics.saveGrant(id, form.draft(), form.version(), user.getUsername())) {
            form.setGrantVersion(
                    logistics.grant(id).map(PkoEveningLogistics.Grant::version).orElse(0));
            result.rejectValue("grantNote", "pko.evening.grant.stale");
            return eveningPage.render(model, viewer, evening);
        }
        redirect.addFlashAttribute("success", "pko.evening.grant.saved");
        return "redirect:" + BASE + id + "#tilskud";
    }
}
