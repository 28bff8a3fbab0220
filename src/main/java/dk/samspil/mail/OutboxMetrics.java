package dk.samspil.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox for Prometheus: mails waiting to be sent and mails that could not be delivered, counted when scraped.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("samspil.mail.outbox.pending", () -> count("PENDING"))
                .description("Mails in the outbox waiting to be sent")
                .register(registry);
        Gauge.builder("samspil.mail.outbox.failed", () -> count("FAILED"))
                .description("Mails that could not be delivered")
                .register(registry);
    }

    private long count(String status) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE status = ?")
                .param(status)
                .query(Long.class)
                .single();
    }
}
