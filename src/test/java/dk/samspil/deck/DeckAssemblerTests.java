package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import dk.samspil.deck.DeckContent.QuestionSlide;
import dk.samspil.survey.SurveyResults.OptionCount;
import dk.samspil.survey.SurveyResults.QuestionResult;
import dk.samspil.survey.SurveyResults.Results;
import dk.samspil.survey.SurveyStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Then and now in a follow-up's deck: matched by key, new questions marked, and "then" under the same policy. */
class DeckAssemblerTests {

    private static final Question KNOWN = new Question("kendskab", 1, "Hvor godt kender du akutfunktionen i dag?",
            QuestionType.SCALE, List.of("Godt", "Dårligt"), false, true, 1);
    private static final Question ADDED = new Question("ny", 2, "Har aftalerne gjort en forskel?", QuestionType.SCALE,
            List.of("Ja", "Nej"), false, false, 1);
    private static final PackageDefinition PKG = DocumentFixtures.pkg("akutfunktioner");

    @Test
    void aQuestionAskedThenIsComparedByKeyEvenWhenReworded() {
        Question reworded = new Question("kendskab", 1, "Kendte du akutfunktionen?", QuestionType.SCALE,
                List.of("Godt", "Dårligt"), false, true, 1);
        List<QuestionSlide> slides = DeckAssembler.questionSlides(PKG, results(true, result(KNOWN, 3, 1), result(ADDED, 2, 2)),
                Optional.of(results(true, result(reworded, 1, 3))));
        assertThat(slides.get(0).chart().series()).extracting(DeckContent.Series::name).containsExactly("Før", "Nu");
        assertThat(slides.get(0).chart().series().get(0).values()).containsExactly(1.0, 3.0);
        assertThat(slides.get(0).chart().series().get(1).values()).containsExactly(3.0, 1.0);
        assertThat(slides.get(0).isNew()).isFalse();
        assertThat(slides.get(1).isNew()).as("asked for the first time").isTrue();
        assertThat(slides.get(1).chart().series()).extracting(DeckContent.Series::name).containsExactly("Svar");
    }

    @Test
    void thenBelowTheAnswerThresholdShowsNoThen() {
        List<QuestionSlide> slides = DeckAssembler.questionSlides(PKG, results(true, result(KNOWN, 3, 1)),
                Optional.of(results(false)));
        assertThat(slides.get(0).chart().series()).extracting(DeckContent.Series::name).containsExactly("Svar");
        assertThat(slides.get(0).isNew()).as("unknown then, so not claimed new").isFalse();
    }

    @Test
    void nowBelowTheAnswerThresholdHidesEverything() {
        List<QuestionSlide> slides = DeckAssembler.questionSlides(PKG, results(false), Optional.of(results(true, result(KNOWN, 3, 1))));
        assertThat(slides).allMatch(QuestionSlide::hidden).allMatch(s -> s.chart() == null);
    }

    private static Results results(boolean shown, QuestionResult... questions) {
        return new Results(1, SurveyStatus.CLOSED, 10, shown ? 4 : 2, 0, 3, shown, shown ? List.of(questions) : List.of());
    }

    private static QuestionResult result(Question question, int first, int second) {
        int total = first + second;
        return new QuestionResult(question, total, List.of(new OptionCount(question.options().get(0), first, 100 * first / total),
                new OptionCount(question.options().get(1), second, 100 * second / total)), List.of(), List.of());
    }
}
