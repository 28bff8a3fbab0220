package dk.samspil.pko;

import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.GpRecipient;
import dk.samspil.pko.CollaborationForms.ActorForm;
import dk.samspil.pko.CollaborationForms.InviteeForm;
import dk.samspil.pko.CollaborationForms.PointForm;
import dk.samspil.pko.CollaborationForms.StoryForm;
import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.pko.PkoCollaborations.Collaboration;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * A collaboration meeting's invitees and invitations, and its Manegemodellen case: the person and story, the actors,
 * the points of the story and each actor's contribution at each point (written before the meeting), and the case as
 * a page of its own to show at the meeting (/pko/samarbejdsmoeder/{id}/manege).
 */
@Controller
class CollaborationCaseController {

    static final String CASE_VIEW = "pko/manege";
    static final int MAX_CONTRIBUTION = 2000;

    private final PkoAccess access;
    private final PkoCollaborations collaborations;
    private final CollaborationPage page;
    private final ManegeCases cases;
    private final CollaborationInvitations invitations;
    private final Directory directory;

    CollaborationCaseController(
            PkoAccess access,
            PkoCollaborations collaborations,
            CollaborationPage page,
            ManegeCases cases,
            CollaborationInvitations invitations,
            Directory directory) {
        this.access = access;
        this.collaborations = collaborations;
        this.page = page;
        this.cases = cases;
        this.invitations = invitations;
        this.directory = directory;
    }

    // --- invitees and invitations ---

    @PostMapping("/pko/samarbejdsmoeder/{id}/inviterede")
    String invite(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("inviteeForm") InviteeForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Collaboration c = page.writable(viewer, id);
        if (!result.hasErrors()
                && !collaborations.invite(
                        id,
                        form.getName().strip(),
                        form.getOrganisation() == null
                                ? ""
                                : form.getOrganisation().strip(),
                        form.getEmail().strip().toLowerCase(Locale.ROOT))) {
            result.rejectValue("email", "pko.collab.invitee.email.taken");
        }
        if (result.hasErrors()) {
            return page.render(model, viewer, c);
        }
        redirect.addFlashAttribute("success", "pko.collab.invitee.added");
        return "redirect:/pko/samarbejdsmoeder/" + id + "#inviterede";
    }

    /** Invites the municipality's GPs and practice staff (the members of its clusters), each address once. */
    @PostMapping("/pko/samarbejdsmoeder/{id}/inviterede/laeger")
    String inviteGps(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Collaboration c = page.writable(viewer, id);
        int added = 0;
        for (GpRecipient gp : directory.gpRecipients(List.of(c.municipalityCode()))) {
            if (collaborations.invite(
                    id,
                    gp.name(),
                    gp.practiceName() == null ? "" : gp.practiceName(),
                    gp.email().strip().toLowerCase(Locale.ROOT))) {
                added++;
            }
        }
        redirect.addFlashAttribute("success", "pko.collab.invitee.gpsAdded");
        redirect.addFlashAttribute("successArgs", new Object[] {String.valueOf(added)});
        return "redirect:/pko/samarbejdsmoeder/" + id + "#inviterede";
    }

    @PostMapping("/pko/samarbejdsmoeder/{id}/inviterede/{inviteeId}/slet")
    String uninvite(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long inviteeId,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        page.writable(viewer, id);
        access.require(collaborations.uninvite(id, inviteeId), viewer, "pko-collaboration:" + id + ":" + inviteeId);
        redirect.addFlashAttribute("success", "pko.collab.invitee.removed");
        return "redirect:/pko/samarbejdsmoeder/" + id + "#inviterede";
    }

    /** Sends the invitations: refused while the organisers' mandate for form and cost is not a yes. */
    @PostMapping("/pko/samarbejdsmoeder/{id}/invitationer")
    String sendInvitations(
            @AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Collaboration c = page.writable(viewer, id);
        String refusal = invitations.refusal(c);
        if (refusal != null) {
            redirect.addFlashAttribute("error", refusal);
            return "redirect:/pko/samarbejdsmoeder/" + id + "#invitationer";
        }
        int sent = invitations.send(c, user.getUsername());
        redirect.addFlashAttribute("success", "pko.collab.invite.sent");
        redirect.addFlashAttribute("successArgs", new Object[] {String.valueOf(sent)});
        return "redirect:/pko/samarbejdsmoeder/" + id + "#invitationer";
    }

    // --- the Manegemodellen case ---

    /** The case as it is shown at the meeting: a page to read, on a screen or a phone. */
    @GetMapping("/pko/samarbejdsmoeder/{id}/manege")
    String showCase(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, Model model) {
        Viewer viewer = access.viewer(user);
        Collaboration c = page.writable(viewer, id);
        model.addAttribute("collab", c);
        model.addAttribute("collabTitle", collaborations.title(c));
        model.addAttribute("section", cases.section(cases.read(id)));
        return CASE_VIEW;
    }

    @PostMapping("/pko/samarbejdsmoeder/{id}/manege")
    String saveStory(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("storyForm") StoryForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Collaboration c = manege(viewer, id);
        if (!result.hasErrors()
                && !cases.saveStory(
                        id, form.getPerson().strip(), form.getStory().strip(), form.getStoryVersion())) {
            result.rejectValue("story", "pko.manege.conflict");
            form.setStoryVersion(cases.read(id).version());
        }
        if (result.hasErrors()) {
            return page.render(model, viewer, c);
        }
        return saved(redirect, id, "pko.manege.storySaved", "casen");
    }

    @PostMapping("/pko/samarbejdsmoeder/{id}/manege/aktoerer")
    String addActor(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("actorForm") ActorForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Collaboration c = manege(viewer, id);
        if (form.kindValue() == null) {
            result.rejectValue("actorKind", "pko.manege.actor.kind.required");
        }
        if (!result.hasErrors()
                && !cases.addActor(id, form.kindValue(), form.getActorName().strip())) {
            result.rejectValue("actorName", "pko.manege.actor.name.taken");
        }
        if (result.hasErrors()) {
            return page.render(model, viewer, c);
        }
        return saved(redirect, id, "pko.manege.actorAdded", "aktoerer");
    }

    @PostMapping("/pko/samarbejdsmoeder/{id}/manege/aktoerer/{actorId}/slet")
    String removeActor(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long actorId,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        manege(viewer, id);
        access.require(cases.removeActor(id, actorId), viewer, "pko-collaboration:" + id + ":actor:" + actorId);
        return saved(redirect, id, "pko.manege.actorRemoved", "aktoerer");
    }

    @PostMapping("/pko/samarbejdsmoeder/{id}/manege/nedslag")
    String addPoint(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @Valid @ModelAttribute("pointForm") PointForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Collaboration c = manege(viewer, id);
        if (result.hasErrors()) {
            return page.render(model, viewer, c);
        }
        long point = cases.addPoint(
                id,
                form.getPointTitle().strip(),
                form.getPointDescription() == null
                        ? ""
                        : form.getPointDescription().strip());
        return saved(redirect, id, "pko.manege.pointAdded", "nedslag-" + point);
    }

    /** Each actor's contribution at the point ({@code contribution-<actorId>}); a blank one is taken away. */
    @PostMapping("/pko/samarbejdsmoeder/{id}/manege/nedslag/{pointId}")
    String saveContributions(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long pointId,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        Collaboration c = manege(viewer, id);
        Map<Long, String> byActor = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        Map<String, String> draft = new HashMap<>();
        for (ManegeCases.Actor actor : cases.read(id).actors()) {
            String key = "contribution-" + actor.id();
            String text = params.getOrDefault(key, "");
            draft.put(pointId + "-" + actor.id(), text);
            if (text.strip().length() > MAX_CONTRIBUTION) {
                errors.put(pointId + "-" + actor.id(), "field.tooLong");
            }
            byActor.put(actor.id(), text);
        }
        if (!errors.isEmpty()) {
            model.addAttribute("contributionErrors", errors);
            model.addAttribute("contributionDraft", draft);
            return page.render(model, viewer, c);
        }
        if (!cases.saveContributions(id, pointId, byActor)) {
            throw new AccessRefusedException("pko-collaboration:" + id + ":point:" + pointId);
        }
        return saved(redirect, id, "pko.manege.contributionsSaved", "nedslag-" + pointId);
    }

    @PostMapping("/pko/samarbejdsmoeder/{id}/manege/nedslag/{pointId}/slet")
    String removePoint(
            @AuthenticationPrincipal SamspilPrincipal user,
            @PathVariable long id,
            @PathVariable long pointId,
            RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        manege(viewer, id);
        access.require(cases.removePoint(id, pointId), viewer, "pko-collaboration:" + id + ":point:" + pointId);
        return saved(redirect, id, "pko.manege.pointRemoved", "nedslag");
    }

    /** A meeting in the Manegemodellen's format the viewer plans; 404 otherwise. */
    private Collaboration manege(Viewer viewer, long id) {
        Collaboration c = page.writable(viewer, id);
        access.require(c.manege(), viewer, "pko-collaboration:" + id + ":manege");
        return c;
    }

    private static String saved(RedirectAttributes redirect, long id, String message, String anchor) {
        redirect.addFlashAttribute("success", message);
        return "redirect:/pko/samarbejdsmoeder/" + id + "#" + anchor;
    }
}
