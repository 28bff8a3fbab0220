package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeckTextFitTests {

    @Test
    void splitsALongAnswerSoThatNoPageHoldsMoreLinesThanFit() {
        String answer = DeckFixtures.longAnswer(2000);
        List<List<String>> pages = TextFit.paginate(List.of(answer, "Kort svar."), 600, 200, 18);
        assertThat(pages).hasSizeGreaterThan(1);
        int capacity = TextFit.linesPerBox(200, 18);
        for (List<String> page : pages) {
            double used = page.stream().mapToDouble(p -> TextFit.lineCount(p, 600, 18) + TextFit.PARAGRAPH_GAP).sum();
            assertThat(used - TextFit.PARAGRAPH_GAP).isLessThanOrEqualTo(capacity);
        }
        String joined = String.join(" ", pages.stream().flatMap(List::stream).toList());
        assertThat(joined.replaceAll("\\s+", " ")).isEqualTo((answer + " Kort svar.").replaceAll("\\s+", " "));
    }

    @Test
    void keepsTheAnswersOwnLineBreaksAndBreaksAWordLongerThanALine() {
        assertThat(TextFit.paginate(List.of("Første linje\nAnden linje"), 600, 200, 18).get(0))
                .containsExactly("Første linje\nAnden linje");
        assertThat(TextFit.wrap("x".repeat(50), 20)).hasSize(3);
    }

    @Test
    void choosesTheLargestSizeThatFitsAndShortensOnlyWhenNothingFits() {
        assertThat(TextFit.fittingSize("Program", 800, 80, 32, 16)).isEqualTo(32);
        String question = "Spørgsmål 1: " + "meget lang tekst ".repeat(30);
        assertThat(TextFit.fittingSize(question, 800, 80, 32, 16)).isLessThan(32);
        String shortened = TextBoxes.shorten("ord ".repeat(400), 800, 80, 16);
        assertThat(shortened).endsWith(" …");
        assertThat(TextFit.lineCount(shortened, 800, 16)).isLessThanOrEqualTo(TextFit.linesPerBox(80, 16));
    }
}
