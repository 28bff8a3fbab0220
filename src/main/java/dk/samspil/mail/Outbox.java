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
        return jdbc.sql("""
                        INSERT INTO mail_outbox (recipient, subject, body, reference, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(mail.to(), mail.subject(), mail.text(), mail.reference(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query(Long.class).single();
    }

    /** The newest mails first. */
    List<OutboxView> newest(int limit) {
        return jdbc.sql("SELECT * FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT ?")
                .param(limit).query(Outbox::view).list();
    }

    Optional<OutboxView> find(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = ?").param(id).query(Outbox::view).optional();
    }

    private static OutboxView view(ResultSet rs, int row) throws SQLException {
        MailStatus status = MailStatus.valueOf(rs.getString("status"));
        return new OutboxView(rs.getLong("id"), time(rs, "created_at"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getString("reference"), status,
                rs.getInt("attempts"), rs.getString("last_error"),
                status == MailStatus.PENDING ? time(rs, "next_attempt_at") : null, time(rs, "sent_at"));
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : TIME.format(value.atZoneSameInstant(COPENHAGEN));
    }
}
