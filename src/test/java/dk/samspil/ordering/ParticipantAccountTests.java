package dk.samspil.ordering;

import static dk.samspil.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.WebClient;
import dk.samspil.platform.Tokens;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A municipal participant named by an order gets that order, never a municipality's rights; an existing account
 * named by an order gets a notice, never a password link. Both as an attacker would try them, over real HTTP.
 */
@SamspilTest
class ParticipantAccountTests {

    static final String AARHUS = "0751";
    static final String HERNING = "0657";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoUsers users;

    @Test
    void aParticipantInvitedByOneClustersOrderCannotReachAnotherClustersOrders() throws Exception {
        // Vestklyngen (Herning) has an order with Herning.
        WebClient vest = client();
        vest.login("koordinator2", "samspil");
        long victim = place(vest, List.of(HERNING), "Henrik Leder", "kommune2@example.dk", HERNING);

        // Demoklyngen's coordinator orders with a "participant" of her own for Herning.
        String mallory = "mallory" + System.nanoTime() + "@example.dk";
        WebClient demo = client();
        demo.login("koordinator", "samspil");
        long own = place(demo, List.of(AARHUS, HERNING), "Mallory", mallory, HERNING);

        // Mallory sets the password from the invitation and signs in.
        String link = invitationPath(mallory);
        WebClient attacker = client();
        HttpResponse<String> accepted =
                attacker.post(link, link, Map.of("password", "mallory-2027-x", "repeat", "mallory-2027-x"));
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/login?invited");
        assertThat(attacker.login(mallory, "mallory-2027-x")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");

        // The order that named her is hers to follow ...
        assertThat(attacker.get("/bestillinger/" + own).statusCode()).isEqualTo(200);
        assertThat(attacker.get("/bestillinger/" + own + "/moede").statusCode()).isEqualTo(200);
        // ... Vestklyngen's is not: neither read nor write.
        String v = "/bestillinger/" + victim;
        for (String page : List.of(
                v,
                v + "/moede",
                v + "/resultater",
                v + "/praesentation",
                v + "/spoergeskema",
                v + "/kommunedata",
                v + "/data",
                v + "/dokumenter",
                v + "/kalender.ics")) {
            assertThat(attacker.get(page).statusCode()).as(page).isEqualTo(404);
        }
        HttpResponse<String> write = attacker.post(
                v + "/moede/aftaler",
                "/bestillinger/" + own + "/moede",
                Map.of(
                        "what",
                        "Mallory var her",
                        "person",
                        "Mallory",
                        "due",
                        OrderFixtures.today().plusWeeks(30).toString()));
        assertThat(write.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM meeting_agreement WHERE meeting_id IN (SELECT id FROM meeting WHERE order_id = ?)")
                        .param(victim)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(attacker.get("/bestillinger").body())
                .contains("/bestillinger/" + own)
                .doesNotContain(v + "\"");
        assertThat(attacker.get("/aftaler").body()).doesNotContain(v + "/");
        // Herning's own account still sees Herning's order.
        WebClient herning = client();
        herning.login("kommune2", "samspil");
        assertThat(herning.get(v).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT municipality_code FROM app_user WHERE username = ?")
                        .param(mallory)
                        .query(String.class)
                        .optional())
                .isEmpty();
    }

    @Test
    void anOrderNamingAnExistingAccountSendsANoticeAndNoPasswordLink() throws Exception {
        String consultantHash = hash("konsulent");
        String herningHash = hash("kommune2");
        int links = jdbc.sql("SELECT count(*) FROM user_invitation")
                .query(Integer.class)
                .single();
        WebClient demo = client();
        demo.login("koordinator", "samspil");
        long order = place(
                demo,
                List.of(AARHUS, HERNING),
                "Henrik Leder",
                "Kommune2@Example.dk",
                HERNING,
                "Karin Konsulent",
                "konsulent@example.dk",
                AARHUS);

        String notice =
                TestMailServer.text(awaitMail("Kommune2@Example.dk", "Du er deltager i klyngemødet med Demoklyngen"));
        assertThat(notice)
                .contains("/bestillinger/" + order, "allerede en konto")
                .doesNotContain("/invitation/");
        String consultant =
                TestMailServer.text(awaitMail("konsulent@example.dk", "Du er deltager i klyngemødet med Demoklyngen"));
        assertThat(consultant).contains("ikke er en kommunal konto").doesNotContain("/invitation/");
        assertThat(jdbc.sql("SELECT count(*) FROM user_invitation")
                        .query(Integer.class)
                        .single())
                .isEqualTo(links);
        assertThat(hash("konsulent")).isEqualTo(consultantHash);
        assertThat(hash("kommune2")).isEqualTo(herningHash);
        // The municipal account is linked to the order as its participant; the consultant's account is not.
        assertThat(jdbc.sql(
                                "SELECT u.username FROM order_participant p JOIN app_user u ON u.id = p.user_id WHERE p.order_id = ?")
                        .param(order)
                        .query(String.class)
                        .list())
                .containsExactly("kommune2");
    }

    @Test
    void aPasswordLinkMadeForAnExistingAccountSetsNothing() throws Exception {
        // A link of the kind the order used to mail to existing accounts (and one for a closed account).
        String token = Tokens.newToken();
        long userId = users.principal("midtkraft").id();
        String before = hash("midtkraft");
        jdbc.sql("INSERT INTO user_invitation (token_hash, user_id, expires_at) VALUES (?, ?, ?)")
                .params(Tokens.hash(token), userId, OffsetDateTime.now().plusDays(30))
                .update();
        WebClient client = client();
        assertThat(client.get("/invitation/" + token).body()).contains("Linket kan ikke bruges");
        client.post("/invitation/" + token, "/login", Map.of("password", "overtaget-2027", "repeat", "overtaget-2027"));
        assertThat(hash("midtkraft")).isEqualTo(before);
    }

    private String hash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    private WebClient client() {
        return new WebClient("http://localhost:" + port);
    }

    /** Places an akutfunktion order through the form with participants given as name, e-mail, municipality. */
    private static long place(WebClient coordinator, List<String> municipalities, String... participants)
            throws Exception {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("packageSlug", "akutfunktioner");
        form.put("meetingDate", OrderFixtures.today().plusWeeks(12).toString());
        form.put("startTime", "16:00");
        form.put("venue", "Mødelokalet " + System.nanoTime());
        form.put("coordinatorPhone", dk.samspil.OrderFixtures.PHONE);
        form.put(
                "firstContact",
                "CLUSTER"); // the invitations go at once (with PROVIDER they wait for the first contact)
        form.put(
                "callbackAt",
                OrderFixtures.today()
                        .plusDays(3)
                        .atTime(10, 0)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        form.put("municipalityCodes", municipalities);
        for (int i = 0; i < participants.length / 3; i++) {
            form.put("participants[" + i + "].name", participants[3 * i]);
            form.put("participants[" + i + "].email", participants[3 * i + 1]);
            form.put("participants[" + i + "].municipalityCode", participants[3 * i + 2]);
        }
        HttpResponse<String> response =
                coordinator.post("/bestillinger", "/bestillinger/ny?pakke=akutfunktioner", form);
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Order not placed: " + response.body()));
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String invitationPath(String to) {
        String body = TestMailServer.text(awaitMail(to, "Invitation til klyngemøde"));
        Matcher matcher =
                Pattern.compile("https?://[^/\\s]+(/invitation/[A-Za-z0-9_-]+)").matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
