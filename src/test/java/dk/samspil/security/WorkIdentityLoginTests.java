package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.TestOidcServer;
import dk.samspil.WebClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Log-in with a work identity against a real OpenID provider in the test JVM (mock-oauth2-server standing in for the
 * MitID Erhverv broker), over real HTTP: Samspil's button, the provider's sign-in page, the code back to Samspil,
 * Spring Security's checks of the ID token, and Samspil's link to an account the administrator made.
 */
@SamspilTest
class WorkIdentityLoginTests {

    static final String SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/loa/Substantial";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebClient admin;
    final HttpClient provider =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void signInAsAdministrator() throws Exception {
        admin = new WebClient(base());
        admin.login("admin", "samspil");
    }

    /** The refusals below come from this machine's address; they must not slow down other tests' sign-ins. */
    @AfterEach
    void forgetRefusals() {
        jdbc.sql("DELETE FROM audit_log WHERE action = 'SIGN_IN_FAILED' AND target LIKE 'oidc:%'")
                .update();
    }

    @Test
    void theLoginPageOffersTheWorkIdentityBesideThePassword() throws Exception {
        var page = Jsoup.parse(new WebClient(base()).get("/login").body());
        var button = page.selectFirst("a[href='/oauth2/authorization/" + TestOidcServer.REGISTRATION + "']");
        assertThat(button).isNotNull();
        assertThat(button.text()).isEqualTo("Log ind med MitID Erhverv");
        assertThat(page.select("input[name=password]")).hasSize(1);
    }

    @Test
    void aFirstLogInLinksByVerifiedEmailAndLaterLogInsByIssuerAndSubject() throws Exception {
        String email = "mitid." + System.nanoTime() + "@example.dk";
        long id = invite(email, "Mette MitID", "CONSULTANT", "P:KIAP");
        String subject = "sub-" + System.nanoTime();

        WebClient user = new WebClient(base());
        var back =
                signIn(user, subject, Map.of("email", email.toUpperCase(), "email_verified", true, "loa", SUBSTANTIAL));
        assertThat(location(back)).isEqualTo("/start");
        assertThat(user.get("/start").body()).contains("Mette MitID");
        assertThat(jdbc.sql("SELECT linked_by FROM work_identity WHERE subject = ? AND issuer = ?")
                        .params(subject, TestOidcServer.issuer())
                        .query(String.class)
                        .single())
                .isEqualTo("EMAIL");
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .as("the invitation is fulfilled by the link")
                .isTrue();
        assertThat(audits(email, AuditLog.SIGN_IN)).isEqualTo(1);

        // Later the provider sends no e-mail at all: the issuer and subject find the account.
        WebClient again = new WebClient(base());
        assertThat(location(signIn(again, subject, Map.of("loa", SUBSTANTIAL)))).isEqualTo("/start");
        assertThat(again.get("/start").body()).contains("Mette MitID");

        var userPage = Jsoup.parse(admin.get("/admin/brugere/" + id).body());
        assertThat(userPage.select("table td").eachText()).contains(TestOidcServer.issuer(), subject);
        assertThat(userPage.text()).contains("Aktiv", "Via bekræftet e-mail");
    }

    @Test
    void theBrokersProfessionalIdAndCvrLinkAnAccountTheAdministratorMarked() throws Exception {
        String email = "pid." + System.nanoTime() + "@example.dk";
        long id = invite(email, "Per Professionel", "COORDINATOR", "C:1");
        String professionalId = java.util.UUID.randomUUID().toString();
        var saved = admin.post(
                "/admin/brugere/" + id + "/arbejdsidentitet",
                "/admin/brugere/" + id,
                Map.of("professionalId", professionalId, "cvr", "29190623"));
        assertThat(location(saved)).isEqualTo("/admin/brugere/" + id);
        assertThat(audits("admin", UserAdministration.USER_PROFESSIONAL_ID_SET, email))
                .isEqualTo(1);

        // The right professional id with another organisation's CVR is not this user.
        var otherCvr = signIn(
                new WebClient(base()),
                "sub-" + System.nanoTime(),
                Map.of(WorkIdentities.PROFESSIONAL_ID, professionalId, WorkIdentities.CVR, "11111111", "loa", "High"));
        assertThat(location(otherCvr)).isEqualTo("/login/afvist?aarsag=ukendt");

        WebClient user = new WebClient(base());
        String subject = "sub-" + System.nanoTime();
        var back = signIn(
                user,
                subject,
                Map.of(WorkIdentities.PROFESSIONAL_ID, professionalId, WorkIdentities.CVR, "29190623", "loa", "High"));
        assertThat(location(back)).isEqualTo("/start");
        assertThat(user.get("/klynger/1").statusCode())
                .as("a coordinator of cluster 1")
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT linked_by FROM work_identity WHERE subject = ?")
                        .param(subject)
                        .query(String.class)
                        .single())
                .isEqualTo("PROFESSIONAL_ID");
    }

    @Test
    void anUnknownIdentityOrAnUnverifiedEmailGetsADanishPageAndNoAccount() throws Exception {
        String email = "uverificeret." + System.nanoTime() + "@example.dk";
        invite(email, "Ulla Uverificeret", "CONSULTANT", "P:KIAP");
        int accounts =
                jdbc.sql("SELECT count(*) FROM app_user").query(Integer.class).single();

        WebClient stranger = new WebClient(base());
        var unverified = signIn(
                stranger,
                "sub-" + System.nanoTime(),
                Map.of("email", email, "email_verified", false, "loa", SUBSTANTIAL));
        assertThat(location(unverified)).isEqualTo("/login/afvist?aarsag=ukendt");
        var unknown = signIn(
                stranger,
                "sub-" + System.nanoTime(),
                Map.of(
                        "email",
                        "ingen." + System.nanoTime() + "@example.dk",
                        "email_verified",
                        true,
                        "loa",
                        SUBSTANTIAL));
        assertThat(location(unknown)).isEqualTo("/login/afvist?aarsag=ukendt");

        var page = stranger.get(location(unknown));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Vi kender ikke din identitet");
        assertThat(page.body()).contains("Bed din administrator om en invitation");
        assertThat(location(stranger.get("/start"))).as("not signed in").endsWith("/login");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user")
                        .query(Integer.class)
                        .single())
                .isEqualTo(accounts);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'SIGN_IN_FAILED' AND target = ?")
                        .param("oidc:" + WorkIdentities.UNKNOWN)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aLowerAssuranceLevelThanTheProviderRequiresIsRefused() throws Exception {
        String email = "lav." + System.nanoTime() + "@example.dk";
        invite(email, "Lars Lav", "CONSULTANT", "P:KIAP");
        var low = signIn(
                new WebClient(base()),
                "sub-" + System.nanoTime(),
                Map.of("email", email, "email_verified", true, "loa", "https://data.gov.dk/concept/core/nsis/loa/Low"));
        assertThat(location(low)).isEqualTo("/login/afvist?aarsag=niveau");
        var none = signIn(
                new WebClient(base()), "sub-" + System.nanoTime(), Map.of("email", email, "email_verified", true));
        assertThat(location(none)).as("no level stated").isEqualTo("/login/afvist?aarsag=niveau");
        assertThat(Jsoup.parse(new WebClient(base())
                                .get("/login/afvist?aarsag=niveau")
                                .body())
                        .select("h1")
                        .text())
                .isEqualTo("Dit sikringsniveau er for lavt");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM work_identity w JOIN app_user u ON u.id = w.user_id WHERE u.email = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aTokenOfAnotherIssuerOrAudienceOrAnExpiredOneIsRefused() throws Exception {
        String email = "token." + System.nanoTime() + "@example.dk";
        invite(email, "Tina Token", "CONSULTANT", "P:KIAP");
        Map<String, Object> claims = Map.of("email", email, "email_verified", true, "loa", SUBSTANTIAL);

        var otherIssuer = new java.util.HashMap<String, Object>(claims);
        otherIssuer.put("iss", "https://falsk-udbyder.example/mitid");
        TestOidcServer.server()
                .enqueueCallback(new DefaultOAuth2TokenCallback(
                        TestOidcServer.ISSUER_ID, "x", "JWT", List.of(TestOidcServer.CLIENT_ID), otherIssuer, 3600));
        assertThat(location(signIn(new WebClient(base()), "sub-" + System.nanoTime(), claims)))
                .isEqualTo("/login/afvist?aarsag=ugyldig");

        // The provider's ID token names the client as its audience; this one names another service.
        var otherAudience = new java.util.HashMap<String, Object>(claims);
        otherAudience.put("aud", List.of("en-anden-tjeneste"));
        TestOidcServer.server()
                .enqueueCallback(new DefaultOAuth2TokenCallback(
                        TestOidcServer.ISSUER_ID, "x", "JWT", List.of("en-anden-tjeneste"), otherAudience, 3600));
        assertThat(location(signIn(new WebClient(base()), "sub-" + System.nanoTime(), claims)))
                .isEqualTo("/login/afvist?aarsag=ugyldig");

        TestOidcServer.server()
                .enqueueCallback(new DefaultOAuth2TokenCallback(
                        TestOidcServer.ISSUER_ID, "x", "JWT", List.of(TestOidcServer.CLIENT_ID), claims, -600));
        assertThat(location(signIn(new WebClient(base()), "sub-" + System.nanoTime(), claims)))
                .isEqualTo("/login/afvist?aarsag=ugyldig");

        assertThat(jdbc.sql(
                                "SELECT count(*) FROM work_identity w JOIN app_user u ON u.id = w.user_id WHERE u.email = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isZero();
        // And the same identity with a sound token is let in.
        assertThat(location(signIn(new WebClient(base()), "sub-" + System.nanoTime(), claims)))
                .isEqualTo("/start");
    }

    @Test
    void aForgedOrReplayedCallbackIsRefused() throws Exception {
        WebClient stranger = new WebClient(base());
        var forged = stranger.get("/login/oauth2/code/" + TestOidcServer.REGISTRATION + "?code=abc&state=def");
        assertThat(location(forged)).isEqualTo("/login/afvist?aarsag=ugyldig");
        var cancelled =
                stranger.get("/login/oauth2/code/" + TestOidcServer.REGISTRATION + "?error=access_denied&state=def");
        assertThat(location(cancelled)).startsWith("/login/afvist?aarsag=");
        assertThat(Jsoup.parse(stranger.get("/login/afvist?aarsag=%3Cscript%3E").body())
                        .select("h1")
                        .text())
                .isEqualTo("Log-in mislykkedes");
    }

    @Test
    void aDeactivatedAccountIsRefusedAndItsOpenSessionEnds() throws Exception {
        String email = "deaktiv." + System.nanoTime() + "@example.dk";
        long id = invite(email, "Dorte Deaktiv", "CONSULTANT", "P:KIAP");
        String subject = "sub-" + System.nanoTime();
        Map<String, Object> claims = Map.of("email", email, "email_verified", true, "loa", SUBSTANTIAL);
        WebClient user = new WebClient(base());
        assertThat(location(signIn(user, subject, claims))).isEqualTo("/start");

        admin.post("/admin/brugere/" + id + "/deaktiver", "/admin/brugere/" + id, Map.of());
        assertThat(location(user.get("/start"))).isEqualTo("/login?ended");
        assertThat(location(signIn(new WebClient(base()), subject, claims)))
                .isEqualTo("/login/afvist?aarsag=deaktiveret");
    }

    @Test
    void logOutEndsTheSamspilSessionAndSendsTheUserToTheProvidersEndSession() throws Exception {
        String email = "logud." + System.nanoTime() + "@example.dk";
        invite(email, "Lone Logud", "CONSULTANT", "P:KIAP");
        WebClient user = new WebClient(base());
        assertThat(location(signIn(
                        user,
                        "sub-" + System.nanoTime(),
                        Map.of("email", email, "email_verified", true, "loa", SUBSTANTIAL))))
                .isEqualTo("/start");

        var out = user.post("/logout", "/start", Map.of());
        URI endSession = URI.create(out.headers().firstValue("Location").orElseThrow());
        assertThat(endSession.toString()).startsWith(TestOidcServer.issuer() + "/endsession");
        assertThat(endSession.getRawQuery()).contains("id_token_hint=", "post_logout_redirect_uri=");
        var fromProvider =
                provider.send(HttpRequest.newBuilder(endSession).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromProvider.headers().firstValue("Location").orElseThrow()).startsWith(base() + "/login?logout");
        assertThat(location(user.get("/start"))).endsWith("/login");
        assertThat(audits(email, AuditLog.SIGN_OUT)).isEqualTo(1);
        // The log-out form may answer with a redirect to the provider: the pages' policy names its origin.
        assertThat(user.get("/login")
                        .headers()
                        .firstValue("Content-Security-Policy")
                        .orElseThrow())
                .contains("form-action 'self' "
                        + URI.create(TestOidcServer.issuer())
                                .resolve("/")
                                .toString()
                                .replaceAll("/$", ""));
    }

    @Test
    void theAdministratorsProfessionalIdFormRefusesBadInputAtTheFieldAndKeepsWhatWasSaved() throws Exception {
        String email = "skema." + System.nanoTime() + "@example.dk";
        long id = invite(email, "Sara Skema", "CONSULTANT", "P:KIAP");
        String path = "/admin/brugere/" + id + "/arbejdsidentitet";
        String professionalId = java.util.UUID.randomUUID().toString();
        admin.post(path, "/admin/brugere/" + id, Map.of("professionalId", professionalId, "cvr", "12345678"));

        assertThat(fieldError(
                        admin.post(
                                path, "/admin/brugere/" + id, Map.of("professionalId", "<script>", "cvr", "12345678")),
                        "professionalId"))
                .contains("Medarbejder-id må kun have");
        assertThat(fieldError(
                        admin.post(
                                path, "/admin/brugere/" + id, Map.of("professionalId", professionalId, "cvr", "1234")),
                        "cvr"))
                .isEqualTo("Fejl: Skriv CVR-nummeret som 8 cifre.");
        assertThat(fieldError(
                        admin.post(path, "/admin/brugere/" + id, Map.of("professionalId", professionalId, "cvr", "")),
                        "cvr"))
                .contains("sammen med medarbejder-id");
        assertThat(fieldError(
                        admin.post(
                                path,
                                "/admin/brugere/" + id,
                                Map.of("professionalId", "x".repeat(5000), "cvr", "12345678")),
                        "professionalId"))
                .contains("højst 100 tegn");
        long other = invite("anden." + System.nanoTime() + "@example.dk", "Anne Anden", "CONSULTANT", "P:KIAP");
        assertThat(fieldError(
                        admin.post(
                                "/admin/brugere/" + other + "/arbejdsidentitet",
                                "/admin/brugere/" + other,
                                Map.of("professionalId", professionalId, "cvr", "12345678")),
                        "professionalId"))
                .contains("En anden bruger har allerede");
        assertThat(jdbc.sql("SELECT professional_id || ' ' || professional_cvr FROM app_user WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(professionalId + " 12345678");

        assertThat(location(admin.post(path, "/admin/brugere/" + id, Map.of("professionalId", " ", "cvr", ""))))
                .isEqualTo("/admin/brugere/" + id);
        assertThat(jdbc.sql("SELECT professional_id IS NULL AND professional_cvr IS NULL FROM app_user WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void removingALinkedIdentityEndsItsSessionsAndItsNextLogInMustLinkAnew() throws Exception {
        String email = "fjern." + System.nanoTime() + "@example.dk";
        long id = invite(email, "Finn Fjern", "CONSULTANT", "P:KIAP");
        String subject = "sub-" + System.nanoTime();
        WebClient user = new WebClient(base());
        assertThat(location(signIn(user, subject, Map.of("email", email, "email_verified", true, "loa", SUBSTANTIAL))))
                .isEqualTo("/start");

        var removed = admin.post(
                "/admin/brugere/" + id + "/arbejdsidentitet/fjern",
                "/admin/brugere/" + id,
                Map.of("issuer", TestOidcServer.issuer(), "subject", subject));
        assertThat(location(removed)).isEqualTo("/admin/brugere/" + id);
        assertThat(location(user.get("/start"))).isEqualTo("/login?ended");
        assertThat(location(signIn(new WebClient(base()), subject, Map.of("loa", SUBSTANTIAL))))
                .as("no e-mail now, and no link any more")
                .isEqualTo("/login/afvist?aarsag=ukendt");
        assertThat(admin.post(
                                "/admin/brugere/" + id + "/arbejdsidentitet/fjern",
                                "/admin/brugere/" + id,
                                Map.of("issuer", TestOidcServer.issuer(), "subject", subject))
                        .statusCode())
                .isEqualTo(404);
    }

    /**
     * Signs in as a user of the provider: Samspil's "Log ind med MitID Erhverv" sends the browser to the provider,
     * the provider's sign-in form is sent with the subject and claims, the provider sends the browser back with a
     * code; returns Samspil's answer to that.
     */
    HttpResponse<String> signIn(WebClient user, String subject, Map<String, Object> claims) throws Exception {
        var toProvider = user.get("/oauth2/authorization/" + TestOidcServer.REGISTRATION);
        URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(TestOidcServer.issuer() + "/authorize");
        var form = provider.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.body()).contains("name=\"username\"");
        String body = "username=" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "&claims="
                + URLEncoder.encode(json(claims), StandardCharsets.UTF_8);
        var signedIn = provider.send(
                HttpRequest.newBuilder(authorize)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String callback = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(base() + "/login/oauth2/code/" + TestOidcServer.REGISTRATION + "?");
        return user.get(callback.substring(base().length()));
    }

    static String json(Map<String, Object> claims) {
        return new tools.jackson.databind.ObjectMapper().writeValueAsString(claims);
    }

    long invite(String email, String name, String role, String organisation) throws Exception {
        admin.post(
                "/admin/brugere",
                "/admin/brugere/ny",
                Map.of("email", email, "name", name, "role", role, "organisation", organisation));
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    static String fieldError(HttpResponse<String> page, String field) {
        assertThat(page.statusCode()).isEqualTo(200);
        var error = Jsoup.parse(page.body()).getElementById(field + "-error");
        assertThat(error).as("an error at " + field).isNotNull();
        return error.text();
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(no redirect: " + response.statusCode() + ")");
    }

    int audits(String username, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE username = ? AND action = ?")
                .params(username, action)
                .query(Integer.class)
                .single();
    }

    int audits(String username, String action, String targetStart) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE username = ? AND action = ? AND target LIKE ?")
                .params(username, action, targetStart + "%")
                .query(Integer.class)
                .single();
    }

    String base() {
        return "http://localhost:" + port;
    }
}
