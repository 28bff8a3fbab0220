package dk.samspil.deck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;

/**
 * Writes a {@link DeckContent} as an editable PowerPoint deck (.pptx) with native charts, on the bundled 16:9
 * template or a provider's own (.pptx or .potx: its masters, theme and page size; its slides are dropped). The
 * layout is fitted to the template's page, and text is split over slides so that it never overflows. Thread-safe.
 */
public final class DeckWriter {

    private final DeckTemplate template;

    /** On the bundled default 16:9 template. */
    public DeckWriter() {
        this.template = DeckTemplate.bundled();
    }

    /**
     * On a provider's own template.
     *
     * @param template the bytes of a .pptx or .potx
     * @throws IllegalArgumentException with a Danish message when it is not a usable presentation
     */
    public DeckWriter(byte[] template) {
        this.template = DeckTemplate.of(template);
    }

    public void write(DeckContent deck, OutputStream out) throws IOException {
        try (XMLSlideShow show = template.open()) {
            XSLFSlideLayout layout = DeckTemplate.blankLayout(show);
            SlidePainter painter = new SlidePainter(show, Canvas.fit(show.getPageSize()));
            Map<DeckContent.TalkSlides, XMLSlideShow> talks = new IdentityHashMap<>();
            try {
                for (SlideSpec spec : DeckOutline.of(deck)) {
                    XSLFSlide slide = show.createSlide(layout);
                    List.of(slide.getPlaceholders()).forEach(slide::removeShape);
                    if (spec instanceof SlideSpec.Imported imported) {
                        XMLSlideShow talk = talks.computeIfAbsent(imported.talk(), DeckWriter::open);
                        ImportedSlides.copy(talk, imported.index(), show, slide);
                    } else {
                        painter.paint(slide, spec);
                    }
                }
                show.write(out);
            } finally {
                for (XMLSlideShow talk : talks.values()) {
                    talk.close();
                }
            }
        }
    }

    private static XMLSlideShow open(DeckContent.TalkSlides talk) {
        try {
            return new XMLSlideShow(new ByteArrayInputStream(talk.pptx()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many slides {@link #write} makes of the deck, on any template. */
    public static int slideCount(DeckContent deck) {
        return DeckOutline.of(deck).size();
    }
}
