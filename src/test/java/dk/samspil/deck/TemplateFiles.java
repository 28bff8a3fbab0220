package dk.samspil.deck;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Template files a provider might upload (a 4:3 presentation with its own background and a slide, as .pptx or .potx),
 * and small rewrites of Office files for tests.
 */
final class TemplateFiles {

    static final Color PROVIDER_BACKGROUND = new Color(0xFF, 0xF2, 0xCC);
    static final String OLD_SLIDE_TEXT = "Gammel slide fra udbyderens skabelon";
    private static final String CONTENT_TYPES = "[Content_Types].xml";

    private TemplateFiles() {}

    /** POI's own 4:3 default, with a pale yellow master background and one slide of its own. */
    static byte[] provider() throws IOException {
        try (XMLSlideShow show = new XMLSlideShow()) {
            show.getSlideMasters().get(0).getBackground().setFillColor(PROVIDER_BACKGROUND);
            XSLFSlide slide = show.createSlide();
            XSLFTextBox box = slide.createTextBox();
            box.setText(OLD_SLIDE_TEXT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            show.write(out);
            return out.toByteArray();
        }
    }

    /** The same presentation saved as a template: only the main part's content type differs. */
    static byte[] asPotx(byte[] pptx) throws IOException {
        return rewrite(
                pptx,
                CONTENT_TYPES::equals,
                xml -> xml.replace("presentationml.presentation.main+xml", "presentationml.template.main+xml"));
    }

    private static byte[] rewrite(byte[] zipBytes, Predicate<String> entries, UnaryOperator<String> change)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entries.test(entry.getName())) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The deck with every text box's shrink-on-overflow removed. */
    static byte[] withoutAutofit(byte[] pptx) throws IOException {
        return rewrite(pptx, name -> name.startsWith("ppt/slides/slide"), xml -> xml.replace("<a:normAutofit/>", ""));
    }

    static String contentTypes(byte[] zipBytes) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(CONTENT_TYPES)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException("No " + CONTENT_TYPES);
    }

    /** An Excel workbook: a zip and an Office file, but no presentation. */
    static byte[] workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Ark");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
