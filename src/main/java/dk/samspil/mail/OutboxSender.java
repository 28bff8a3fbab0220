package dk.samspil.mail;

import dk.samspil.platform.BundleTexts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due mails of the outbox. A round claims pending mails with {@code FOR UPDATE SKIP LOCKED}, sends them
 * and records the outcome in the same transaction, so two instances on one database never send a mail twice. A
 * failed mail is retried after a growing pause and marked failed after the last attempt.
 *
 * <p>Needs the migrated tables: the scheduler, which starts with its jobs, must start after Flyway.
 */
@Component
@DependsOnDatabaseInitialization
class OutboxSender {

    /** The pause after the 1st, 2nd, ... failed attempt; the last one repeats. */
    static final List<Duration> BACK_OFF = List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofMinutes(60),
            Duration.ofMinutes(240));

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_ERROR_LENGTH = 500;
    private static final BundleTexts TEXTS = BundleTexts.of("i18n/mail");
    /** What stays of a secret mail's body (see {@link Outbox#enqueueSecret}). */
    static final String REDACTED = TEXTS.text("mail.outbox.redacted");
    /** What stays of a secret mail not sent in time, and why it was given up. */
    static final String EXPIRED = TEXTS.text("mail.outbox.expired");

    static final String EXPIRED_ERROR = TEXTS.text("mail.outbox.expiredError");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MailSettings settings;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mailSender;

    OutboxSender(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            MailSettings settings,
            Clock clock,
            ObjectProvider<JavaMailSender> mailSender) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
        this.mailSender = mailSender;
    }

    /** Whether an SMTP server is configured ({@code spring.mail.host}); without one, mails wait in the outbox. */
    boolean canSend() {
        return mailSender.getIfAvailable() != null;
    }

    /** One round through the application's SMTP server; does nothing when none is configured. */
    int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        return sender == null ? 0 : sendDue(sender);
    }

    /**
     * Gives up the mails with a personal link that have waited longer than {@code secret-max-age} (no mail server, or
     * one that keeps failing) and blanks their text, so the link does not stay readable in the database.
     *
     * @return how many were given up
     */
    int expireSecrets() {
        return jdbc.sql("UPDATE mail_outbox SET status = 'FAILED', body = ?, last_error = ?"
                        + " WHERE secret AND status = 'PENDING' AND created_at < ?")
                .params(EXPIRED, EXPIRED_ERROR, now().minus(settings.secretMaxAge()))
                .update();
    }

    /** One round through the given mail server. */
    int sendDue(JavaMailSender sender) {
        return sendDue(sender, null);
    }

    /**
     * One round through the given mail server, limited to the mails whose reference starts with the prefix (all
     * when null).
     *
     * @return how many mails were tried, sent or not
     */
    int sendDue(JavaMailSender sender, String referencePrefix) {
        Integer tried = transaction.execute(status -> {
            List<Claimed> due = claim(referencePrefix);
            due.forEach(mail -> send(mail, sender));
            return due.size();
        });
        return tried == null ? 0 : tried;
    }

    private List<Claimed> claim(String referencePrefix) {
        List<Object> params = new ArrayList<>();
        params.add(now());
        if (referencePrefix != null) {
            params.add(referencePrefix);
        }
        params.add(settings.batchSize());
        return jdbc.sql("SELECT id, recipient, subject, body, reference, attempts, attachment_id FROM mail_outbox"
                        + " WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + (referencePrefix == null ? "" : " AND starts_with(reference, ?)")
                        + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(params)
                .query((rs, row) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("reference"),
                        rs.getInt("attempts"),
                        (Long) rs.getObject("attachment_id")))
                .list();
    }

    private void send(Claimed mail, JavaMailSender sender) {
        try {
            Attachment file = mail.attachmentId() == null ? null : attachment(mail.attachmentId());
            sender.send(message -> {
                MimeMessageHelper helper = new MimeMessageHelper(message, file != null, StandardCharsets.UTF_8.name());
                helper.setFrom(settings.from());
                helper.setTo(mail.to());
                helper.setSubject(mail.subject());
                helper.setText(mail.text(), false);
                if (file != null) {
                    helper.addAttachment(file.name(), new ByteArrayResource(file.content()), file.contentType());
                }
            });
        } catch (RuntimeException e) {
            failed(mail, e);
            return;
        }
        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1,"
                        + " body = CASE WHEN secret THEN ? ELSE body END WHERE id = ?")
                .params(now(), REDACTED, mail.id())
                .update();
    }

    /** A file a mail carries. */
    private record Attachment(String name, String contentType, byte[] content) {}

    private Attachment attachment(long id) {
        return jdbc.sql("SELECT file_name, content_type, content FROM mail_attachment WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .single();
    }

    private void failed(Claimed mail, RuntimeException e) {
        int attempts = mail.attempts() + 1;
        String error = shorten(e);
        if (attempts >= settings.maxAttempts()) {
            log.warn(
                    "Mail {} ({}) not sent, giving up after {} attempts: {}",
                    mail.id(),
                    mail.reference(),
                    attempts,
                    error);
            jdbc.sql("UPDATE mail_outbox SET status = 'FAILED', attempts = ?, last_error = ?,"
                            + " body = CASE WHEN secret THEN ? ELSE body END WHERE id = ?")
                    .params(attempts, error, REDACTED, mail.id())
                    .update();
            return;
        }
        OffsetDateTime next = now().plus(BACK_OFF.get(Math.min(attempts, BACK_OFF.size()) - 1));
        log.info(
                "Mail {} ({}) not sent, attempt {} of {}, retrying at {}: {}",
                mail.id(),
                mail.reference(),
                attempts,
                settings.maxAttempts(),
                next,
                error);
        jdbc.sql("UPDATE mail_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                .params(attempts, error, next, mail.id())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The exception and its causes in one line, short enough for the outbox page. */
    private static String shorten(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e;
                t != null && text.length() < MAX_ERROR_LENGTH;
                t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().replaceAll("\\s+", " ").strip());
            }
        }
        return text.length() <= MAX_ERROR_LENGTH ? text.toString() : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private record Claimed(
            long id, String to, String subject, String text, String reference, int attempts, Long attachmentId) {}
}
