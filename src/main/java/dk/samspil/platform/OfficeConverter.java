package dk.samspil.platform;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a generated .pptx or .docx into PDF with LibreOffice (headless), the same program people open the files
 * with. Each conversion gets its own profile folder and HOME (LibreOffice refuses to share one), a time limit, and
 * only a few run at once. Where LibreOffice is not installed, {@link #available()} says so and no PDF is made.
 * The files and profiles live in a folder of this process under a known root, so the next start can remove what a
 * killed run left behind, LibreOffice processes still running on it included ({@link OfficeLeftovers}).
 */
@Component
public class OfficeConverter {

    private static final Logger log = LoggerFactory.getLogger(OfficeConverter.class);

    private final String command;
    private final Duration timeout;
    private final Semaphore slots;
    /** This process's own folder under the work root; each conversion gets a folder in it. */
    private final Path workDir;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /** Converts in {@code <samspil.data-dir>/office}, after clearing what a killed run left there. */
    @Autowired
    public OfficeConverter(@Value("${samspil.office.command:libreoffice}") String command,
            @Value("${samspil.office.timeout:120s}") Duration timeout,
            @Value("${samspil.office.parallel:1}") int parallel, SamspilSettings settings) {
        this(command, timeout, parallel, settings.dataDir().toAbsolutePath().normalize().resolve("office"));
    }

    /** Converts in the system's temporary folder (for use outside the application). */
    public OfficeConverter(String command, Duration timeout, int parallel) {
        this(command, timeout, parallel, Path.of(System.getProperty("java.io.tmpdir"), "samspil-office"));
    }

    OfficeConverter(String command, Duration timeout, int parallel, Path workRoot) {
        this.command = command;
        this.timeout = timeout;
        this.slots = new Semaphore(Math.max(1, parallel));
        OfficeLeftovers.clean(workRoot);
        this.workDir = workRoot.resolve(OfficeLeftovers.owner());
    }

    /** Whether LibreOffice can be run here. */
    public boolean available() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command))) || Files.isExecutable(Path.of(command));
    }

    /**
     * The document as PDF, or empty when LibreOffice is missing or fails (the reason is logged).
     *
     * @param extension the document's kind: {@code pptx} or {@code docx}
     */
    public Optional<byte[]> toPdf(byte[] document, String extension) {
        if (!available()) {
            return Optional.empty();
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(Files.createDirectories(workDir), "conversion-");
            Path input = work.resolve("document." + extension);
            Files.write(input, document);
            ProcessBuilder builder = new ProcessBuilder(List.of(command, "--headless", "--norestore", "--nolockcheck",
                    "-env:UserInstallation=" + work.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir",
                    work.toString(), input.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("log.txt").toFile());
            builder.environment().put("HOME", work.toString());
            Process process = builder.start();
            running.add(process);
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill(process);
                    log.warn("LibreOffice did not convert a {} within {}", extension, timeout);
                    return Optional.empty();
                }
            } finally {
                running.remove(process);
            }
            Path pdf = work.resolve("document.pdf");
            if (process.exitValue() != 0 || !Files.exists(pdf)) {
                log.warn("LibreOffice could not convert a {} (exit {}): {}", extension, process.exitValue(),
                        Files.readString(work.resolve("log.txt")).strip());
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(pdf));
        } catch (IOException e) {
            log.warn("LibreOffice could not be run: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            slots.release();
            delete(work);
        }
    }

    /** At shutdown: conversions still running are ended (LibreOffice would run on without us) and their files removed. */
    @PreDestroy
    void stop() {
        running.forEach(OfficeConverter::kill);
        delete(workDir);
    }

    /** The launcher and the office program it started (a kill of the launcher alone leaves the latter running). */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
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
