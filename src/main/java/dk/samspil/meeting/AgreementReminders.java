package dk.samspil.meeting;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.ordering.OrderStatus;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderingSettings;
import dk.samspil.ordering.Orders;
import dk.samspil.ordering.Party;
import dk.samspil.platform.SamspilSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds an agreement's owners by e-mail a few days before its due date, and once when it has passed, while it is
 * neither done nor abandoned (the same rhythm as the drejebog's tasks: {@code samspil.ordering.remind-days-before},
 * checked every {@code samspil.ordering.reminder-interval}). The owners are the side named (the coordinator, the
 * order's municipal participants or the provider's consultants); an agreement owned only by a named person reminds the
 * coordinator, who knows the person.
 */
@Configuration(proxyBeanMethods = false)
public class AgreementReminders {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private record Due(long id, long orderId, String what, String ownerPerson, Party party, LocalDate due) {}

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;
    private final OrderingSettings ordering;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AgreementReminders(
            JdbcClient jdbc,
            Orders orders,
            Outbox outbox,
            MessageSource messages,
            SamspilSettings settings,
            OrderingSettings ordering,
            TransactionTemplate transaction,
            Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
        this.ordering = ordering;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> agreementRemindersJob() {
        return Tasks.recurring("meeting-agreement-reminders", FixedDelay.of(ordering.reminderInterval()))
                .execute((instance, context) -> remind(LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")))));
    }

    /** @return the number of reminders queued */
    public int remind(LocalDate today) {
        Integer queued = transaction.execute(status -> {
            int count = 0;
            for (Due due : due("""
                    a.reminded_before_at IS NULL AND a.due_date >= ? AND a.due_date <= ?""", today, today.plusDays(ordering.remindDaysBefore()))) {
                count += remind(due, false);
            }
            for (Due due : due("a.reminded_overdue_at IS NULL AND a.due_date < ?", today)) {
                count += remind(due, true);
            }
            return count;
        });
        return queued == null ? 0 : queued;
    }

    private List<Due> due(String condition, Object... params) {
        return jdbc.sql("""
                        SELECT a.id, m.order_id, a.what, a.owner_person, a.owner_party, a.due_date
                        FROM meeting_agreement a JOIN meeting m ON m.id = a.meeting_id
                        WHERE m.order_id IS NOT NULL AND a.status IN ('AGREED', 'IN_PROGRESS') AND %s
                        ORDER BY a.id FOR UPDATE OF a SKIP LOCKED""".formatted(condition))
                .params(params)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5) == null ? null : Party.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class)))
                .list();
    }

    /**
     * Reminds the owning side once and marks the agreement reminded. A cancelled order's agreements are neither
     * reminded nor marked: the order may be taken up again.
     */
    private int remind(Due due, boolean overdue) {
        OrderView order = orders.find(due.orderId()).orElse(null);
        if (order == null || order.status() == OrderStatus.CANCELLED) {
            return 0;
        }
        int sent = send(due, order, overdue);
        jdbc.sql(
                        overdue
                                ? "UPDATE meeting_agreement SET reminded_overdue_at = now() WHERE id = ?"
                                : "UPDATE meeting_agreement SET reminded_before_at = now() WHERE id = ?")
                .param(due.id())
                .update();
        return sent;
    }

    private int send(Due due, OrderView order, boolean overdue) {
        List<String> recipients = orders.emailsOf(order, due.party() == null ? Party.CLUSTER : due.party());
        String subject = overdue ? "meeting.mail.agreementOverdue.subject" : "meeting.mail.agreementDue.subject";
        String body = overdue ? "meeting.mail.agreementOverdue.body" : "meeting.mail.agreementDue.body";
        Object[] args = {
            due.what(),
            DATE.format(due.due()),
            order.packageTitle(),
            order.clusterName(),
            due.ownerPerson() == null || due.ownerPerson().isBlank() ? "–" : due.ownerPerson(),
            settings.link("/bestillinger/" + order.id() + "/moede")
        };
        for (String to : recipients) {
            outbox.enqueue(new OutgoingMail(
                    to,
                    messages.getMessage(subject, args, DANISH),
                    messages.getMessage(body, args, DANISH),
                    "agreement:" + due.id() + (overdue ? ":overdue" : ":due")));
        }
        return recipients.size();
    }
}
