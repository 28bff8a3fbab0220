package dk.samspil.publishing;

import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.MunicipalityView;
import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors send a newsletter through the outbox to the subscribers of its audience and, when the author chose
 * praksis.dk too, publish it on the public news page. "Modtagere, der ikke arbejder i almen praksis, modtager alt
 * … Praktiserende læger og deres personale modtager kun det, som er relevant for dem": a subscriber in general
 * practice gets it only when their municipality is in the audience (the given municipalities, the hospital unit's
 * catchment area, or the region). Every mail has its own unsubscribe link.
 */
@Service
class NewsletterSending {

    /** A subscriber the newsletter goes to. */
    record Recipient(long id, String email) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;

    NewsletterSending(
            JdbcClient jdbc, Directory directory, Outbox outbox, MessageSource messages, SamspilSettings settings) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
    }

    /** The municipalities (codes) whose general practice the newsletter is for. */
    String[] audienceMunicipalities(RequestView request) {
        return switch (request.audience()) {
            case MUNICIPALITIES -> request.municipalities().toArray(String[]::new);
            case CATCHMENT ->
                directory.catchment(request.hospitalUnitId()).stream()
                        .map(MunicipalityView::code)
                        .toArray(String[]::new);
            case REGION -> directory.municipalityCodesIn(request.regionCode());
        };
    }

    /** The confirmed subscribers it goes to: everyone outside general practice, and the GPs of its audience. */
    List<Recipient> recipients(RequestView request) {
        return jdbc.sql("""
                        SELECT id, email FROM publishing_subscriber
                        WHERE unsubscribed_at IS NULL AND (NOT general_practice OR municipality_code = ANY (?))
                        ORDER BY lower(email)""")
                .param(audienceMunicipalities(request))
                .query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2)))
                .list();
    }

    int recipientCount(RequestView request) {
        return recipients(request).size();
    }

    /**
     * Sends it once: the status moves to sent in the statement that checks it was not sent, so a second click sends
     * nothing. Not while a question to the author or a quality check is open. Returns the number of mails queued.
     */
    @Transactional
    int send(RequestView request) {
        List<Recipient> recipients = recipients(request);
        int changed = jdbc.sql("""
                        UPDATE publishing_request SET status = 'SENT', sent_at = now(), recipients = ?,
                            published_at = CASE WHEN on_site THEN now() END
                        WHERE id = ? AND status IN ('RECEIVED', 'SCHEDULED') AND NOT EXISTS (
                            SELECT 1 FROM publishing_quality_check q WHERE q.request_id = publishing_request.id
                              AND q.verdict IS NULL)""").params(recipients.size(), request.id()).update();
        if (changed == 0) {
            throw new RuleViolation(
                    "send",
                    request.status() == RequestStatus.QUESTIONS
                            ? "publishing.desk.send.openQuestions"
                            : request.status().atDesk()
                                    ? "publishing.desk.send.openCheck"
                                    : "publishing.desk.send.notReady");
        }
        String siteLink = settings.link("/nyheder/" + request.id());
        for (Recipient recipient : recipients) {
            String token = Tokens.newToken();
            jdbc.sql("INSERT INTO publishing_unsubscribe_link (token_hash, subscriber_id, request_id) VALUES (?, ?, ?)")
                    .params(Tokens.hash(token), recipient.id(), request.id())
                    .update();
            Object[] args = {
                request.headline(),
                request.mailText(),
                request.sender(),
                request.lacksCoSender() ? "" : request.coSender(),
                siteLink,
                settings.link("/nyhedsmail/afmeld/" + token)
            };
            String key = "publishing.newsletter.mail." + (request.onSite() ? "withSite" : "mailOnly")
                    + (request.lacksCoSender() ? "" : ".coSender");
            outbox.enqueueSecret(new OutgoingMail(
                    recipient.email(),
                    request.headline(),
                    messages.getMessage(key, args, NewsletterApprovals.DANISH),
                    "publishing:" + request.id() + ":newsletter"));
        }
        return recipients.size();
    }
}
