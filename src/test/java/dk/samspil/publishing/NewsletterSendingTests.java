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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The editors' desk and the sending: questions to the author and the answers, the schedule, the newsletter to only
 * the right subscribers (everyone outside general practice, the GPs of the audience's municipalities), each with an
 * unsubscribe link that works, and the publication on the public news page.
 */
@SamspilTest
class NewsletterSendingTests {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("/nyhedsmail/afmeld/[A-Za-z0-9_-]{43}");

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
    void theEditorsAskTheAuthorAndNothingIsSentBeforeTheAnswer() throws Exception {
        String marker = NewsletterFixtures.marker();
        String headline = "Spørgsmål " + marker;
        long id = fixtures.atDesk(NewsletterFixtures.form(headline, "l-" + marker + "@example.dk"));
        assertThat(ask(id, "").getFlashMap().get("error")).isEqualTo("publishing.desk.question.required");
        ask(id, "Gælder det også for psykiatrien?");
        assertThat(fixtures.status(id)).isEqualTo("QUESTIONS");
        assertThat(TestMailServer.text(TestMailServer.awaitMail(
                        "pko@example.dk", "Spørgsmål fra praksis.dk til din nyhedsmail: " + headline)))
                .contains("Gælder det også for psykiatrien?", "/nyhedsmails/" + id);
        assertThat(editor("/redaktion/" + id + "/send").getFlashMap().get("error"))
                .isEqualTo("publishing.desk.send.openQuestions");
        assertThat(fixtures.status(id)).isEqualTo("QUESTIONS");
        long question = jdbc.sql("SELECT id FROM publishing_question WHERE request_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        // Only the author answers; another consultant's answer is 404 and changes nothing.
        assertThat(mvc.perform(post("/nyhedsmails/" + id + "/spoergsmaal/" + question + "/svar")
                                .with(csrf())
                                .with(users.as("pkonord"))
                                .param("answer", "Ja"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        fixtures.post(
                "/nyhedsmails/" + id + "/spoergsmaal/" + question + "/svar",
                Map.of("answer", "Nej, kun de somatiske afdelinger."),
                AUTHOR);
        assertThat(fixtures.status(id)).isEqualTo("RECEIVED");
        assertThat(mvc.perform(get("/redaktion/" + id).with(users.as(EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Nej, kun de somatiske afdelinger.", "Svar fra Peter Praksiskonsulent");
        assertThat(editor("/redaktion/" + id + "/planlaeg", "scheduledFor", "2020-01-01")
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.desk.schedule.past");
        assertThat(editor(
                                "/redaktion/" + id + "/planlaeg",
                                "scheduledFor",
                                NewsletterFixtures.today().plusDays(90).toString())
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.desk.schedule.afterLatest");
        editor(
                "/redaktion/" + id + "/planlaeg",
                "scheduledFor",
                NewsletterFixtures.today().plusDays(2).toString());
        assertThat(fixtures.status(id)).isEqualTo("SCHEDULED");
        String page = mvc.perform(get("/nyhedsmails/" + id).with(users.as(AUTHOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Planlagt udsendelse", "Gælder det også for psykiatrien?");
    }

    @Test
    void theNewsletterReachesOnlyTheRightSubscribersEachWithAnUnsubscribeLinkThatWorks() throws Exception {
        String marker = NewsletterFixtures.marker();
        String client = "10.170." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
        String gpAarhus = "gp-aarhus-" + marker + "@example.dk";
        String gpRanders = "gp-randers-" + marker + "@example.dk";
        String gpCopenhagen = "gp-kbh-" + marker + "@example.dk";
        String everything = "alt-" + marker + "@example.dk";
        String unconfirmed = "ubekraeftet-" + marker + "@example.dk";
        fixtures.subscribe(gpAarhus, "0751", client);
        fixtures.subscribe(gpRanders, "0730", client);
        fixtures.subscribe(gpCopenhagen, "0101", client);
        fixtures.subscribe(everything, null, client);
        mvc.perform(post("/nyhedsmail/tilmeld")
                .with(csrf())
                .with(NewsletterFixtures.from(client))
                .param("email", unconfirmed)
                .param("generalPractice", "NO"));

        // 1. To Aarhus only, by mail only.
        Map<String, String> aarhus = NewsletterFixtures.form("Aarhus " + marker, "l-" + marker + "@example.dk");
        aarhus.put("audience", "MUNICIPALITIES");
        aarhus.put("municipalities", "0751");
        long first = fixtures.atDesk(aarhus);
        String desk = mvc.perform(get("/redaktion/" + first).with(users.as(EDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(desk).contains("Send nyhedsmailen");
        assertThat(editor("/redaktion/" + first + "/send").getFlashMap().get("success"))
                .isEqualTo("publishing.desk.sent");
        assertThat(recipients(first))
                .contains(gpAarhus, everything)
                .doesNotContain(gpRanders, gpCopenhagen, unconfirmed);
        assertThat(editor("/redaktion/" + first + "/send").getFlashMap().get("error"))
                .isEqualTo("publishing.desk.send.notReady");
        assertThat(recipients(first).stream().filter(gpAarhus::equals)).hasSize(1); // sent once
        String mail = TestMailServer.text(TestMailServer.awaitMail(gpAarhus, "Aarhus " + marker));
        assertThat(mail).contains("Fra 1. marts henvises patienter", "Afsender: Overlæge Hanne Holm");
        Matcher unsubscribe = UNSUBSCRIBE.matcher(mail);
        assertThat(unsubscribe.find()).isTrue();
        assertThat(mvc.perform(get(unsubscribe.group()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(gpAarhus, "Afmeld mig");
        assertThat(mvc.perform(post(unsubscribe.group()).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Du er afmeldt");
        assertThat(mvc.perform(get(unsubscribe.group()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        Matcher other =
                UNSUBSCRIBE.matcher(TestMailServer.text(TestMailServer.awaitMail(everything, "Aarhus " + marker)));
        assertThat(other.find()).isTrue();
        assertThat(other.group()).isNotEqualTo(unsubscribe.group());
        assertThat(mvc.perform(get("/nyheder/" + first))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404); // mail only: not on the site

        // 2. To Regionshospitalet Randers' catchment area, also on praksis.dk: the summary by mail, the text on the
        // page.
        Map<String, String> randers = NewsletterFixtures.form("Randers " + marker, "l2-" + marker + "@example.dk");
        randers.put("audience", "CATCHMENT");
        randers.put("hospitalUnitId", String.valueOf(unit("Regionshospitalet Randers")));
        randers.put("channel", "SITE");
        randers.put("summary", "Kort: ny henvisningsvej fra 1. marts.");
        long second = fixtures.atDesk(randers);
        editor("/redaktion/" + second + "/send");
        assertThat(recipients(second))
                .contains(gpRanders, everything)
                .doesNotContain(gpAarhus, gpCopenhagen, unconfirmed);
        String summaryMail = TestMailServer.text(TestMailServer.awaitMail(gpRanders, "Randers " + marker));
        assertThat(summaryMail)
                .contains("Kort: ny henvisningsvej fra 1. marts.", "/nyheder/" + second)
                .doesNotContain("Se vejledningen.");
        assertThat(mvc.perform(get("/nyheder")).andReturn().getResponse().getContentAsString())
                .contains("Randers " + marker, "Optageområdet for Regionshospitalet Randers")
                .doesNotContain("Aarhus " + marker);
        assertThat(mvc.perform(get("/nyheder/" + second))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Se vejledningen.", "Afsender: Overlæge Hanne Holm");

        // 3. To the whole region: every GP of Midtjylland still subscribed, not Copenhagen's.
        long third = fixtures.atDesk(NewsletterFixtures.form("Regionen " + marker, "l3-" + marker + "@example.dk"));
        editor("/redaktion/" + third + "/send");
        assertThat(recipients(third))
                .contains(gpRanders, everything)
                .doesNotContain(gpAarhus, gpCopenhagen, unconfirmed);
        assertThat(jdbc.sql("SELECT recipients FROM publishing_request WHERE id = ?")
                        .param(third)
                        .query(Integer.class)
                        .single())
                .isEqualTo(recipients(third).size());
    }

    @Test
    void theSignUpRefusesBadInputAtTheFieldAndHoldsBackAFlood() throws Exception {
        String client = "10.171." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
        String page = mvc.perform(post("/nyhedsmail/tilmeld")
                        .with(csrf())
                        .with(NewsletterFixtures.from(client))
                        .param("email", "ikke en adresse\r\nBcc: x@example.dk")
                        .param("generalPractice", "YES")
                        .param("municipality", "9999"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"email-error\"", "Vælg den kommune, praksissen ligger i");
        for (int n = 0; n < NewsletterSubscribers.SIGNUPS_PER_CLIENT_HOUR; n++) {
            assertThat(signUp(client, "flood-" + n + "-" + NewsletterFixtures.marker() + "@example.dk"))
                    .isEqualTo(200);
        }
        String last = "flood-last-" + NewsletterFixtures.marker() + "@example.dk";
        assertThat(signUp(client, last)).isEqualTo(429);
        assertThat(jdbc.sql("SELECT count(*) FROM publishing_signup WHERE email = ?")
                        .param(last)
                        .query(Integer.class)
                        .single())
                .isZero();
        // A confirmation link confirms once; a made-up one is 404.
        assertThat(mvc.perform(get("/nyhedsmail/bekraeft/" + "q".repeat(43)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private int signUp(String client, String email) throws Exception {
        return mvc.perform(post("/nyhedsmail/tilmeld")
                        .with(csrf())
                        .with(NewsletterFixtures.from(client))
                        .param("email", email)
                        .param("generalPractice", "NO"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private long unit(String name) {
        return jdbc.sql("SELECT id FROM hospital_unit WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    /** The addresses the newsletter was queued for in the outbox. */
    private List<String> recipients(long id) {
        return jdbc.sql("SELECT recipient FROM mail_outbox WHERE reference = ?")
                .param("publishing:" + id + ":newsletter")
                .query(String.class)
                .list();
    }

    @Test
    void theEditorsAskTheMedicalCoordinatorForAQualityCheckAndNothingIsSentBeforeTheVerdict() throws Exception {
        String marker = NewsletterFixtures.marker();
        String headline = "Kvalitetstjek " + marker;
        long id = fixtures.atDesk(NewsletterFixtures.form(headline, "k-" + marker + "@example.dk"));
        assertThat(editor("/redaktion/" + id + "/kvalitetstjek", "note", " ")
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.quality.note.required");
        editor("/redaktion/" + id + "/kvalitetstjek", "note", "Er teksten afstemt med PLO-M?");
        assertThat(editor("/redaktion/" + id + "/kvalitetstjek", "note", "Igen")
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.quality.alreadyOpen");
        assertThat(TestMailServer.text(
                        TestMailServer.awaitMail("pkolaege@example.dk", "Kvalitetstjek af nyhedsmail: " + headline)))
                .contains("Er teksten afstemt med PLO-M?", "/nyhedsmails/" + id);
        assertThat(mvc.perform(get("/redaktion").with(users.as(EDITOR)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Kvalitetstjek afventer");
        assertThat(editor("/redaktion/" + id + "/send").getFlashMap().get("error"))
                .isEqualTo("publishing.desk.send.openCheck");
        assertThat(fixtures.status(id)).isEqualTo("RECEIVED");

        // The medical coordinator finds it on their list and answers on its page; no one else answers.
        assertThat(page("/nyhedsmails", "pkolaege")).contains("Venter på dit kvalitetstjek", headline);
        assertThat(page("/nyhedsmails/" + id, "pkolaege")).contains("Dit kvalitetstjek", "NEWS_MAIL_QUALITY");
        long check = jdbc.sql("SELECT id FROM publishing_quality_check WHERE request_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        String answer = "/nyhedsmails/" + id + "/kvalitetstjek/" + check;
        assertThat(mvc.perform(post(answer)
                                .with(csrf())
                                .with(users.as("pkonord"))
                                .param("verdict", "OK"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(fixtures.post(answer, Map.of("verdict", "MAYBE"), "pkolaege")
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.quality.verdict.required");
        assertThat(fixtures.post(answer, Map.of("verdict", "REMARKS", "comment", " "), "pkolaege")
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.quality.comment.required");
        fixtures.post(answer, Map.of("verdict", "REMARKS", "comment", "Nævn PLO-M som medafsender."), "pkolaege");
        assertThat(fixtures.post(answer, Map.of("verdict", "OK"), "pkolaege")
                        .getFlashMap()
                        .get("error"))
                .isEqualTo("publishing.quality.rule.answered");
        assertThat(page("/redaktion/" + id, EDITOR))
                .contains("Bemærkninger fra Lars Lægelig Koordinator", "Nævn PLO-M som medafsender.");
        assertThat(page("/nyhedsmails", "pkolaege")).doesNotContain(headline);

        // The verdict reaches the editors by mail: every active editor, and no one else.
        assertThat(TestMailServer.text(TestMailServer.awaitMail(
                        "redaktoer@example.dk", "Bemærkninger fra kvalitetstjekket: " + headline)))
                .contains(
                        "Kære Rikke Redaktør",
                        "Lars Lægelig Koordinator har kvalitetstjekket nyhedsmailen \"" + headline + "\"",
                        "Der er bemærkninger til teksten",
                        "Nævn PLO-M som medafsender.",
                        "/redaktion/" + id);
        assertThat(verdictRecipients(id, check))
                .contains("redaktoer@example.dk")
                .containsExactlyInAnyOrderElementsOf(
                        jdbc.sql("""
                                SELECT email FROM app_user WHERE role = 'EDITOR' AND enabled AND deactivated_at IS NULL
                                  AND email IS NOT NULL""").query(String.class).list());

        // A second check, answered in order without a comment, is mailed as such.
        editor("/redaktion/" + id + "/kvalitetstjek", "note", "Er PLO-M nu med som medafsender?");
        long second = jdbc.sql("SELECT max(id) FROM publishing_quality_check WHERE request_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        fixtures.post("/nyhedsmails/" + id + "/kvalitetstjek/" + second, Map.of("verdict", "OK"), "pkolaege");
        assertThat(TestMailServer.text(
                        TestMailServer.awaitMail("redaktoer@example.dk", "Kvalitetstjek i orden: " + headline)))
                .contains("Vurdering: Teksten er i orden", "Bemærkninger: Ingen", "/redaktion/" + id);
        assertThat(verdictRecipients(id, second)).contains("redaktoer@example.dk");
        editor("/redaktion/" + id + "/send");
        assertThat(fixtures.status(id)).isEqualTo("SENT");
    }

    /** The addresses the verdict of a quality check was mailed to. */
    private List<String> verdictRecipients(long id, long check) {
        return jdbc.sql("SELECT recipient FROM mail_outbox WHERE reference = ?")
                .param("publishing:" + id + ":quality:" + check)
                .query(String.class)
                .list();
    }

    private String page(String path, String user) throws Exception {
        var result = mvc.perform(get(path).with(users.as(user))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return org.springframework.web.util.HtmlUtils.htmlUnescape(
                result.getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.MvcResult ask(long id, String question) throws Exception {
        return editor("/redaktion/" + id + "/spoergsmaal", "question", question);
    }

    private org.springframework.test.web.servlet.MvcResult editor(String path, String... params) throws Exception {
        var request = post(path).with(csrf()).with(users.as(EDITOR));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }
}
