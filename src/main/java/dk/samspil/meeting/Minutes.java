package dk.samspil.meeting;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.mail.Outbox;
import dk.samspil.ordering.OrderProgress;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.ParticipantView;
import dk.samspil.ordering.Orders;
import dk.samspil.platform.OfficeConverter;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.security.Tokens;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referat of an order's meeting: each "make" is a new version kept on the order, written as Word from the
 * meeting as it stands and converted to PDF in the background. Sending mails everyone of the meeting a link and
 * records that the meeting was held.
 */
@Service
public class Minutes {

    private static final Logger log = LoggerFactory.getLogger(Minutes.class);

    public enum Status { PENDING, READY, FAILED }

    public record Version(long id, long orderId, int version, String token, Status status, boolean hasPdf,
            String requestedBy, OffsetDateTime requestedAt, String sentBy, OffsetDateTime sentAt) {

        public boolean pending() {
            return status == Status.PENDING;
        }

        public boolean ready() {
            return status == Status.READY;
        }
    }

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Meetings meetings;
    private final OfficeConverter office;
    private final Outbox outbox;
    private final OrderProgress progress;
    private final SamspilSettings settings;
    private final MessageSource messages;
    private final MinutesDocument document;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<OneTimeTask<Long>> task;

    Minutes(JdbcClient jdbc, Orders orders, Meetings meetings, OfficeConverter office, Outbox outbox, OrderProgress progress,
            SamspilSettings settings, MessageSource messages, ObjectProvider<SchedulerClient> scheduler,
            @Qualifier("minutesTask") ObjectProvider<OneTimeTask<Long>> task) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.meetings = meetings;
        this.office = office;
        this.outbox = outbox;
        this.progress = progress;
        this.settings = settings;
        this.messages = messages;
        this.document = new MinutesDocument(messages);
        this.scheduler = scheduler;
        this.task = task;
    }

    /** Asks for a new version, committed before the scheduler is told so its immediate run sees it. */
    public Version request(OrderView order, String by) {
        long id = jdbc.sql("""
                        INSERT INTO meeting_minutes (order_id, version, token, status, requested_by)
                        SELECT ?, coalesce(max(version), 0) + 1, ?, 'PENDING', ? FROM meeting_minutes WHERE order_id = ?
                        RETURNING id""")
                .params(order.id(), Tokens.newToken(), by, order.id()).query(Long.class).single();
        scheduler.getObject().scheduleIfNotExists(task.getObject().instance(String.valueOf(id), id), Instant.now());
        return find(id).orElseThrow();
    }

    /** Writes the version's Word file from the meeting as it is now, then its PDF; run by the scheduler. */
    void build(long id) {
        Optional<Version> version = find(id).filter(Version::pending);
        if (version.isEmpty()) {
            return;
        }
        OrderView order = orders.find(version.get().orderId()).orElse(null);
        if (order == null) {
            return;
        }
        try {
            byte[] docx = document.write(meetings.meeting(order));
            byte[] pdf = office.toPdf(docx, "docx").orElse(null);
            jdbc.sql("UPDATE meeting_minutes SET status = 'READY', docx = ?, pdf = ?, ready_at = now() WHERE id = ? AND status = 'PENDING'")
                    .params(docx, pdf, id).update();
        } catch (RuntimeException e) {
            log.error("Minutes version {} of order {} could not be made", id, order.id(), e);
            jdbc.sql("UPDATE meeting_minutes SET status = 'FAILED', failure = ? WHERE id = ?")
                    .params(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), id).update();
        }
    }

    public List<Version> versions(long orderId) {
        return jdbc.sql(SELECT + " WHERE order_id = ? ORDER BY version DESC").param(orderId).query(Minutes::version).list();
    }

    public Optional<Version> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Minutes::version).optional();
    }

    /** The version of the order with this token, if there is one. */
    public Optional<Version> find(long orderId, String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE order_id = ? AND token = ?").params(orderId, token).query(Minutes::version).optional();
    }

    public Optional<byte[]> docx(Version version) {
        return jdbc.sql("SELECT docx FROM meeting_minutes WHERE id = ? AND docx IS NOT NULL").param(version.id())
                .query(byte[].class).optional();
    }

    public Optional<byte[]> pdf(Version version) {
        return jdbc.sql("SELECT pdf FROM meeting_minutes WHERE id = ? AND pdf IS NOT NULL").param(version.id())
                .query(byte[].class).optional();
    }

    /**
     * Mails the coordinator and every participant of the order a link to the meeting page, where the referat is;
     * the meeting is then recorded as held. Returns the number of recipients.
     */
    @Transactional
    public int send(OrderView order, Version version, String by) {
        if (!version.ready()) {
            throw new IllegalStateException("Only finished minutes can be sent");
        }
        Set<String> recipients = new LinkedHashSet<>();
        if (order.coordinatorEmail() != null && !order.coordinatorEmail().isBlank()) {
            recipients.add(order.coordinatorEmail());
        }
        order.participants().stream().map(ParticipantView::email).filter(e -> e != null && !e.isBlank()).forEach(recipients::add);
        Object[] args = {order.packageTitle(), order.clusterName(), order.meetingDate().format(MinutesDocument.DATE),
            version.version(), settings.link("/bestillinger/" + order.id() + "/moede")};
        for (String to : recipients) {
            outbox.enqueue(new OutgoingMail(to, messages.getMessage("meeting.minutes.mail.subject", args, MinutesDocument.DANISH),
                    messages.getMessage("meeting.minutes.mail.body", args, MinutesDocument.DANISH),
                    "order:" + order.id() + ":minutes:" + version.version()));
        }
        jdbc.sql("UPDATE meeting_minutes SET sent_by = ?, sent_at = now() WHERE id = ?").params(by, version.id()).update();
        progress.meetingHeld(order.id(), by);
        return recipients.size();
    }

    private static final String SELECT = """
            SELECT id, order_id, version, token, status, pdf IS NOT NULL AS has_pdf, requested_by, requested_at, sent_by,
                   sent_at FROM meeting_minutes""";

    private static Version version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Version(rs.getLong("id"), rs.getLong("order_id"), rs.getInt("version"), rs.getString("token"),
                Status.valueOf(rs.getString("status")), rs.getBoolean("has_pdf"), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getString("sent_by"),
                rs.getObject("sent_at", OffsetDateTime.class));
    }
}
