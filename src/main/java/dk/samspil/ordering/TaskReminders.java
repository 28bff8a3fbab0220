package dk.samspil.ordering;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dk.samspil.mail.Outbox;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.TaskView;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds a task's owners by e-mail a few days before it is due, and once when it is overdue: each reminder is
 * sent once (marked on the task in the same transaction as the mail is queued). Runs as a recurring job of the
 * persistent scheduler, so with several instances only one sends.
 */
@Configuration(proxyBeanMethods = false)
class TaskReminders {

    private final JdbcClient jdbc;
    private final Orders orders;
    private final Ordering ordering;
    private final OrderMails mails;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final OrderingSettings settings;

    TaskReminders(
            JdbcClient jdbc,
            Orders orders,
            Ordering ordering,
            OrderMails mails,
            Outbox outbox,
            TransactionTemplate transaction,
            OrderingSettings settings) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.ordering = ordering;
        this.mails = mails;
        this.outbox = outbox;
        this.transaction = transaction;
        this.settings = settings;
    }

    @Bean
    RecurringTask<Void> taskRemindersJob() {
        return Tasks.recurring("order-task-reminders", FixedDelay.of(settings.reminderInterval()))
                .execute((instance, context) -> remind(ordering.today()));
    }

    /** @return the number of reminders queued */
    int remind(LocalDate today) {
        Integer sent = transaction.execute(status -> {
            int count = 0;
            List<TaskView> dueSoon = jdbc.sql("""
                            SELECT t.* FROM order_task t JOIN package_order o ON o.id = t.order_id
                            WHERE t.done_at IS NULL AND t.reminded_before_at IS NULL AND t.due_date >= ? AND t.due_date <= ?
                              AND o.status NOT IN ('CANCELLED', 'CLOSED') FOR UPDATE OF t SKIP LOCKED""")
                    .params(today, today.plusDays(settings.remindDaysBefore()))
                    .query(Orders::task)
                    .list();
            for (TaskView task : dueSoon) {
                count += send(task, false);
                jdbc.sql("UPDATE order_task SET reminded_before_at = now() WHERE id = ?")
                        .param(task.id())
                        .update();
            }
            List<TaskView> overdue =
                    jdbc.sql("""
                            SELECT t.* FROM order_task t JOIN package_order o ON o.id = t.order_id
                            WHERE t.done_at IS NULL AND t.reminded_overdue_at IS NULL AND t.due_date < ?
                              AND o.status NOT IN ('CANCELLED', 'CLOSED') FOR UPDATE OF t SKIP LOCKED""").param(today).query(Orders::task).list();
            for (TaskView task : overdue) {
                count += send(task, true);
                jdbc.sql("UPDATE order_task SET reminded_overdue_at = now() WHERE id = ?")
                        .param(task.id())
                        .update();
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private int send(TaskView task, boolean overdue) {
        OrderView order = orders.find(task.orderId()).orElseThrow();
        List<String> recipients = orders.emailsOf(order, task.owner());
        recipients.forEach(to -> outbox.enqueue(mails.reminder(order, task, to, overdue)));
        return recipients.size();
    }
}
