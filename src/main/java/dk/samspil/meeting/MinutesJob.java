package dk.samspil.meeting;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The referat as a persistent one-time task of the scheduler: Word and PDF are made off the request thread, and a
 * version left half-made by a stopped instance is picked up again.
 */
@Configuration(proxyBeanMethods = false)
class MinutesJob {

    @Bean
    OneTimeTask<Long> minutesTask(@Lazy Minutes minutes) {
        return Tasks.oneTime("meeting-minutes", Long.class)
                .execute((instance, context) -> minutes.build(instance.getData()));
    }
}
