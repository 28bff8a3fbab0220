package dk.samspil.publishing;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import dk.samspil.publishing.NewsletterRequests.Author;
import dk.samspil.publishing.NewsletterRequests.Draft;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff of a municipality or a hospital invited to write a newsletter text ("Teksten til en nyhedsmail kan være
 * skrevet af praksiskonsulenten/praksiskoordinatoren eller medarbejdere i kommunen eller på hospitalet"): the
 * consultant or coordinator mails them a personal link (no account needed) that writes one request, valid for 30
 * days. The request is then the inviter's, who takes it through approval to the editors.
 */
@Service
class WriterInvitations {

    static final int VALID_DAYS = 30;

    /** An open invitation: who invited whom, in which region. */
    record Invitation(long id, Author inviter, String writerName, String writerEmail) {}

    /** An invitation as the inviter's list shows it. */
    record InvitationView(String writerName, String writerEmail, String createdAt, Long requestId) {}

    private final JdbcClient jdbc;
    private final NewsletterRequests requests;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;

    WriterInvitations(
            JdbcClient jdbc,
            NewsletterRequests requests,
            Outbox outbox,
            MessageSource messages,
            SamspilSettings settings) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
    }

    @Transactional
    void invite(Author inviter, String writerName, String writerEmail) {
        String token = Tokens.newToken();
        jdbc.sql("""
                        INSERT INTO publishing_invitation (token_hash, inviter_user_id, inviter_name, inviter_email,
                            region_code, writer_name, writer_email)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Tokens.hash(token),
                        inviter.userId(),
                        inviter.name(),
                        inviter.email(),
                        inviter.regionCode(),
                        writerName,
                        writerEmail)
                .update();
        Object[] args = {writerName, inviter.name(), settings.link("/nyhedsmail-skriv/" + token), VALID_DAYS};
        outbox.enqueueSecret(new OutgoingMail(
                writerEmail,
                messages.getMessage("publishing.invite.mail.subject", args, NewsletterApprovals.DANISH),
                messages.getMessage("publishing.invite.mail.body", args, NewsletterApprovals.DANISH),
                "publishing:invitation"));
    }

    /** The invitation a link belongs to, while it has written nothing and is not older than 30 days. */
    Optional<Invitation> open(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, inviter_user_id, inviter_name, inviter_email, region_code, writer_name, writer_email
                        FROM publishing_invitation
                        WHERE token_hash = ? AND used_at IS NULL AND created_at > now() - make_interval(days => ?)""")
                .params(Tokens.hash(token), VALID_DAYS)
                .query((rs, n) -> new Invitation(
                        rs.getLong(1),
                        new Author(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7)))
                .optional();
    }

    /**
     * The invited writer's text becomes a request of the inviter, who is mailed. The link is spent in the statement
     * that checks it is unspent, so it writes one request even when sent twice at once.
     */
    @Transactional
    long write(Invitation invitation, Draft draft) {
        int spent = jdbc.sql("UPDATE publishing_invitation SET used_at = now() WHERE id = ? AND used_at IS NULL")
                .param(invitation.id())
                .update();
        if (spent == 0) {
            throw new RuleViolation("publishing.invite.link.invalid");
        }
        String writtenBy = invitation.writerName() + " (" + invitation.writerEmail() + ")";
        long id = requests.create(invitation.inviter(), draft, writtenBy);
        jdbc.sql("UPDATE publishing_invitation SET request_id = ? WHERE id = ?")
                .params(id, invitation.id())
                .update();
        Object[] args = {
            invitation.inviter().name(), invitation.writerName(), draft.headline(), settings.link("/nyhedsmails/" + id)
        };
        outbox.enqueue(new OutgoingMail(
                invitation.inviter().email(),
                messages.getMessage("publishing.invite.mail.written.subject", args, NewsletterApprovals.DANISH),
                messages.getMessage("publishing.invite.mail.written.body", args, NewsletterApprovals.DANISH),
                "publishing:" + id + ":written"));
        return id;
    }

    /** The author's invitations, newest first. */
    List<InvitationView> byInviter(long userId) {
        return jdbc.sql("""
                        SELECT writer_name, writer_email,
                               to_char(created_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY'), request_id
                        FROM publishing_invitation WHERE inviter_user_id = ? ORDER BY created_at DESC, id DESC LIMIT 50""")
                .param(userId)
                .query((rs, n) -> new InvitationView(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class)))
                .list();
    }
}
