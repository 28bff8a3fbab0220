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
            DeckWriter template =
                    deck.getKey().startsWith("provider") ? new DeckWriter(TemplateFiles.provider()) : writer;
            try (WrittenDeck written = WrittenDeck.write(template, deck.getValue())) {
                Files.write(pptx(deck.getKey()), TemplateFiles.withoutAutofit(written.bytes));
            }
        }
        PdfTools.toPdf(
                dir, DECKS.keySet().stream().map(DeckRenderingTests::pptx).toList());
    }

    @Test
    void everySlideBecomesOnePage() throws Exception {
        for (var deck : DECKS.entrySet()) {
            assertThat(PdfTools.pageCount(pdf(deck.getKey())))
                    .as(deck.getKey())
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
                    assertThat(word.xMin() >= 0
                                    && word.yMin() >= 0
                                    && word.xMax() <= page.width()
                                    && word.yMax() <= page.height() * SAFE_BOTTOM)
                            .as(
                                    "%s page %d: '%s' at %.0f,%.0f–%.0f,%.0f on %.0f × %.0f",
                                    name,
                                    page.number(),
                                    word.text(),
                                    word.xMin(),
                                    word.yMin(),
                                    word.xMax(),
                                    word.yMax(),
                                    page.width(),
                                    page.height())
                            .isTrue();
                }
            }
        }
    }

    /** Text continued on the next slide stops after a sentence or a whole bullet, never mid-sentence. */
    @Test
    void noSlideThatContinuesEndsMidSentence() throws Exception {
        java.util.regex.Pattern continued = java.util.regex.Pattern.compile("\\((\\d+)/(\\d+)\\)$");
        int checked = 0;
        for (var deck : DECKS.entrySet()) {
            java.util.Set<String> whole = DeckFixtures.paragraphs(deck.getValue());
            List<Page> pages = PdfTools.words(pdf(deck.getKey()));
            DeckWriter template =
                    deck.getKey().startsWith("provider") ? new DeckWriter(TemplateFiles.provider()) : new DeckWriter();
            try (WrittenDeck written = WrittenDeck.write(template, deck.getValue())) {
                for (int i = 0; i < written.slides().size(); i++) {
                    var slide = written.slides().get(i);
                    var part = continued.matcher(WrittenDeck.heading(slide));
                    List<String> body = WrittenDeck.bodyParagraphs(slide);
                    if (!part.find() || part.group(1).equals(part.group(2)) || body.isEmpty()) {
                        continue;
                    }
                    String last = body.get(body.size() - 1).strip();
                    List<Word> words = pages.get(i).words();
                    String lastWord = words.get(words.size() - 1).text();
                    assertThat(whole.contains(last)
                                    || (last.matches("(?s).*[.!?…][\"”»')]{0,2}")
                                            && lastWord.matches(".*[.!?…][\"”»')]{0,2}")))
                            .as("%s slide %d ends with '%s' (rendered: '%s')", deck.getKey(), i + 1, last, lastWord)
                            .isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).as("slides that continue").isPositive();
    }

    @Test
    void danishLettersSurviveRendering() throws Exception {
        String text = PdfTools.words(pdf("long-texts-forty-practices")).stream()
                .flatMap(p -> p.words().stream())
                .map(Word::text)
                .reduce("", (a, b) -> a + " " + b);
        assertThat(text).contains("Østsjælland", "Ærø", "Køge", "tirsdag", "Opfølgning");
    }

    private static Path pptx(String name) {
        return dir.resolve(name + ".pptx");
    }

    private static Path pdf(String name) {
        return dir.resolve(name + ".pdf");
    }
}
