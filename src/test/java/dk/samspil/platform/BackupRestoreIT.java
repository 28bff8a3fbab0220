package dk.samspil.platform;

import static dk.samspil.platform.PackagedJar.awaitHealthy;
import static dk.samspil.platform.PackagedJar.connect;
import static dk.samspil.platform.PackagedJar.freePort;
import static dk.samspil.platform.PackagedJar.queryLong;
import static dk.samspil.platform.PackagedJar.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.samspil.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented backup ({@code java -jar samspil.jar --backup=<file>}) of a running Samspil on its embedded
 * PostgreSQL, restored into a fresh database ({@code --samspil.restore-from=<file>}): the restored Samspil starts and
 * has every row the backed-up one had (orders, answers, deck versions, agreements among them), table by table.
 */
class BackupRestoreIT {

    /** Changed by the running scheduler itself (heartbeats, next run), so not the same row for row. */
    private static final List<String> LIVE = List.of("scheduled_tasks");

    @TempDir
    Path original;

    @TempDir
    Path restored;

    @TempDir
    Path backups;

    @Test
    void aBackupRestoredIntoAFreshDatabaseHasEveryOrderAnswerDocumentVersionAndAgreement() throws Exception {
        int dbPort = freePort();
        int httpPort = freePort();
        Path backup = backups.resolve("samspil.backup");
        Map<String, String> before;
        Process app = start(original, httpPort, Map.of(), "--samspil.embedded-db.port=" + dbPort);
        try {
            awaitHealthy(httpPort, app);
            long order = queryLong(dbPort, "SELECT min(id) FROM package_order");
            WebClient admin = new WebClient("http://localhost:" + httpPort);
            admin.login("admin", "samspil");
            String page = "/bestillinger/" + order + "/praesentation";
            assertThat(admin.post(page, page, Map.of()).statusCode()).isEqualTo(302);
            execute(
                    dbPort,
                    "INSERT INTO survey_answer (id, survey_id, version_number, payload) "
                            + "SELECT gen_random_uuid(), id, 1, '{\"q1\": \"Ja\"}' FROM survey");
            execute(
                    dbPort,
                    "INSERT INTO meeting (owner_kind, owner_id, order_id) VALUES ('ORDER', " + order + ", " + order
                            + ") ON CONFLICT DO NOTHING");
            execute(
                    dbPort,
                    "INSERT INTO meeting_agreement (meeting_id, what, owner_party, created_by) SELECT id, "
                            + "'Fælles forløb for akutte patienter', 'CLUSTER', 'admin' FROM meeting WHERE order_id = "
                            + order);
            awaitDeckMade(dbPort);

            Process backupRun = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-jar",
                            System.getProperty("samspil.jar", "target/samspil.jar"),
                            "--backup=" + backup,
                            "--samspil.data-dir=" + original)
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "backup-it.log").toFile())
                    .start();
            assertThat(backupRun.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(backupRun.exitValue()).as("see target/backup-it.log").isZero();
            before = fingerprints(dbPort);
        } finally {
            app.destroy();
            app.waitFor();
        }
        assertThat(Files.size(backup)).isPositive();
        for (String table : List.of("package_order", "survey_answer", "document_version", "meeting_agreement")) {
            assertThat(before.get(table)).as(table).doesNotStartWith("0 ");
        }

        // The survey's application key is never in a backup (README, threat model): it is restored beside it.
        Files.copy(original.resolve("survey-answer.key"), restored.resolve("survey-answer.key"));
        int restoredDb = freePort();
        int restoredHttp = freePort();
        Process again = start(
                restored,
                restoredHttp,
                Map.of(),
                "--samspil.embedded-db.port=" + restoredDb,
                "--samspil.restore-from=" + backup);
        try {
            awaitHealthy(restoredHttp, again);
            Map<String, String> after = fingerprints(restoredDb);
            assertThat(after).isEqualTo(before);
            WebClient admin = new WebClient("http://localhost:" + restoredHttp);
            admin.login("admin", "samspil");
            assertThat(admin.get("/bestillinger").statusCode()).isEqualTo(200);
            long order = queryLong(restoredDb, "SELECT min(id) FROM package_order");
            assertThat(admin.get("/bestillinger/" + order + "/praesentation").statusCode())
                    .isEqualTo(200);
        } finally {
            again.destroy();
            again.waitFor();
        }
    }

    /** Each table's row count and a digest of all its rows, in a fixed order. */
    private static Map<String, String> fingerprints(int dbPort) throws SQLException {
        Map<String, String> prints = new TreeMap<>();
        try (Connection db = connect(dbPort);
                var tables = db.createStatement().executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'r'""")) {
            while (tables.next()) {
                String table = tables.getString(1);
                if (LIVE.contains(table)) {
                    continue;
                }
                try (var rows = db.createStatement()
                        .executeQuery("SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, "
                                + "chr(10) ORDER BY t::text), '')) FROM \"" + table + "\" t")) {
                    rows.next();
                    prints.put(table, rows.getString(1));
                }
            }
        }
        return prints;
    }

    private static void awaitDeckMade(int dbPort) {
        await("the deck made")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> queryLong(
                                dbPort,
                                "SELECT count(*) FROM document_version WHERE kind = 'DECK' AND status = 'PENDING'")
                        == 0);
    }

    private static void execute(int dbPort, String sql) throws SQLException {
        try (Connection db = connect(dbPort)) {
            db.createStatement().execute(sql);
        }
    }
}
