package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** "Glemt adgangskode" and changing one's own password, against the real server and mail server. */
@SamspilTest
class PasswordTests {

    static final String OLD = "den gamle adgangskode";
    static final String NEW = "den nye adgangskode";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    String email;

    @BeforeEach
    void aUserWithAPassword() {
        email = "glemsom." + System.nanoTime() + "@example.dk";
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role)
                        VALUES (?, ?, 'Gitte Glemsom', ?, 'PKO_CONSULTANT')""")
                .params(email, encoder.encode(OLD), email).update();
    }

    @Test
    void theAnswerIsTheSameForAKnownAndAnUnknownAddressAndOnlyTheKnownGetsAMail() throws Exception {
        String unknown = "findes.ikke." + System.nanoTime() + "@example.dk";
        HttpResponse<String> known = client().post("/glemt-adgangskode", "/glemt-adgangskode", Map.of("email", email));
        HttpResponse<String> other = client().post("/glemt-adgangskode", "/glemt-adgangskode", Map.of("email", unknown));
        assertThat(known.statusCode()).isEqualTo(other.statusCode()).isEqualTo(200);
        assertThat(withoutCsrf(known.body())).isEqualTo(withoutCsrf(other.body()));
        assertThat(known.body()).contains("Hvis adressen hører til en bruger i Samspil");

        TestMailServer.awaitMail(email, "Ny adgangskode til Samspil");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(unknown)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM password_reset r JOIN app_user u ON u.id = r.user_id WHERE u.email = ?")
                .param(email).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theResetLinkSetsANewPasswordOnceAndEndsTheOtherSessions() throws Exception {
        WebClient elsewhere = client();
        elsewhere.login(email, OLD);
        assertThat(elsewhere.get("/start").statusCode()).isEqualTo(200);

        String link = requestLink();
        assertThat(jdbc.sql("SELECT count(*) FROM password_reset WHERE token_hash = ?")
                .param(Tokens.hash(link.substring("/nulstil/".length()))).query(Integer.class).single())
                .as("only the hash of the token is stored").isEqualTo(1);
        WebClient browser = client();
        assertThat(browser.get(link).body()).contains("Vælg en ny adgangskode", email);
        HttpResponse<String> saved = browser.post(link, link, Map.of("password", NEW, "repeat", NEW));
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/login?reset");

        assertThat(elsewhere.get("/start").headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        assertThat(browser.login(email, NEW).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.get("/start").statusCode()).isEqualTo(200);
        assertThat(encoder.matches(OLD, hash())).isFalse();
        assertThat(hash()).as("a slow adaptive hash").startsWith("{bcrypt}");

        assertThat(client().get(link).body()).contains("Linket kan ikke bruges");
        assertThat(client().post(link, "/glemt-adgangskode", Map.of("password", "en tredje adgangskode",
                "repeat", "en tredje adgangskode")).body()).contains("Linket kan ikke bruges");
        assertThat(encoder.matches(NEW, hash())).isTrue();
    }

    @Test
    void anExpiredResetLinkIsRefused() throws Exception {
        String link = requestLink();
        jdbc.sql("UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE token_hash = ?")
                .param(Tokens.hash(link.substring("/nulstil/".length()))).update();
        assertThat(client().get(link).body()).contains("Linket kan ikke bruges");
        assertThat(client().post(link, "/glemt-adgangskode", Map.of("password", NEW, "repeat", NEW)).body())
                .contains("Linket kan ikke bruges");
        assertThat(encoder.matches(OLD, hash())).isTrue();
    }

    @Test
    void theLinkIsValidForTheConfiguredHour(@Autowired SecuritySettings settings) throws Exception {
        assertThat(settings.passwordResetValidity()).isEqualTo(Duration.ofHours(1));
        String link = requestLink();
        Double hours = jdbc.sql("SELECT extract(epoch FROM expires_at - created_at) / 3600 FROM password_reset WHERE token_hash = ?")
                .param(Tokens.hash(link.substring("/nulstil/".length()))).query(Double.class).single();
        assertThat(hours).isBetween(0.99, 1.01);
    }

    @Test
    void changingTheOwnPasswordNeedsTheCurrentOneAndEndsTheOtherSessions() throws Exception {
        WebClient here = client();
        WebClient elsewhere = client();
        here.login(email, OLD);
        elsewhere.login(email, OLD);
        assertThat(elsewhere.get("/start").statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = here.post("/konto/adgangskode", "/konto",
                Map.of("current", "ikke den rigtige", "password", NEW, "repeat", NEW));
        assertThat(org.jsoup.Jsoup.parse(wrong.body()).select("#current-error").text())
                .contains("Den nuværende adgangskode er forkert.");
        HttpResponse<String> mismatch = here.post("/konto/adgangskode", "/konto",
                Map.of("current", OLD, "password", NEW, "repeat", "noget andet her"));
        assertThat(org.jsoup.Jsoup.parse(mismatch.body()).select("#repeat-error").text())
                .contains("De to adgangskoder er ikke ens.");
        assertThat(encoder.matches(OLD, hash())).isTrue();

        HttpResponse<String> changed = here.post("/konto/adgangskode", "/konto",
                Map.of("current", OLD, "password", NEW, "repeat", NEW));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/konto");
        assertThat(here.get("/konto").body()).contains("Din adgangskode er skiftet.");
        assertThat(here.get("/start").statusCode()).as("this session goes on").isEqualTo(200);
        assertThat(elsewhere.get("/start").headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        assertThat(encoder.matches(NEW, hash())).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'PASSWORD_CHANGED' AND username = ?")
                .param(email).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSignInPageLinksToGlemtAdgangskode() throws Exception {
        assertThat(client().get("/login").body()).contains("href=\"/glemt-adgangskode\"", "Glemt adgangskode?");
    }

    private String requestLink() throws Exception {
        client().post("/glemt-adgangskode", "/glemt-adgangskode", Map.of("email", email));
        return UserAdministrationTests.link(TestMailServer.text(TestMailServer.awaitMail(email, "Ny adgangskode")), "/nulstil/");
    }

    private String hash() {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(email).query(String.class).single();
    }

    private WebClient client() {
        return new WebClient("http://localhost:" + port);
    }

    private static String withoutCsrf(String html) {
        return html.replaceAll("value=\"[^\"]+\"\\s+name=\"_csrf\"|name=\"_csrf\"\\s+value=\"[^\"]+\"", "");
    }
}
