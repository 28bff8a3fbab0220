package dk.samspil.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed application leaves LibreOffice running on its conversion folder with the deck's files in it; the next
 * converter to start ends that LibreOffice and removes the folder, and leaves the folders of live processes alone.
 */
class OfficeLeftoversTests {

    @TempDir
    Path root;

    @Test
    void theNextStartEndsLibreOfficeLeftByAKilledRunAndRemovesItsFiles() throws Exception {
        Assumptions.assumeTrue(
                new OfficeConverter("libreoffice", Duration.ofSeconds(60), 1, root.resolve("probe")).available()
                        || System.getenv("CI") != null,
                "No libreoffice on PATH");
        Process gone = new ProcessBuilder("sleep", "60").start();
        String deadOwner = OfficeLeftovers.name(gone.toHandle());
        gone.destroyForcibly().waitFor();

        Path leftover = Files.createDirectories(root.resolve(deadOwner).resolve("conversion-1"));
        Files.write(leftover.resolve("document.pptx"), new byte[] {1, 2, 3});
        Files.write(leftover.resolve("document.pdf"), new byte[] {4, 5, 6});
        ProcessBuilder office = new ProcessBuilder(List.of(
                        "libreoffice",
                        "--headless",
                        "--norestore",
                        "--nolockcheck",
                        "-env:UserInstallation=" + leftover.resolve("profile").toUri(),
                        "--accept=pipe,name=leftover" + ProcessHandle.current().pid() + ";urp;"))
                .redirectErrorStream(true)
                .redirectOutput(leftover.resolve("log.txt").toFile());
        office.environment().put("HOME", leftover.toString());
        Process orphan = office.start();
        List<ProcessHandle> running = awaitOfficeProgram(orphan);

        Path live =
                Files.createDirectories(root.resolve(OfficeLeftovers.owner()).resolve("conversion-2"));
        Files.write(live.resolve("document.pptx"), new byte[] {7});

        new OfficeConverter("libreoffice", Duration.ofSeconds(60), 1, root);

        assertThat(orphan.isAlive()).isFalse();
        assertThat(running).noneMatch(ProcessHandle::isAlive);
        assertThat(root.resolve(deadOwner)).doesNotExist();
        assertThat(live.resolve("document.pptx"))
                .as("a live process's conversion is left alone")
                .exists();
    }

    /** The launcher and the office program it starts (the program appears a moment after the launcher). */
    private static List<ProcessHandle> awaitOfficeProgram(Process launcher) {
        List<ProcessHandle> descendants = await("LibreOffice started")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> launcher.descendants().toList(), list -> !list.isEmpty());
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(launcher.toHandle()), descendants.stream())
                .toList();
    }
}
