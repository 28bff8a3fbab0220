package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A signed-in user's own sessions (/konto/sessioner), kept in PostgreSQL: listed, this one marked, others ended. */
@SamspilTest
class OwnSessionsTests {

    private static final String PASSWORD = "Sessioner-og-browsere-7";
    private static final String FIREFOX =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";
    private static final Pattern END = Pattern.compile("action=\"/konto/sessioner/([0-9a-f]+)/afslut\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    String username;

    @BeforeEach
    void aUser() {
        username = "sessioner." + System.nanoTime() + "@example.dk";
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role)
                        VALUES (?, ?, 'Sanne Session', ?, 'PKO_CONSULTANT')""").params(username, encoder.encode(PASSWORD), username).update();
    }

    @Test
    void theSessionsPageListsOwnSessionsWithTheirBrowserAndMarksThisOne() throws Exception {
        WebClient here = signedIn(null);
        WebClient firefox = signedIn(FIREFOX);
        WebClient someoneElse = new WebClient("http://localhost:" + port);
        someoneElse.login("konsulent", "samspil");

        assertThat(here.get("/konto").body()).contains("href=\"/konto/sessioner\"");
        String page = here.get("/konto/sessioner").body();
        assertThat(page)
                .contains("Dine sessioner", "Denne session", "Firefox på Windows", "Afslut alle andre sessioner");
        assertThat(END.matcher(page).results().count())
                .as("one other session to end; this one has no button")
                .isEqualTo(1);
        assertThat(page)
                .as("no session id in the page")
                .doesNotContain(
                        here.sessionId().orElseThrow(), firefox.sessionId().orElseThrow());
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                        .param(username)
                        .query(Integer.class)
                        .single())
                .as("the sessions are rows in PostgreSQL")
                .isEqualTo(2);
        assertThat(firefox.get("/start").statusCode()).isEqualTo(200);
    }

    @Test
    void endingAnotherSessionSignsItOutAndLeavesThisOneAndOtherUsersAlone() throws Exception {
        WebClient here = signedIn(null);
        WebClient other = signedIn(FIREFOX);
        String handle = handles(here.get("/konto/sessioner").body()).get(0);
        HttpResponse<String> ended = here.post("/konto/sessioner/" + handle + "/afslut", "/konto/sessioner", Map.of());
        assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/konto/sessioner");
        assertThat(here.get("/konto/sessioner").body())
                .contains("Sessionen er afsluttet.", "Du er ikke logget ind andre steder.");
        assertThat(other.get("/start").headers().firstValue("Location").orElseThrow())
                .as("the ended session is signed out")
                .endsWith("/login");
        assertThat(here.get("/start").statusCode()).isEqualTo(200);

        // Another user's session cannot be ended from here, even by its handle.
        WebClient konsulent = new WebClient("http://localhost:" + port);
        konsulent.login("konsulent", "samspil");
        WebClient konsulentElsewhere = new WebClient("http://localhost:" + port);
        konsulentElsewhere.login("konsulent", "samspil");
        List<String> foreign = handles(konsulent.get("/konto/sessioner").body());
        assertThat(foreign).isNotEmpty();
        for (String theirs : foreign) {
            assertThat(here.post("/konto/sessioner/" + theirs + "/afslut", "/konto/sessioner", Map.of())
                            .statusCode())
                    .isEqualTo(302);
        }
        assertThat(here.get("/konto/sessioner").body()).contains("Sessionen var allerede afsluttet.");
        assertThat(konsulentElsewhere.get("/start").statusCode()).isEqualTo(200);
    }

    @Test
    void endingAllOtherSessionsKeepsOnlyThisOne() throws Exception {
        WebClient here = signedIn(null);
        List<WebClient> others = List.of(signedIn(FIREFOX), signedIn(null), signedIn(null));
        here.post("/konto/sessioner/afslut-andre", "/konto/sessioner", Map.of());
        assertThat(here.get("/konto/sessioner").body()).contains("Dine andre sessioner er afsluttet.");
        for (WebClient other : others) {
            assertThat(other.get("/start").headers().firstValue("Location").orElseThrow())
                    .endsWith("/login");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                        .param(username)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDeactivatedUsersJdbcSessionEndsOnItsNextRequest() throws Exception {
        WebClient user = signedIn(null);
        assertThat(user.get("/start").statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE app_user SET deactivated_at = now() WHERE username = ?")
                .param(username)
                .update();
        assertThat(user.get("/start").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?ended");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                        .param(username)
                        .query(Integer.class)
                        .single())
                .as("the session row is gone")
                .isZero();
    }

    private WebClient signedIn(String userAgent) throws Exception {
        WebClient client = new WebClient("http://localhost:" + port);
        if (userAgent == null) {
            client.login(username, PASSWORD);
        } else {
            String token = WebClient.csrfToken(client.get("/login").body());
            String body = "username=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8)
                    + "&password=" + PASSWORD + "&_csrf="
                    + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
            client.send(
                    "/login",
                    HttpRequest.newBuilder()
                            .header("User-Agent", userAgent)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
        }
        assertThat(client.get("/start").statusCode()).isEqualTo(200);
        return client;
    }

    private static List<String> handles(String page) {
        Matcher matcher = END.matcher(page);
        return matcher.results().map(m -> m.group(1)).toList();
    }
}
