package dk.samspil.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The persistent scheduler for Prometheus: how late the most overdue job not yet picked up is (0 when none is due),
 * and how many are due, read when scraped. Shared by every instance, since the jobs are in the database.
 */
@Component
class SchedulerMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    SchedulerMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "samspil.scheduler.lag",
                        () -> jdbc.sql("""
                        SELECT coalesce(extract(epoch FROM now() - min(execution_time)), 0)
                        FROM scheduled_tasks WHERE NOT picked AND execution_time < now()""").query(Double.class).single())
                .baseUnit("seconds")
                .description("How long the most overdue scheduled job has waited")
                .register(registry);
        Gauge.builder(
                        "samspil.scheduler.due",
                        () -> jdbc.sql(
                                        "SELECT count(*) FROM scheduled_tasks WHERE NOT picked AND execution_time < now()")
                                .query(Long.class)
                                .single())
                .description("Scheduled jobs due and not yet picked up")
                .register(registry);
    }
}
