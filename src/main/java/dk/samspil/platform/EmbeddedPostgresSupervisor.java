package dk.samspil.platform;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded PostgreSQL running: a postmaster that dies (killed, crashed, out of memory) is started again on
 * the same data folder and port, so the connection pool finds it again by itself. The library that started it
 * cannot start it twice; PostgreSQL's own {@code pg_ctl restart} can: it starts a server that is gone with the
 * options it last ran with ({@code postmaster.opts}). While backends of the dead postmaster still hold its shared
 * memory PostgreSQL refuses to start (that protects the data), so the supervisor tries again until they are gone.
 */
final class EmbeddedPostgresSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Path dataDirectory;
    private final Path pgCtl;
    private final Path logFile;
    private final Duration startupTimeout;
    private final ScheduledExecutorService watcher;
    private volatile ProcessHandle postmaster;
    private volatile boolean closed;

    /**
     * @param dataDirectory the folder of the running embedded PostgreSQL
     * @param interval how often to look whether it still runs
     * @param logFile where a restarted server writes its log
     */
    EmbeddedPostgresSupervisor(Path dataDirectory, Duration interval, Duration startupTimeout, Path logFile)
            throws IOException {
        this.dataDirectory = dataDirectory;
        this.postmaster = OrphanedPostmaster.running(dataDirectory)
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL runs on " + dataDirectory));
        this.pgCtl = Path.of(postmaster
                        .info()
                        .command()
                        .orElseThrow(() -> new IllegalStateException(
                                "The program of PostgreSQL pid " + postmaster.pid() + " is unknown")))
                .resolveSibling("pg_ctl");
        this.logFile = logFile;
        this.startupTimeout = startupTimeout;
        this.watcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "embedded-postgres-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (closed || postmaster.isAlive()) {
            return;
        }
        log.error(
                "The embedded PostgreSQL (pid {}) has stopped; starting it again on {}",
                postmaster.pid(),
                dataDirectory);
        int attempts = 0;
        while (!closed) {
            attempts++;
            try {
                if (restart()) {
                    log.warn(
                            "The embedded PostgreSQL runs again (pid {}, attempt {}); server log in {}",
                            postmaster.pid(),
                            attempts,
                            logFile);
                    return;
                }
            } catch (IOException e) {
                log.warn("pg_ctl could not be run: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempts % 30 == 1) {
                log.warn(
                        "The embedded PostgreSQL did not start (attempt {}); trying again every {}; see {}",
                        attempts,
                        RETRY,
                        logFile);
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean restart() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as the library starts it when run as root
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "-D",
                dataDirectory.toString(),
                "-l",
                logFile.toString(),
                "-w",
                "-t",
                String.valueOf(startupTimeout.toSeconds()),
                "restart"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        if (!process.waitFor(startupTimeout.toSeconds() + 10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        if (process.exitValue() != 0) {
            return false;
        }
        var started = OrphanedPostmaster.running(dataDirectory);
        started.ifPresent(handle -> postmaster = handle);
        return started.isPresent();
    }

    /** Stops watching (before the library stops PostgreSQL at shutdown, which must not be undone). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        watcher.shutdownNow();
        watcher.awaitTermination(10, TimeUnit.SECONDS);
    }
}
