package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.WebClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prometheus reads Samspil's metrics at /actuator/prometheus: the administrator signed in, or a scraper with the
 * configured bearer token (samspil.metrics.token); nobody else. The outbox's gauges count the mails as they are.
 */
@SamspilTest
class MetricsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aScraperWithTheTokenReadsTheOutboxSchedulerDeckAndPdfMetrics() throws Exception {
        HttpResponse<String> scrape = scrape("Bearer test-scraper-token");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains(
                        "samspil_mail_outbox_pending",
                        "samspil_mail_outbox_failed",
                        "samspil_scheduler_lag_seconds",
                        "samspil_scheduler_due",
                        "samspil_deck_generation_seconds_count");
    }

    @Test
    void aWrongTokenOrNoneIsSentToSignInAndASignedInNonAdministratorIsRefused() throws Exception {
        assertThat(scrape("Bearer not-the-token").statusCode()).isEqualTo(302);
        assertThat(scrape(null).statusCode()).isEqualTo(302);
        WebClient coordinator = new WebClient("http://localhost:" + port);
        coordinator.login("koordinator", "samspil");
        assertThat(coordinator.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        WebClient admin = new WebClient("http://localhost:" + port);
        admin.login("admin", "samspil");
        assertThat(admin.get("/actuator/prometheus").body()).contains("samspil_mail_outbox_failed");
    }

    @Test
    void theFailedMailGaugeCountsAMailThatCouldNotBeDelivered() {
        double before = meters.get("samspil.mail.outbox.failed").gauge().value();
        long id = jdbc.sql("""
                INSERT INTO mail_outbox (recipient, subject, body, reference, status, attempts, last_error)
                VALUES ('ingen@example.invalid', 'Emne', 'Tekst', 'metrics-test', 'FAILED', 5, 'refused')
                RETURNING id""").query(Long.class).single();
        try {
            assertThat(meters.get("samspil.mail.outbox.failed").gauge().value()).isEqualTo(before + 1);
        } finally {
            jdbc.sql("DELETE FROM mail_outbox WHERE id = ?").param(id).update();
        }
    }

    private HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
