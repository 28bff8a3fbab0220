package dk.samspil.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dk.samspil.DemoUsers;
import dk.samspil.TestMailServer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Newsletter requests made the way their authors, approvers and editors make them: through the pages and mails. */
final class NewsletterFixtures {

    static final String AUTHOR = "pko";
    static final String EDITOR = "redaktoer";
    static final Pattern APPROVAL_LINK = Pattern.compile("/nyhedsmail-godkendelse/(\\d+)/([A-Za-z0-9_-]{43})");

    private final MockMvc mvc;
    private final DemoUsers users;
    private final JdbcClient jdbc;

    NewsletterFixtures(MockMvc mvc, DemoUsers users, JdbcClient jdbc) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
    }

    static String marker() {
        return Long.toString(System.nanoTime(), 36);
    }

    static LocalDate today() {
        return LocalDate.now(Clock.systemUTC());
    }

    /** A complete request to the whole region with the management as approver at the given address. */
    static Map<String, String> form(String headline, String managementEmail) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("headline", headline);
        form.put(
                "body",
                "Fra 1. marts henvises patienter med hjertesvigt via den nye henvisningsvej.\nSe vejledningen.");
        form.put("channel", "MAIL");
        form.put("audience", "REGION");
        form.put("sender", "Overlæge Hanne Holm, Hjertemedicinsk Afdeling");
        form.put("coSender", "Peter Praksiskonsulent");
        form.put("latestDate", today().plusDays(20).toString());
        form.put("managementName", "Vicedirektør Ida Lund");
        form.put("managementEmail", managementEmail);
        return form;
    }

    MvcResult post(String path, Map<String, String> params, String user) throws Exception {
        MockHttpServletRequestBuilder request =
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(csrf());
        params.forEach(request::param);
        if (user != null) {
            request.with(users.as(user));
        }
        return mvc.perform(request).andReturn();
    }

    /** Saves a new request as the author; its id. */
    long create(Map<String, String> form) throws Exception {
        MvcResult result = post("/nyhedsmails", form, AUTHOR);
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(302);
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    void askApproval(long id) throws Exception {
        assertThat(post("/nyhedsmails/" + id + "/godkendelse", Map.of(), AUTHOR)
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/nyhedsmails/" + id);
        assertThat(status(id)).isEqualTo("APPROVAL");
    }

    /** The personal link in the newest approval mail for this headline to this address. */
    static Matcher approvalLink(String email, String headline, int nth) {
        var mails = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(
                        () -> TestMailServer.received(email).stream()
                                .filter(m ->
                                        TestMailServer.subject(m).equals("Godkend teksten til nyhedsmail: " + headline))
                                .toList(),
                        list -> list.size() >= nth);
        Matcher link = APPROVAL_LINK.matcher(TestMailServer.text(mails.get(nth - 1)));
        assertThat(link.find()).isTrue();
        return link;
    }

    MvcResult answerByLink(String path, String decision, String name, String comment) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("decision", decision);
        params.put("name", name);
        params.put("comment", comment);
        return post(path, params, null);
    }

    /** A request through approval (the management's link) and sent to the editors. */
    long atDesk(Map<String, String> form) throws Exception {
        long id = create(form);
        askApproval(id);
        Matcher link = approvalLink(form.get("managementEmail"), form.get("headline"), 1);
        assertThat(answerByLink(link.group(), "APPROVE", "Ida Lund", "")
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/nyhedsmail-godkendelse/besvaret");
        assertThat(post("/nyhedsmails/" + id + "/indsend", Map.of("confirmShortNotice", "true"), AUTHOR)
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("RECEIVED");
        return id;
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM publishing_request WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Signs the address up from the client and confirms it through the mailed link, as the subscriber would. */
    void subscribe(String email, String municipalityCode, String client) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/nyhedsmail/tilmeld")
                .with(csrf())
                .with(from(client))
                .param("email", email)
                .param("generalPractice", municipalityCode == null ? "NO" : "YES");
        if (municipalityCode != null) {
            request.param("municipality", municipalityCode);
        }
        assertThat(mvc.perform(request).andReturn().getResponse().getContentAsString())
                .contains("Vi har sendt en mail med et link");
        Matcher link = Pattern.compile("/nyhedsmail/bekraeft/[A-Za-z0-9_-]{43}")
                .matcher(TestMailServer.text(TestMailServer.awaitMail(email, "Bekræft din tilmelding")));
        assertThat(link.find()).isTrue();
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(link.group())
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("du er tilmeldt nyhedsmailen");
    }
}
