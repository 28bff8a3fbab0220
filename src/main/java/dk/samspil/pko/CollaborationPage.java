package dk.samspil.pko;

import dk.samspil.pko.CollaborationForms.ActorForm;
import dk.samspil.pko.CollaborationForms.InviteeForm;
import dk.samspil.pko.CollaborationForms.PointForm;
import dk.samspil.pko.CollaborationForms.StoryForm;
import dk.samspil.pko.ManegeCases.ManegeCase;
import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.pko.PkoCollaborations.Collaboration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * A collaboration meeting's page (/pko/samarbejdsmoeder/{id}), shared by the controllers whose forms are on it: the
 * plan, the clash check, the invitees and invitations, and the Manegemodellen case. A form refused at its fields is in
 * the model already and is shown as typed; the others start afresh.
 */
@Component
class CollaborationPage {

    static final String VIEW = "pko/collaboration";

    private final PkoAccess access;
    private final PkoCollaborations collaborations;
    private final CollaborationClashes clashes;
    private final ManegeCases cases;
    private final KmReviews reviews;

    CollaborationPage(
            PkoAccess access,
            PkoCollaborations collaborations,
            CollaborationClashes clashes,
            ManegeCases cases,
            KmReviews reviews) {
        this.access = access;
        this.collaborations = collaborations;
        this.clashes = clashes;
        this.cases = cases;
        this.reviews = reviews;
    }

    /** The meeting, or 404 for one that does not exist or that the viewer may not plan. */
    Collaboration writable(Viewer viewer, long id) {
        Optional<Collaboration> c = collaborations.find(id);
        access.require(c.isPresent() && collaborations.mayWrite(viewer, c.get()), viewer, "pko-collaboration:" + id);
        return c.orElseThrow();
    }

    /** A correspondence review linked to the meeting must be one the viewer reads. */
    void checkReview(Viewer viewer, CollaborationForm form, BindingResult result) {
        if (form.getReviewId() != null
                && reviews.find(form.getReviewId())
                        .filter(r -> reviews.mayWrite(viewer, r))
                        .isEmpty()) {
            result.rejectValue("reviewId", "pko.collab.review.unknown");
        }
    }

    /** The choices of the plan form: topics, formats, payment answers, the viewer's correspondence reviews. */
    void choices(Model model, Viewer viewer, Collaboration c) {
        model.addAttribute("topics", PkoCollaborations.Topic.values());
        model.addAttribute("formats", PkoCollaborations.Format.values());
        model.addAttribute("paysValues", PkoCollaborations.Pays.values());
        Map<Long, String> own = new LinkedHashMap<>();
        reviews.visible(viewer).stream()
                .filter(r -> c == null || r.municipalityCode().equals(c.municipalityCode()))
                .forEach(r -> own.put(r.id(), reviews.title(r)));
        model.addAttribute("reviewChoices", own);
    }

    String render(Model model, Viewer viewer, Collaboration c) {
        ManegeCase manege = cases.read(c.id());
        if (!model.containsAttribute("planForm")) {
            model.addAttribute("planForm", CollaborationForm.of(c));
        }
        if (!model.containsAttribute("inviteeForm")) {
            model.addAttribute("inviteeForm", new InviteeForm());
        }
        if (!model.containsAttribute("storyForm")) {
            StoryForm story = new StoryForm();
            story.setPerson(manege.person());
            story.setStory(manege.story());
            story.setStoryVersion(manege.version());
            model.addAttribute("storyForm", story);
        }
        if (!model.containsAttribute("actorForm")) {
            model.addAttribute("actorForm", new ActorForm());
        }
        if (!model.containsAttribute("pointForm")) {
            model.addAttribute("pointForm", new PointForm());
        }
        if (!model.containsAttribute("contributionErrors")) {
            model.addAttribute("contributionErrors", new HashMap<String, String>());
            model.addAttribute("contributionDraft", new HashMap<String, String>());
        }
        Map<Long, String> actorLabels = new LinkedHashMap<>();
        manege.actors().forEach(a -> actorLabels.put(a.id(), cases.actorLabel(a)));
        model.addAttribute("viewer", viewer);
        model.addAttribute("collab", c);
        model.addAttribute("collabTitle", collaborations.title(c));
        model.addAttribute("facts", collaborations.facts(c));
        model.addAttribute("clashes", clashes.of(c));
        model.addAttribute("invitees", collaborations.invitees(c.id()));
        model.addAttribute("manege", manege);
        model.addAttribute("actorLabels", actorLabels);
        model.addAttribute("actorKinds", ManegeCases.ActorKind.values());
        model.addAttribute(
                "review",
                c.reviewId() == null
                        ? null
                        : reviews.find(c.reviewId()).map(reviews::title).orElse(null));
        choices(model, viewer, c);
        return VIEW;
    }
}
