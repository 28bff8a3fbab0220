package dk.samspil.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.meeting.Meetings.AgreementDraft;
import dk.samspil.ordering.Party;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The agreements overview across meetings: each user sees the agreements of the orders they see and no others,
 * filters narrow them, the XLSX holds the same rows with no formula, and the KLU agenda item is a Word document
 * only for those who see the order.
 */
@SamspilTest
class AgreementOverviewTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Meetings meetings;

    /** Unique per test, so agreements made by other tests (and runs) do not count. */
    String mark;

    long aarhusOrder;
    long herningOrder;

    @BeforeEach
    void twoOrdersInTwoClustersWithAgreements() throws Exception {
        mark = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = OrderFixtures.today();
        aarhusOrder = OrderFixtures.placeOrder(mvc, users, "akutfunktioner", today.plusWeeks(12), "kommune@example.dk");
        herningOrder = placeHerningOrder(today.plusWeeks(13));
        add(aarhusOrder, "Aarhus overdue " + mark, "", Party.MUNICIPALITY, today.minusDays(5));
        add(aarhusOrder, "Aarhus later " + mark, "Anne Kjær", Party.CLUSTER, today.plusMonths(2));
        long done = add(aarhusOrder, "Aarhus done overdue date " + mark, "Anne Kjær", null, today.minusDays(10));
        meetings.changeStatus(
                meetings.idOf(MeetingOwner.order(aarhusOrder)),
                done,
                AgreementStatus.AGREED,
                AgreementStatus.DONE,
                null,
                "test");
        add(herningOrder, "=cmd|' /C calc'!A0 Herning " + mark, "Henrik Leder", Party.MUNICIPALITY, today.minusDays(1));
    }

    @Test
    void eachUserSeesTheAgreementsOfTheOrdersTheySeeAndNoOthers() throws Exception {
        assertThat(page("/aftaler", "koordinator"))
                .contains("Aarhus overdue " + mark, "Aarhus later " + mark)
                .doesNotContain("Herning " + mark, "Vestklyngen");
        assertThat(page("/aftaler", "kommune2"))
                .contains("Herning " + mark, "Herning")
                .doesNotContain(
                        "Aarhus overdue " + mark, "Aarhus later " + mark); // Demoklyngen may name Herning elsewhere
        assertThat(page("/aftaler", "koordinator2")).contains("Herning " + mark).doesNotContain("Aarhus later " + mark);
        assertThat(page("/aftaler", "kommune")).contains("Aarhus later " + mark).doesNotContain("Herning " + mark);
        assertThat(page("/aftaler", "konsulent")).contains("Aarhus overdue " + mark, "Herning " + mark);
        assertThat(page("/aftaler", "admin")).contains("Aarhus overdue " + mark, "Herning " + mark);
        assertThat(page("/aftaler", "midtkraft")).doesNotContain(mark);
        assertThat(mvc.perform(get("/aftaler").with(users.as("pko")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theListLinksToTheMeetingAndMarksOverdueAgreements() throws Exception {
        String html = page("/aftaler", "koordinator");
        assertThat(html)
                .contains(
                        "/bestillinger/" + aarhusOrder + "/moede#aftale-",
                        "Frist",
                        "Klynge",
                        "Kommune",
                        "Aarhus",
                        "samspil-overdue",
                        "href=\"/aftaler\"");
    }

    @Test
    void filtersByStatusOverdueClusterAndMunicipality() throws Exception {
        assertThat(page("/aftaler?status=DONE", "konsulent"))
                .contains("Aarhus done overdue date " + mark)
                .doesNotContain("Aarhus later " + mark, "Aarhus overdue " + mark, "Herning " + mark);
        assertThat(page("/aftaler?forfaldne=true", "konsulent"))
                .contains("Aarhus overdue " + mark, "Herning " + mark)
                .doesNotContain("Aarhus later " + mark, "Aarhus done overdue date " + mark);
        long vest = jdbc.sql("SELECT id FROM cluster WHERE name = 'Vestklyngen'")
                .query(Long.class)
                .single();
        assertThat(page("/aftaler?klynge=" + vest, "konsulent"))
                .contains("Herning " + mark)
                .doesNotContain("Aarhus later " + mark);
        assertThat(page("/aftaler?kommune=0751", "konsulent"))
                .contains("Aarhus later " + mark)
                .doesNotContain("Herning " + mark);
        // A cluster the user does not see filters to nothing rather than showing it.
        assertThat(page("/aftaler?klynge=" + vest, "koordinator")).doesNotContain(mark);
    }

    @Test
    void theSpreadsheetHoldsTheSameRowsAsTextWithFormulasNeutralised() throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/aftaler.xlsx").param("forfaldne", "true").with(users.as("konsulent")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(AgreementOverviewController.XLSX.toString());
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> quotePrefixed = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.NUMERIC);
                    cells.add(
                            cell.getCellType() == CellType.STRING
                                    ? cell.getStringCellValue()
                                    : String.valueOf(cell.getNumericCellValue()));
                    if (cell.getColumnIndex() == 0) {
                        quotePrefixed.add(cell.getCellStyle().getQuotePrefixed());
                    }
                }
                rows.add(cells);
            }
        }
        assertThat(rows.get(0)).startsWith("Aftale", "Hvem", "Frist", "Status").contains("Klynge", "Kommune");
        List<List<String>> mine =
                rows.stream().filter(r -> r.get(0).contains(mark)).toList();
        assertThat(mine).hasSize(2);
        List<String> herning = mine.stream()
                .filter(r -> r.get(0).contains("Herning"))
                .findFirst()
                .orElseThrow();
        assertThat(herning.get(0))
                .as("shown as typed: a string cell never evaluates, no apostrophe in view")
                .isEqualTo("=cmd|' /C calc'!A0 Herning " + mark);
        assertThat(quotePrefixed.get(rows.indexOf(herning)))
                .as("and it stays text when edited")
                .isTrue();
        assertThat(herning)
                .contains(
                        "Henrik Leder (Kommunen)",
                        "Aftalt",
                        "Vestklyngen",
                        "Herning",
                        OrderFixtures.today().minusDays(1).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        // The page with the same filter shows the same agreements.
        String html = page("/aftaler?forfaldne=true", "konsulent");
        assertThat(html).contains((rows.size() - 1) + " aftaler");
        assertThat(html).contains("Aarhus overdue " + mark, "Herning " + mark).doesNotContain("Aarhus later " + mark);
        assertThat(html).contains("/aftaler.xlsx?forfaldne=true");
    }

    @Test
    void theKluAgendaItemIsRefusedBeforeTheMeetingDayWithADanishMessage() throws Exception {
        MockHttpServletResponse refused = mvc.perform(get("/bestillinger/" + aarhusOrder + "/moede/klu-punkt.docx")
                        .with(users.as("kommune")))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(302);
        assertThat(refused.getRedirectedUrl()).isEqualTo("/bestillinger/" + aarhusOrder + "/moede#aftaler");
        String html = page("/bestillinger/" + aarhusOrder + "/moede", "koordinator");
        assertThat(html).doesNotContain("/moede/klu-punkt.docx").contains("Punktet til KLU kan hentes fra mødedagen");
    }

    @Test
    void theKluAgendaItemListsTheMeetingsAgreementsForThoseWhoSeeTheOrder() throws Exception {
        jdbc.sql("UPDATE package_order SET meeting_date = ? WHERE id = ?")
                .params(OrderFixtures.today(), aarhusOrder)
                .update();
        MockHttpServletResponse response = mvc.perform(get("/bestillinger/" + aarhusOrder + "/moede/klu-punkt.docx")
                        .with(users.as("kommune")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }
        assertThat(text)
                .contains(
                        "Punkt til KLU: opfølgning på klyngemødet om",
                        "med Demoklyngen",
                        "Kommunens aftaler",
                        "Aarhus overdue " + mark,
                        "Aarhus later " + mark,
                        "Aarhus done overdue date " + mark,
                        "Gennemført",
                        "fristen er overskredet",
                        "Forslag til beslutning",
                        "Det indstilles, at KLU");
        assertThat(text.indexOf("Aarhus overdue " + mark)).isLessThan(text.indexOf("Øvrige aftaler"));
        assertThat(text).doesNotContain("Herning " + mark);
        assertThat(page("/bestillinger/" + aarhusOrder + "/moede", "koordinator"))
                .contains("/moede/klu-punkt.docx", "Punkt til KLU");
        for (String outsider : List.of("kommune2", "koordinator2", "midtkraft", "pko")) {
            assertThat(mvc.perform(get("/bestillinger/" + aarhusOrder + "/moede/klu-punkt.docx")
                                    .with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
        }
    }

    private long add(long order, String what, String person, Party party, LocalDate due) {
        return meetings.addAgreement(
                meetings.idOf(MeetingOwner.order(order)), new AgreementDraft(what, person, party, due, null), "test");
    }

    private String page(String path, String user) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).with(users.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " as " + user).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The akutfunktion package for Vestklyngen with Herning, ordered by its coordinator. */
    private long placeHerningOrder(LocalDate meeting) throws Exception {
        String location = mvc.perform(post("/bestillinger")
                        .with(csrf())
                        .with(users.as("koordinator2"))
                        .param("packageSlug", "akutfunktioner")
                        .param("meetingDate", meeting.toString())
                        .param("startTime", "16:00")
                        .param("venue", "Lægehuset Herning Midt")
                        .param("municipalityCodes", "0657")
                        .param("participants[0].name", "Henrik Leder")
                        .param("participants[0].email", "kommune2@example.dk")
                        .param("participants[0].role", "Leder, akutteamet")
                        .param("participants[0].municipalityCode", "0657")
                        .param("firstContact", "PROVIDER")
                        .param("coordinatorPhone", OrderFixtures.PHONE)
                        .param(
                                "callbackAt",
                                OrderFixtures.today()
                                        .plusDays(3)
                                        .atTime(10, 0)
                                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"))))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/bestillinger/");
        return Long.parseLong(location.substring("/bestillinger/".length()));
    }
}
