package dk.samspil.pko;

import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.pko.PkoEveningLogistics.Answer;
import dk.samspil.pko.PkoEveningMeetings.EveningMeeting;
import dk.samspil.platform.SamspilSettings;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * An evening meeting's page (/pko/fyraftensmoeder/{id}), shared by the controllers whose forms are on it: the
 * programme and the call for talks, the sign-ups, and the logistics (checklist, the hospital consultants' attendance,
 * the grant). A form refused at its fields is in the model already and is shown as typed; the others start afresh.
 */
@Component
class EveningPage {

    static final String VIEW = "pko/evening";

    private final PkoAccess access;
    private final PkoEveningMeetings evenings;
    private final PkoEveningLogistics logistics;
    private final SamspilSettings settings;
    private final EveningInvitations invitations;

    EveningPage(
            PkoAccess access,
            PkoEveningMeetings evenings,
            PkoEveningLogistics logistics,
            SamspilSettings settings,
            EveningInvitations invitations) {
        this.access = access;
        this.evenings = evenings;
        this.logistics = logistics;
        this.settings = settings;
        this.invitations = invitations;
    }

    /** The meeting, or 404 for one that does not exist or that the viewer may not read. */
    EveningMeeting readable(Viewer viewer, long id) {
        Optional<EveningMeeting> evening = evenings.find(id);
        access.require(evening.isPresent() && evenings.mayRead(viewer, evening.get()), viewer, "pko-evening:" + id);
        return evening.orElseThrow();
    }

    /** The meeting, or 404 for one the viewer may not write (plan, book, keep the grant). */
    EveningMeeting writable(Viewer viewer, long id, String what) {
        EveningMeeting evening = readable(viewer, id);
        access.require(PkoEveningMeetings.mayWrite(viewer, evening), viewer, "pko-evening:" + id + ":" + what);
        return evening;
    }

    /** The viewer's own answer line when they are one of the unit's hospital consultants; none otherwise. */
    Optional<Answer> ownAnswer(Viewer viewer, EveningMeeting evening) {
        if (viewer.person() == null || evenings.wishDepartments(viewer, evening).isEmpty()) {
            return Optional.empty();
        }
        return logistics.answers(evening).stream()
                .filter(a -> a.personId() == viewer.person().id())
                .findFirst();
    }

    String render(Model model, Viewer viewer, EveningMeeting evening) {
        boolean writes = PkoEveningMeetings.mayWrite(viewer, evening);
        List<Department> departments = evenings.wishDepartments(viewer, evening);
        if (!model.containsAttribute("wishForm")) {
            WishForm wish = new WishForm();
            if (departments.size() == 1) {
                wish.setDepartmentId(departments.get(0).id());
            }
            model.addAttribute("wishForm", wish);
        }
        if (!model.containsAttribute("taskForm")) {
            model.addAttribute("taskForm", new TaskForm());
        }
        Optional<PkoEveningLogistics.Grant> grant = logistics.grant(evening.id());
        if (!model.containsAttribute("grantForm")) {
            model.addAttribute("grantForm", grant.map(GrantForm::of).orElseGet(GrantForm::new));
        }
        model.addAttribute("viewer", viewer);
        model.addAttribute("evening", evening);
        model.addAttribute("eveningTitle", evenings.title(evening));
        model.addAttribute("writes", writes);
        model.addAttribute("callOpen", evening.callOpen(evenings.today()));
        model.addAttribute("wishes", evenings.wishes(evening));
        model.addAttribute("departments", departments);
        model.addAttribute("signups", evenings.signups(evening.id()));
        model.addAttribute("signupLink", settings.link("/fyraftensmoede/" + evening.signupToken()));
        model.addAttribute("planWarnings", writes ? evenings.planWarnings(evening) : List.of());
        model.addAttribute("programmeWarnings", writes ? evenings.programmeWarnings(evening) : List.of());
        model.addAttribute("tasks", logistics.tasks(evening.id()));
        model.addAttribute("answers", logistics.answers(evening));
        model.addAttribute("ownAnswer", ownAnswer(viewer, evening).orElse(null));
        model.addAttribute("grant", grant.orElse(null));
        model.addAttribute("grantStatuses", PkoEveningLogistics.GrantStatus.values());
        model.addAttribute("recipients", writes ? invitations.recipients(evening) : null);
        model.addAttribute("invited", invitations.sent(evening.id()).orElse(null));
        return VIEW;
    }
}
