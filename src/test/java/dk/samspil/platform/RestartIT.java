package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.WebClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application as users do ({@code java -jar}) and treats it roughly: data written through the
 * pages survive a kill -9, and the next start deals with the PostgreSQL the killed JVM left running.
 */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void dataSurviveKillMinusNineAndTheOrphanedDatabaseIsHandled() throws Exception {
        int dbPort = PackagedJar.freePort();
        int httpPort = PackagedJar.freePort();
        Process first = PackagedJar.start(dataDir, httpPort, Map.of(), "--samspil.embedded-db.port=" + dbPort);
        try {
            PackagedJar.awaitHealthy(httpPort, first);
            WebClient admin = new WebClient("http://localhost:" + httpPort);
            assertThat(admin.login("admin", "samspil")
                            .headers()
                            .firstValue("Location")
                            .orElseThrow())
                    .doesNotContain("error");
            HttpResponse<String> created = admin.post(
                    "/admin/klynger",
                    "/admin/klynger/ny",
                    Map.of("name", "Genstartsklyngen", "regionCode", "1082", "municipalityCode", "0751"));
            assertThat(created.statusCode()).isEqualTo(302);
            try (Connection db = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "")) {
                assertThat(setting(db, "fsync")).isEqualTo("on");
                assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
            }
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is left behind
            first.waitFor();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

        int secondPort = PackagedJar.freePort();
        Process second = PackagedJar.start(dataDir, secondPort, Map.of(), "--samspil.embedded-db.port=" + dbPort);
        try {
            PackagedJar.awaitHealthy(secondPort, second);
            WebClient admin = new WebClient("http://localhost:" + secondPort);
            admin.login("admin", "samspil");
            assertThat(admin.get("/klynger").body()).contains("Genstartsklyngen");
        } finally {
            second.destroy(); // SIGTERM: a normal stop also stops the embedded PostgreSQL
            second.waitFor();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void anExternalDatabaseIsUsedWhenConfiguredAndNothingIsEmbedded() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            int httpPort = PackagedJar.freePort();
            Process app = PackagedJar.start(
                    dataDir,
                    httpPort,
                    Map.of(
                            "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + external.getPort() + "/postgres",
                            "SPRING_DATASOURCE_USERNAME", "postgres",
                            "SPRING_DATASOURCE_PASSWORD", ""));
            try {
                PackagedJar.awaitHealthy(httpPort, app);
                assertThat(dataDir.resolve("postgres")).doesNotExist();
                try (Connection db = external.getPostgresDatabase().getConnection();
                        ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM catalog_package")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(5);
                }
                try (Connection db = external.getPostgresDatabase().getConnection();
                        ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM app_user")) {
                    rs.next();
                    assertThat(rs.getInt(1))
                            .as("no demo users on an external database unless asked for")
                            .isZero();
                }
            } finally {
                app.destroy();
                app.waitFor();
            }
        }
    }

    private static String setting(Connection db, String name) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
