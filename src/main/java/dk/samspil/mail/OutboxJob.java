package dk.samspil.mail;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring job that sends the outbox, run by the persistent scheduler (db-scheduler picks up every task bean):
 * with several instances on one database, one round runs at a time.
 */
@Configuration(proxyBeanMethods = false)
class OutboxJob {

    static final String NAME = "mail-outbox";

    @Bean
    RecurringTask<Void> mailOutboxJob(OutboxSender sender, MailSettings settings) {
        return Tasks.recurring(NAME, FixedDelay.of(settings.sendInterval())).execute((instance, context) -> {
            sender.expireSecrets();
            sender.sendDue();
        });
    }
}
