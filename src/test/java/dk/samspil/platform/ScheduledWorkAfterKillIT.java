package dk.samspil.platform;

import static dk.samspil.platform.PackagedJar.awaitHealthy;
import static dk.samspil.platform.PackagedJar.freePort;
import static dk.samspil.platform.PackagedJar.start;
import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.WebClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application killed (SIGKILL) while LibreOffice converts a deck: the same instance started again makes the
 * deck at once, ends the orphaned LibreOffice and removes its files; killed again, another instance (another
 * scheduler name, the default heartbeat settings) takes the deck over within a minute. The first two run with a
 * dead-execution time of two minutes, so the first deck made within a minute is the restart's own doing.
 */
class ScheduledWorkAfterKillIT {

    private static final String SLOW_DEATH = "--db-scheduler.missed-heartbeats-limit=24"; // 5 s x 24: 2 minutes

    @TempDir Path dataDir;

    @Test
    void aDeckInterruptedByAKillIsMadeAtOnceByTheRestartedInstanceAndWithinAMinuteByAnother() throws Exception {
        Assumptions.assumeTrue(new OfficeConverter("libreoffice", Duration.ofSeconds(60), 1, dataDir.resolve("probe")).available()
                || System.getenv("CI") != null, "No libreoffice on PATH: the deck is not converted, nothing to interrupt");
        int dbPort = freePort();
        int httpPort = freePort();
        String db = "--samspil.embedded-db.port=" + dbPort;
        Process first = start(dataDir, httpPort, Map.of(), db, SLOW_DEATH);
        Conversion interrupted;
        try {
            awaitHealthy(httpPort, first);
            interrupted = requestDeckAndAwaitConversion(httpPort, dbPort);
        } finally {
            first.destroyForcibly();
            first.waitFor();
        }
        Instant firstKilled = Instant.now();
        assertThat(interrupted.office().isAlive()).as("LibreOffice runs on after the kill").isTrue();

        Process second = start(dataDir, httpPort, Map.of(), db, SLOW_DEATH);
        Conversion again;
        try {
            awaitHealthy(httpPort, second);
            awaitReady(dbPort, interrupted.version(), firstKilled.plus(Duration.ofSeconds(60)));
            assertThat(interrupted.office().isAlive()).as("the orphaned LibreOffice is ended").isFalse();
            assertThat(interrupted.folder()).as("its files are removed").doesNotExist();
            again = requestDeckAndAwaitConversion(httpPort, dbPort);
        } finally {
            second.destroyForcibly();
            second.waitFor();
        }
        Instant killed = Instant.now();

        int otherPort = freePort();
        Process other = start(dataDir, otherPort, Map.of(), db);
        try {
            awaitHealthy(otherPort, other);
            awaitReady(dbPort, again.version(), killed.plus(Duration.ofSeconds(60)));
        } finally {
            other.destroy();
            other.waitFor();
        }
    }

    /** A deck version asked for, the LibreOffice converting it, and the folder it converts in. */
    private record Conversion(long version, ProcessHandle office, Path folder) {}

    private Conversion requestDeckAndAwaitConversion(int httpPort, int dbPort) throws Exception {
        long order = query(dbPort, "SELECT min(id) FROM package_order");
        long before = query(dbPort, "SELECT coalesce(max(id), 0) FROM deck_version");
        WebClient admin = new WebClient("http://localhost:" + httpPort);
        admin.login("admin", "samspil");
        String page = "/bestillinger/" + order + "/praesentation";
        assertThat(admin.post(page, page, Map.of()).statusCode()).isEqualTo(302);
        long version = query(dbPort, "SELECT max(id) FROM deck_version");
        assertThat(version).isGreaterThan(before);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            // The pool's LibreOffice converts; its profile is in the folder of the application's process.
            Path root = dataDir.resolve("office").toAbsolutePath();
            Optional<ProcessHandle> office = ProcessHandle.allProcesses()
                    .filter(p -> p.info().arguments().map(args -> Arrays.stream(args)
                            .anyMatch(arg -> arg.contains(root.toUri().toString()))).orElse(false))
                    .findFirst();
            if (office.isPresent() && query(dbPort, "SELECT count(*) FROM scheduled_tasks WHERE picked AND task_name = 'deck-generation' AND task_instance = '" + version + "'") > 0) {
                String profile = Arrays.stream(office.get().info().arguments().orElseThrow())
                        .filter(arg -> arg.contains(root.toUri().toString())).findFirst().orElseThrow();
                String owner = profile.substring(profile.indexOf(root.toUri().toString()) + root.toUri().toString().length())
                        .replaceAll("^/", "").split("/")[0];
                return new Conversion(version, office.get(), root.resolve(owner));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("LibreOffice did not start converting the deck within a minute");
    }

    private static void awaitReady(int dbPort, long version, Instant deadline) throws Exception {
        String status = "";
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "");
                    var rs = db.createStatement().executeQuery("SELECT status FROM deck_version WHERE id = " + version)) {
                rs.next();
                status = rs.getString(1);
            }
            if (status.equals("READY")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("deck version " + version + " was " + status + " at " + deadline);
    }

    private static long query(int dbPort, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "");
                var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
