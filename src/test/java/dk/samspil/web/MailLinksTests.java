package dk.samspil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.survey.SurveyFixtures;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
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

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;

    @Test
    void everyLinkInTheOrdersMailsOpensForItsRecipient() throws Exception {
        TestMailServer.purge();
        long order = OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(11), "links.deltager@aarhus.example.dk");
        perform(post("/bestillinger/" + order + "/tilbageringning"), "konsulent");
        // The provider makes the first contact: the participant's invitation (and account) follows it.
        perform(post("/bestillinger/" + order + "/kommune-kontaktet"), "konsulent");
        MimeMessage invitation = TestMailServer.awaitMail("links.deltager@aarhus.example.dk", "Invitation til klyngemøde");
        // The participant chooses a password from the invitation: until then the account has no session to follow links in.
        Matcher passwordLink = Pattern.compile("(/invitation/[A-Za-z0-9_-]+)").matcher(TestMailServer.text(invitation));
        assertThat(passwordLink.find()).as("the invitation's password link").isTrue();
        assertThat(mvc.perform(post(passwordLink.group(1)).with(csrf()).param("password", "links-deltager-2027")
                .param("repeat", "links-deltager-2027")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?invited");
        perform(post("/bestillinger/" + order + "/materialer"), "konsulent");
        MimeMessage materials = TestMailServer.awaitMail("links.deltager@aarhus.example.dk", "Materiale til jeres klyngemøde");
        assertThat(TestMailServer.text(materials)).as("kommentér spørgeskemaet: the order's own questionnaire")
                .contains("/bestillinger/" + order + "/spoergeskema").doesNotContain("#spoergeskema");
        TestMailServer.awaitMail("anne.kjaer@example.dk", "Materiale til jeres klyngemøde");
        List<MimeMessage> mails = new ArrayList<>(List.of(TestMailServer.greenMail().getReceivedMessages()));
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

    private void check(String to, String subject, String link) throws Exception {
        String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
        String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : null;
        boolean personal = path.startsWith("/invitation/") || path.startsWith("/s/") || path.startsWith("/pakker/");
        Optional<String> account = jdbc.sql("SELECT username FROM app_user WHERE lower(email) = lower(?) ORDER BY id LIMIT 1")
                .param(to).query(String.class).optional();
        MockHttpServletRequestBuilder request = get(path);
        if (!personal) {
            assertThat(account).as(to + " has an account to open " + link + " in »" + subject + "«").isPresent();
            request = request.with(users.as(account.get()));
        }
        org.springframework.test.web.servlet.MvcResult result = mvc.perform(request).andReturn();
        MockHttpServletResponse response = result.getResponse();
        if (personal && response.getStatus() == 302 && response.getRedirectedUrl() != null
                && !response.getRedirectedUrl().contains("/login")) {
            // A personal survey link keeps its token in the session and shows the questionnaire at its own address.
            response = mvc.perform(get(response.getRedirectedUrl())
                    .session((org.springframework.mock.web.MockHttpSession) result.getRequest().getSession())).andReturn().getResponse();
        }
        assertThat(response.getStatus()).as(link + " for " + to + " in »" + subject + "«").isEqualTo(200);
        if (response.getContentType() != null && response.getContentType().startsWith("text/html")) {
            Document page = Jsoup.parse(response.getContentAsString());
            assertThat(page.select("form[action$=/login] input[name=password]")).as(link + " is no login page").isEmpty();
            if (anchor != null) {
                assertThat(page.getElementById(anchor)).as(link + " lands on its anchor").isNotNull();
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
        assertThat(mvc.perform(request.with(csrf()).with(users.as(user))).andReturn().getResponse().getStatus()).isIn(ok);
    }
}
