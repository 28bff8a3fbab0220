package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.deck.PdfTools.Page;
import dk.samspil.deck.PdfTools.Word;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decks rendered by LibreOffice: one PDF page per slide, and every word inside the slide's safe area, so nothing
 * overflows. The decks are rendered with their shrink-on-overflow (autofit) taken out: the writer's own measuring and
 * splitting must keep text in its boxes. Four decks (one on a provider's 4:3 template) in one LibreOffice run, since
 * each file takes seconds.
 */
class DeckRenderingTests {

    /** The lowest text box ends at 496 of 540 points; a word below 93 % of the height overflowed its box. */
    private static final double SAFE_BOTTOM = 0.93;

    private static final Map<String, DeckContent> DECKS = new LinkedHashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        PdfTools.require("libreoffice", "pdfinfo", "pdftotext");
        DECKS.put("typical", DeckFixtures.typical());
        DECKS.put("long-texts-forty-practices", DeckFixtures.longTextsAndFortyPractices());
        DECKS.put("no-data", DeckFixtures.noDataNoResponseRate());
        DECKS.put("provider-4-3", DeckFixtures.followUp());
        DeckWriter writer = new DeckWriter();
        for (var deck : DECKS.entrySet()) {
            DeckWriter template = deck.getKey().startsWith("provider") ? new DeckWriter(TemplateFiles.provider()) : writer;
            try (WrittenDeck written = WrittenDeck.write(template, deck.getValue())) {
                Files.write(pptx(deck.getKey()), TemplateFiles.withoutAutofit(written.bytes));
            }
        }
        PdfTools.toPdf(dir, DECKS.keySet().stream().map(DeckRenderingTests::pptx).toList());
    }

    @Test
    void everySlideBecomesOnePage() throws Exception {
        for (var deck : DECKS.entrySet()) {
            assertThat(PdfTools.pageCount(pdf(deck.getKey()))).as(deck.getKey())
                    .isEqualTo(DeckWriter.slideCount(deck.getValue()));
        }
    }

    @Test
    void noTextLiesOutsideTheSlide() throws Exception {
        for (String name : DECKS.keySet()) {
            List<Page> pages = PdfTools.words(pdf(name));
            assertThat(pages).isNotEmpty();
            for (Page page : pages) {
                for (Word word : page.words()) {
                    assertThat(word.xMin() >= 0 && word.yMin() >= 0 && word.xMax() <= page.width()
                            && word.yMax() <= page.height() * SAFE_BOTTOM)
                            .as("%s page %d: '%s' at %.0f,%.0f–%.0f,%.0f on %.0f × %.0f", name, page.number(),
                                    word.text(), word.xMin(), word.yMin(), word.xMax(), word.yMax(), page.width(),
                                    page.height())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void danishLettersSurviveRendering() throws Exception {
        String text = PdfTools.words(pdf("long-texts-forty-practices")).stream()
                .flatMap(p -> p.words().stream()).map(Word::text).reduce("", (a, b) -> a + " " + b);
        assertThat(text).contains("Østsjælland", "Ærø", "Køge", "tirsdag", "Opfølgning");
    }

    private static Path pptx(String name) {
        return dir.resolve(name + ".pptx");
    }

    private static Path pdf(String name) {
        return dir.resolve(name + ".pdf");
    }
}
