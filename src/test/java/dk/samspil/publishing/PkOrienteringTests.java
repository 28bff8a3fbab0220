package dk.samspil.publishing;

import static dk.samspil.publishing.NewsletterFixtures.AUTHOR;
import static dk.samspil.publishing.NewsletterFixtures.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * PKOrientering: a department's contribution written by its hospital practice consultant goes the request's way
 * (approval) and then to the coordinator of the hospital unit, not the editors; the coordinator sees which quarter's
 * issue is due, compiles it from the contributions chosen, and the issue goes through approval to the editors, who
 * send it to the unit's catchment area and publish it.
 */
@SamspilTest
class PkOrienteringTests {

    private static final String COORDINATOR = "pkokoordinator";
    private static final Pattern QUARTER = Pattern.compile("name=\"kvartal\" value=\"(\\d{4}-[1-4])\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    NewsletterFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new NewsletterFixtures(mvc, users, jdbc);
    }

    @Test
    void aContributionReachesTheCoordinatorWhoCompilesTheDueQuartersIssueThatTheEditorsSendAndPublish()
            throws Exception {
        String marker = NewsletterFixtures.marker();
        String headline = "Nyt fra Hjertesygdomme " + marker;
        String management = "afdeling-" + marker + "@example.dk";
        long unit = aarhus();
        Map<String, String> form = contributionForm(headline, management);

        // A contribution goes to a hospital unit's catchment area: the whole region is refused at the field.
        MvcResult refused = fixtures.post("/nyhedsmails", form, AUTHOR);
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(refused.getResponse().getContentAsString()))
                .contains("Et bidrag til PKOrientering sendes til hospitalets optageområde", headline);
        form.put("audience", "CATCHMENT");
        form.put("hospitalUnitId", String.valueOf(unit));
        long contribution = fixtures.create(form);
        assertThat(jdbc.sql("SELECT contribution_to FROM publishing_request WHERE id = ?")
                        .param(contribution)
                        .query(Long.class)
                        .single())
                .isEqualTo(unit);

        // Approved as any request, then sent to the coordinator, who gets a mail; the editors never see it.
        fixtures.askApproval(contribution);
        Matcher link = NewsletterFixtures.approvalLink(management, headline, 1);
        fixtures.answerByLink(link.group(), "APPROVE", "Ida Lund", "");
        assertThat(fixtures.status(contribution)).isEqualTo("APPROVED");
        assertThat(page("/nyhedsmails/" + contribution, AUTHOR)).contains("Send til praksiskoordinatoren");
        fixtures.post("/nyhedsmails/" + contribution + "/indsend", Map.of(), AUTHOR);
        assertThat(fixtures.status(contribution)).isEqualTo("CONTRIBUTED");
        assertThat(TestMailServer.text(
                        TestMailServer.awaitMail("pkokoordinator@example.dk", "Bidrag til PKOrientering: " + headline)))
                .contains("/nyhedsmails/pkorientering", "Peter Praksiskonsulent");
        assertThat(status("/redaktion/" + contribution, EDITOR)).isEqualTo(404);
        assertThat(status("/nyhedsmails/" + contribution, "pkonord")).isEqualTo(404);
        assertThat(page("/nyhedsmails/" + contribution, COORDINATOR)).contains(headline);

        // The coordinator sees which quarter's issue is due and the contribution waiting; no one else has the page.
        assertThat(page("/nyhedsmails", COORDINATOR)).contains("skal udsendes senest", "Gå til PKOrientering");
        String overview = page("/nyhedsmails/pkorientering", COORDINATOR);
        assertThat(overview).contains("Skal udsendes nu", headline, "Aarhus Universitetshospital");
        Matcher shown = QUARTER.matcher(overview);
        assertThat(shown.find()).isTrue();
        String quarter = shown.group(1);
        assertThat(status("/nyhedsmails/pkorientering", AUTHOR)).isEqualTo(404);

        // A contribution that is not waiting, or a quarter no longer due, makes nothing.
        int issues = issueCount();
        assertThat(compile(Map.of("kvartal", quarter, "bidrag", "999999999"))
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.pkorientering.rule.unknownContribution");
        assertThat(compile(Map.of("kvartal", "1999-1", "bidrag", String.valueOf(contribution)))
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.pkorientering.rule.quarterChanged");
        assertThat(issueCount()).isEqualTo(issues);
        assertThat(fixtures.status(contribution)).isEqualTo("CONTRIBUTED");

        MvcResult compiled = compile(Map.of("kvartal", quarter, "bidrag", String.valueOf(contribution)));
        String location = compiled.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/nyhedsmails/");
        long issue = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(fixtures.status(contribution)).isEqualTo("INCLUDED");
        assertThat(jdbc.sql("SELECT year || '-' || quarter FROM publishing_issue WHERE request_id = ?")
                        .param(issue)
                        .query(String.class)
                        .single())
                .isEqualTo(quarter);
        Map<String, Object> row = jdbc.sql(
                        "SELECT audience, hospital_unit_id, body, on_site, author_email FROM publishing_request WHERE id = ?")
                .param(issue)
                .query()
                .singleRow();
        assertThat(row.get("audience")).isEqualTo("CATCHMENT");
        assertThat(row.get("hospital_unit_id")).isEqualTo(unit);
        assertThat(row.get("on_site")).isEqualTo(true);
        assertThat(row.get("author_email")).isEqualTo("pkokoordinator@example.dk");
        assertThat((String) row.get("body")).contains(headline, "Fra 1. marts henvises patienter");
        // The next quarter is due now, and the same form cannot make the quarter twice.
        assertThat(QUARTER.matcher(page("/nyhedsmails/pkorientering", COORDINATOR))
                        .results()
                        .map(m -> m.group(1))
                        .findFirst())
                .isPresent()
                .get()
                .isNotEqualTo(quarter);
        assertThat(compile(Map.of("kvartal", quarter)).getFlashMap().get("error"))
                .isEqualTo("publishing.pkorientering.rule.quarterChanged");

        // The issue goes on as the coordinator's request: the medical coordinator proposed as approver.
        fixtures.post("/nyhedsmails/" + issue + "/godkendelse", Map.of(), COORDINATOR);
        assertThat(fixtures.status(issue)).isEqualTo("APPROVAL");
        long approval = jdbc.sql(
                        "SELECT id FROM publishing_approval WHERE request_id = ? AND party = 'MEDICAL_COORDINATOR'")
                .param(issue)
                .query(Long.class)
                .single();
        fixtures.post(
                "/nyhedsmails/" + issue + "/godkendelser/" + approval,
                Map.of("decision", "APPROVE", "comment", ""),
                "pkolaege");
        assertThat(fixtures.status(issue)).isEqualTo("APPROVED");
        fixtures.post("/nyhedsmails/" + issue + "/indsend", Map.of("confirmShortNotice", "true"), COORDINATOR);
        assertThat(fixtures.status(issue)).isEqualTo("RECEIVED");
        assertThat(page("/redaktion/" + issue, EDITOR)).contains("PKOrientering", "Aarhus Universitetshospital");
        fixtures.post("/redaktion/" + issue + "/send", Map.of(), EDITOR);
        assertThat(fixtures.status(issue)).isEqualTo("SENT");
        assertThat(page("/nyheder/" + issue, null)).contains("PKOrientering", headline);
        // The public news page leads on to each region's current care pathways.
        assertThat(page("/nyheder", null)).contains("href=\"/forloeb/1082\"", "Gældende forløbsbeskrivelser");
        assertThat(page("/nyhedsmails/pkorientering", COORDINATOR)).contains("Sendt");
    }

    @Test
    void theCoordinatorSendsAContributionBackWithACommentAndTheAuthorRevisesItAndSendsItAgain() throws Exception {
        String marker = NewsletterFixtures.marker();
        String headline = "Nyt fra Lungesygdomme " + marker;
        String management = "lunge-" + marker + "@example.dk";
        Map<String, String> form = contributionForm(headline, management);
        form.put("audience", "CATCHMENT");
        form.put("hospitalUnitId", String.valueOf(aarhus()));
        long contribution = fixtures.create(form);
        fixtures.askApproval(contribution);
        fixtures.answerByLink(
                NewsletterFixtures.approvalLink(management, headline, 1).group(), "APPROVE", "Ida Lund", "");
        fixtures.post("/nyhedsmails/" + contribution + "/indsend", Map.of(), AUTHOR);
        assertThat(fixtures.status(contribution)).isEqualTo("CONTRIBUTED");
        String back = "/nyhedsmails/pkorientering/" + contribution + "/tilbage";

        // The coordinator reads it with the form to send it back; its author and other consultants have no such form.
        assertThat(page("/nyhedsmails/" + contribution, COORDINATOR))
                .contains("Send bidraget tilbage til forfatteren", "Kommentar til forfatteren");
        assertThat(page("/nyhedsmails/" + contribution, AUTHOR)).doesNotContain("Kommentar til forfatteren");
        assertThat(fixtures.post(back, Map.of("kommentar", "Nej"), "pkonord")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(fixtures.post(back, Map.of("kommentar", "Nej"), AUTHOR)
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        // Without a comment (or only spaces) nothing changes: the reason at the form, where the comment is written.
        MvcResult blank = fixtures.post(back, Map.of("kommentar", "   "), COORDINATOR);
        assertThat(blank.getResponse().getRedirectedUrl()).isEqualTo("/nyhedsmails/" + contribution + "#tilbage");
        assertThat(blank.getFlashMap().get("error")).isEqualTo("publishing.return.comment.required");
        assertThat(blank.getFlashMap().get("errorAt")).isEqualTo("tilbage");
        MvcResult tooLong = fixtures.post(back, Map.of("kommentar", "x".repeat(5001)), COORDINATOR);
        assertThat(tooLong.getFlashMap().get("error")).isEqualTo("field.tooLong");
        assertThat(tooLong.getFlashMap().get("returnComment")).isEqualTo("x".repeat(5001));
        assertThat(fixtures.status(contribution)).isEqualTo("CONTRIBUTED");

        // With a comment it goes back: editable by its author, who is mailed the comment; no longer waiting.
        String comment = "Skriv telefontiden i første linje " + marker + ".";
        MvcResult sent = fixtures.post(back, Map.of("kommentar", comment), COORDINATOR);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/nyhedsmails/pkorientering");
        assertThat(sent.getFlashMap().get("success")).isEqualTo("publishing.return.done");
        assertThat(fixtures.status(contribution)).isEqualTo("REFUSED");
        assertThat(TestMailServer.text(TestMailServer.awaitMail(
                        "pko@example.dk", "Dit bidrag til PKOrientering er sendt tilbage: " + headline)))
                .contains("Kære Peter Praksiskonsulent", comment, "/nyhedsmails/" + contribution);
        assertThat(page("/nyhedsmails/pkorientering", COORDINATOR)).doesNotContain(headline);
        assertThat(status("/nyhedsmails/" + contribution, COORDINATOR)).isEqualTo(404);
        assertThat(fixtures.post(back, Map.of("kommentar", comment), COORDINATOR)
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(page("/nyhedsmails/" + contribution, AUTHOR))
                .contains("Sendt tilbage af praksiskoordinatoren", comment, "Bidraget er sendt tilbage til dig")
                .contains("/nyhedsmails/" + contribution + "/rediger");

        // Revised, approved again and sent again, it waits for the coordinator once more, the comment still shown.
        fixtures.askApproval(contribution);
        fixtures.answerByLink(
                NewsletterFixtures.approvalLink(management, headline, 2).group(), "APPROVE", "Ida Lund", "");
        assertThat(fixtures.status(contribution)).isEqualTo("APPROVED");
        fixtures.post("/nyhedsmails/" + contribution + "/indsend", Map.of(), AUTHOR);
        assertThat(fixtures.status(contribution)).isEqualTo("CONTRIBUTED");
        assertThat(page("/nyhedsmails/pkorientering", COORDINATOR)).contains(headline);
        assertThat(page("/nyhedsmails/" + contribution, COORDINATOR)).contains(comment);
    }

    private long aarhus() {
        return jdbc.sql("SELECT id FROM hospital_unit WHERE name = 'Aarhus Universitetshospital'")
                .query(Long.class)
                .single();
    }

    /** A request's form with PKOrientering as its destination (the audience still to be chosen). */
    private static Map<String, String> contributionForm(String headline, String management) {
        Map<String, String> form = new LinkedHashMap<>(NewsletterFixtures.form(headline, management));
        form.put("destination", "PKORIENTERING");
        return form;
    }

    private MvcResult compile(Map<String, String> params) throws Exception {
        return fixtures.post("/nyhedsmails/pkorientering", params, COORDINATOR);
    }

    private int issueCount() {
        return jdbc.sql("SELECT count(*) FROM publishing_issue")
                .query(Integer.class)
                .single();
    }

    private String page(String path, String user) throws Exception {
        var request = get(path);
        if (user != null) {
            request.with(users.as(user));
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return HtmlUtils.htmlUnescape(result.getResponse().getContentAsString());
    }

    private int status(String path, String user) throws Exception {
        return mvc.perform(get(path).with(users.as(user)))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
