package dk.samspil.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a generated .pptx or .docx into PDF with LibreOffice (headless), the same program people open the files
 * with. Each conversion gets its own profile folder and HOME (LibreOffice refuses to share one), a time limit, and
 * only a few run at once. Where LibreOffice is not installed, {@link #available()} says so and no PDF is made.
 */
@Component
public class OfficeConverter {

    private static final Logger log = LoggerFactory.getLogger(OfficeConverter.class);

    private final String command;
    private final Duration timeout;
    private final Semaphore slots;

    public OfficeConverter(@Value("${samspil.office.command:libreoffice}") String command,
            @Value("${samspil.office.timeout:120s}") Duration timeout,
            @Value("${samspil.office.parallel:1}") int parallel) {
        this.command = command;
        this.timeout = timeout;
        this.slots = new Semaphore(Math.max(1, parallel));
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
            work = Files.createTempDirectory("samspil-office-");
            Path input = work.resolve("document." + extension);
            Files.write(input, document);
            ProcessBuilder builder = new ProcessBuilder(List.of(command, "--headless", "--norestore", "--nolockcheck",
                    "-env:UserInstallation=" + work.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir",
                    work.toString(), input.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("log.txt").toFile());
            builder.environment().put("HOME", work.toString());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                log.warn("LibreOffice did not convert a {} within {}", extension, timeout);
                return Optional.empty();
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

    private static void delete(Path dir) {
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
