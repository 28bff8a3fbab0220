package dk.samspil.pko.audit;

import static dk.samspil.pko.audit.AuditFixtures.CONSULTANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The three steps of an audit, each refused out of turn, and the privacy of its cases. */
@SamspilTest
class AuditFlowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    AuditFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AuditFixtures(mvc, users, jdbc);
    }

    @Test
    void refusesAuditCasesBeforeApprovalWithADanishMessage() throws Exception {
        long audit = fixtures.plan("Audit før godkendelse " + AuditFixtures.marker());
        MvcResult refused =
                fixtures.result(post("/pko/audit/" + audit + "/sager").param("caseNumbers", "AUH-2024-1"), CONSULTANT);
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString())
                .contains("Auditten er ikke godkendt af den administrative ledelse");
        fixtures.request(audit);
        assertThat(fixtures.addCases(audit, List.of("AUH-2024-1"))).isEqualTo(200); // requested, not yet approved
        assertThat(count("SELECT count(*) FROM pko_audit_case WHERE audit_id = ?", audit))
                .isZero();
    }

    @Test
    void theApproversLinkAnswersOnceAndOnlyForItsOwnAudit() throws Exception {
        long audit = fixtures.plan("Audit med link " + AuditFixtures.marker());
        long other = fixtures.plan("Anden audit " + AuditFixtures.marker());
        String link = fixtures.request(audit);
        fixtures.request(other);
        String token = link.substring(link.lastIndexOf('/') + 1);
        // The link opens its own audit without sign-in, and no other.
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString())
                .contains("Godkendelse af audit");
        assertThat(mvc.perform(get("/audit-godkendelse/" + other + "/" + token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/audit-godkendelse/" + other + "/" + token)
                                .with(csrf())
                                .param("decision", "APPROVE")
                                .param("name", "Ida Lund")
                                .param("title", "Vicedirektør"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(status(other)).isEqualTo("REQUESTED");
        // Without a name the answer is refused at the field; the link still works.
        MvcResult missing = mvc.perform(post(link).with(csrf()).param("decision", "APPROVE"))
                .andReturn();
        assertThat(missing.getResponse().getContentAsString()).contains("Udfyld feltet.");
        assertThat(fixtures.approve(link)).isEqualTo(302);
        assertThat(status(audit)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT decided_by_name || ', ' || decided_by_title FROM pko_audit WHERE id = ?")
                        .param(audit)
                        .query(String.class)
                        .single())
                .isEqualTo("Ida Lund, Vicedirektør");
        // Once.
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(fixtures.approve(link)).isEqualTo(404);
        assertThat(fixtures.addCases(audit, List.of("AUH-2024-2"))).isEqualTo(302);
    }

    @Test
    void aNewRequestRetiresTheEarlierLink() throws Exception {
        long audit = fixtures.plan("Audit sendt igen " + AuditFixtures.marker());
        String first = fixtures.request(audit);
        String second = fixtures.request(audit);
        assertThat(fixtures.approve(first)).isEqualTo(404);
        assertThat(mvc.perform(post(second)
                                .with(csrf())
                                .param("decision", "REFUSE")
                                .param("name", "Ida Lund")
                                .param("title", "Vicedirektør"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(status(audit)).isEqualTo("REFUSED");
        assertThat(fixtures.addCases(audit, List.of("AUH-2024-3"))).isEqualTo(200);
    }

    @Test
    void anUploadedApprovalLetterApprovesAndOnlyPdfOrWordIsTaken() throws Exception {
        long audit = fixtures.plan("Audit med brev " + AuditFixtures.marker());
        MockMultipartFile text = new MockMultipartFile("file", "brev.pdf", "application/pdf", "ikke en pdf".getBytes());
        MvcResult refused = fixtures.result(
                multipart("/pko/audit/" + audit + "/godkendelsesbrev")
                        .file(text)
                        .param("approverName", "Ida Lund")
                        .param("approverTitle", "Vicedirektør"),
                CONSULTANT);
        assertThat(refused.getResponse().getContentAsString())
                .contains("Filen skal være en PDF eller et Word-dokument");
        assertThat(status(audit)).isEqualTo("PLANNED");
        MockMultipartFile pdf = new MockMultipartFile(
                "file", "godkendelse.pdf", "application/pdf", "%PDF-1.4\n% godkendt\n".getBytes());
        assertThat(fixtures.perform(
                        multipart("/pko/audit/" + audit + "/godkendelsesbrev")
                                .file(pdf)
                                .param("approverName", "Ida Lund")
                                .param("approverTitle", "Vicedirektør"),
                        CONSULTANT))
                .isEqualTo(302);
        assertThat(status(audit)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT decided_how FROM pko_audit WHERE id = ?")
                        .param(audit)
                        .query(String.class)
                        .single())
                .isEqualTo("LETTER");
        assertThat(mvc.perform(get("/pko/audit/" + audit + "/godkendelsesbrev/fil")
                                .with(users.as(CONSULTANT)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .startsWith("%PDF-");
        // Approved: a second letter is refused.
        assertThat(fixtures.result(
                                multipart("/pko/audit/" + audit + "/godkendelsesbrev")
                                        .file(pdf)
                                        .param("approverName", "Ida Lund")
                                        .param("approverTitle", "Vicedirektør"),
                                CONSULTANT)
                        .getResponse()
                        .getContentAsString())
                .contains("Auditten er allerede godkendt");
    }

    @Test
    void theCaseFormRefusesCprNumbersNamesAndMoreThanTwentyCases() throws Exception {
        long audit = approvedAudit("Audit med sagsnumre ");
        for (String bad : List.of("AUH-1\n010190-1234", "0101901234", "Jens Hansen", "Hansen")) {
            MvcResult refused =
                    fixtures.result(post("/pko/audit/" + audit + "/sager").param("caseNumbers", bad), CONSULTANT);
            assertThat(refused.getResponse().getStatus()).isEqualTo(200);
            assertThat(refused.getResponse().getContentAsString())
                    .containsAnyOf("ligner et CPR-nummer", "ligner et navn");
        }
        assertThat(count("SELECT count(*) FROM pko_audit_case WHERE audit_id = ?", audit))
                .isZero();
        List<String> numbers = AuditFixtures.caseNumbers("AUH-" + audit);
        assertThat(fixtures.addCases(audit, numbers.subList(0, 15))).isEqualTo(302);
        MvcResult tooMany = fixtures.result(
                post("/pko/audit/" + audit + "/sager")
                        .param("caseNumbers", String.join("\n", numbers.subList(14, 20)) + "\nAUH-X-21"),
                CONSULTANT);
        assertThat(tooMany.getResponse().getContentAsString()).contains("præcis 20 sager");
        assertThat(fixtures.addCases(audit, List.of(numbers.get(0)))).isEqualTo(200); // a duplicate
        assertThat(fixtures.addCases(audit, numbers.subList(15, 20))).isEqualTo(302);
        assertThat(count("SELECT count(*) FROM pko_audit_case WHERE audit_id = ?", audit))
                .isEqualTo(20);
        // A remark with a CPR number is refused, nothing of the case saved.
        long caseId = jdbc.sql("SELECT min(id) FROM pko_audit_case WHERE audit_id = ?")
                .param(audit)
                .query(Long.class)
                .single();
        long criterion = jdbc.sql("SELECT min(id) FROM pko_audit_criterion WHERE audit_id = ?")
                .param(audit)
                .query(Long.class)
                .single();
        MvcResult cpr = fixtures.result(
                post("/pko/audit/" + audit + "/sager/" + caseId)
                        .param("lookups", "true")
                        .param("verdict-" + criterion, "MET")
                        .param("remark-" + criterion, "Pt. 010190-1234"),
                CONSULTANT);
        assertThat(cpr.getResponse().getContentAsString()).contains("Teksten ligner et CPR-nummer");
        assertThat(count("SELECT count(*) FROM pko_audit_assessment WHERE case_id = ?", caseId))
                .isZero();
    }

    @Test
    void completionNeedsTwentyAssessedCasesAndActionsWhereACriterionWasNotMet() throws Exception {
        long audit = approvedAudit("Audit der afsluttes ");
        assertThat(fixtures.result(
                                post("/pko/audit/" + audit + "/afslut").param("conclusions", "For tidligt"), CONSULTANT)
                        .getResponse()
                        .getContentAsString())
                .contains("præcis 20 sager");
        fixtures.addCases(audit, AuditFixtures.caseNumbers("RH-" + audit));
        assertThat(fixtures.result(
                                post("/pko/audit/" + audit + "/afslut").param("conclusions", "For tidligt"), CONSULTANT)
                        .getResponse()
                        .getContentAsString())
                .contains("Alle 20 sager skal være vurderet");
        fixtures.assessAll(audit, "bemærkning");
        assertThat(fixtures.result(
                                post("/pko/audit/" + audit + "/afslut").param("conclusions", "Uden handlinger"),
                                CONSULTANT)
                        .getResponse()
                        .getContentAsString())
                .contains("Skriv, hvad der skal gøres");
        assertThat(fixtures.complete(audit)).isEqualTo(302);
        assertThat(status(audit)).isEqualTo("COMPLETED");
        int criteria = count("SELECT count(*) FROM pko_audit_criterion WHERE audit_id = ?", audit);
        assertThat(jdbc.sql(
                                "SELECT met, not_met, not_relevant FROM pko_audit_result WHERE audit_id = ? AND position = 1")
                        .param(audit)
                        .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                        .single())
                .containsExactly(0, 20, 0);
        assertThat(count("SELECT count(*) FROM pko_audit_result WHERE audit_id = ? AND met = 20", audit))
                .isEqualTo(criteria - 1);
        // Completed: no step can be taken again.
        assertThat(fixtures.complete(audit)).isEqualTo(200);
        assertThat(fixtures.addCases(audit, List.of("RH-NY-1"))).isEqualTo(200);
        String report = fixtures.page("/pko/audit/" + audit + "/rapport", CONSULTANT);
        assertThat(report).contains("Auditten er afsluttet", "Afdelingen skriver en nyhedsmail");
        // Reported to the unit's practice coordinator, who (like the medical coordinator) reads the report.
        String title = jdbc.sql("SELECT title FROM pko_audit WHERE id = ?")
                .param(audit)
                .query(String.class)
                .single();
        String mail = TestMailServer.text(
                TestMailServer.awaitMail("pkokoordinator@example.dk", "Resultat af audit: " + title));
        assertThat(mail).contains("1. ", ": 0 / 20 / 0", "/pko/audit/" + audit + "/rapport");
        assertThat(fixtures.page("/pko/audit/" + audit + "/rapport", PkoDemo.COORDINATOR))
                .contains("Afdelingen skriver en nyhedsmail");
        assertThat(fixtures.page("/pko/audit/" + audit + "/rapport", PkoDemo.MEDICAL_COORDINATOR))
                .contains("Afdelingen skriver en nyhedsmail");
        assertThat(fixtures.page("/pko/audit", PkoDemo.COORDINATOR)).contains(title);
    }

    @Test
    void aCompletedAuditLeavesNoTraceOfItsCasesInAnyTableOrDocument() throws Exception {
        String caseMarker = AuditFixtures.marker();
        String remarkMarker = AuditFixtures.marker();
        long audit = approvedAudit("Audit uden spor ");
        List<String> numbers = AuditFixtures.caseNumbers(caseMarker);
        fixtures.addCases(audit, numbers);
        fixtures.assessAll(audit, remarkMarker);
        List<String> markers = new ArrayList<>(numbers);
        markers.add(caseMarker);
        markers.add(remarkMarker);
        assertThat(tablesHolding(caseMarker))
                .as("the cases are there before completion")
                .contains("pko_audit_case");
        assertThat(tablesHolding(remarkMarker)).contains("pko_audit_assessment");
        assertThat(fixtures.complete(audit)).isEqualTo(302);

        for (String marker : List.of(caseMarker, remarkMarker)) {
            assertThat(tablesHolding(marker)).as("tables with " + marker).isEmpty();
        }
        byte[] docx = mvc.perform(get("/pko/audit/" + audit + "/rapport.docx").with(users.as(CONSULTANT)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text;
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            text = extractor.getText();
        }
        assertThat(text).contains("Resultat", "Afdelingen skriver en nyhedsmail");
        assertThat(markers).noneMatch(text::contains);
        String page = fixtures.page("/pko/audit/" + audit + "/rapport", CONSULTANT)
                + fixtures.page("/pko/audit/" + audit, CONSULTANT);
        assertThat(markers).noneMatch(page::contains);
        for (var mail : TestMailServer.greenMail().getReceivedMessages()) {
            String body = TestMailServer.text(mail);
            assertThat(markers).noneMatch(body::contains);
        }
        assertThat(jdbc.sql("SELECT target FROM audit_log WHERE action = 'PKO_AUDIT_CASES_DELETED' AND target LIKE ?")
                        .param("pko-audit:" + audit + ":%")
                        .query(String.class)
                        .single())
                .isEqualTo("pko-audit:" + audit + ":cases=20:assessments="
                        + 20 * count("SELECT count(*) FROM pko_audit_criterion WHERE audit_id = ?", audit));
    }

    /**
     * Every base table of every schema of the database, each row cast to text: the tables where the text occurs.
     * No statistics views: plain SELECTs over the rows themselves.
     */
    private List<String> tablesHolding(String text) {
        List<String> tables = jdbc.sql("""
                        SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""").query(String.class).list();
        assertThat(tables).hasSizeGreaterThan(20);
        List<String> holding = new ArrayList<>();
        for (String table : tables) {
            int rows = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, ?) > 0")
                    .param(text)
                    .query(Integer.class)
                    .single();
            if (rows > 0) {
                holding.add(table.substring(table.indexOf('.') + 1));
            }
        }
        return holding;
    }

    private long approvedAudit(String title) throws Exception {
        long audit = fixtures.plan(title + AuditFixtures.marker());
        assertThat(fixtures.approve(fixtures.request(audit))).isEqualTo(302);
        return audit;
    }

    private String status(long audit) {
        return jdbc.sql("SELECT status FROM pko_audit WHERE id = ?")
                .param(audit)
                .query(String.class)
                .single();
    }

    private int count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }
}
