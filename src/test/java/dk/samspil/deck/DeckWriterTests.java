package dk.samspil.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.samspil.deck.DeckContent.Block;
import dk.samspil.deck.DeckContent.Chart;
import dk.samspil.deck.DeckContent.QuestionSlide;
import java.awt.Dimension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeckWriterTests {

    static Stream<DeckContent> decks() {
        return Stream.of(
                DeckFixtures.typical(),
                DeckFixtures.longTextsAndFortyPractices(),
                DeckFixtures.zeroAnswers(),
                DeckFixtures.onePractice(),
                DeckFixtures.fortyPractices(),
                DeckFixtures.noDataNoResponseRate(),
                DeckFixtures.followUp(),
                DeckFixtures.hiddenQuestion());
    }

    @Test
    void laysOutTheSlidesInTheProgrammesOrder() throws IOException {
        DeckContent deck = DeckFixtures.typical();
        try (WrittenDeck written = WrittenDeck.write(deck)) {
            List<String> headings = written.headings();
            assertThat(headings).hasSize(DeckWriter.slideCount(deck));
            assertThat(headings.subList(0, 4)).containsExactly(DeckFixtures.TITLE, "Program", "Formål", "Svarprocent");
            assertThat(headings.subList(headings.size() - 3, headings.size()))
                    .containsExactly("Gruppearbejde", "Opsamling", "Opfølgning og aftaler");
            assertThat(headings)
                    .containsSubsequence(
                            "Velkomst og præsentation",
                            "Resultater fra spørgeskemaet",
                            headings.get(6),
                            "Svar i fritekst",
                            "Oplæg fra kommunen",
                            "Dialog",
                            "Data om brugen af akutfunktionen",
                            "Henvisninger til akutfunktionen pr. 1.000 tilmeldte patienter (1/2)",
                            "Dialog",
                            "Fælles aftaler og næste skridt");
            assertThat(headings.get(6))
                    .isEqualTo("Spørgsmål 1: "
                            + deck.blocks().get(1).questions().get(0).text());
            assertThat(headings).doesNotContain("Pause");
        }
    }

    @Test
    void coverTellsWhenAndWhereInDanish() throws IOException {
        try (WrittenDeck written = WrittenDeck.write(DeckFixtures.typical())) {
            assertThat(WrittenDeck.text(written.slides().get(0)))
                    .contains(
                            "Klynge Østsjælland – Køge og Stevns",
                            "Køge Kommune",
                            "tirsdag 3. marts 2026, kl. 16.00",
                            "Sundhedshuset i Køge, mødelokale Ærø");
            assertThat(WrittenDeck.text(written.slides().get(1)))
                    .contains("16.00–16.15", "Velkomst og præsentation", "15 min.", "16.45–17.00", "Pause");
            assertThat(WrittenDeck.text(written.slides().get(3))).contains("Svar fra 60 af 75 inviterede (80 %)");
        }
        DeckContent deck = DeckFixtures.typical();
        DeckContent noVenue = new DeckContent(
                deck.title(),
                deck.cluster(),
                deck.municipality(),
                deck.date(),
                deck.start(),
                null,
                deck.purpose(),
                deck.blocks(),
                deck.responseRate(),
                deck.dataCharts(),
                deck.dataNote(),
                deck.followUp());
        try (WrittenDeck written = WrittenDeck.write(noVenue)) {
            assertThat(WrittenDeck.text(written.slides().get(0))).contains("Sted aftales");
        }
    }

    @ParameterizedTest
    @MethodSource("decks")
    void everyChartIsANativeChartWithTheModelsNumbers(DeckContent deck) throws Exception {
        try (WrittenDeck written = WrittenDeck.write(deck)) {
            List<Row> expected = rows(expectedCharts(deck));
            List<Row> inCache = new ArrayList<>();
            List<Row> inWorkbook = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (XSLFChart chart : written.charts()) {
                XDDFChartData data = chart.getChartSeries().get(0);
                int categories = data.getSeries(0).getCategoryData().getPointCount();
                XSSFWorkbook workbook = chart.getWorkbook();
                assertThat(workbook).as("embedded workbook").isNotNull();
                Sheet sheet = workbook.getSheetAt(0);
                for (int i = 0; i < categories; i++) {
                    List<Double> cached = new ArrayList<>();
                    List<Double> stored = new ArrayList<>();
                    for (int s = 0; s < data.getSeriesCount(); s++) {
                        cached.add(
                                data.getSeries(s).getValuesData().getPointAt(i).doubleValue());
                        stored.add(sheet.getRow(i + 1).getCell(s + 1).getNumericCellValue());
                    }
                    inCache.add(new Row(
                            data.getSeries(0).getCategoryData().getPointAt(i).toString(), cached));
                    inWorkbook.add(new Row(sheet.getRow(i + 1).getCell(0).getStringCellValue(), stored));
                }
                for (int s = 0; s < data.getSeriesCount(); s++) {
                    String series = s + ":";
                    labels.addAll(WrittenDeck.labels(chart, s).stream()
                            .map(l -> series + l)
                            .toList());
                }
            }
            assertThat(inCache).isEqualTo(expected);
            assertThat(inWorkbook).isEqualTo(expected);
            assertThat(labels).containsExactlyInAnyOrderElementsOf(expectedLabels(expectedCharts(deck)));
        }
    }

    @Test
    void splitsFortyPracticesEvenlyAndKeepsEveryBarReadable() throws IOException {
        try (WrittenDeck written = WrittenDeck.write(DeckFixtures.fortyPractices())) {
            List<String> headings = written.headings();
            assertThat(headings)
                    .contains(
                            "Forebyggelige indlæggelser pr. 1.000 tilmeldte patienter (1/2)",
                            "Forebyggelige indlæggelser pr. 1.000 tilmeldte patienter (2/2)");
            for (XSLFChart chart : written.charts()) {
                assertThat(chart.getChartSeries()
                                .get(0)
                                .getSeries(0)
                                .getCategoryData()
                                .getPointCount())
                        .isLessThanOrEqualTo(30);
            }
        }
    }

    @Test
    void onePracticeIsComparedWithClusterRegionAndCountry() throws IOException {
        try (WrittenDeck written = WrittenDeck.write(DeckFixtures.onePractice())) {
            XSLFChart data = written.charts().get(written.charts().size() - 1);
            var categories = data.getChartSeries().get(0).getSeries(0).getCategoryData();
            assertThat(List.of(
                            categories.getPointAt(0),
                            categories.getPointAt(1),
                            categories.getPointAt(2),
                            categories.getPointAt(3)))
                    .containsExactly("Praksis A", "Klyngen", "Region Sjælland", "Hele landet");
        }
    }

    @Test
    void breaksALongAnswerOverSlidesWithoutLosingAWord() throws IOException {
        DeckContent deck = DeckFixtures.longTextsAndFortyPractices();
        try (WrittenDeck written = WrittenDeck.write(deck)) {
            List<XSLFSlide> freeText = written.slides().stream()
                    .filter(s -> WrittenDeck.heading(s).startsWith("Svar i fritekst ("))
                    .toList();
            assertThat(freeText).hasSizeGreaterThanOrEqualTo(2);
            assertThat(WrittenDeck.heading(freeText.get(0))).isEqualTo("Svar i fritekst (1/" + freeText.size() + ")");
            String shown = freeText.stream()
                    .map(s -> ((XSLFTextBox) s.getShapes().get(2)).getText())
                    .reduce("", (a, b) -> a + " " + b);
            QuestionSlide question = deck.blocks().get(1).questions().get(3);
            assertThat(normalized(shown)).isEqualTo(normalized(String.join(" ", question.texts())));
            assertThat(WrittenDeck.text(freeText.get(0))).contains("Spørgsmål 4: " + question.text());
        }
    }

    @Test
    void writesAnswersWithControlCharactersAsReadableText() throws IOException {
        DeckContent deck = DeckFixtures.typical();
        Block block = deck.blocks().get(1);
        QuestionSlide freeText = block.questions().get(3);
        List<QuestionSlide> questions = new ArrayList<>(block.questions());
        questions.set(
                3,
                new QuestionSlide(
                        4, freeText.text(), false, 1, null, List.of("Kopieret\u0007 fra\tWord\u000B."), false, false));
        List<Block> blocks = new ArrayList<>(deck.blocks());
        blocks.set(
                1,
                new Block(
                        block.title(),
                        block.minutes(),
                        block.from(),
                        block.to(),
                        false,
                        block.points(),
                        block.municipalTalk(),
                        questions,
                        block.dialogueQuestions(),
                        block.showsData()));
        DeckContent pasted = new DeckContent(
                deck.title(),
                deck.cluster(),
                deck.municipality(),
                deck.date(),
                deck.start(),
                deck.venue(),
                deck.purpose(),
                blocks,
                deck.responseRate(),
                deck.dataCharts(),
                deck.dataNote(),
                deck.followUp());
        try (WrittenDeck written = WrittenDeck.write(pasted)) {
            assertThat(written.allText()).contains("Kopieret  fra Word");
        }
    }

    @Test
    void notesTheAnswersAndMultipleChoiceUnderAQuestionsChart() throws IOException {
        try (WrittenDeck written = WrittenDeck.write(DeckFixtures.typical())) {
            String question5 = written.slides().stream()
                    .filter(s -> WrittenDeck.heading(s).startsWith("Spørgsmål 5:"))
                    .map(WrittenDeck::text)
                    .findFirst()
                    .orElseThrow();
            assertThat(question5)
                    .contains("Sæt gerne flere kryds – tæller pr. svarmulighed", "60 har svaret", "Antal svar");
        }
    }

    @Test
    void showsAQuestionNobodyAnsweredAsZeroes() throws IOException {
        try (WrittenDeck written = WrittenDeck.write(DeckFixtures.zeroAnswers())) {
            XSLFSlide question2 = written.slides().stream()
                    .filter(s -> WrittenDeck.heading(s).startsWith("Spørgsmål 2:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(WrittenDeck.text(question2)).contains("0 har svaret");
            assertThat(WrittenDeck.labels(WrittenDeck.charts(question2).get(0), 0))
                    .containsOnly("0 (0 %)");
        }
    }

    @Test
    void saysSoWhenTooFewAnsweredToShowAQuestion() throws IOException {
        try (WrittenDeck written = WrittenDeck.write(DeckFixtures.hiddenQuestion())) {
            XSLFSlide question7 = written.slides().stream()
                    .filter(s -> WrittenDeck.heading(s).startsWith("Spørgsmål 7:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(WrittenDeck.text(question7)).contains("for få svar");
            assertThat(WrittenDeck.charts(question7)).isEmpty();
        }
    }

    @Test
    void followUpShowsBeforeAndNowAndMarksANewQuestion() throws IOException {
        try (WrittenDeck written = WrittenDeck.write(DeckFixtures.followUp())) {
            XSLFChart first = written.charts().get(0);
            var bars = first.getCTChart().getPlotArea().getBarChartArray(0);
            assertThat(Stream.of(bars.getSerArray())
                            .map(s -> s.getTx()
                                    .getStrRef()
                                    .getStrCache()
                                    .getPtArray(0)
                                    .getV()))
                    .containsExactly("Før", "Nu");
            XSLFSlide question6 = written.slides().stream()
                    .filter(s -> WrittenDeck.heading(s).startsWith("Spørgsmål 6:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(WrittenDeck.text(question6)).contains("Ny");
        }
    }

    @Test
    void leavesOutDataAndResponseRateWhenThereAreNone() throws IOException {
        DeckContent deck = DeckFixtures.noDataNoResponseRate();
        try (WrittenDeck written = WrittenDeck.write(deck)) {
            assertThat(written.headings()).doesNotContain("Svarprocent").hasSize(DeckWriter.slideCount(deck));
            assertThat(written.charts()).isEmpty();
        }
    }

    @Test
    void endsWithAnEmptyAgreementsTable() throws IOException {
        try (WrittenDeck written = WrittenDeck.write(DeckFixtures.typical())) {
            XSLFSlide last = written.slides().get(written.slides().size() - 1);
            assertThat(WrittenDeck.text(last))
                    .contains("Aftal hvem der kontakter akutfunktionen ved tvivl", "Hvad", "Hvem", "Hvornår");
        }
    }

    @Test
    void theBundledTemplateIsWidescreen() throws IOException {
        try (WrittenDeck written = WrittenDeck.write(DeckFixtures.typical())) {
            assertThat(written.show.getPageSize()).isEqualTo(new Dimension(960, 540));
        }
    }

    @Test
    void aProvidersPresentationBringsItsPageSizeAndBackground() throws IOException {
        assertProvidersLook(new DeckWriter(TemplateFiles.provider()));
    }

    @Test
    void aProvidersTemplateFileWorksToo() throws IOException {
        byte[] potx = TemplateFiles.asPotx(TemplateFiles.provider());
        assertThat(TemplateFiles.contentTypes(potx)).contains("presentationml.template.main+xml");
        assertProvidersLook(new DeckWriter(potx));
    }

    @Test
    void refusesWhatIsNoPresentationInDanish() {
        assertThatThrownBy(() -> new DeckWriter("ikke en præsentation".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Skabelonen kan ikke bruges");
        assertThatThrownBy(() -> new DeckWriter(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeckWriter(TemplateFiles.workbook()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PowerPoint");
    }

    private static void assertProvidersLook(DeckWriter writer) throws IOException {
        DeckContent deck = DeckFixtures.followUp();
        try (WrittenDeck written = WrittenDeck.write(writer, deck)) {
            assertThat(written.show.getPageSize()).isEqualTo(new Dimension(720, 540));
            assertThat(written.show.getSlideMasters().get(0).getBackground().getFillColor())
                    .isEqualTo(TemplateFiles.PROVIDER_BACKGROUND);
            assertThat(written.allText()).doesNotContain(TemplateFiles.OLD_SLIDE_TEXT);
            assertThat(written.headings()).hasSize(DeckWriter.slideCount(deck)).startsWith(DeckFixtures.TITLE);
            assertThat(written.charts()).isNotEmpty();
        }
    }

    /** The charts in the order the deck shows them. */
    private static List<Chart> expectedCharts(DeckContent deck) {
        Block dataBlock = deck.dataCharts().isEmpty()
                ? null
                : deck.blocks().stream()
                        .filter(Block::showsData)
                        .findFirst()
                        .orElse(deck.blocks().stream()
                                .filter(b -> !b.isBreak())
                                .findFirst()
                                .orElseThrow());
        List<Chart> charts = new ArrayList<>();
        for (Block block : deck.blocks()) {
            block.questions().stream()
                    .filter(q -> !q.hidden() && q.chart() != null)
                    .forEach(q -> charts.add(q.chart()));
            if (block == dataBlock) {
                charts.addAll(deck.dataCharts());
            }
        }
        return charts;
    }

    private static List<Row> rows(List<Chart> charts) {
        List<Row> rows = new ArrayList<>();
        for (Chart chart : charts) {
            for (int i = 0; i < chart.categories().size(); i++) {
                int category = i;
                rows.add(new Row(
                        chart.categories().get(i),
                        chart.series().stream()
                                .map(s -> s.values().get(category) == null
                                        ? 0.0
                                        : s.values().get(category))
                                .toList()));
            }
        }
        return rows;
    }

    private static List<String> expectedLabels(List<Chart> charts) {
        List<String> labels = new ArrayList<>();
        for (Chart chart : charts) {
            for (int s = 0; s < chart.series().size(); s++) {
                int series = s;
                chart.series().get(s).labels().forEach(l -> labels.add(series + ":" + l));
            }
        }
        return labels;
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** One category of a chart: its name and one value per series. */
    record Row(String category, List<Double> values) {}
}
