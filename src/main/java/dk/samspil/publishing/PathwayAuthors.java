package dk.samspil.publishing;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Authors invited to write a care pathway ("Forløbsbeskrivelserne bliver lavet i et samarbejde mellem speciallæger
 * og hospitalspraksis konsulenter"): a specialist without an account gets a personal link by e-mail (the pattern of
 * {@link WriterInvitations}) that edits only its own pathway, for 90 days.
 */
@Service
class PathwayAuthors {

    static final int VALID_DAYS = 90;

    /** An invited author whose link is valid. */
    record InvitedAuthor(long id, long pathwayId, String name, String email) {}

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;

    PathwayAuthors(JdbcClient jdbc, Outbox outbox, MessageSource messages, SamspilSettings settings) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
    }

    void invite(long pathwayId, String patientGroup, String name, String email, String invitedBy) {
        String token = Tokens.newToken();
        jdbc.sql("""
                        INSERT INTO publishing_pathway_author (pathway_id, name, email, token_hash, invited_by)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(pathwayId, name, email, Tokens.hash(token), invitedBy)
                .update();
        Object[] args = {name, invitedBy, patientGroup, settings.link("/forloeb-forfatter/" + token), VALID_DAYS};
        outbox.enqueueSecret(new OutgoingMail(
                email,
                messages.getMessage("publishing.pathway.invite.mail.subject", args, NewsletterApprovals.DANISH),
                messages.getMessage("publishing.pathway.invite.mail.body", args, NewsletterApprovals.DANISH),
                "pathway:" + pathwayId + ":author"));
    }

    Optional<InvitedAuthor> open(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, pathway_id, name, email FROM publishing_pathway_author
                        WHERE token_hash = ? AND invited_at > now() - make_interval(days => ?)""")
                .params(Tokens.hash(token), VALID_DAYS)
                .query((rs, n) -> new InvitedAuthor(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    List<InvitedAuthor> of(long pathwayId) {
        return jdbc.sql(
                        "SELECT id, pathway_id, name, email FROM publishing_pathway_author WHERE pathway_id = ? ORDER BY id")
                .param(pathwayId)
                .query((rs, n) -> new InvitedAuthor(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
