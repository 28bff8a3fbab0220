package dk.samspil.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.catalog.PackageDefinition.Question;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The questionnaire from the review round through sending, reminders, closing, results and exports. */
@SamspilTest
class SurveyFlowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Surveys surveys;

    @Autowired
    Sending sending;

    SurveyFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SurveyFixtures(mvc, users);
        TestMailServer.purge();
    }

    @Test
    void reviewRoundProposalsEditsFreezeAndVersions() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        String page = page(order + "/spoergeskema", "koordinator");
        assertThat(page)
                .contains("Hvad er dit kendskab til indholdet i kommunens akutfunktioner?", "Frist for kommentarer");

        act(
                post(url(order, "/spoergeskema/forslag"))
                        .param("questionKey", "kendskab")
                        .param("kind", "REWORD")
                        .param("text", "Skriv \"akutteamet\" i stedet – det siger lægerne."),
                "koordinator");
        act(
                post(url(order, "/spoergeskema/forslag"))
                        .param("questionKey", "kapacitet")
                        .param("kind", "COMMENT")
                        .param("text", "<script>alert(1)</script> Vi vil gerne vide mere om weekenden."),
                "kommune");
        act(
                post(url(order, "/spoergeskema/forslag"))
                        .param("kind", "ADD")
                        .param("text", "Hvor ofte bruger du akutfunktionen om natten?"),
                "kommune");
        MvcResult empty = act(
                post(url(order, "/spoergeskema/forslag"))
                        .param("questionKey", "kendskab")
                        .param("text", "  "),
                "koordinator");
        assertThat(empty.getFlashMap().get("error")).isEqualTo("survey.proposal.text.required");

        String consultant = page(order + "/spoergeskema", "konsulent");
        assertThat(consultant)
                .contains(
                        "Skriv &quot;akutteamet&quot; i stedet",
                        "Anne Kjær",
                        "Kommunen",
                        "&lt;script&gt;alert(1)&lt;/script&gt;",
                        "Hvor ofte bruger du akutfunktionen om natten?")
                .doesNotContain("<script>alert(1)");

        // The consultant rewords (same key), adds the proposed question, removes one and moves one.
        act(
                post(url(order, "/spoergeskema/spoergsmaal/kendskab"))
                        .param("text", "Hvad er dit kendskab til akutteamet?")
                        .param("type", "SCALE")
                        .param("options", "Meget godt\nGodt\nNogenlunde\nRinge\nIntet kendskab")
                        .param("required", "true"),
                "konsulent");
        act(
                post(url(order, "/spoergeskema/spoergsmaal"))
                        .param("text", "Hvor ofte bruger du akutfunktionen om natten?")
                        .param("type", "SCALE")
                        .param("options", "Ugentligt\nMånedligt\nSjældnere\nAldrig")
                        .param("required", "true"),
                "konsulent");
        act(post(url(order, "/spoergeskema/spoergsmaal/barrierer/fjern")), "konsulent");
        act(post(url(order, "/spoergeskema/spoergsmaal/kapacitet/flyt")).param("direction", "up"), "konsulent");
        long proposal = jdbc.sql(
                        "SELECT min(p.id) FROM survey_proposal p JOIN survey s ON s.id = p.survey_id WHERE s.order_id = ?")
                .param(order)
                .query(Long.class)
                .single();
        act(post(url(order, "/spoergeskema/forslag/" + proposal)).param("decision", "applied"), "konsulent");

        SurveyView edited = surveys.find(order).orElseThrow();
        List<String> keys = edited.questions().stream().map(Question::key).toList();
        assertThat(keys).doesNotContain("barrierer").contains("kendskab");
        assertThat(edited.question("kendskab").text()).isEqualTo("Hvad er dit kendskab til akutteamet?");
        assertThat(keys.indexOf("kapacitet")).isLessThan(keys.indexOf("patientgrupper"));
        assertThat(edited.questions().get(edited.questions().size() - 1).text()).startsWith("Hvor ofte bruger du");
        assertThat(edited.questions())
                .extracting(Question::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, keys.size())
                        .boxed()
                        .toList());

        // Bad input: a Danish message at the field, nothing changed.
        MvcResult bad = act(
                post(url(order, "/spoergeskema/spoergsmaal/kendskab"))
                        .param("text", "Kendskab?")
                        .param("type", "SCALE")
                        .param("options", "Kun én"),
                "konsulent");
        assertThat(bad.getResponse().getContentAsString())
                .contains("Skriv mindst to svarmuligheder, én pr. linje.", "form-error");
        assertThat(surveys.find(order).orElseThrow().question("kendskab").text())
                .isEqualTo("Hvad er dit kendskab til akutteamet?");
        MvcResult blank = act(
                post(url(order, "/spoergeskema/spoergsmaal/kendskab"))
                        .param("text", " ")
                        .param("type", "TEXT"),
                "konsulent");
        assertThat(blank.getResponse().getContentAsString()).contains("Skriv spørgsmålets tekst.");

        // The seed's grid question: its rows edited one per line, a grid of one row refused at the rows field.
        MvcResult oneRow = act(
                post(url(order, "/spoergeskema/spoergsmaal/behov"))
                        .param("text", "Hvor godt opfylder akutfunktionerne behovet?")
                        .param("type", "GRID")
                        .param("options", "Godt\nDårligt")
                        .param("rows", "Kun akut sygdom")
                        .param("required", "true"),
                "konsulent");
        Document oneRowPage = Jsoup.parse(oneRow.getResponse().getContentAsString());
        assertThat(oneRowPage.select("#rows-error").text()).contains("mindst to rækker");
        assertThat(oneRowPage.select("#rows").first().wholeText()).isEqualTo("Kun akut sygdom");
        act(
                post(url(order, "/spoergeskema/spoergsmaal/behov"))
                        .param("text", "Hvor godt opfylder akutfunktionerne behovet?")
                        .param("type", "GRID")
                        .param("options", "Godt\nDårligt")
                        .param("rows", "Akut sygdom\n<b>Psykisk</b> sygdom\n\nAkut sygdom")
                        .param("required", "true"),
                "konsulent");
        Question grid = surveys.find(order).orElseThrow().question("behov");
        assertThat(grid.rows())
                .as("blank lines and repeats left out")
                .containsExactly("Akut sygdom", "<b>Psykisk</b> sygdom");
        assertThat(page(order + "/spoergeskema", "koordinator"))
                .contains("Rækker: Akut sygdom · &lt;b&gt;Psykisk&lt;/b&gt; sygdom")
                .doesNotContain("<b>Psykisk");

        // The coordinator and the municipality comment; they do not edit.
        assertThat(act(
                                post(url(order, "/spoergeskema/spoergsmaal/kendskab"))
                                        .param("text", "X")
                                        .param("type", "TEXT"),
                                "koordinator")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(act(post(url(order, "/spoergeskema/frys")), "kommune")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        act(post(url(order, "/spoergeskema/frys")), "konsulent");
        SurveyView frozen = surveys.find(order).orElseThrow();
        assertThat(frozen.status()).isEqualTo(SurveyStatus.FROZEN);
        assertThat(frozen.versionFrozen()).isTrue();
        MvcResult refused = act(
                post(url(order, "/spoergeskema/spoergsmaal/kendskab"))
                        .param("text", "Ændret efter låsning")
                        .param("type", "TEXT"),
                "konsulent");
        assertThat(refused.getFlashMap().get("error")).isEqualTo("survey.frozen");
        assertThat(act(
                                post(url(order, "/spoergeskema/forslag"))
                                        .param("questionKey", "kendskab")
                                        .param("text", "For sent"),
                                "koordinator")
                        .getResponse()
                        .getStatus())
                .as("no proposals once frozen")
                .isEqualTo(404);

        // A new version before sending: version 1 stays frozen and unchanged; keys carry over.
        act(post(url(order, "/spoergeskema/ny-version")), "konsulent");
        SurveyView second = surveys.find(order).orElseThrow();
        assertThat(second.versionNumber()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(SurveyStatus.REVIEW);
        act(
                post(url(order, "/spoergeskema/spoergsmaal/kendskab"))
                        .param("text", "Kender du akutteamet?")
                        .param("type", "SCALE")
                        .param("options", "Ja\nNej"),
                "konsulent");
        assertThat(surveys.questionsOf(second.id(), 1))
                .filteredOn(q -> q.key().equals("kendskab"))
                .extracting(Question::text)
                .containsExactly("Hvad er dit kendskab til akutteamet?");
        assertThat(surveys.questionsOf(second.id(), 2).stream()
                        .map(Question::key)
                        .toList())
                .isEqualTo(keys);
        act(post(url(order, "/spoergeskema/frys")), "konsulent");
        fixtures.send(order);
        MvcResult late = act(post(url(order, "/spoergeskema/ny-version")), "konsulent");
        assertThat(late.getFlashMap().get("error"))
                .as("no new version after sending")
                .isEqualTo("survey.newVersion.notAllowed");
    }

    @Test
    void sendRemindOnlyNonRespondersCloseAndReopen() throws Exception {
        long order = fixtures.frozenOrder();
        assertThat(page(order + "/spoergeskema", "konsulent"))
                .contains("Send spørgeskemaet til de valgte", "Klyngens 11 medlemmer");
        Map<String, String> tokens = fixtures.send(order);
        assertThat(tokens).hasSize(11);
        assertThat(status(order)).isEqualTo("SURVEY_OPEN");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM order_task WHERE order_id = ? AND step = 'SURVEY_OPEN' AND done_at IS NOT NULL")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // The link lives only in the member's mail: the invitation keeps a hash, the sent mail's body is blanked.
        for (String token : tokens.values()) {
            assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE body LIKE ?")
                            .param("%" + token + "%")
                            .query(Integer.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM survey_invitation WHERE token_hash = ?")
                            .param(token)
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
        List<Question> questions = surveys.find(order).orElseThrow().questions();
        List<String> responders = List.of("anne.kjaer@example.dk", "bo.mikkelsen@example.dk");
        for (String member : responders) {
            assertThat(fixtures.answer(
                            tokens.get(member), questions.size(), SurveyFixtures.fullAnswer(questions, 1, "Tekst")))
                    .isEqualTo("/svar/tak");
        }
        String rate = page(order + "/spoergeskema", "koordinator");
        assertThat(rate)
                .contains("id=\"rate-invited\">11<", "id=\"rate-answered\">2 (18 %)<", "id=\"rate-bounced\">0<");
        assertThat(rate).as("never who answered").doesNotContain("anne.kjaer@example.dk", "bo.mikkelsen@example.dk");

        TestMailServer.purge();
        act(post(url(order, "/spoergeskema/paamind")), "konsulent");
        List<String> nonResponders = SurveyFixtures.MEMBERS.stream()
                .filter(m -> !responders.contains(m))
                .toList();
        nonResponders.forEach(m -> TestMailServer.awaitMail(m, "Påmindelse: spørgeskema"));
        responders.forEach(m ->
                assertThat(TestMailServer.received(m)).as("no reminder to " + m).isEmpty());

        // Reminder days: 2 days before the deadline the job reminds once; the day after the deadline it closes.
        var survey = surveys.find(order).orElseThrow();
        TestMailServer.purge();
        sending.deadlinesAndReminders(survey.closesOn().minusDays(2));
        sending.deadlinesAndReminders(survey.closesOn().minusDays(2));
        nonResponders.forEach(m -> TestMailServer.awaitMail(m, "Påmindelse: spørgeskema"));
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM mail_outbox WHERE recipient = 'jens.ravn@example.dk' AND reference = ?")
                        .param("survey:" + survey.id() + ":reminder")
                        .query(Integer.class)
                        .single())
                .as("the reminder by hand and one on the reminder day, not two")
                .isEqualTo(2);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM mail_outbox WHERE recipient = 'anne.kjaer@example.dk' AND reference = ?")
                        .param("survey:" + survey.id() + ":reminder")
                        .query(Integer.class)
                        .single())
                .isZero();

        act(post(url(order, "/spoergeskema/luk")), "konsulent");
        assertThat(surveys.find(order).orElseThrow().status()).isEqualTo(SurveyStatus.CLOSED);
        assertThat(status(order)).isEqualTo("SURVEY_CLOSED");
        assertThat(fixtures.open(tokens.get("jens.ravn@example.dk")))
                .as("closed: the link does not open")
                .isNull();

        MvcResult past = act(
                post(url(order, "/spoergeskema/genaabn"))
                        .param("closesOn", OrderFixtures.today().toString()),
                "konsulent");
        assertThat(past.getFlashMap().get("error")).isEqualTo("survey.send.closesOn");
        act(
                post(url(order, "/spoergeskema/genaabn"))
                        .param("closesOn", OrderFixtures.today().plusDays(3).toString()),
                "konsulent");
        assertThat(status(order)).isEqualTo("SURVEY_OPEN");
        assertThat(fixtures.open(tokens.get("jens.ravn@example.dk")))
                .as("reopened")
                .isNotNull();
        assertThat(fixtures.open(tokens.get("anne.kjaer@example.dk")))
                .as("answered stays answered")
                .isNull();

        sending.deadlinesAndReminders(OrderFixtures.today().plusDays(4));
        assertThat(surveys.find(order).orElseThrow().status())
                .as("closed at the deadline")
                .isEqualTo(SurveyStatus.CLOSED);

        jdbc.sql("UPDATE package_order SET status = 'DECK_READY' WHERE id = ?")
                .param(order)
                .update();
        MvcResult tooLate = act(
                post(url(order, "/spoergeskema/genaabn"))
                        .param("closesOn", OrderFixtures.today().plusDays(3).toString()),
                "konsulent");
        assertThat(tooLate.getFlashMap().get("error")).isEqualTo("survey.reopen.notAllowed");
    }

    @Test
    void anUnsentSurveySaysSoAndFreezingAndSendingAskFirst() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        String page = mvc.perform(get("/bestillinger/" + order + "/resultater").with(users.as("koordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Spørgeskemaet er ikke sendt ud endnu").doesNotContain("0 af 0");
        String review = mvc.perform(
                        get("/bestillinger/" + order + "/spoergeskema").with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        dk.samspil.web.Confirmations.assertAsksFirst(review, "/spoergeskema/frys", "Vil du låse versionen?");
        mvc.perform(post("/bestillinger/" + order + "/spoergeskema/frys")
                .with(csrf())
                .with(users.as("konsulent")));
        String frozen = mvc.perform(
                        get("/bestillinger/" + order + "/spoergeskema").with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        dk.samspil.web.Confirmations.assertAsksFirst(frozen, "/spoergeskema/send", "Vil du sende?");
    }

    @Test
    void resultsHiddenBelowThreeThenCountedAndExportedCellByCell() throws Exception {
        long order = fixtures.frozenOrder();
        Map<String, String> tokens = fixtures.send(order);
        List<Question> questions = surveys.find(order).orElseThrow().questions();
        List<String> emails = new ArrayList<>(tokens.keySet());
        String hostile = "=HYPERLINK(\"http://evil.example\",\"klik\")";
        fixtures.answer(tokens.get(emails.get(0)), questions.size(), SurveyFixtures.fullAnswer(questions, 0, hostile));
        fixtures.answer(
                tokens.get(emails.get(1)), questions.size(), SurveyFixtures.fullAnswer(questions, 1, "<b>fed</b> æøå"));

        String hidden = page(order + "/resultater", "kommune");
        assertThat(hidden)
                .contains("Resultaterne vises, når mindst 3 har svaret")
                .doesNotContain("&lt;b&gt;fed");
        assertThat(mvc.perform(get("/bestillinger/" + order + "/resultater.csv").with(users.as("konsulent")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("no export below the threshold")
                .isEqualTo(404);

        Map<String, List<String>> third = SurveyFixtures.fullAnswer(questions, 1, "-1+1 @SUM\ttab");
        third.put("q.henvisning", List.of("Elektronisk henvisning", Answering.OTHER));
        third.put("q.henvisning.other", List.of("Via vagtlægen"));
        fixtures.answer(tokens.get(emails.get(2)), questions.size(), third);

        String shown = page(order + "/resultater", "kommune");
        assertThat(shown)
                .contains(
                        "3 af 11 inviterede har svaret (27 %)",
                        "&lt;b&gt;fed&lt;/b&gt; æøå", "Via vagtlægen", "Flere kryds var muligt");
        SurveyResults.Results results = resultsOf(order);
        SurveyResults.QuestionResult kendskab = result(results, "kendskab");
        assertThat(kendskab.options())
                .extracting(SurveyResults.OptionCount::count)
                .containsExactly(1, 2, 0, 0, 0);
        assertThat(kendskab.options())
                .extracting(SurveyResults.OptionCount::percent)
                .containsExactly(33, 67, 0, 0, 0);
        SurveyResults.QuestionResult henvisning = result(results, "henvisning");
        assertThat(henvisning.options())
                .extracting(SurveyResults.OptionCount::label)
                .endsWith("Andet");
        assertThat(henvisning.options().get(0).count()).as("counted per option").isEqualTo(2);
        assertThat(henvisning.options().get(1).count()).isEqualTo(2);
        assertThat(henvisning.options().get(2).count()).isEqualTo(1);
        assertThat(henvisning.options().get(henvisning.options().size() - 1).count())
                .isEqualTo(1);
        // The grid: each patient group counted on its own row (answers 0, 1, 1: row r got option variant + r).
        SurveyResults.QuestionResult behov = result(results, "behov");
        assertThat(behov.answered()).isEqualTo(3);
        assertThat(behov.rows())
                .extracting(SurveyResults.RowResult::label)
                .containsExactly("Akut sygdom", "Kronisk sygdom", "Psykisk sygdom", "Komplekse tilstande");
        assertThat(behov.rows())
                .extracting(row -> row.options().stream()
                        .map(SurveyResults.OptionCount::count)
                        .toList())
                .containsExactly(
                        List.of(1, 2, 0, 0, 0), List.of(0, 1, 2, 0, 0), List.of(0, 0, 1, 2, 0), List.of(0, 0, 0, 1, 2));
        assertThat(behov.rows().get(0).options())
                .extracting(SurveyResults.OptionCount::percent)
                .containsExactly(33, 67, 0, 0, 0);
        org.jsoup.nodes.Element gridTable = Jsoup.parse(shown).selectFirst("#r-behov ~ div table.samspil-grid-table");
        assertThat(gridTable).as("the grid's table on the results page").isNotNull();
        assertThat(gridTable.select("tbody tr").eachText())
                .containsExactly(
                        "Akut sygdom 1 (33 %) 2 (67 %) 0 (0 %) 0 (0 %) 0 (0 %) 3",
                        "Kronisk sygdom 0 (0 %) 1 (33 %) 2 (67 %) 0 (0 %) 0 (0 %) 3",
                        "Psykisk sygdom 0 (0 %) 0 (0 %) 1 (33 %) 2 (67 %) 0 (0 %) 3",
                        "Komplekse tilstande 0 (0 %) 0 (0 %) 0 (0 %) 1 (33 %) 2 (67 %) 3");
        assertThat(result(results, "patientgrupper").texts())
                .containsExactlyInAnyOrder(hostile, "<b>fed</b> æøå", "-1+1 @SUM\ttab");

        byte[] csv = mvc.perform(
                        get("/bestillinger/" + order + "/resultater.csv").with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(csv[0]).as("UTF-8 BOM").isEqualTo((byte) 0xEF);
        List<CSVRecord> records;
        try (var reader =
                new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(';')
                    .get()
                    .parse(reader)
                    .getRecords();
        }
        byte[] xlsx = mvc.perform(
                        get("/bestillinger/" + order + "/resultater.xlsx").with(users.as("admin")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<List<String>> sheet = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet answers = workbook.getSheet("Svar");
            for (Row row : answers) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    assertThat(cell.getCellType())
                            .as("every cell is text, never a formula")
                            .isEqualTo(CellType.STRING);
                    String text = cell.getStringCellValue();
                    assertThat(cell.getCellStyle().getQuotePrefixed())
                            .as("quote-prefixed when it looks like a formula")
                            .isEqualTo(!dk.samspil.office.Spreadsheets.neutralise(text)
                                    .equals(text));
                    // As the CSV has it: there the apostrophe is in the text.
                    cells.add(dk.samspil.office.Spreadsheets.neutralise(text));
                }
                sheet.add(cells);
            }
        }
        int columns = 1
                + questions.stream()
                        .mapToInt(q -> q.grid() ? q.rows().size() : 1)
                        .sum()
                + (int) questions.stream().filter(Question::other).count();
        assertThat(records).hasSize(4);
        assertThat(sheet).hasSize(4);
        for (int r = 0; r < 4; r++) {
            List<String> csvRow = records.get(r).toList();
            assertThat(csvRow).hasSize(columns);
            assertThat(sheet.get(r))
                    .as("row " + r + " the same in CSV and XLSX")
                    .isEqualTo(csvRow);
            for (String cell : csvRow) {
                assertThat(cell)
                        .as("no cell starts a formula")
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("-")
                        .doesNotStartWith("@")
                        .doesNotStartWith("\t")
                        .doesNotStartWith("\r");
            }
        }
        assertThat(records.get(0).get(1)).isEqualTo("1. " + questions.get(0).text());
        int textColumn =
                records.get(0).toList().indexOf("3. " + questions.get(2).text());
        List<String> texts =
                records.subList(1, 4).stream().map(r -> r.get(textColumn)).toList();
        assertThat(texts).containsExactlyInAnyOrder("'" + hostile, "<b>fed</b> æøå", "'-1+1 @SUM\ttab");
        // A grid's rows are a column each: the patient group's answer on the scale.
        int acuteColumn =
                records.get(0).toList().indexOf("2. " + questions.get(1).text() + " – Akut sygdom");
        assertThat(acuteColumn).isPositive();
        assertThat(records.subList(1, 4).stream().map(r -> r.get(acuteColumn)).toList())
                .containsExactlyInAnyOrder("Meget godt", "Godt", "Godt");
        assertThat(records.subList(1, 4).stream()
                        .map(r -> r.get(acuteColumn + 3))
                        .toList())
                .as("Komplekse tilstande")
                .containsExactlyInAnyOrder("Dårligt", "Ved ikke", "Ved ikke");
        int henvisningColumn =
                records.get(0).toList().indexOf("7. " + questions.get(6).text());
        assertThat(records.subList(1, 4).stream()
                        .map(r -> r.get(henvisningColumn + 1))
                        .toList())
                .contains("Via vagtlægen");
    }

    private SurveyResults.Results resultsOf(long order) {
        return resultsService.forOrder(order).orElseThrow();
    }

    @Autowired
    SurveyResults resultsService;

    private static SurveyResults.QuestionResult result(SurveyResults.Results results, String key) {
        return results.questions().stream()
                .filter(r -> r.question().key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    private String status(long order) {
        return jdbc.sql("SELECT status FROM package_order WHERE id = ?")
                .param(order)
                .query(String.class)
                .single();
    }

    private String page(String path, String user) throws Exception {
        MvcResult result =
                mvc.perform(get("/bestillinger/" + path).with(users.as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path + " as " + user).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private MvcResult act(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(users.as(user)).with(csrf())).andReturn();
    }

    private static String url(long order, String rest) {
        return "/bestillinger/" + order + rest;
    }
}
