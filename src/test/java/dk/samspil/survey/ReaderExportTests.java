package dk.samspil.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.catalog.PackageDefinition.Question;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The exports of the cluster and the municipality never give a row per respondent (a small cluster would tell who
 * wrote what from a respondent's texts side by side): counts per option and the free texts one per row; the
 * per-respondent table is the consultant's.
 */
@SamspilTest
class ReaderExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    Surveys surveys;

    @Test
    void coordinatorAndMunicipalityGetCountsAndTextsPerQuestionNeverARowPerRespondent() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        Map<String, String> tokens = fixtures.send(order);
        List<Question> questions = surveys.find(order).orElseThrow().questions();
        List<String> emails = new ArrayList<>(tokens.keySet());
        for (int i = 0; i < 3; i++) {
            fixtures.answer(
                    tokens.get(emails.get(i)), questions.size(), SurveyFixtures.fullAnswer(questions, i, "Tekst " + i));
        }

        List<CSVRecord> coordinator = csv(order, "koordinator");
        assertThat(coordinator.get(0).toList()).containsExactly("Spørgsmål", "Svar", "Antal", "Andel (%)");
        assertThat(coordinator)
                .allSatisfy(row -> assertThat(row.size())
                        .as("one answer per row, never a respondent's all")
                        .isEqualTo(4));
        assertThat(coordinator.stream().filter(r -> r.get(1).equals("Tekst 0")).count())
                .isGreaterThan(0);
        assertThat(coordinator.stream()
                        .filter(r -> r.get(1).equals("Besvaret af"))
                        .map(r -> r.get(2))
                        .distinct()
                        .toList())
                .containsExactly("3");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes(order, "xlsx", "kommune")))) {
            assertThat(workbook.getSheet("Svar"))
                    .as("no per-respondent sheet for the municipality")
                    .isNull();
            for (Row row : workbook.getSheet("Resultater")) {
                assertThat(row.getLastCellNum()).isLessThanOrEqualTo((short) 4);
            }
        }

        List<CSVRecord> consultant = csv(order, "konsulent");
        assertThat(consultant)
                .as("the consultant's table: a row per respondent")
                .hasSize(4);
        assertThat(consultant.get(0).get(0)).isEqualTo("Svar");
    }

    private List<CSVRecord> csv(long order, String user) throws Exception {
        byte[] csv = bytes(order, "csv", user);
        try (var reader =
                new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(';')
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }

    private byte[] bytes(long order, String extension, String user) throws Exception {
        var response = mvc.perform(get("/bestillinger/" + order + "/resultater." + extension)
                        .with(users.as(user)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsByteArray();
    }
}
