package dk.samspil.publishing;

import static dk.samspil.publishing.NewsletterFixtures.AUTHOR;
import static dk.samspil.publishing.NewsletterFixtures.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** A newsletter request from the author's form through its approvers to the editors, and what it refuses. */
@SamspilTest
class NewsletterRequestTests {

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
    void aRequestPassesItsApproversAfterOneRefusalAndReachesTheEditors() throws Exception {
        String marker = NewsletterFixtures.marker();
        String headline = "Ny henvisningsvej for hjertesvigt " + marker;
        String management = "ledelse-" + marker + "@example.dk";
        Map<String, String> form = NewsletterFixtures.form(headline, management);
        form.put("medicalName", "Lars Lægelig Koordinator");
        form.put("medicalEmail", "pkolaege@example.dk");
        long id = fixtures.create(form);
        fixtures.askApproval(id);

        // The management refuses through its link, with the reason; the request goes back to the author.
        Matcher first = NewsletterFixtures.approvalLink(management, headline, 1);
        assertThat(mvc.perform(get(first.group())).andReturn().getResponse().getContentAsString())
                .contains("Godkendelse af nyhedsmail", headline);
        assertThat(fixtures.answerByLink(first.group(), "REFUSE", "Ida Lund", "")
                        .getResponse()
                        .getContentAsString())
                .contains("Skriv, hvorfor teksten afvises");
        fixtures.answerByLink(first.group(), "REFUSE", "Ida Lund", "Datoen 1. marts er ikke besluttet endnu.");
        assertThat(fixtures.status(id)).isEqualTo("REFUSED");
        assertThat(TestMailServer.text(TestMailServer.awaitMail("pko@example.dk", "Teksten er afvist: " + headline)))
                .contains("Datoen 1. marts er ikke besluttet endnu.");
        assertThat(mvc.perform(get(first.group())).andReturn().getResponse().getStatus())
                .isEqualTo(404);

        // Not to the editors while refused; the author corrects it and asks again: a new round, new links.
        fixtures.post("/nyhedsmails/" + id + "/indsend", Map.of(), AUTHOR);
        assertThat(fixtures.status(id)).isEqualTo("REFUSED");
        form.put("body", "Fra 1. april henvises patienter med hjertesvigt via den nye henvisningsvej.");
        assertThat(fixtures.post("/nyhedsmails/" + id + "/rediger", form, AUTHOR)
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        fixtures.askApproval(id);
        Matcher second = NewsletterFixtures.approvalLink(management, headline, 2);
        assertThat(second.group()).isNotEqualTo(first.group());

        // The medical coordinator answers signed in, on the request's page.
        String page = mvc.perform(get("/nyhedsmails/" + id).with(users.as("pkolaege")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Din godkendelse som Den lægelige koordinator for PKO");
        long mine = jdbc.sql("""
                        SELECT id FROM publishing_approval
                        WHERE request_id = ? AND round = 2 AND party = 'MEDICAL_COORDINATOR'""").param(id).query(Long.class).single();
        assertThat(mvc.perform(post("/nyhedsmails/" + id + "/godkendelser/" + mine)
                                .with(csrf())
                                .with(users.as("pkolaege"))
                                .param("decision", "APPROVE"))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/nyhedsmails/" + id);
        assertThat(fixtures.status(id)).isEqualTo("APPROVAL");
        assertThat(mvc.perform(post("/nyhedsmails/" + id + "/godkendelser/999999999")
                                .with(csrf())
                                .with(users.as("pkolaege"))
                                .param("decision", "APPROVE"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        fixtures.answerByLink(second.group(), "APPROVE", "Ida Lund", "Fint.");
        assertThat(fixtures.status(id)).isEqualTo("APPROVED");
        TestMailServer.awaitMail("pko@example.dk", "Teksten er godkendt: " + headline);

        assertThat(fixtures.post("/nyhedsmails/" + id + "/indsend", Map.of(), AUTHOR)
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(fixtures.status(id)).isEqualTo("RECEIVED");
        // Every answer is kept with who, when, how and the comment: round 1's refusal too.
        assertThat(jdbc.sql("""
                        SELECT round || ':' || party || ':' || decision || ':' || decided_by || ':' || decided_how
                        FROM publishing_approval WHERE request_id = ? AND decision IS NOT NULL ORDER BY round, party""").param(id).query(String.class).list())
                .containsExactly(
                        "1:MANAGEMENT:REFUSED:Ida Lund:LINK",
                        "2:MANAGEMENT:APPROVED:Ida Lund:LINK",
                        "2:MEDICAL_COORDINATOR:APPROVED:Lars Lægelig Koordinator:SIGNED_IN");
        assertThat(jdbc.sql("SELECT count(*) FROM publishing_approval WHERE request_id = ? AND decided_at IS NULL")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1); // round 1's medical coordinator, never answered
        String desk = mvc.perform(get("/redaktion/" + id).with(users.as(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(desk).contains(headline, "Afvist af Ida Lund", "Fra 1. april");
    }

    @Test
    void aPersonalApprovalLinkWorksOnceAndOnlyForItsOwnRequest() throws Exception {
        String marker = NewsletterFixtures.marker();
        String management = "ledelse-" + marker + "@example.dk";
        String headlineA = "Link A " + marker;
        String headlineB = "Link B " + marker;
        long a = fixtures.create(NewsletterFixtures.form(headlineA, management));
        long b = fixtures.create(NewsletterFixtures.form(headlineB, management));
        fixtures.askApproval(a);
        fixtures.askApproval(b);
        Matcher linkA = NewsletterFixtures.approvalLink(management, headlineA, 1);
        Matcher linkB = NewsletterFixtures.approvalLink(management, headlineB, 1);
        // A's token with B's approval: nothing opens, nothing is recorded.
        String crossed = "/nyhedsmail-godkendelse/" + linkB.group(1) + "/" + linkA.group(2);
        assertThat(mvc.perform(get(crossed)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(fixtures.answerByLink(crossed, "APPROVE", "Ida Lund", "")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(fixtures.status(b)).isEqualTo("APPROVAL");
        assertThat(fixtures.answerByLink(linkA.group(), "APPROVE", "Ida Lund", "")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/nyhedsmail-godkendelse/besvaret");
        assertThat(fixtures.status(a)).isEqualTo("APPROVED");
        // Spent: it opens nothing and changes nothing the second time.
        assertThat(mvc.perform(get(linkA.group())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(fixtures.answerByLink(linkA.group(), "REFUSE", "Ida Lund", "Alligevel ikke")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(fixtures.status(a)).isEqualTo("APPROVED");
        assertThat(fixtures.status(b)).isEqualTo("APPROVAL");
        // Malformed tokens and other approvals' ids are the same 404.
        assertThat(mvc.perform(get("/nyhedsmail-godkendelse/" + linkA.group(1) + "/kort"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void fewerThanSevenDaysIsAWarningTheAuthorConfirmsNotARefusal() throws Exception {
        String marker = NewsletterFixtures.marker();
        String headline = "Kort varsel " + marker;
        String management = "ledelse-" + marker + "@example.dk";
        Map<String, String> form = NewsletterFixtures.form(headline, management);
        form.put("latestDate", NewsletterFixtures.today().plusDays(3).toString());
        long id = fixtures.create(form);
        fixtures.askApproval(id);
        fixtures.answerByLink(
                NewsletterFixtures.approvalLink(management, headline, 1).group(), "APPROVE", "Ida", "");
        String page = mvc.perform(get("/nyhedsmails/" + id).with(users.as(AUTHOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Der er under en uge til");
        var refused = fixtures.post("/nyhedsmails/" + id + "/indsend", Map.of(), AUTHOR);
        assertThat(refused.getFlashMap().get("error")).isEqualTo("publishing.submit.shortNotice.confirm");
        assertThat(fixtures.status(id)).isEqualTo("APPROVED");
        fixtures.post("/nyhedsmails/" + id + "/indsend", Map.of("confirmShortNotice", "true"), AUTHOR);
        assertThat(fixtures.status(id)).isEqualTo("RECEIVED");
        assertThat(mvc.perform(get("/redaktion/" + id).with(users.as(EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Sendt med under en uges varsel");
    }

    @Test
    void withoutACoSenderTheRequestIsWarnedNotRefused() throws Exception {
        String marker = NewsletterFixtures.marker();
        Map<String, String> form = NewsletterFixtures.form("Uden medafsender " + marker, "l-" + marker + "@example.dk");
        form.put("coSender", "");
        long id = fixtures.create(form);
        assertThat(mvc.perform(get("/nyhedsmails/" + id).with(users.as(AUTHOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Der er ingen praksiskonsulent eller praksiskoordinator som medafsender");
    }

    @Test
    void hasterNeedsAReasonIsMarkedAndSortedFirstAndTheEditorsSeeHowOftenTheSenderUsesIt() throws Exception {
        String marker = NewsletterFixtures.marker();
        String headline = "Lukket ambulatorium " + marker;
        Map<String, String> form = NewsletterFixtures.form(headline, "l-" + marker + "@example.dk");
        form.put("urgent", "true");
        form.put("urgentReason", "");
        var refused = fixtures.post("/nyhedsmails", form, AUTHOR);
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString())
                .contains("Skriv, hvorfor det haster", "id=\"urgentReason-error\"", headline);
        assertThat(jdbc.sql("SELECT count(*) FROM publishing_request WHERE headline = ?")
                        .param(headline)
                        .query(Integer.class)
                        .single())
                .isZero();
        form.put("urgentReason", "Ambulatoriet lukker i morgen på grund af vandskade.");
        form.put("latestDate", NewsletterFixtures.today().plusDays(60).toString());
        long urgent = fixtures.atDesk(form);
        Map<String, String> calm = NewsletterFixtures.form("Rolig " + marker, "r-" + marker + "@example.dk");
        calm.put("latestDate", NewsletterFixtures.today().plusDays(8).toString());
        long ordinary = fixtures.atDesk(calm);
        String queue = mvc.perform(get("/redaktion").with(users.as(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(queue.indexOf(headline)).isPositive().isLessThan(queue.indexOf("Rolig " + marker));
        int uses = jdbc.sql("""
                        SELECT count(*) FROM publishing_request r JOIN app_user u ON u.id = r.author_user_id
                        WHERE u.username = 'pko' AND r.urgent AND r.submitted_at IS NOT NULL""").query(Integer.class).single();
        assertThat(mvc.perform(get("/redaktion/" + urgent).with(users.as(EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Haster brugt " + uses + " gang(e)", "vandskade");
        assertThat(mvc.perform(get("/redaktion/" + ordinary).with(users.as(EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("id=\"urgent-uses\"");
    }

    @Test
    void malformedHostileAndOversizedInputIsRefusedAtItsFieldWithTheValuesKept() throws Exception {
        String marker = NewsletterFixtures.marker();
        Map<String, String> form = NewsletterFixtures.form("x".repeat(151), "ikke-en-adresse");
        form.put("body", "<script>alert('x')</script> " + marker);
        form.put("sender", "Afsender\r\nBcc: alle@example.dk");
        form.put("latestDate", "31.02.2027");
        form.put("audience", "MUNICIPALITIES");
        form.put("channel", "SITE");
        var result = fixtures.post("/nyhedsmails", form, AUTHOR);
        String page = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(page)
                .contains(
                        "id=\"headline-error\"",
                        "Overskriften må højst være 150 tegn",
                        "id=\"managementEmail-error\"",
                        "id=\"sender-error\"",
                        "Feltet skal stå på én linje",
                        "Skriv en gyldig dato",
                        "Vælg mindst én kommune",
                        "Skriv et kort resumé")
                .contains(HtmlUtils.htmlEscape("<script>alert('x')</script> " + marker))
                .doesNotContain("<script>alert");
        // A municipality of another region, an unknown unit, a made-up audience and a 30,000-character text.
        form = NewsletterFixtures.form("Ok " + marker, "l-" + marker + "@example.dk");
        form.put("audience", "MUNICIPALITIES");
        form.put("municipalities", "0101");
        form.put("body", "y".repeat(30_000));
        page = fixtures.post("/nyhedsmails", form, AUTHOR).getResponse().getContentAsString();
        assertThat(page).contains("Vælg kommunerne på listen", "Teksten er for lang");
        form.put("audience", "CATCHMENT");
        form.put("hospitalUnitId", "abc");
        assertThat(fixtures.post("/nyhedsmails", form, AUTHOR).getResponse().getContentAsString())
                .contains("Vælg den hospitalsenhed");
        form.put("audience", "EVERYONE");
        assertThat(fixtures.post("/nyhedsmails", form, AUTHOR).getResponse().getContentAsString())
                .contains("Vælg, hvem teksten skal sendes til");
        assertThat(jdbc.sql("SELECT count(*) FROM publishing_request WHERE headline LIKE ?")
                        .param("%" + marker)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anAuthorSeesOnlyTheirOwnRequestsAndTheMedicalCoordinatorWritesNone() throws Exception {
        String marker = NewsletterFixtures.marker();
        long id = fixtures.create(NewsletterFixtures.form("Kun min " + marker, "l-" + marker + "@example.dk"));
        assertThat(mvc.perform(get("/nyhedsmails").with(users.as(AUTHOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Kun min " + marker);
        assertThat(mvc.perform(get("/nyhedsmails").with(users.as("pkokoordinator")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("Kun min " + marker);
        for (String other : new String[] {"pkokoordinator", "pkonord", "pkolaege", EDITOR, "admin"}) {
            assertThat(mvc.perform(get("/nyhedsmails/" + id).with(users.as(other)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(other)
                    .isEqualTo(404);
        }
        // A draft is not the editors' yet.
        assertThat(mvc.perform(get("/redaktion/" + id).with(users.as(EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void anInvitedWriterWritesOneTextThroughTheirLinkAndItBecomesTheInvitersRequest() throws Exception {
        String marker = NewsletterFixtures.marker();
        String writer = "skribent-" + marker + "@example.dk";
        assertThat(fixtures.post(
                                "/nyhedsmails/invitationer",
                                Map.of("writerName", "Sygeplejerske Mette Bak", "writerEmail", "ikke-en-adresse"),
                                AUTHOR)
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.invite.email.invalid");
        fixtures.post(
                "/nyhedsmails/invitationer",
                Map.of("writerName", "Sygeplejerske Mette Bak", "writerEmail", writer),
                AUTHOR);
        Matcher link = java.util.regex.Pattern.compile("/nyhedsmail-skriv/[A-Za-z0-9_-]{43}")
                .matcher(TestMailServer.text(
                        TestMailServer.awaitMail(writer, "Invitation til at skrive en nyhedsmail")));
        assertThat(link.find()).isTrue();
        assertThat(mvc.perform(get(link.group())).andReturn().getResponse().getContentAsString())
                .contains("Peter Praksiskonsulent har inviteret dig");
        String headline = "Hjemmesygeplejens nye telefontider " + marker;
        Map<String, String> form = NewsletterFixtures.form(headline, "l-" + marker + "@example.dk");
        form.put("sender", "");
        var refused = fixtures.post(link.group(), form, null);
        assertThat(refused.getResponse().getContentAsString()).contains("Skriv, hvem der er afsender", headline);
        form.put("sender", "Hjemmesygeplejen, Aarhus Kommune");
        assertThat(fixtures.post(link.group(), form, null).getResponse().getContentAsString())
                .contains("Tak for teksten");
        long id = jdbc.sql("SELECT id FROM publishing_request WHERE headline = ?")
                .param(headline)
                .query(Long.class)
                .single();
        assertThat(mvc.perform(get("/nyhedsmails/" + id).with(users.as(AUTHOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Sygeplejerske Mette Bak (" + writer + "), inviteret af Peter Praksiskonsulent");
        TestMailServer.awaitMail("pko@example.dk", "Sygeplejerske Mette Bak har skrevet en tekst");
        // The link wrote its one request: it opens nothing now, and writes nothing more.
        assertThat(mvc.perform(get(link.group())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        form.put("headline", "Endnu en " + marker);
        assertThat(fixtures.post(link.group(), form, null).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM publishing_request WHERE headline = ?")
                        .param("Endnu en " + marker)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anApprovalLinkAnswersOnceEvenWhenSentTwiceAtOnce() throws Exception {
        String marker = NewsletterFixtures.marker();
        String management = "ledelse-" + marker + "@example.dk";
        String headline = "To gange " + marker;
        long id = fixtures.create(NewsletterFixtures.form(headline, management));
        fixtures.askApproval(id);
        String link = NewsletterFixtures.approvalLink(management, headline, 1).group();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String decision : new String[] {"APPROVE", "REFUSE"}) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return fixtures.answerByLink(link, decision, "Ida Lund", "Svar " + decision)
                            .getResponse()
                            .getStatus();
                }));
            }
            start.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(302, 404);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM publishing_approval WHERE request_id = ? AND decision IS NOT NULL")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(fixtures.status(id)).isIn("APPROVED", "REFUSED");
    }
}
