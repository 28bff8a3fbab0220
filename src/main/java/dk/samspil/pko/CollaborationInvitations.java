package dk.samspil.pko;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.pko.PkoCollaborations.Collaboration;
import dk.samspil.pko.PkoCollaborations.Invitee;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitations to a collaboration meeting, through the outbox, one to each invitee. The handbook: "Du skal sikre
 * dig at de øvrige mødearrangører har fuldt mandat til at beslutte, hvordan mødet skal afholdes, og hvad det må koste
 * – for at undgå at nå langt i en proces der ikke er opbakning til": no invitation goes out before that is a yes.
 */
@Service
class CollaborationInvitations {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy", DANISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    private final PkoCollaborations collaborations;
    private final Outbox outbox;
    private final MessageSource messages;

    CollaborationInvitations(PkoCollaborations collaborations, Outbox outbox, MessageSource messages) {
        this.collaborations = collaborations;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** Why the invitations may not go out now (a message key); null when they may. */
    String refusal(Collaboration c) {
        if (c.mandate() == null) {
            return "pko.collab.invite.mandateUnanswered";
        }
        if (!c.mandate()) {
            return "pko.collab.invite.noMandate";
        }
        if (collaborations.invitees(c.id()).isEmpty()) {
            return "pko.collab.invite.nobody";
        }
        return null;
    }

    /** Mails every invitee the invitation and records that they went out; the number mailed. */
    @Transactional
    int send(Collaboration c, String by) {
        if (refusal(c) != null) {
            throw new IllegalStateException("Invitations refused: " + refusal(c));
        }
        String title = collaborations.title(c);
        List<Invitee> invitees = collaborations.invitees(c.id());
        for (Invitee invitee : invitees) {
            Object[] args = {
                invitee.name(),
                title,
                c.date().format(DATE),
                c.start().format(TIME),
                c.place().isBlank() ? "–" : c.place(),
                c.goal().isBlank() ? "–" : c.goal(),
                messages.getMessage("pko.collab.format." + c.format().name(), null, DANISH),
                messages.getMessage("pko.collab.pays.mail." + c.pays().name(), null, DANISH)
            };
            outbox.enqueue(new OutgoingMail(
                    invitee.email(),
                    messages.getMessage("pko.collab.invite.subject", args, DANISH),
                    messages.getMessage("pko.collab.invite.body", args, DANISH),
                    "pko-collaboration:" + c.id() + ":invitation"));
        }
        collaborations.invitationsSent(c.id(), by);
        return invitees.size();
    }
}
