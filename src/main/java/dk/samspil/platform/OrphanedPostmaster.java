package dk.samspil.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM killed with -9 leaves its embedded postmaster running on the data folder, and the next start would fail
 * on the existing {@code postmaster.pid}. This finds that orphan and stops it cleanly (SIGTERM: PostgreSQL waits
 * for the dead JVM's connections, which the kernel has already closed, then shuts down and checkpoints).
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration GRACE = Duration.ofSeconds(60);

    private OrphanedPostmaster() {}

    /** The postmaster running on the data folder, by its {@code postmaster.pid}, if one is. */
    static Optional<ProcessHandle> running(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return readPid(pidFile).flatMap(ProcessHandle::of).filter(OrphanedPostmaster::isPostgres);
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return;
        }
        Optional<ProcessHandle> postmaster = running(dataDirectory);
        if (postmaster.isEmpty()) {
            // A stale pid file of a process that is gone: PostgreSQL itself recognises and replaces it.
            log.info("Found a stale postmaster.pid in {}; PostgreSQL will recover", dataDirectory);
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn(
                "Stopping the PostgreSQL (pid {}) left running by an earlier Samspil on {}",
                process.pid(),
                dataDirectory);
        process.destroy();
        try {
            process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notStopped) {
            log.warn(
                    "PostgreSQL pid {} did not stop in {}; killing it (it recovers from its WAL)",
                    process.pid(),
                    GRACE);
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.isAlive()
                && process.info()
                        .command()
                        .map(command -> command.endsWith("postgres"))
                        .orElse(true);
    }
}
