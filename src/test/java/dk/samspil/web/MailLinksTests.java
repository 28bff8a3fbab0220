package dk.samspil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.meeting.MeetingOwner;
import dk.samspil.survey.SurveyFixtures;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every link in the mails of an order's path opens the right page for its recipient: each mail in GreenMail is read,
 * each link followed as the recipient (signed in as them when they have an account, anonymously for the personal
 * links) and must answer 200 with the page, not a login page or a 404; a link with an anchor lands on that anchor.
 */
@SamspilTest
class MailLinksTests {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/[^\\s)»«,]*)");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dk.samspil.deck.Decks decks;

    @Autowired
    dk.samspil.meeting.Minutes minutes;

    @Autowired
    dk.samspil.meeting.Meetings meetings;

    @Autowired
    dk.samspil.meeting.AgreementReminders reminders;

    @Test
    void everyLinkInTheOrdersMailsOpensForItsRecipient() throws Exception {
        TestMailServer.purge();
        long order = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(11), "links.deltager@aarhus.example.dk");
        perform(post("/bestillinger/" + order + "/tilbageringning"), "konsulent");
        // The provider makes the first contact: the participant's invitation (and account) follows it.
        perform(post("/bestillinger/" + order + "/kommune-kontaktet"), "konsulent");
        MimeMessage invitation =
                TestMailServer.awaitMail("links.deltager@aarhus.example.dk", "Invitation til klyngemøde");
        // The participant chooses a password from the invitation: until then the account has no session to follow links
        // in.
        Matcher passwordLink = Pattern.compile("(/invitation/[A-Za-z0-9_-]+)").matcher(TestMailServer.text(invitation));
        assertThat(passwordLink.find()).as("the invitation's password link").isTrue();
        assertThat(mvc.perform(post(passwordLink.group(1))
                                .with(csrf())
                                .param("password", "links-deltager-2027")
                                .param("repeat", "links-deltager-2027"))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?invited");
        perform(post("/bestillinger/" + order + "/materialer"), "konsulent");
        MimeMessage materials =
                TestMailServer.awaitMail("links.deltager@aarhus.example.dk", "Materiale til jeres klyngemøde");
        assertThat(TestMailServer.text(materials))
                .as("kommentér spørgeskemaet: the order's own questionnaire")
                .contains("/bestillinger/" + order + "/spoergeskema")
                .doesNotContain("#spoergeskema");
        TestMailServer.awaitMail("anne.kjaer@example.dk", "Materiale til jeres klyngemøde");
        List<MimeMessage> mails =
                new ArrayList<>(List.of(TestMailServer.greenMail().getReceivedMessages()));
        perform(post("/bestillinger/" + order + "/spoergeskema/frys"), "konsulent");
        new SurveyFixtures(mvc, users).send(order);
        mails.addAll(List.of(TestMailServer.greenMail().getReceivedMessages()));

        int followed = 0;
        for (MimeMessage mail : mails) {
            String to = mail.getRecipients(Message.RecipientType.TO)[0].toString();
            String text = TestMailServer.text(mail);
            if (!text.contains("/bestillinger/" + order) && !text.contains("/s/")) {
                continue;
            }
            for (String link : links(text)) {
                check(to, TestMailServer.subject(mail), link);
                followed++;
            }
        }
        assertThat(followed).isGreaterThan(20);
    }

    /**
     * The later mails of the path: the deck sent, the referat sent (to those with an account and, by a personal link,
     * to a member who took part) and the agreement reminders; each link opens for its recipient.
     */
    @Test
    void theDeckMinutesAndReminderMailsLinkToPagesTheirRecipientsOpen() throws Exception {
        SurveyFixtures fixtures = new SurveyFixtures(mvc, users);
        long order = fixtures.frozenOrder();
        fixtures.send(order);
        int decksBefore = decks.versions(order).size();
        perform(post("/bestillinger/" + order + "/praesentation"), "konsulent");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> decks.versions(order).size() > decksBefore
                        && decks.versions(order).get(0).ready());
        TestMailServer.purge();
        perform(
                post("/bestillinger/" + order + "/praesentation/"
                        + decks.versions(order).get(0).token() + "/send"),
                "konsulent");
        TestMailServer.awaitMail("kommune@example.dk", "Præsentationen til klyngemødet");

        String member = jdbc.sql("""
                        SELECT m.id || ' ' || m.email FROM member m JOIN package_order o ON o.cluster_id = m.cluster_id
                        WHERE o.id = ? AND m.email IS NOT NULL AND lower(m.email) NOT IN (SELECT lower(email) FROM app_user
                            WHERE email IS NOT NULL) ORDER BY m.id LIMIT 1""").param(order).query(String.class).single();
        String memberEmail = member.split(" ")[1];
        perform(
                post("/bestillinger/" + order + "/moede/fremmoede")
                        .param("present", "coordinator")
                        .param("present", "member-" + member.split(" ")[0])
                        .param("version", "0"),
                "koordinator");
        LocalDate meetingDay = OrderFixtures.today();
        jdbc.sql("UPDATE package_order SET meeting_date = ? WHERE id = ?")
                .params(meetingDay, order)
                .update();
        perform(post("/bestillinger/" + order + "/moede/referat"), "koordinator");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> !minutes.versions(meetings.idOf(MeetingOwner.order(order)))
                                .isEmpty()
                        && minutes.versions(meetings.idOf(MeetingOwner.order(order)))
                                .get(0)
                                .ready());
        perform(
                post("/bestillinger/" + order + "/moede/referat/"
                        + minutes.versions(meetings.idOf(MeetingOwner.order(order)))
                                .get(0)
                                .token() + "/send"),
                "koordinator");
        MimeMessage personal = TestMailServer.awaitMail(memberEmail, "Referat af klyngemødet");
        assertThat(TestMailServer.text(personal)).contains("/referat/").doesNotContain("log ind");

        LocalDate reminderDay = LocalDate.of(2032, 6, 1);
        meetings.addAgreement(
                meetings.idOf(MeetingOwner.order(order)),
                new dk.samspil.meeting.Meetings.AgreementDraft(
                        "Linktjek: kommunen sender listen",
                        "",
                        dk.samspil.ordering.Party.MUNICIPALITY,
                        reminderDay.plusDays(1),
                        null),
                "koordinator");
        reminders.remind(reminderDay);
        TestMailServer.awaitMail("kommune@example.dk", "Påmindelse: aftale med frist");

        Set<String> subjects = new LinkedHashSet<>();
        int followed = 0;
        for (MimeMessage mail : TestMailServer.greenMail().getReceivedMessages()) {
            String to = mail.getRecipients(Message.RecipientType.TO)[0].toString();
            String text = TestMailServer.text(mail);
            if (!text.contains("/bestillinger/" + order)
                    && !(to.equalsIgnoreCase(memberEmail) && text.contains("/referat/"))) {
                continue;
            }
            subjects.add(TestMailServer.subject(mail).replaceAll(" .*", ""));
            for (String link : links(text)) {
                check(to, TestMailServer.subject(mail), link);
                followed++;
            }
        }
        assertThat(subjects).contains("Præsentationen", "Referat", "Påmindelse:");
        assertThat(followed).isGreaterThanOrEqualTo(5);
        assertThat(mvc.perform(get("/referat/" + "x".repeat(43)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a guessed personal link")
                .isEqualTo(404);
    }

    private void check(String to, String subject, String link) throws Exception {
        String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
        String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : null;
        boolean personal = path.startsWith("/invitation/")
                || path.startsWith("/s/")
                || path.startsWith("/pakker/")
                || path.startsWith("/referat/");
        Optional<String> account = jdbc.sql(
                        "SELECT username FROM app_user WHERE lower(email) = lower(?) ORDER BY id LIMIT 1")
                .param(to)
                .query(String.class)
                .optional();
        MockHttpServletRequestBuilder request = get(path);
        if (!personal) {
            assertThat(account)
                    .as(to + " has an account to open " + link + " in »" + subject + "«")
                    .isPresent();
            request = request.with(users.as(account.get()));
        }
        org.springframework.test.web.servlet.MvcResult result =
                mvc.perform(request).andReturn();
        MockHttpServletResponse response = result.getResponse();
        if (personal
                && response.getStatus() == 302
                && response.getRedirectedUrl() != null
                && !response.getRedirectedUrl().contains("/login")) {
            // A personal survey link keeps its token in the session and shows the questionnaire at its own address.
            response = mvc.perform(
                            get(response.getRedirectedUrl()).session((org.springframework.mock.web.MockHttpSession)
                                    result.getRequest().getSession()))
                    .andReturn()
                    .getResponse();
        }
        assertThat(response.getStatus())
                .as(link + " for " + to + " in »" + subject + "«")
                .isEqualTo(200);
        if (response.getContentType() != null && response.getContentType().startsWith("text/html")) {
            Document page = Jsoup.parse(response.getContentAsString());
            assertThat(page.select("form[action$=/login] input[name=password]"))
                    .as(link + " is no login page")
                    .isEmpty();
            if (anchor != null) {
                assertThat(page.getElementById(anchor))
                        .as(link + " lands on its anchor")
                        .isNotNull();
            }
        }
    }

    private static Set<String> links(String text) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            links.add(m.group(1).replaceAll("[.:;]+$", ""));
        }
        return links;
    }

    private void perform(MockHttpServletRequestBuilder request, String user) throws Exception {
        List<Integer> ok = new ArrayList<>(List.of(302, 303));
        assertThat(mvc.perform(request.with(csrf()).with(users.as(user)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isIn(ok);
    }
}
