package dk.samspil.office;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What conversions of a killed application leave: LibreOffice processes running on as orphans, and the .pptx, .docx
 * and PDF they worked on. Each process converts in a folder of its own under the work root, named by its pid and
 * start time; a folder whose owner no longer runs is a leftover: the processes working in it are killed and it is
 * removed. Folders of live processes (another instance on the same data folder) are left alone.
 */
final class OfficeLeftovers {

    private static final Logger log = LoggerFactory.getLogger(OfficeLeftovers.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private OfficeLeftovers() {}

    /** The folder name of this process: pid and start time, which tell it from a later process with the same pid. */
    static String owner() {
        return name(ProcessHandle.current());
    }

    static String name(ProcessHandle process) {
        return process.pid() + "-"
                + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    static boolean alive(String owner) {
        String[] parts = owner.split("-", 2);
        try {
            long pid = Long.parseLong(parts[0]);
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(OfficeLeftovers::name)
                    .filter(owner::equals)
                    .isPresent();
        } catch (NumberFormatException notOurs) {
            return false;
        }
    }

    /** Removes the folders of owners that no longer run, and ends the processes still working in them. */
    static void clean(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> leftovers;
        try (Stream<Path> owners = Files.list(root)) {
            leftovers =
                    owners.filter(dir -> !alive(dir.getFileName().toString())).toList();
        } catch (IOException e) {
            log.warn("Could not look into {}: {}", root, e.getMessage());
            return;
        }
        for (Path dir : leftovers) {
            int killed = killWorkingIn(dir);
            OfficeConverter.delete(dir);
            log.warn(
                    "Removed the conversions left in {} by a stopped run ({} LibreOffice process(es) ended)",
                    dir,
                    killed);
        }
    }

    private static int killWorkingIn(Path dir) {
        // With the separator: the folder of pid 12-3 is not the folder of pid 12-34.
        String path = dir.toAbsolutePath() + File.separator;
        String uri = dir.toAbsolutePath().toUri().toString().replaceAll("/?$", "/");
        List<ProcessHandle> working = ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .arguments()
                        .map(args -> Arrays.stream(args).anyMatch(arg -> arg.contains(path) || arg.contains(uri)))
                        .orElse(false))
                .toList();
        working.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : working) {
            try {
                process.onExit().get(KILL_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception notYet) {
                log.warn("LibreOffice pid {} did not end within {}", process.pid(), KILL_WAIT);
            }
        }
        return working.size();
    }
}
