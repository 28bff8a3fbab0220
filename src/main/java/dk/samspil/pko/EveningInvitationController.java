package dk.samspil.pko;

import dk.samspil.office.Downloads;
import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.pko.PkoEveningMeetings.EveningMeeting;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.SamspilPrincipal;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An evening meeting's programme as PDF (/pko/fyraftensmoeder/{id}/program.pdf), for those who read the meeting, and
 * its invitation to the catchment area's GPs with that PDF, sent by those who write it.
 */
@Controller
class EveningInvitationController {

    private final PkoAccess access;
    private final EveningPage page;
    private final EveningInvitations invitations;

    EveningInvitationController(PkoAccess access, EveningPage page, EveningInvitations invitations) {
        this.access = access;
        this.page = page;
        this.invitations = invitations;
    }

    @GetMapping("/pko/fyraftensmoeder/{id}/program.pdf")
    ResponseEntity<byte[]> programme(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id) {
        Viewer viewer = access.viewer(user);
        EveningMeeting evening = page.readable(viewer, id);
        byte[] pdf = invitations
                .programmePdf(evening)
                .orElseThrow(() -> new AccessRefusedException("pko-evening:" + id + ":pdf"));
        return Downloads.attachment(pdf, MediaType.APPLICATION_PDF, invitations.fileName(evening));
    }

    /** Sends the invitation with the programme as PDF; refused in Danish when no GP address or no PDF is there. */
    @PostMapping("/pko/fyraftensmoeder/{id}/invitation")
    String send(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable long id, RedirectAttributes redirect) {
        Viewer viewer = access.viewer(user);
        EveningMeeting evening = page.writable(viewer, id, "invitation");
        String back = "redirect:/pko/fyraftensmoeder/" + id + "#invitation";
        if (invitations.recipients(evening).gps().isEmpty()) {
            redirect.addFlashAttribute("error", "pko.evening.invite.nobody");
            return back;
        }
        Optional<byte[]> pdf = invitations.programmePdf(evening);
        if (pdf.isEmpty()) {
            redirect.addFlashAttribute("error", "pko.evening.invite.noPdf");
            return back;
        }
        int sent = invitations.send(evening, pdf.get(), user.getUsername());
        redirect.addFlashAttribute("success", "pko.evening.invite.sent");
        redirect.addFlashAttribute("successArgs", new Object[] {String.valueOf(sent)});
        return back;
    }
}
