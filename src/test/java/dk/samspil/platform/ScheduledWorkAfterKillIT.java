package dk.samspil.platform;

import static dk.samspil.platform.PackagedJar.awaitHealthy;
import static dk.samspil.platform.PackagedJar.freePort;
import static dk.samspil.platform.PackagedJar.query;
import static dk.samspil.platform.PackagedJar.queryLong;
import static dk.samspil.platform.PackagedJar.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.samspil.WebClient;
import dk.samspil.office.OfficeConverter;
import java.nio.file.Path;
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

    @TempDir
    Path dataDir;

    @Test
    void aDeckInterruptedByAKillIsMadeAtOnceByTheRestartedInstanceAndWithinAMinuteByAnother() throws Exception {
        Assumptions.assumeTrue(
                new OfficeConverter("libreoffice", Duration.ofSeconds(60), 1, dataDir.resolve("probe")).available()
                        || System.getenv("CI") != null,
                "No libreoffice on PATH: the deck is not converted, nothing to interrupt");
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
        assertThat(interrupted.office().isAlive())
                .as("LibreOffice runs on after the kill")
                .isTrue();

        Process second = start(dataDir, httpPort, Map.of(), db, SLOW_DEATH);
        Conversion again;
        try {
            awaitHealthy(httpPort, second);
            awaitReady(dbPort, interrupted.version(), firstKilled.plus(Duration.ofSeconds(60)));
            assertThat(interrupted.office().isAlive())
                    .as("the orphaned LibreOffice is ended")
                    .isFalse();
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
        long order = queryLong(dbPort, "SELECT min(id) FROM package_order");
        long before = queryLong(dbPort, "SELECT coalesce(max(id), 0) FROM document_version WHERE kind = 'DECK'");
        WebClient admin = new WebClient("http://localhost:" + httpPort);
        admin.login("admin", "samspil");
        String page = "/bestillinger/" + order + "/praesentation";
        assertThat(admin.post(page, page, Map.of()).statusCode()).isEqualTo(302);
        long version = queryLong(dbPort, "SELECT max(id) FROM document_version WHERE kind = 'DECK'");
        assertThat(version).isGreaterThan(before);
        // The pool's LibreOffice converts; its profile is in the folder of the application's process.
        Path root = dataDir.resolve("office").toAbsolutePath();
        String profiles = root.toUri().toString();
        ProcessHandle office = await("LibreOffice converting the deck")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            Optional<ProcessHandle> found = ProcessHandle.allProcesses()
                                    .filter(p -> p.info()
                                            .arguments()
                                            .map(args -> Arrays.stream(args).anyMatch(arg -> arg.contains(profiles)))
                                            .orElse(false))
                                    .findFirst();
                            boolean picked = found.isPresent()
                                    && queryLong(
                                                    dbPort,
                                                    "SELECT count(*) FROM scheduled_tasks WHERE picked"
                                                            + " AND task_name = 'deck-generation' AND task_instance = '"
                                                            + version + "'")
                                            > 0;
                            return picked ? found : Optional.<ProcessHandle>empty();
                        },
                        Optional::isPresent)
                .orElseThrow();
        String profile = Arrays.stream(office.info().arguments().orElseThrow())
                .filter(arg -> arg.contains(profiles))
                .findFirst()
                .orElseThrow();
        String owner = profile.substring(profile.indexOf(profiles) + profiles.length())
                .replaceAll("^/", "")
                .split("/")[0];
        return new Conversion(version, office, root.resolve(owner));
    }

    private static void awaitReady(int dbPort, long version, Instant deadline) {
        await("deck version " + version + " READY by " + deadline)
                .atMost(Duration.between(Instant.now(), deadline))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> query(dbPort, "SELECT status FROM document_version WHERE id = " + version),
                        "READY"::equals);
    }
}
