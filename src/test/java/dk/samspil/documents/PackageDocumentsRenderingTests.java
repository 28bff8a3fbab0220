package dk.samspil.documents;

import static dk.samspil.documents.DocumentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.documents.PackageDocuments.Kind;
import dk.samspil.office.OfficeConverter;
import dk.samspil.office.OfficeTests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The documents open in LibreOffice and come out as PDF with their text. Skipped on a laptop without LibreOffice;
 * in CI (environment CI set) a missing LibreOffice fails them. The files are kept in target/package-documents
 * to look at.
 */
class PackageDocumentsRenderingTests {

    private static final Path OUTPUT = Path.of("target", "package-documents");
    private static OfficeConverter converter;

    @BeforeAll
    static void libreOffice() {
        converter = OfficeTests.converterFor("document rendering tests");
    }

    @ParameterizedTest
    @CsvSource({
        "MEMBER_INVITATION, akutfunktioner",
        "DIALOGUE_SHEET, medicinhaandtering",
        "MUNICIPAL_DREJEBOG, dosisdispensering"
    })
    void documentBecomesAPdfWithItsText(Kind kind, String slug) throws IOException, InterruptedException {
        byte[] docx = docx(kind, DocumentFixtures.pkg(slug), facts());
        Files.createDirectories(OUTPUT);
        Path file = OUTPUT.resolve(slug + "-" + kind.fileStem() + ".pdf");
        Files.write(OUTPUT.resolve(slug + "-" + kind.fileStem() + ".docx"), docx);
        byte[] pdf = converter.toPdf(docx, "docx").orElseThrow();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Files.write(file, pdf);
        String text = OfficeTests.pdfText(file).replaceAll("\\s+", " ");
        assertThat(text).contains(kind.title(), CLUSTER, MUNICIPALITY, DANISH_DATE);
    }
}
