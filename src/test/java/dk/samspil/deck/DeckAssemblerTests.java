package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.catalog.PackageDefinition.QuestionType;
import dk.samspil.deck.DeckContent.QuestionSlide;
import dk.samspil.documents.DocumentFixtures;
import dk.samspil.survey.Sector;
import dk.samspil.survey.SurveyResults.OptionCount;
import dk.samspil.survey.SurveyResults.QuestionResult;
import dk.samspil.survey.SurveyResults.Results;
import dk.samspil.survey.SurveyResults.SectorResult;
import dk.samspil.survey.SurveyStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Then and now in a follow-up's deck: matched by key, new questions marked, and "then" under the same policy. */
class DeckAssemblerTests {

    private static final Question KNOWN = new Question(
            "kendskab",
            1,
            "Hvor godt kender du akutfunktionen i dag?",
            QuestionType.SCALE,
            List.of("Godt", "Dårligt"),
            false,
            true,
            1);
    private static final Question ADDED = new Question(
            "ny", 2, "Har aftalerne gjort en forskel?", QuestionType.SCALE, List.of("Ja", "Nej"), false, false, 1);
    private static final PackageDefinition PKG = DocumentFixtures.pkg("akutfunktioner");
    private static final List<Question> ASKED = PKG.questionnaire().questions();

    @Test
    void aQuestionAskedThenIsComparedByKeyEvenWhenReworded() {
        Question reworded = new Question(
                "kendskab",
                1,
                "Kendte du akutfunktionen?",
                QuestionType.SCALE,
                List.of("Godt", "Dårligt"),
                false,
                true,
                1);
        List<QuestionSlide> slides = QuestionSlides.of(
                ASKED,
                results(true, result(KNOWN, 3, 1), result(ADDED, 2, 2)),
                Optional.of(results(true, result(reworded, 1, 3))));
        assertThat(slides.get(0).chart().series())
                .extracting(DeckContent.Series::name)
                .containsExactly("Før", "Nu");
        assertThat(slides.get(0).chart().series().get(0).values()).containsExactly(25.0, 75.0);
        assertThat(slides.get(0).chart().series().get(1).values()).containsExactly(75.0, 25.0);
        assertThat(slides.get(0).isNew()).isFalse();
        assertThat(slides.get(1).isNew()).as("asked for the first time").isTrue();
        assertThat(slides.get(1).chart().series())
                .extracting(DeckContent.Series::name)
                .containsExactly("Svar");
    }

    @Test
    void thenAndNowAreSharesWithBothNumbersOfAnswersNamed() throws Exception {
        // 8 answered then, 4 now: as counts "Godt" would look halved; as shares it rose from 50 % to 75 %.
        List<QuestionSlide> slides = QuestionSlides.of(
                ASKED, results(true, result(KNOWN, 3, 1)), Optional.of(results(true, result(KNOWN, 4, 4))));
        DeckContent.Chart chart = slides.get(0).chart();
        assertThat(chart.unit()).doesNotContain("Antal").contains("Andel");
        assertThat(chart.series().get(0).values()).containsExactly(50.0, 50.0);
        assertThat(chart.series().get(1).values()).containsExactly(75.0, 25.0);
        assertThat(chart.series().get(1).labels()).containsExactly("75 % (3)", "25 % (1)");
        assertThat(slides.get(0).answeredThen()).isEqualTo(8);
        assertThat(slides.get(0).answered()).isEqualTo(4);

        DeckContent deck = DeckFixtures.deck(3, slides, new DeckContent.ResponseRate(10, 4), false);
        try (WrittenDeck written = WrittenDeck.write(deck)) {
            var slide = written.slides().stream()
                    .filter(s -> WrittenDeck.heading(s).startsWith("Spørgsmål 1:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(WrittenDeck.text(slide)).contains("Før: 8 svar · Nu: 4 svar");
            var values = WrittenDeck.charts(slide)
                    .get(0)
                    .getChartSeries()
                    .get(0)
                    .getSeries(1)
                    .getValuesData();
            assertThat(values.getPointAt(0).doubleValue()).isEqualTo(75.0);
        }
    }

    @Test
    void eachQuestionGoesWithTheBlockItCarriesAndOneWithoutGoesWithTheQuestionAbove() {
        Question inBlockTwo = new Question(
                "b2", 1, "Først, men hører til blok 2", QuestionType.SCALE, List.of("Ja", "Nej"), false, false, 2);
        Question withoutBlock = new Question(
                "uden", 2, "Tilføjet uden blok", QuestionType.SCALE, List.of("Ja", "Nej"), false, false, null);
        List<QuestionSlide> slides = QuestionSlides.of(
                List.of(inBlockTwo, withoutBlock, KNOWN),
                results(true, result(inBlockTwo, 2, 2), result(withoutBlock, 1, 3), result(KNOWN, 3, 1)),
                Optional.empty());
        assertThat(slides).extracting(QuestionSlide::block).containsExactly(2, 2, 1);
        assertThat(QuestionSlides.of(List.of(inBlockTwo, withoutBlock, KNOWN), results(false), Optional.empty()))
                .extracting(QuestionSlide::block)
                .containsExactly(2, 2, 1);
    }

    @Test
    void thenBelowTheAnswerThresholdShowsNoThen() {
        List<QuestionSlide> slides =
                QuestionSlides.of(ASKED, results(true, result(KNOWN, 3, 1)), Optional.of(results(false)));
        assertThat(slides.get(0).chart().series())
                .extracting(DeckContent.Series::name)
                .containsExactly("Svar");
        assertThat(slides.get(0).isNew()).as("unknown then, so not claimed new").isFalse();
    }

    @Test
    void nowBelowTheAnswerThresholdHidesEverything() {
        List<QuestionSlide> slides =
                QuestionSlides.of(ASKED, results(false), Optional.of(results(true, result(KNOWN, 3, 1))));
        assertThat(slides).allMatch(QuestionSlide::hidden).allMatch(s -> s.chart() == null);
    }

    @Test
    void aResultsSlideShowsBothSectorsBarsAsSharesWhenEachSectorHasEnoughAnswers() throws Exception {
        QuestionResult combined = result(KNOWN, 7, 5);
        QuestionResult bySector = new QuestionResult(
                KNOWN,
                12,
                combined.options(),
                List.of(),
                List.of(),
                List.of(
                        new SectorResult(
                                Sector.CLUSTER,
                                6,
                                List.of(new OptionCount("Godt", 6, 100), new OptionCount("Dårligt", 0, 0))),
                        new SectorResult(
                                Sector.MUNICIPALITY,
                                6,
                                List.of(new OptionCount("Godt", 1, 17), new OptionCount("Dårligt", 5, 83)))),
                false);
        List<QuestionSlide> slides = QuestionSlides.of(ASKED, results(true, bySector), Optional.empty());
        DeckContent.Chart chart = slides.get(0).chart();
        assertThat(chart.series()).extracting(DeckContent.Series::name).containsExactly("Klyngen", "Kommunen");
        assertThat(chart.unit()).contains("Andel");
        assertThat(chart.series().get(1).values()).containsExactly(17.0, 83.0);
        assertThat(slides.get(0).sectorNote()).isEqualTo("Fordelt på sektor – Klyngen: 6 svar · Kommunen: 6 svar");

        DeckContent deck = DeckFixtures.deck(3, slides, new DeckContent.ResponseRate(20, 12), false);
        try (WrittenDeck written = WrittenDeck.write(deck)) {
            var slide = written.slides().stream()
                    .filter(s -> WrittenDeck.heading(s).startsWith("Spørgsmål 1:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(WrittenDeck.text(slide)).contains("Klyngen: 6 svar · Kommunen: 6 svar");
            var series = WrittenDeck.charts(slide).get(0).getChartSeries().get(0);
            assertThat(series.getSeriesCount()).as("both sectors' bars").isEqualTo(2);
        }
    }

    @Test
    void aResultsSlideWithheldBySectorShowsTheCombinedCountsAndSaysWhy() {
        QuestionResult combined = result(KNOWN, 7, 5);
        QuestionResult withheld =
                new QuestionResult(KNOWN, 12, combined.options(), List.of(), List.of(), List.of(), true);
        QuestionSlide slide = QuestionSlides.of(ASKED, results(true, withheld), Optional.empty())
                .get(0);
        assertThat(slide.chart().series()).extracting(DeckContent.Series::name).containsExactly("Svar");
        assertThat(slide.sectorNote()).startsWith("Vist samlet: for få");
    }

    private static Results results(boolean shown, QuestionResult... questions) {
        return new Results(
                1, SurveyStatus.CLOSED, 10, shown ? 4 : 2, 0, 3, shown, shown ? List.of(questions) : List.of());
    }

    private static QuestionResult result(Question question, int first, int second) {
        int total = first + second;
        return new QuestionResult(
                question,
                total,
                List.of(
                        new OptionCount(question.options().get(0), first, 100 * first / total),
                        new OptionCount(question.options().get(1), second, 100 * second / total)),
                List.of(),
                List.of());
    }
}
