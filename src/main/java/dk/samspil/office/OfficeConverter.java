package dk.samspil.office;

import dk.samspil.platform.SamspilSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jodconverter.core.document.DefaultDocumentFormatRegistry;
import org.jodconverter.core.document.DocumentFormat;
import org.jodconverter.core.office.OfficeException;
import org.jodconverter.local.LocalConverter;
import org.jodconverter.local.office.LocalOfficeManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Turns a generated .pptx or .docx into PDF with LibreOffice (headless), the same program people open the files
 * with. A small pool of LibreOffice processes is kept running (JODConverter's local office manager), so a
 * conversion does not wait for LibreOffice to start, and as many conversions run at once as the pool has
 * processes; each process has its own profile folder, each conversion a time limit. The pool is started with the
 * application (in the background, so the start is not delayed) or, outside the application, at the first
 * conversion. Where LibreOffice is not installed, {@link #available()} says so and no PDF is made.
 * The files and profiles live in a folder of this process under a known root, so the next start can remove what a
 * killed run left behind, LibreOffice processes still running on it included ({@link OfficeLeftovers}).
 */
@Component
public class OfficeConverter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OfficeConverter.class);

    private final String command;
    private final Duration timeout;
    private final int poolSize;
    /** This process's own folder under the work root; the pool's profiles and files are in it. */
    private final Path workDir;

    private final MeterRegistry meters;
    private CompletableFuture<LocalOfficeManager> pool;
    private Thread shutdownHook;
    /** Set by {@link #stop()}: a pool start still queued (from {@link #start()}) must not run after it. */
    private boolean stopped;

    /** Converts in {@code <samspil.data-dir>/office}, after clearing what a killed run left there. */
    @Autowired
    public OfficeConverter(
            @Value("${samspil.office.command:libreoffice}") String command,
            @Value("${samspil.office.timeout:120s}") Duration timeout,
            @Value("${samspil.office.parallel:2}") int parallel,
            SamspilSettings settings,
            MeterRegistry meters) {
        this(
                command,
                timeout,
                parallel,
                settings.dataDir().toAbsolutePath().normalize().resolve("office"),
                meters);
    }

    /** Converts in the system's temporary folder (for use outside the application). */
    public OfficeConverter(String command, Duration timeout, int parallel) {
        this(command, timeout, parallel, Path.of(System.getProperty("java.io.tmpdir"), "samspil-office"));
    }

    /** Converts in the given folder, after clearing what a killed run left there (for tests and tools). */
    public OfficeConverter(String command, Duration timeout, int parallel, Path workRoot) {
        this(command, timeout, parallel, workRoot, Metrics.globalRegistry);
    }

    private OfficeConverter(String command, Duration timeout, int parallel, Path workRoot, MeterRegistry meters) {
        this.command = command;
        this.timeout = timeout;
        this.poolSize = Math.max(1, parallel);
        this.meters = meters;
        OfficeLeftovers.clean(workRoot);
        this.workDir = workRoot.toAbsolutePath().resolve(OfficeLeftovers.owner());
    }

    /** Whether LibreOffice can be run here. */
    public boolean available() {
        return executable().isPresent();
    }

    private Optional<Path> executable() {
        return Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                                .map(dir -> Path.of(dir, command)),
                        Stream.of(Path.of(command)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * The document as PDF, or empty when LibreOffice is missing or fails (the reason is logged).
     *
     * @param extension the document's kind: {@code pptx} or {@code docx}
     */
    public Optional<byte[]> toPdf(byte[] document, String extension) {
        Optional<LocalOfficeManager> manager = pool();
        if (manager.isEmpty()) {
            return Optional.empty();
        }
        DocumentFormat format = DefaultDocumentFormatRegistry.getFormatByExtension(extension);
        if (format == null) {
            log.warn("LibreOffice is not asked to convert a {}", extension);
            return Optional.empty();
        }
        Timer.Sample sample = Timer.start(meters);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(document.length);
        try {
            LocalConverter.builder()
                    .officeManager(manager.get())
                    .build()
                    .convert(new ByteArrayInputStream(document))
                    .as(format)
                    .to(pdf)
                    .as(DefaultDocumentFormatRegistry.PDF)
                    .execute();
            sample.stop(meters.timer("samspil.office.conversion", "format", extension, "outcome", "success"));
            return Optional.of(pdf.toByteArray());
        } catch (OfficeException | RuntimeException e) {
            sample.stop(meters.timer("samspil.office.conversion", "format", extension, "outcome", "failure"));
            log.warn("LibreOffice could not convert a {} within {}: {}", extension, timeout, e.getMessage());
            return Optional.empty();
        }
    }

    /** The running pool, started here when it is not yet; empty where LibreOffice is missing or would not start. */
    private synchronized Optional<LocalOfficeManager> pool() {
        if (stopped) {
            return Optional.empty(); // the application is stopping: no LibreOffice may start that nobody would end
        }
        if (pool == null) {
            if (!available()) {
                return Optional.empty();
            }
            pool = CompletableFuture.supplyAsync(this::startPool);
            if (shutdownHook == null) {
                shutdownHook = new Thread(this::stopPool, "office-pool-stop");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
        }
        return Optional.ofNullable(pool.join());
    }

    private LocalOfficeManager startPool() {
        try {
            Files.createDirectories(workDir);
            LocalOfficeManager manager = LocalOfficeManager.builder()
                    .officeHome(officeHome().toFile())
                    .workingDir(workDir.toFile())
                    .portNumbers(freePorts())
                    .taskExecutionTimeout(timeout.toMillis())
                    .taskQueueTimeout(timeout.multipliedBy(10).toMillis())
                    .processTimeout(timeout.toMillis())
                    .build();
            long started = System.nanoTime();
            manager.start();
            log.info("LibreOffice pool of {} started in {} ms", poolSize, (System.nanoTime() - started) / 1_000_000);
            return manager;
        } catch (OfficeException | IOException | RuntimeException e) {
            log.warn("LibreOffice could not be started: {}", e.getMessage());
            return null;
        }
    }

    /** LibreOffice's installation folder: the one whose {@code program} folder holds the command. */
    private Path officeHome() throws IOException {
        Path program = executable().orElseThrow().toRealPath().getParent();
        return program.getFileName().toString().equals("program") ? program.getParent() : program;
    }

    /** Ports free now, one per process (fixed ports would clash with another instance on the same machine). */
    private int[] freePorts() throws IOException {
        int[] ports = new int[poolSize];
        ServerSocket[] sockets = new ServerSocket[poolSize];
        try {
            for (int i = 0; i < poolSize; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
        return ports;
    }

    /** With the application: the pool starts in the background, so it is warm when the first PDF is asked for. */
    @Override
    public void start() {
        synchronized (this) {
            stopped = false;
        }
        CompletableFuture.runAsync(this::pool);
    }

    @Override
    public synchronized boolean isRunning() {
        return pool != null;
    }

    /** At shutdown: the LibreOffice processes are ended (they would run on without us) and their files removed. */
    @Override
    public void stop() {
        synchronized (this) {
            stopped = true;
        }
        stopPool();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private synchronized void stopPool() {
        if (pool != null) {
            LocalOfficeManager manager = pool.join();
            pool = null;
            if (manager != null) {
                try {
                    manager.stop();
                } catch (OfficeException e) {
                    log.warn("LibreOffice pool did not stop cleanly: {}", e.getMessage());
                }
            }
        }
        delete(workDir);
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not remove {}", dir, e);
        }
    }
}
