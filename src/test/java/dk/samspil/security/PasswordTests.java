package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.WebClient;
import dk.samspil.platform.Tokens;
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

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    String email;

    @BeforeEach
    void aUserWithAPassword() {
        email = "glemsom." + System.nanoTime() + "@example.dk";
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role)
                        VALUES (?, ?, 'Gitte Glemsom', ?, 'PKO_CONSULTANT')""").params(email, encoder.encode(OLD), email).update();
    }

    @Test
    void theAnswerIsTheSameForAKnownAndAnUnknownAddressAndOnlyTheKnownGetsAMail() throws Exception {
        String unknown = "findes.ikke." + System.nanoTime() + "@example.dk";
        HttpResponse<String> known = client().post("/glemt-adgangskode", "/glemt-adgangskode", Map.of("email", email));
        HttpResponse<String> other =
                client().post("/glemt-adgangskode", "/glemt-adgangskode", Map.of("email", unknown));
        assertThat(known.statusCode()).isEqualTo(other.statusCode()).isEqualTo(200);
        assertThat(withoutCsrf(known.body())).isEqualTo(withoutCsrf(other.body()));
        assertThat(known.body()).contains("Hvis adressen hører til en bruger i Samspil");

        TestMailServer.awaitMail(email, "Ny adgangskode til Samspil");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?")
                        .param(unknown)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM password_reset r JOIN app_user u ON u.id = r.user_id WHERE u.email = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theResetLinkSetsANewPasswordOnceAndEndsTheOtherSessions() throws Exception {
        WebClient elsewhere = client();
        elsewhere.login(email, OLD);
        assertThat(elsewhere.get("/start").statusCode()).isEqualTo(200);

        String link = requestLink();
        assertThat(jdbc.sql("SELECT count(*) FROM password_reset WHERE token_hash = ?")
                        .param(Tokens.hash(link.substring("/nulstil/".length())))
                        .query(Integer.class)
                        .single())
                .as("only the hash of the token is stored")
                .isEqualTo(1);
        WebClient browser = client();
        assertThat(browser.get(link).body()).contains("Vælg en ny adgangskode", email);
        HttpResponse<String> saved = browser.post(link, link, Map.of("password", NEW, "repeat", NEW));
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/login?reset");

        assertThat(elsewhere.get("/start").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?ended");
        assertThat(browser.login(email, NEW).headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
        assertThat(browser.get("/start").statusCode()).isEqualTo(200);
        assertThat(encoder.matches(OLD, hash())).isFalse();
        assertThat(hash()).as("a slow adaptive hash").startsWith("{bcrypt}");

        assertThat(client().get(link).body()).contains("Linket kan ikke bruges");
        assertThat(client().post(
                                link,
                                "/glemt-adgangskode",
                                Map.of("password", "en tredje adgangskode", "repeat", "en tredje adgangskode"))
                        .body())
                .contains("Linket kan ikke bruges");
        assertThat(encoder.matches(NEW, hash())).isTrue();
    }

    @Test
    void anExpiredResetLinkIsRefused() throws Exception {
        String link = requestLink();
        jdbc.sql("UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE token_hash = ?")
                .param(Tokens.hash(link.substring("/nulstil/".length())))
                .update();
        assertThat(client().get(link).body()).contains("Linket kan ikke bruges");
        assertThat(client().post(link, "/glemt-adgangskode", Map.of("password", NEW, "repeat", NEW))
                        .body())
                .contains("Linket kan ikke bruges");
        assertThat(encoder.matches(OLD, hash())).isTrue();
    }

    @Test
    void theLinkIsValidForTheConfiguredHour(@Autowired SecuritySettings settings) throws Exception {
        assertThat(settings.passwordResetValidity()).isEqualTo(Duration.ofHours(1));
        String link = requestLink();
        Double hours = jdbc.sql(
                        "SELECT extract(epoch FROM expires_at - created_at) / 3600 FROM password_reset WHERE token_hash = ?")
                .param(Tokens.hash(link.substring("/nulstil/".length())))
                .query(Double.class)
                .single();
        assertThat(hours).isBetween(0.99, 1.01);
    }

    @Test
    void changingTheOwnPasswordNeedsTheCurrentOneAndEndsTheOtherSessions() throws Exception {
        WebClient here = client();
        WebClient elsewhere = client();
        here.login(email, OLD);
        elsewhere.login(email, OLD);
        assertThat(elsewhere.get("/start").statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = here.post(
                "/konto/adgangskode", "/konto", Map.of("current", "ikke den rigtige", "password", NEW, "repeat", NEW));
        assertThat(org.jsoup.Jsoup.parse(wrong.body()).select("#current-error").text())
                .contains("Den nuværende adgangskode er forkert.");
        HttpResponse<String> mismatch = here.post(
                "/konto/adgangskode", "/konto", Map.of("current", OLD, "password", NEW, "repeat", "noget andet her"));
        assertThat(org.jsoup.Jsoup.parse(mismatch.body())
                        .select("#repeat-error")
                        .text())
                .contains("De to adgangskoder er ikke ens.");
        assertThat(encoder.matches(OLD, hash())).isTrue();

        HttpResponse<String> changed =
                here.post("/konto/adgangskode", "/konto", Map.of("current", OLD, "password", NEW, "repeat", NEW));
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/konto");
        assertThat(here.get("/konto").body()).contains("Din adgangskode er skiftet.");
        assertThat(here.get("/start").statusCode()).as("this session goes on").isEqualTo(200);
        assertThat(elsewhere.get("/start").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?ended");
        assertThat(encoder.matches(NEW, hash())).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'PASSWORD_CHANGED' AND username = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSignInPageLinksToGlemtAdgangskode() throws Exception {
        assertThat(client().get("/login").body()).contains("href=\"/glemt-adgangskode\"", "Glemt adgangskode?");
    }

    @Test
    void repeatedRequestsForOneAddressSendAFewMailsAnHourWithTheSameAnswer() throws Exception {
        String unknown = "findes.heller.ikke." + System.nanoTime() + "@example.dk";
        String first = null;
        for (int i = 0; i < Passwords.MAILS_PER_ADDRESS_PER_HOUR + 3; i++) {
            HttpResponse<String> known =
                    client().post("/glemt-adgangskode", "/glemt-adgangskode", Map.of("email", email));
            HttpResponse<String> other =
                    client().post("/glemt-adgangskode", "/glemt-adgangskode", Map.of("email", unknown));
            assertThat(known.statusCode()).isEqualTo(other.statusCode()).isEqualTo(200);
            assertThat(withoutCsrf(known.body())).isEqualTo(withoutCsrf(other.body()));
            first = first == null ? withoutCsrf(known.body()) : first;
            assertThat(withoutCsrf(known.body()))
                    .as("a held-back mail gets the same page")
                    .isEqualTo(first);
        }
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM password_reset r JOIN app_user u ON u.id = r.user_id WHERE u.email = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(Passwords.MAILS_PER_ADDRESS_PER_HOUR);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(Passwords.MAILS_PER_ADDRESS_PER_HOUR);
    }

    @Test
    void anHourLaterTheAddressGetsAMailAgain() throws Exception {
        for (int i = 0; i < Passwords.MAILS_PER_ADDRESS_PER_HOUR; i++) {
            passwords.requestReset(email, "192.0.2." + i);
        }
        passwords.requestReset(email, "192.0.2.99");
        assertThat(resets()).isEqualTo(Passwords.MAILS_PER_ADDRESS_PER_HOUR);
        jdbc.sql("UPDATE audit_log SET occurred_at = occurred_at - interval '61 minutes' WHERE username = ?")
                .param(email)
                .update();
        passwords.requestReset(email, "192.0.2.99");
        assertThat(resets()).isEqualTo(Passwords.MAILS_PER_ADDRESS_PER_HOUR + 1);
    }

    @Test
    void oneClientAddressAsksForAFewMailsAnHourAcrossAddresses() throws Exception {
        String client = "198.51.100." + (System.nanoTime() % 200 + 1);
        jdbc.sql("UPDATE audit_log SET occurred_at = occurred_at - interval '2 hours' WHERE remote_address = ?")
                .param(client)
                .update();
        for (int i = 0; i < Passwords.MAILS_PER_CLIENT_PER_HOUR; i++) {
            String other = "mange." + i + "." + System.nanoTime() + "@example.dk";
            jdbc.sql(
                            "INSERT INTO app_user (username, password_hash, display_name, email, role) VALUES (?, ?, 'Mange', ?, 'PKO_CONSULTANT')")
                    .params(other, encoder.encode(OLD), other)
                    .update();
            passwords.requestReset(other, client);
        }
        passwords.requestReset(email, client);
        assertThat(resets())
                .as("the eleventh mail from one client is held back")
                .isZero();
        assertThat(jdbc.sql("SELECT target FROM audit_log WHERE action = 'PASSWORD_RESET_REQUESTED' AND username = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo(Passwords.THROTTLED);
        passwords.requestReset(email, "203.0.113.200");
        assertThat(resets()).as("another client is not held back").isEqualTo(1);
    }

    @Autowired
    Passwords passwords;

    private int resets() {
        return jdbc.sql("SELECT count(*) FROM password_reset r JOIN app_user u ON u.id = r.user_id WHERE u.email = ?")
                .param(email)
                .query(Integer.class)
                .single();
    }

    /** The requests of these tests from the test client's address move out of the hour, so no other test is held back. */
    @org.junit.jupiter.api.AfterEach
    void forgetRequests() {
        jdbc.sql(
                        "UPDATE audit_log SET occurred_at = occurred_at - interval '2 hours' WHERE action = 'PASSWORD_RESET_REQUESTED'")
                .update();
    }

    private String requestLink() throws Exception {
        client().post("/glemt-adgangskode", "/glemt-adgangskode", Map.of("email", email));
        return UserAdministrationTests.link(
                TestMailServer.text(TestMailServer.awaitMail(email, "Ny adgangskode")), "/nulstil/");
    }

    private String hash() {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
                .param(email)
                .query(String.class)
                .single();
    }

    private WebClient client() {
        return new WebClient("http://localhost:" + port);
    }

    private static String withoutCsrf(String html) {
        return html.replaceAll("value=\"[^\"]+\"\\s+name=\"_csrf\"|name=\"_csrf\"\\s+value=\"[^\"]+\"", "");
    }
}
