package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administrator invites, changes and deactivates users in the browser's HTTP, against the real server. */
@SamspilTest
class UserAdministrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebClient admin;

    @BeforeEach
    void signInAsAdministrator() throws Exception {
        admin = new WebClient("http://localhost:" + port);
        admin.login("admin", "samspil");
    }

    @Test
    void invitedUserSetsPasswordSignsInAndIsRefusedOnTheNextRequestOnceDeactivated() throws Exception {
        String email = "ny.konsulent." + System.nanoTime() + "@example.dk";
        HttpResponse<String> invited = invite(email, "Nina Ny", "CONSULTANT", "P:KIAP");
        assertThat(invited.statusCode()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
                .param(email)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT provider_code FROM app_user WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("KIAP");
        assertThat(admin.get("/admin/brugere").body()).contains("Nina Ny", "Inviteret", "KiAP");

        String link =
                link(TestMailServer.text(TestMailServer.awaitMail(email, "Invitation til Samspil")), "/invitation/");
        WebClient user = new WebClient("http://localhost:" + port);
        assertThat(user.post(link, link, Map.of("password", "en god adgangskode", "repeat", "en god adgangskode"))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/login?invited");
        assertThat(user.login(email, "en god adgangskode")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
        assertThat(user.get("/start").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/brugere").body()).contains("Aktiv");

        admin.post("/admin/brugere/" + id + "/deaktiver", "/admin/brugere/" + id, Map.of());
        HttpResponse<String> refused = user.get("/start");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        assertThat(user.get("/start").headers().firstValue("Location").orElseThrow())
                .endsWith("/login")
                .as("the session is gone");
        assertThat(user.login(email, "en god adgangskode")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .contains("error");

        admin.post("/admin/brugere/" + id + "/aktiver", "/admin/brugere/" + id, Map.of());
        assertThat(user.login(email, "en god adgangskode")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
        assertThat(user.get("/start").statusCode()).isEqualTo(200);

        assertThat(audits("USER_INVITED", email)).isEqualTo(1);
        assertThat(audits("USER_DEACTIVATED", email)).isEqualTo(1);
        assertThat(audits("USER_REACTIVATED", email)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'SESSION_REFUSED' AND username = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void changingTheRoleMovesTheUserAndEndsTheirOpenSession() throws Exception {
        String email = "skifter." + System.nanoTime() + "@example.dk";
        invite(email, "Sif Skifter", "CONSULTANT", "P:KIAP");
        String link =
                link(TestMailServer.text(TestMailServer.awaitMail(email, "Invitation til Samspil")), "/invitation/");
        WebClient user = new WebClient("http://localhost:" + port);
        user.post(link, link, Map.of("password", "en god adgangskode", "repeat", "en god adgangskode"));
        user.login(email, "en god adgangskode");
        assertThat(user.get("/start").statusCode()).isEqualTo(200);
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?")
                .param(email)
                .query(Long.class)
                .single();

        admin.post(
                "/admin/brugere/" + id + "/rolle",
                "/admin/brugere/" + id,
                Map.of("role", "PKO_CONSULTANT", "organisation", ""));
        assertThat(jdbc.sql("SELECT role || coalesce(provider_code, '-') FROM app_user WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("PKO_CONSULTANT-");
        assertThat(user.get("/start").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?ended");
        assertThat(audits("USER_ROLE_CHANGED", email)).isEqualTo(1);
    }

    @Test
    void badInvitationIsAnsweredAtTheFieldsAndNothingIsSaved() throws Exception {
        int before = users();
        HttpResponse<String> taken = invite("admin@example.dk", "Dobbelt", "CONSULTANT", "P:KIAP");
        HttpResponse<String> noOrganisation =
                invite("uden.org." + System.nanoTime() + "@example.dk", "Uden", "COORDINATOR", "");
        HttpResponse<String> wrongKind =
                invite("forkert." + System.nanoTime() + "@example.dk", "Forkert", "PKO_CONSULTANT", "P:KIAP");
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(errorAt(taken, "email")).contains("Der findes allerede en bruger med denne e-mail.");
        assertThat(errorAt(noOrganisation, "organisation")).contains("Vælg en organisation, der passer til rollen.");
        assertThat(errorAt(wrongKind, "organisation")).contains("Denne rolle hører ikke til en organisation.");
        assertThat(noOrganisation.body()).contains("value=\"Uden\"");
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void anAdministratorCannotDeactivateThemself() throws Exception {
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'")
                .query(Long.class)
                .single();
        admin.post("/admin/brugere/" + id + "/deaktiver", "/admin/brugere/" + id, Map.of());
        assertThat(admin.get("/admin/brugere/" + id).body()).contains("Du kan ikke deaktivere dig selv.");
        assertThat(jdbc.sql("SELECT deactivated_at IS NULL FROM app_user WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aCoordinatorInvitesASecondCoordinatorOfTheOwnClusterButNotOfAnother() throws Exception {
        long demo = jdbc.sql("SELECT id FROM cluster WHERE name = 'Demoklyngen'")
                .query(Long.class)
                .single();
        String email = "anden.koordinator." + System.nanoTime() + "@example.dk";
        WebClient other = new WebClient("http://localhost:" + port);
        other.login("koordinator2", "samspil");
        String form = "/klynger/" + demo + "/koordinatorer/ny";
        assertThat(other.get(form).statusCode()).isEqualTo(404);
        assertThat(other.post(
                                "/klynger/" + demo + "/koordinatorer",
                                "/konto",
                                Map.of("email", email, "name", "Ikke Her"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isZero();

        WebClient coordinator = new WebClient("http://localhost:" + port);
        coordinator.login("koordinator", "samspil");
        assertThat(coordinator
                        .post("/klynger/" + demo + "/koordinatorer", form, Map.of("email", email, "name", "Anna Anden"))
                        .statusCode())
                .isEqualTo(302);
        TestMailServer.awaitMail(email, "Invitation til Samspil");
        assertThat(jdbc.sql("SELECT role || ':' || cluster_id FROM app_user WHERE username = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("COORDINATOR:" + demo);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_log WHERE action = 'USER_INVITED' AND username = 'koordinator' AND starts_with(target, ?)")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private HttpResponse<String> invite(String email, String name, String role, String organisation) throws Exception {
        return admin.post(
                "/admin/brugere",
                "/admin/brugere/ny",
                Map.of("email", email, "name", name, "role", role, "organisation", organisation));
    }

    static String link(String mail, String prefix) {
        Matcher matcher =
                Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_-]+").matcher(mail);
        assertThat(matcher.find()).as("a link in the mail").isTrue();
        return matcher.group();
    }

    private static String errorAt(HttpResponse<String> page, String field) {
        return org.jsoup.Jsoup.parse(page.body()).select("#" + field + "-error").text();
    }

    private int audits(String action, String targetStart) {
        return jdbc.sql(
                        "SELECT count(*) FROM audit_log WHERE action = ? AND username = 'admin' AND starts_with(target, ?)")
                .params(action, targetStart)
                .query(Integer.class)
                .single();
    }

    private int users() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Integer.class).single();
    }
}
