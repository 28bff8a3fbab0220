package dk.samspil.deck;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice (deck to PDF) and poppler (pages and word boxes of a PDF), run as programs. On a laptop without them
 * the rendering tests are skipped; in CI (environment CI set) a missing program fails them, as for the browser tests.
 */
final class PdfTools {

    private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">");
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([-\\d.]+)\" yMin=\"([-\\d.]+)\" xMax=\"([-\\d.]+)\" yMax=\"([-\\d.]+)\">(.*?)</word>");

    private PdfTools() {}

    /** Skips the test (or fails it in CI) when a program is not on the PATH. */
    static void require(String... programs) {
        for (String program : programs) {
            boolean available = onPath(program);
            if (!available && System.getenv("CI") != null) {
                throw new IllegalStateException("CI needs " + program + " on the PATH for the rendering tests");
            }
            Assumptions.assumeTrue(
                    available, "No " + program + " on the PATH: rendering tests skipped on this machine");
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** Converts the files to PDF in one LibreOffice run, with its own profile and a writable HOME (stack trap 8). */
    static void toPdf(Path outDir, List<Path> files) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("samspil-lo-home");
        List<String> command = new ArrayList<>(List.of(
                "libreoffice",
                "-env:UserInstallation=" + home.resolve("profile").toUri(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                outDir.toString()));
        files.forEach(f -> command.add(f.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(outDir.resolve("libreoffice.log").toFile());
        builder.environment().put("HOME", home.toString());
        run(builder, 180);
    }

    static int pageCount(Path pdf) throws IOException, InterruptedException {
        String info = output("pdfinfo", pdf.toString());
        Matcher pages = Pattern.compile("(?m)^Pages:\\s+(\\d+)").matcher(info);
        if (!pages.find()) {
            throw new IllegalStateException("pdfinfo printed no page count: " + info);
        }
        return Integer.parseInt(pages.group(1));
    }

    /** Every word of the PDF with its box, per page. */
    static List<Page> words(Path pdf) throws IOException, InterruptedException {
        String html = output("pdftotext", "-bbox", pdf.toString(), "-");
        List<Page> pages = new ArrayList<>();
        for (String chunk : html.split("(?=<page )")) {
            Matcher page = PAGE.matcher(chunk);
            if (!page.find()) {
                continue;
            }
            List<Word> words = new ArrayList<>();
            Matcher word = WORD.matcher(chunk);
            while (word.find()) {
                words.add(new Word(
                        word.group(5),
                        Double.parseDouble(word.group(1)),
                        Double.parseDouble(word.group(2)),
                        Double.parseDouble(word.group(3)),
                        Double.parseDouble(word.group(4))));
            }
            pages.add(new Page(
                    pages.size() + 1, Double.parseDouble(page.group(1)), Double.parseDouble(page.group(2)), words));
        }
        return pages;
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static void run(ProcessBuilder builder, int seconds) throws IOException, InterruptedException {
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(builder.command().get(0) + " took longer than " + seconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(builder.command().get(0) + " exited with " + process.exitValue());
        }
    }

    record Page(int number, double width, double height, List<Word> words) {}

    record Word(String text, double xMin, double yMin, double xMax, double yMax) {}
}
