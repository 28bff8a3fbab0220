package dk.samspil.ordering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reminderInterval how often the timeline is checked for tasks to remind about
 * @param remindDaysBefore owners are reminded this many days before a task is due (and once when it is overdue)
 */
@ConfigurationProperties("samspil.ordering")
public record OrderingSettings(
        @DefaultValue("1h") Duration reminderInterval,
        @DefaultValue("2") int remindDaysBefore) {}
