package dk.samspil.pko.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.TestMailServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Audits walked through their steps over MockMvc by the demo PKO users, each with its own unique markers. */
final class AuditFixtures {

    /** The demo PKO users of the audit tests (see the PKO registers' demo data). */
    static final String CONSULTANT = PkoDemo.CONSULTANT;

    private static final Pattern LINK = Pattern.compile("/audit-godkendelse/(\\d+)/([A-Za-z0-9_-]{43})");

    private final MockMvc mvc;
    private final DemoUsers users;
    private final JdbcClient jdbc;

    AuditFixtures(MockMvc mvc, DemoUsers users, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** A new audit planned by the demo consultant for their first department; returns its id. */
    long plan(String title) throws Exception {
        String place = PkoDemo.consultantPlaceKey(jdbc);
        MvcResult result = mvc.perform(post("/pko/audit")
                        .with(users.as(CONSULTANT))
                        .with(csrf())
                        .param("place", place)
                        .param("title", title)
                        .param("description", "Kvaliteten af henvisninger og epikriser for patienter med hjertesvigt")
                        .param("departmentDoctor", "Overlæge Hanne Holm"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as("plan").isEqualTo(302);
        return jdbc.sql("SELECT id FROM pko_audit WHERE title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    /** Sends the request to a unique management address and returns the personal link's path from the mail. */
    String request(long audit) throws Exception {
        String to = "ledelse-" + UUID.randomUUID().toString().substring(0, 8) + "@example.dk";
        int status = perform(
                post("/pko/audit/" + audit + "/anmodning")
                        .param("managementName", "Vicedirektør Ida Lund")
                        .param("managementEmail", to)
                        .param("requestText", "Vi beder om godkendelse af auditten."),
                CONSULTANT);
        assertThat(status).as("request").isEqualTo(302);
        String text = TestMailServer.text(TestMailServer.awaitMail(to, "Anmodning om godkendelse af audit"));
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("link in mail").isTrue();
        return link.group();
    }

    int approve(String linkPath) throws Exception {
        return mvc.perform(post(linkPath)
                        .with(csrf())
                        .param("decision", "APPROVE")
                        .param("name", "Ida Lund")
                        .param("title", "Vicedirektør"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    /** 20 unique case numbers, each a marker no other test writes. */
    static List<String> caseNumbers(String prefix) {
        List<String> numbers = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            numbers.add(prefix + "-" + n);
        }
        return numbers;
    }

    static String marker() {
        return "SPOR"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    int addCases(long audit, List<String> numbers) throws Exception {
        return perform(
                post("/pko/audit/" + audit + "/sager").param("caseNumbers", String.join("\n", numbers)), CONSULTANT);
    }

    /** Assesses every case: criterion 1 not met with a remark (the marker and the case's number), the rest met. */
    void assessAll(long audit, String remarkMarker) throws Exception {
        List<Long> criteria = jdbc.sql("SELECT id FROM pko_audit_criterion WHERE audit_id = ? ORDER BY position, id")
                .param(audit)
                .query(Long.class)
                .list();
        List<Long> cases = jdbc.sql("SELECT id FROM pko_audit_case WHERE audit_id = ? ORDER BY id")
                .param(audit)
                .query(Long.class)
                .list();
        for (long id : cases) {
            MockHttpServletRequestBuilder request =
                    post("/pko/audit/" + audit + "/sager/" + id).param("lookups", "true");
            for (int i = 0; i < criteria.size(); i++) {
                request.param("verdict-" + criteria.get(i), i == 0 ? "NOT_MET" : "MET");
            }
            request.param("remark-" + criteria.get(0), remarkMarker + " sag " + id + " mangler spørgsmålet");
            assertThat(perform(request, CONSULTANT)).as("assess").isEqualTo(302);
        }
    }

    int complete(long audit) throws Exception {
        return perform(
                post("/pko/audit/" + audit + "/afslut")
                        .param("conclusions", "Epikriserne er gode; henvisningerne mangler spørgsmålet.")
                        .param("actions", "Afdelingen skriver en nyhedsmail om det gode henvisningsspørgsmål."),
                CONSULTANT);
    }

    String page(String path, String user) throws Exception {
        MvcResult result = mvc.perform(get(path).with(users.as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    int perform(AbstractMockHttpServletRequestBuilder<?> request, String user) throws Exception {
        return mvc.perform(request.with(users.as(user)).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    MvcResult result(AbstractMockHttpServletRequestBuilder<?> request, String user) throws Exception {
        return mvc.perform(request.with(users.as(user)).with(csrf())).andReturn();
    }
}
