package dk.samspil.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.TestMailServer;
import dk.samspil.catalog.PackageDefinition.Question;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An order whose survey is sent to Demoklyngen's 11 members, their links, and answers given the way the form does. */
/** Surveys through the pages, as the consultant and the members use them: for the tests of every module that needs answers. */
public final class SurveyFixtures {

    /** The answer pages' CSRF cookie (SecurityConfiguration's respondent chain) and a token of the tests' own. */
    static final String CSRF_COOKIE = "samspil-svar-csrf";

    private static final String CSRF_TOKEN = "test-respondent-csrf-token";

    /** A token as Spring Security's XOR handler masks it in a form: random bytes, then the token XOR them. */
    static String masked(String token) {
        byte[] plain = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] random = new byte[plain.length];
        new java.security.SecureRandom().nextBytes(random);
        byte[] combined = new byte[plain.length * 2];
        for (int i = 0; i < plain.length; i++) {
            combined[i] = random[i];
            combined[plain.length + i] = (byte) (random[i] ^ plain[i]);
        }
        return java.util.Base64.getUrlEncoder().encodeToString(combined);
    }

    public static final String INVITATION_SUBJECT = "Spørgeskema før klyngemødet om";
    public static final Pattern LINK = Pattern.compile("/s/([A-Za-z0-9_-]{43})");
    public static final List<String> MEMBERS = List.of(
            "anne.kjaer@example.dk",
            "bo.mikkelsen@example.dk",
            "camilla.ostergaard@example.dk",
            "dorthe.lund@example.dk",
            "erik.sorensen@example.dk",
            "frederik.holm@example.dk",
            "gitte.bach@example.dk",
            "hans.jorgensen@example.dk",
            "ida.thomsen@example.dk",
            "jens.ravn@example.dk",
            "karen.nielsen@example.dk");

    private final MockMvc mvc;
    private final DemoUsers users;

    public SurveyFixtures(MockMvc mvc, DemoUsers users) {
        this.mvc = mvc;
        this.users = users;
    }

    /** A new akutfunktion order for Demoklyngen, its survey frozen by the consultant. */
    public long frozenOrder() throws Exception {
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        perform(post("/bestillinger/" + order + "/spoergeskema/frys"), "konsulent");
        return order;
    }

    /** Sends the frozen survey and returns each member's link token, read from the mail they received. */
    public Map<String, String> send(long order) throws Exception {
        TestMailServer.purge();
        MvcResult sent = perform(
                post("/bestillinger/" + order + "/spoergeskema/send")
                        .param("closesOn", OrderFixtures.today().plusDays(14).toString())
                        .param("reminderDays", "7,2"),
                "konsulent");
        assertThat(sent.getResponse().getRedirectedUrl()).endsWith("/spoergeskema");
        Map<String, String> tokens = tokens(MEMBERS);
        for (String member : MEMBERS) {
            String text = TestMailServer.text(TestMailServer.received(member).stream()
                    .filter(x -> TestMailServer.subject(x).startsWith(INVITATION_SUBJECT))
                    .findFirst()
                    .orElseThrow());
            assertThat(text)
                    .as("the member is told the letter of their practice")
                    .containsPattern("vises som Praksis [A-Z]+\\.");
        }
        return tokens;
    }

    /** New municipal participants' addresses, unique to this call. */
    public static List<String> participantEmails(int count) {
        long tag = System.nanoTime();
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> "deltager" + i + "-" + tag + "@example.dk")
                .toList();
    }

    /** A new akutfunktion order for Demoklyngen whose municipal participants are the given addresses, its survey frozen. */
    public long frozenOrderWithParticipants(List<String> emails) throws Exception {
        MockHttpServletRequestBuilder request =
                OrderFixtures.acuteOrder(OrderFixtures.today().plusWeeks(12), emails.get(0));
        for (int i = 1; i < emails.size(); i++) {
            request.param("participants[" + i + "].name", "Deltager " + i)
                    .param("participants[" + i + "].email", emails.get(i))
                    .param("participants[" + i + "].role", "Sygeplejerske")
                    .param("participants[" + i + "].municipalityCode", "0751");
        }
        long order = OrderFixtures.placeOrder(mvc, users, request);
        perform(post("/bestillinger/" + order + "/spoergeskema/frys"), "konsulent");
        return order;
    }

    /** Sends the frozen survey to the chosen sectors as the send page does; returns each recipient's link token. */
    public Map<String, String> sendTo(long order, List<String> recipients, String... sectors) throws Exception {
        TestMailServer.purge();
        MvcResult sent = perform(
                post("/bestillinger/" + order + "/spoergeskema/send")
                        .param("closesOn", OrderFixtures.today().plusDays(14).toString())
                        .param("reminderDays", "7,2")
                        .param("audience", sectors)
                        .param("_audience", "on"),
                "konsulent");
        assertThat(sent.getResponse().getRedirectedUrl()).endsWith("/spoergeskema");
        return tokens(recipients);
    }

    /** The link token in each recipient's invitation mail (waiting for the mails to arrive). */
    public static Map<String, String> tokens(List<String> recipients) {
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> recipients.stream()
                        .allMatch(m -> TestMailServer.received(m).stream()
                                .anyMatch(x -> TestMailServer.subject(x).startsWith(INVITATION_SUBJECT))));
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String recipient : recipients) {
            MimeMessage mail = TestMailServer.received(recipient).stream()
                    .filter(x -> TestMailServer.subject(x).startsWith(INVITATION_SUBJECT))
                    .findFirst()
                    .orElseThrow();
            Matcher link = LINK.matcher(TestMailServer.text(mail));
            assertThat(link.find()).as("link in the mail to " + recipient).isTrue();
            tokens.put(recipient, link.group(1));
        }
        return tokens;
    }

    /** Opens the link; returns the cookie the answer pages carry it in (null when the link did not open them). */
    public Cookie open(String token) throws Exception {
        MvcResult result = mvc.perform(get("/s/" + token)).andReturn();
        return "/svar".equals(result.getResponse().getRedirectedUrl())
                ? result.getResponse().getCookie(RespondentController.LINK_COOKIE)
                : null;
    }

    /**
     * Posts the form of the answer page with the given action ({@code naeste}, {@code gem}, {@code send}, ...), with
     * the CSRF token as a browser carries it: in the answer pages' cookie, and masked in the form's hidden field.
     * (Not spring-security-test's {@code csrf()}: it swaps the CSRF filter's token store for a session-backed one for
     * good, and the respondent's pages, which keep no session, would then make one for every later respondent.)
     */
    public MvcResult form(Cookie session, int page, String action, Map<String, List<String>> fields) throws Exception {
        MockHttpServletRequestBuilder request =
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/svar")
                        .cookie(session, new Cookie(CSRF_COOKIE, CSRF_TOKEN))
                        .param("_csrf", masked(CSRF_TOKEN))
                        .param("side", String.valueOf(page))
                        .param("handling", action);
        fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        return mvc.perform(request).andReturn();
    }

    /** Opens the link and answers page by page as a respondent does; returns where the last step sent the browser. */
    public String answer(String token, int questionCount, Map<String, List<String>> fields) throws Exception {
        Cookie session = open(token);
        if (session == null) {
            return null;
        }
        int pages = (questionCount + RespondentController.PAGE_SIZE - 1) / RespondentController.PAGE_SIZE;
        for (int page = 1; page < pages; page++) {
            form(session, page, "naeste", fields);
        }
        return form(session, pages, "send", fields).getResponse().getRedirectedUrl();
    }

    /**
     * A complete answer to every question: option {@code variant} of each scale (a grid's row r: option variant + r),
     * free texts as given.
     */
    public static Map<String, List<String>> fullAnswer(List<Question> questions, int variant, String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Question q : questions) {
            switch (q.type()) {
                case SCALE ->
                    fields.put(
                            "q." + q.key(),
                            List.of(q.options().get(variant % q.options().size())));
                case MULTIPLE ->
                    fields.put(
                            "q." + q.key(),
                            List.of(q.options().get(0), q.options().get(1)));
                case TEXT -> fields.put("q." + q.key(), List.of(text));
                case GRID -> {
                    for (int row = 0; row < q.rows().size(); row++) {
                        fields.put(
                                "q." + q.key() + ".r" + row,
                                List.of(q.options()
                                        .get((variant + row) % q.options().size())));
                    }
                }
            }
        }
        return fields;
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(users.as(user)).with(csrf())).andReturn();
    }
}
