package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator reads the audit log with filters and pages, and exports it; downloads and changes are in it. */
@SamspilTest
class AuditLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    String who;

    @BeforeEach
    void someEntriesOfOneUser() {
        who = "revideret." + System.nanoTime() + "@example.dk";
        for (int i = 0; i < 55; i++) {
            auditLog.record(who, "TEST_READ", "order:" + i, "198.51.100.7");
        }
        auditLog.record(who, "TEST_FORMULA", "=HYPERLINK(\"http://evil\")", "198.51.100.7");
        jdbc.sql(
                        "UPDATE audit_log SET occurred_at = timestamptz '2026-03-10 12:00+01' WHERE username = ? AND target = 'order:0'")
                .param(who)
                .update();
    }

    @Test
    void theAdministratorFiltersByWhoWhatAndDateAndPagesThroughTheLog() throws Exception {
        Document first = page("/admin/log?hvem=" + who + "&hvad=TEST_READ");
        assertThat(first.select("tbody tr")).hasSize(AuditTrail.PAGE_SIZE);
        assertThat(first.text()).contains("55 hændelser · side 1 af 2");
        assertThat(first.select("tbody").text()).doesNotContain("TEST_FORMULA");
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).contains("side=2");
        Document second = page(next);
        assertThat(second.select("tbody tr")).hasSize(5);
        assertThat(second.select("a[rel=prev]")).hasSize(1);

        Document march = page("/admin/log?hvem=" + who + "&fra=2026-03-10&til=2026-03-10");
        assertThat(march.select("tbody tr")).hasSize(1);
        assertThat(march.text()).contains("order:0", "10.03.2026");
    }

    @Test
    void theLogIsFilteredByTheOrganisationOfWhoActedOrOfWhatWasDone() throws Exception {
        mvc.perform(get("/aftaler.xlsx").with(users.as("konsulent"))).andReturn();
        Document kiap = page("/admin/log?hvem=konsulent&organisation=P:KIAP&hvad=DOWNLOAD");
        assertThat(kiap.text()).contains("/aftaler.xlsx");
        Document midt = page("/admin/log?hvem=konsulent&organisation=P:MIDTKRAFT&hvad=DOWNLOAD");
        assertThat(midt.select("tbody tr")).isEmpty();
    }

    @Test
    void aBadFilterIsAnsweredAtTheField() throws Exception {
        Document bad = page("/admin/log?fra=2026-05-02&til=2026-05-01&organisation=noget");
        assertThat(bad.select("#til-error").text())
                .contains("Til-datoen skal være samme dag som fra-datoen eller senere.");
        assertThat(bad.select("#organisation-error").text()).contains("Vælg en organisation fra listen.");
        assertThat(page("/admin/log?fra=ikke-en-dato").select("#fra-error").text())
                .contains("Skriv en gyldig dato.");
    }

    @Test
    void theExportsHoldTheFilteredEntriesWithNoCellAbleToStartAFormula() throws Exception {
        String csv = new String(
                mvc.perform(get("/admin/log.csv?hvem=" + who).with(users.as("admin")))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFTidspunkt;Hvem;Handling;Hvad;Organisation;Adresse");
        assertThat(csv.lines().count()).isEqualTo(1 + 56);
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK", ";\"=HYPERLINK");

        byte[] xlsx = mvc.perform(get("/admin/log.xlsx?hvem=" + who + "&hvad=TEST_FORMULA")
                        .with(users.as("admin")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            var cell = sheet.getRow(1).getCell(3);
            assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
        }
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_log WHERE username = 'admin' AND action = 'DOWNLOAD' AND target = '/admin/log.xlsx'")
                        .query(Integer.class)
                        .single())
                .as("exporting the log is itself in the log")
                .isPositive();
    }

    @Test
    void aSavedChangeToTheRegistersIsRecordedWithItsAddress() throws Exception {
        long demo = jdbc.sql("SELECT id FROM cluster WHERE name = 'Demoklyngen'")
                .query(Long.class)
                .single();
        String email = "logget." + System.nanoTime() + "@example.dk";
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/klynger/" + demo + "/medlemmer")
                                .with(users.as("koordinator"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("name", "Logget Medlem")
                                .param("email", email))
                .andReturn();
        assertThat(jdbc.sql(
                                "SELECT organisation FROM audit_log WHERE username = 'koordinator' AND action = 'CHANGE' AND target = ? ORDER BY id DESC LIMIT 1")
                        .param("/klynger/" + demo + "/medlemmer")
                        .query(String.class)
                        .single())
                .isEqualTo("C:" + demo);
    }

    private Document page(String path) throws Exception {
        var response =
                mvc.perform(get(path).with(users.as("admin"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
