package dk.samspil.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * For the tests that open generated files in LibreOffice: a converter, skipping the test on a laptop without
 * LibreOffice and failing it in CI (environment CI set); and a PDF's text by poppler's pdftotext.
 */
public final class OfficeTests {

    private OfficeTests() {}

    /** A converter of one LibreOffice process; skips (or in CI fails) the tests when LibreOffice is missing. */
    public static OfficeConverter converterFor(String tests) {
        OfficeConverter converter = new OfficeConverter("libreoffice", Duration.ofSeconds(120), 1);
        boolean available = converter.available();
        if (!available && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs LibreOffice (libreoffice on PATH) for the " + tests);
        }
        Assumptions.assumeTrue(available, "No libreoffice on PATH: " + tests + " skipped on this machine");
        return converter;
    }

    /** The PDF's text as pdftotext reads it. */
    public static String pdfText(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("pdftotext exit code").isZero();
        return text;
    }
}
