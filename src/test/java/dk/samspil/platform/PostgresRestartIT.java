package dk.samspil.platform;

import static dk.samspil.platform.PackagedJar.awaitHealthy;
import static dk.samspil.platform.PackagedJar.freePort;
import static dk.samspil.platform.PackagedJar.postmaster;
import static dk.samspil.platform.PackagedJar.signal;
import static dk.samspil.platform.PackagedJar.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.samspil.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL killed under a running application (SIGKILL of its postmaster): requests meanwhile get
 * the Danish "prøv igen om lidt" page with 503 within seconds, readiness is down and liveness up, and the
 * application starts PostgreSQL again by itself, with the data intact. One backend of the killed postmaster is
 * held stopped for a while, as a slow orphan holds PostgreSQL's memory: the restart has to wait and retry, and the
 * outage lasts long enough to be looked at.
 */
class PostgresRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void aKilledDatabaseIsStartedAgainByTheApplicationAndMeanwhilePagesSayTryAgainSoon() throws Exception {
        int httpPort = freePort();
        Process app = start(dataDir, httpPort, Map.of(), "--samspil.embedded-db.port=" + freePort());
        try {
            awaitHealthy(httpPort, app);
            WebClient admin = new WebClient("http://localhost:" + httpPort);
            admin.login("admin", "samspil");
            assertThat(admin.post(
                                    "/admin/klynger",
                                    "/admin/klynger/ny",
                                    Map.of(
                                            "name",
                                            "Overlevelsesklyngen",
                                            "regionCode",
                                            "1082",
                                            "municipalityCode",
                                            "0751"))
                            .statusCode())
                    .isEqualTo(302);

            ProcessHandle postmaster = postmaster(dataDir);
            ProcessHandle orphan = postmaster.children().findFirst().orElseThrow();
            signal("STOP", orphan);
            postmaster.destroyForcibly();
            postmaster.onExit().join();

            Instant asked = Instant.now();
            HttpResponse<String> page = admin.get("/klynger");
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.body()).contains("Prøv igen om lidt").doesNotContain("Exception", "at dk.samspil");
            HttpResponse<String> readiness = admin.get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(admin.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

            orphan.destroyForcibly();
            HttpResponse<String> clusters = await("recovered by itself within a minute")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> admin.get("/klynger"), r -> r.statusCode() == 200);
            assertThat(clusters.statusCode())
                    .as("recovered by itself within a minute")
                    .isEqualTo(200);
            assertThat(clusters.body()).contains("Overlevelsesklyngen");
            assertThat(admin.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(postmaster(dataDir).pid()).isNotEqualTo(postmaster.pid());
        } finally {
            app.destroy();
            app.waitFor();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid"))
                .as("a normal stop still stops the restarted database")
                .doesNotExist();
    }
}
