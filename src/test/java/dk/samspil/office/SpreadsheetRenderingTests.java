package dk.samspil.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition.Question;
import dk.samspil.survey.SurveyFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every spreadsheet the application hands out (the survey's answers and results per question, the agreements
 * overview, the provider's overview, the PKO payment overview and the audit log) opens in LibreOffice Calc and comes
 * out as PDF with its text: every sheet's header row, and the data the test put in. Real downloads, real LibreOffice;
 * skipped on a laptop without LibreOffice, failed in CI (environment CI set) when it is missing. The files are kept
 * in target/spreadsheets to look at.
 */
@SamspilTest
class SpreadsheetRenderingTests {

    private static final Path OUTPUT = Path.of("target", "spreadsheets");
    private static OfficeConverter converter;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    Catalog catalog;

    @BeforeAll
    static void libreOffice() {
        converter = OfficeTests.converterFor("spreadsheet rendering tests");
    }

    @AfterAll
    static void stopLibreOffice() {
        if (converter != null) {
            converter.stop();
        }
    }

    @Test
    void everySpreadsheetDownloadBecomesAPdfWithItsText() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        List<String> tokens = new ArrayList<>(fixtures.send(order).values());
        List<Question> questions =
                catalog.find("akutfunktioner").orElseThrow().questionnaire().questions();
        String answer = "Regneark-svar æøå " + order;
        for (int i = 0; i < 4; i++) {
            fixtures.answer(tokens.get(i), questions.size(), SurveyFixtures.fullAnswer(questions, i, answer));
        }

        // In this order: the audit log comes last, so it shows the agreements download before it.
        Map<String, List<String>> downloads = orderedMap(
                // the consultant gets a row per respondent, with what they wrote
                "/bestillinger/" + order + "/resultater.xlsx?konsulent",
                List.of("konsulent", answer),
                // the cluster's coordinator gets the results per question
                "/bestillinger/" + order + "/resultater.xlsx?koordinator",
                List.of("koordinator"),
                "/aftaler.xlsx",
                List.of("konsulent"),
                "/udbyder/overblik.xlsx",
                List.of("konsulent"),
                "/pko/udbetaling.xlsx",
                List.of("pko"),
                "/admin/log.xlsx",
                List.of("admin", "/aftaler.xlsx"));
        for (Map.Entry<String, List<String>> download : downloads.entrySet()) {
            String path = download.getKey().replaceAll("\\?.*", "");
            String user = download.getValue().get(0);
            MockHttpServletResponse response =
                    mvc.perform(get(path).with(users.as(user))).andReturn().getResponse();
            assertThat(response.getStatus()).as(path + " as " + user).isEqualTo(200);
            byte[] xlsx = response.getContentAsByteArray();
            Set<String> expected = new LinkedHashSet<>(headers(xlsx));
            expected.addAll(download.getValue().subList(1, download.getValue().size()));

            String stem = path.replaceAll("^/|\\.xlsx$", "").replaceAll("[^a-z0-9]+", "-") + "-" + user;
            Files.createDirectories(OUTPUT);
            Files.write(OUTPUT.resolve(stem + ".xlsx"), xlsx);
            byte[] pdf = converter.toPdf(xlsx, "xlsx").orElseThrow();
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            Path file = OUTPUT.resolve(stem + ".pdf");
            Files.write(file, pdf);
            String text = OfficeTests.pdfText(file).replaceAll("\\s+", " ");
            assertThat(text).as(path + " as " + user + " in LibreOffice").contains(expected);
        }
    }

    @Test
    void aLongTextOrOneWithLineBreaksWrapsInItsCellAndShowsWhole() throws Exception {
        String longText = "Vi aftaler, at hjemmeplejen ringer til praksis inden kl. 10, når en borger har feber, og at"
                + " praksis svarer samme dag; opfølgning på næste klyngemøde slutordet";
        String lines = "Første linje\nanden linje\ntredje linjeslut";
        byte[] xlsx = Spreadsheets.xlsx(
                "Aftaler",
                List.of(
                        List.of("Aftale", "Ansvarlig"),
                        List.of(longText, "Kommunen"),
                        List.of(lines, "Klyngen"),
                        List.of("=kort tekst", "Praksis"),
                        List.of("=" + longText, "Regionen")),
                0);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(1).getCell(1).getCellStyle().getWrapText()).isFalse();
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getQuotePrefixed())
                    .isTrue();
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getWrapText()).isFalse();
            assertThat(sheet.getRow(4).getCell(0).getCellStyle().getQuotePrefixed())
                    .isTrue();
            assertThat(sheet.getRow(4).getCell(0).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(1).getHeightInPoints()).isGreaterThan(sheet.getDefaultRowHeightInPoints());
        }
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve("wrapped.xlsx"), xlsx);
        Path file = OUTPUT.resolve("wrapped.pdf");
        Files.write(file, converter.toPdf(xlsx, "xlsx").orElseThrow());
        // Cut off at the next column, the end of the text would be missing from the page.
        assertThat(OfficeTests.pdfText(file).replaceAll("\\s+", " "))
                .contains("slutordet", "tredje linjeslut", "Kommunen", "Klyngen");
    }

    /** Key, value, key, value, ... in the order given (Map.of's order changes from run to run). */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> orderedMap(Object... keysAndValues) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (List<String>) keysAndValues[i + 1]);
        }
        return map;
    }

    /** The texts of every sheet's header row (what the file must show whatever data it holds). */
    private static List<String> headers(byte[] xlsx) throws IOException {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isPositive();
            for (Sheet sheet : workbook) {
                Row header = sheet.getRow(0);
                assertThat(header)
                        .as("sheet " + sheet.getSheetName() + " has a header")
                        .isNotNull();
                for (Cell cell : header) {
                    if (cell.getCellType() == CellType.STRING
                            && !cell.getStringCellValue().isBlank()) {
                        texts.add(cell.getStringCellValue()
                                .replaceAll("\\s+", " ")
                                .strip());
                    }
                }
            }
        }
        assertThat(texts).isNotEmpty();
        return texts;
    }
}
