package dk.samspil.deck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;

/**
 * A template's masters, theme and page size, its own slides dropped. Kept as bytes (checked and stripped once) and
 * opened afresh for every deck, since a slide show is changed while it is written.
 */
final class DeckTemplate {

    private static final String DEFAULT = "/deck/samspil-template.pptx";
    private static final String TEMPLATE_TYPE =
            "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml";
    private static final String PRESENTATION_TYPE =
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    static final String UNUSABLE = Wording.text("deck.template.unusable");

    private final byte[] bytes;

    private DeckTemplate(byte[] bytes) {
        this.bytes = bytes;
    }

    static DeckTemplate bundled() {
        try (InputStream in = DeckTemplate.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("The deck template " + DEFAULT + " is missing from the build");
            }
            return of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException (Danish message) when the bytes are no usable presentation or template */
    static DeckTemplate of(byte[] template) {
        if (template == null || template.length == 0) {
            throw new IllegalArgumentException(UNUSABLE);
        }
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(asPresentation(template)))) {
            if (show.getSlideMasters().isEmpty()) {
                throw new IllegalArgumentException(UNUSABLE);
            }
            while (!show.getSlides().isEmpty()) {
                show.removeSlide(show.getSlides().size() - 1);
            }
            ByteArrayOutputStream stripped = new ByteArrayOutputStream(template.length);
            show.write(stripped);
            return new DeckTemplate(stripped.toByteArray());
        } catch (IOException | RuntimeException e) {
            throw e instanceof IllegalArgumentException iae && UNUSABLE.equals(iae.getMessage())
                    ? iae
                    : new IllegalArgumentException(UNUSABLE, e);
        }
    }

    XMLSlideShow open() throws IOException {
        return new XMLSlideShow(new ByteArrayInputStream(bytes));
    }

    /** The first master's blank layout, else its layout with the fewest placeholders. */
    static XSLFSlideLayout blankLayout(XMLSlideShow show) {
        XSLFSlideMaster master = show.getSlideMasters().get(0);
        XSLFSlideLayout blank = master.getLayout(SlideLayout.BLANK);
        if (blank != null) {
            return blank;
        }
        XSLFSlideLayout fewest = master.getSlideLayouts()[0];
        for (XSLFSlideLayout layout : master.getSlideLayouts()) {
            if (layout.getPlaceholders().length < fewest.getPlaceholders().length) {
                fewest = layout;
            }
        }
        return fewest;
    }

    /**
     * A .potx is a presentation whose main part has the template content type, which POI refuses: give it the
     * presentation type. Other bytes pass unchanged (and fail later if they are no presentation at all).
     */
    private static byte[] asPresentation(byte[] template) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(template.length);
        boolean changed = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(template));
                ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                if (CONTENT_TYPES.equals(entry.getName())) {
                    String types = new String(content, StandardCharsets.UTF_8);
                    if (types.contains(TEMPLATE_TYPE)) {
                        content =
                                types.replace(TEMPLATE_TYPE, PRESENTATION_TYPE).getBytes(StandardCharsets.UTF_8);
                        changed = true;
                    }
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        return changed ? out.toByteArray() : template;
    }
}
