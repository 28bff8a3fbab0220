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
            double used = page.stream()
                    .mapToDouble(p -> TextFit.lineCount(p, 600, 18) + TextFit.PARAGRAPH_GAP)
                    .sum();
            assertThat(used - TextFit.PARAGRAPH_GAP).isLessThanOrEqualTo(capacity);
        }
        String joined = String.join(" ", pages.stream().flatMap(List::stream).toList());
        assertThat(joined.replaceAll("\\s+", " ")).isEqualTo((answer + " Kort svar.").replaceAll("\\s+", " "));
    }

    @Test
    void aBulletThatDoesNotFitTheRestOfASlideGoesWholeToTheNext() {
        String klu = "Sæt resultatet fra klyngemødet på dagsordenen til det næste KLU-møde.";
        List<String> bullets = new java.util.ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            bullets.add("Aftal hvem i praksis der har ansvaret for opfølgning nr. " + i + ".");
        }
        bullets.add(klu);
        // 27 characters a line, 13 lines a slide: three three-line bullets leave two lines for the last one's three.
        List<List<String>> pages = TextFit.paginate(bullets, 300, 13 * 18 * TextFit.LINE_HEIGHT, 18);
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(pages.stream().flatMap(List::stream)).containsExactlyElementsOf(bullets);
        assertThat(pages.get(pages.size() - 1)).contains(klu);
    }

    @Test
    void aParagraphLongerThanASlideIsSplitOnlyAfterASentence() {
        String answer = DeckFixtures.longAnswer(2000);
        List<List<String>> pages = TextFit.paginate(List.of(answer), 600, 200, 18);
        assertThat(pages).hasSizeGreaterThan(2);
        for (List<String> page : pages.subList(0, pages.size() - 1)) {
            assertThat(page.get(page.size() - 1))
                    .as("the last text of a slide that continues")
                    .endsWith(".");
        }
        String joined = String.join(" ", pages.stream().flatMap(List::stream).toList());
        assertThat(joined.replaceAll("\\s+", " ")).isEqualTo(answer.strip().replaceAll("\\s+", " "));
    }

    @Test
    void onlyASentenceLongerThanAWholeSlideIsSplitBetweenWords() {
        String sentence = "ord ".repeat(300).strip() + ".";
        List<List<String>> pages = TextFit.paginate(List.of("Kort.", sentence, "Næste."), 600, 200, 18);
        assertThat(pages.get(0)).containsExactly("Kort.");
        assertThat(pages.get(pages.size() - 1)).endsWith("Næste.");
    }

    @Test
    void keepsTheAnswersOwnLineBreaksAndBreaksAWordLongerThanALine() {
        assertThat(TextFit.paginate(List.of("Første linje\nAnden linje"), 600, 200, 18)
                        .get(0))
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
