package dk.samspil.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of e-mails. A mail is queued in the caller's transaction, so it is sent only if that transaction
 * commits; {@link OutboxSender} sends it afterwards.
 */
@Service
public class Outbox {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH.mm");

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the mail in the caller's transaction (joins it; must roll back with it). Returns the outbox id. */
    @Transactional
    public long enqueue(OutgoingMail mail) {
        return insert(mail, false);
    }

    /**
     * Keeps a file that mails are to carry (e.g. a programme as PDF sent with many invitations), once; returns its id
     * for {@link #enqueue(OutgoingMail, long)}. In the caller's transaction.
     */
    @Transactional
    public long attachment(String fileName, String contentType, byte[] content) {
        return jdbc.sql("INSERT INTO mail_attachment (file_name, content_type, content) VALUES (?, ?, ?) RETURNING id")
                .params(fileName, contentType, content)
                .query(Long.class)
                .single();
    }

    /** Like {@link #enqueue(OutgoingMail)}, with a file kept by {@link #attachment}. */
    @Transactional
    public long enqueue(OutgoingMail mail, long attachmentId) {
        long id = insert(mail, false);
        jdbc.sql("UPDATE mail_outbox SET attachment_id = ? WHERE id = ?")
                .params(attachmentId, id)
                .update();
        return id;
    }

    /**
     * Like {@link #enqueue}, for a mail that carries a personal secret such as a survey link: its body is blanked
     * once it has been sent or given up, so the secret is not kept in the database.
     */
    @Transactional
    public long enqueueSecret(OutgoingMail mail) {
        return insert(mail, true);
    }

    private long insert(OutgoingMail mail, boolean secret) {
        return jdbc.sql("""
                        INSERT INTO mail_outbox (recipient, subject, body, reference, next_attempt_at, secret)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        mail.to(),
                        mail.subject(),
                        mail.text(),
                        mail.reference(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        secret)
                .query(Long.class)
                .single();
    }

    /** How many mails whose reference starts with the prefix could not be delivered (marked failed). */
    public int failedCount(String referencePrefix) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE status = 'FAILED' AND starts_with(reference, ?)")
                .param(referencePrefix)
                .query(Integer.class)
                .single();
    }

    /** The mails given up after the last attempt, newest first (the administrator's start page lists them). */
    public List<OutboxView> failed(int limit) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE status = 'FAILED' ORDER BY created_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query(Outbox::view)
                .list();
    }

    /** How many mails are waiting to be sent (also between retries). */
    public int pendingCount() {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'")
                .query(Integer.class)
                .single();
    }

    /** The newest mails first. */
    List<OutboxView> newest(int limit) {
        return jdbc.sql("SELECT * FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT ?")
                .param(limit)
                .query(Outbox::view)
                .list();
    }

    Optional<OutboxView> find(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = ?")
                .param(id)
                .query(Outbox::view)
                .optional();
    }

    /** A link's secret part: 32 or more URL-safe characters in a row (tokens are 43); no Danish word is that long. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{32,}");

    static final String MASK = "••••••";

    /** The text as the administrator's pages show it: the personal links of a secret mail masked. */
    static String shown(String body, boolean secret) {
        return secret ? SECRET.matcher(body).replaceAll(MASK) : body;
    }

    private static OutboxView view(ResultSet rs, int row) throws SQLException {
        MailStatus status = MailStatus.valueOf(rs.getString("status"));
        return new OutboxView(
                rs.getLong("id"),
                time(rs, "created_at"),
                rs.getString("recipient"),
                rs.getString("subject"),
                shown(rs.getString("body"), rs.getBoolean("secret")),
                rs.getString("reference"),
                status,
                rs.getInt("attempts"),
                rs.getString("last_error"),
                status == MailStatus.PENDING ? time(rs, "next_attempt_at") : null,
                time(rs, "sent_at"));
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : TIME.format(value.atZoneSameInstant(COPENHAGEN));
    }
}
