package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A provider's lead consultant manages the provider's own consultants, and never another provider's users. */
@SamspilTest
class LeadConsultantTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void theLeadConsultantInvitesDeactivatesAndReactivatesTheProvidersOwnConsultant() throws Exception {
        WebClient lead = signedIn("konsulent");
        assertThat(lead.get("/konto").body()).contains("href=\"/udbyder/konsulenter\"");
        String email = "kiap.ny." + System.nanoTime() + "@example.dk";
        HttpResponse<String> invited =
                lead.post("/udbyder/konsulenter", "/udbyder/konsulenter/ny", Map.of("email", email, "name", "Kim Ny"));
        assertThat(invited.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT role || ':' || provider_code FROM app_user WHERE username = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("CONSULTANT:KIAP");
        String link = UserAdministrationTests.link(
                TestMailServer.text(TestMailServer.awaitMail(email, "Invitation til Samspil")), "/invitation/");
        WebClient user = new WebClient("http://localhost:" + port);
        user.post(link, link, Map.of("password", "en god adgangskode", "repeat", "en god adgangskode"));
        user.login(email, "en god adgangskode");
        assertThat(user.get("/start").statusCode()).isEqualTo(200);
        assertThat(lead.get("/udbyder/konsulenter").body()).contains("Kim Ny", "Aktiv");

        long id = id(email);
        lead.post("/udbyder/konsulenter/" + id + "/deaktiver", "/udbyder/konsulenter", Map.of());
        assertThat(user.get("/start").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?ended");
        lead.post("/udbyder/konsulenter/" + id + "/leder", "/udbyder/konsulenter", Map.of("lead", "true"));
        assertThat(jdbc.sql("SELECT lead_consultant FROM app_user WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        lead.post("/udbyder/konsulenter/" + id + "/aktiver", "/udbyder/konsulenter", Map.of());
        assertThat(jdbc.sql("SELECT deactivated_at IS NULL FROM app_user WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_log WHERE username = 'konsulent' AND action IN ('USER_INVITED', 'USER_DEACTIVATED', 'USER_LEAD_CHANGED', 'USER_REACTIVATED') AND starts_with(target, ?)")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void theLeadConsultantGets404ForEveryAddressOfAnotherProvidersUsers() throws Exception {
        String other = "midt.anden." + System.nanoTime() + "@example.dk";
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role, provider_code)
                        VALUES (?, ?, 'Mia Midt', ?, 'CONSULTANT', 'MIDTKRAFT')""").params(other, encoder.encode("samspil"), other).update();
        long id = id(other);
        long coordinator = id("koordinator");
        WebClient lead = signedIn("konsulent");
        assertThat(lead.get("/udbyder/konsulenter").body()).doesNotContain("Mia Midt", "Anne Kjær");
        for (long target : new long[] {id, coordinator}) {
            for (String action : new String[] {"deaktiver", "aktiver", "leder"}) {
                assertThat(lead.post(
                                        "/udbyder/konsulenter/" + target + "/" + action,
                                        "/udbyder/konsulenter",
                                        Map.of("lead", "true"))
                                .statusCode())
                        .as(action + " " + target)
                        .isEqualTo(404);
            }
        }
        assertThat(jdbc.sql("SELECT deactivated_at IS NULL AND NOT lead_consultant FROM app_user WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        for (String page : new String[] {"/admin/brugere/" + id, "/admin/brugere"}) {
            assertThat(lead.get(page).statusCode()).as(page).isEqualTo(403);
        }
        WebClient notLead = signedIn("midtkraft");
        assertThat(notLead.get("/udbyder/konsulenter").statusCode())
                .as("a consultant who is no lead")
                .isEqualTo(404);
        assertThat(notLead.post("/udbyder/konsulenter/" + id + "/deaktiver", "/konto", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theLeadConsultantCannotDeactivateThemselfOrStepDownAlone() throws Exception {
        WebClient lead = signedIn("konsulent");
        long self = id("konsulent");
        lead.post("/udbyder/konsulenter/" + self + "/deaktiver", "/udbyder/konsulenter", Map.of());
        lead.post("/udbyder/konsulenter/" + self + "/leder", "/udbyder/konsulenter", Map.of("lead", "false"));
        assertThat(jdbc.sql("SELECT deactivated_at IS NULL AND lead_consultant FROM app_user WHERE id = ?")
                        .param(self)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(lead.get("/udbyder/konsulenter").body())
                .contains("Du kan ikke selv holde op med at være ledende konsulent.");
    }

    private WebClient signedIn(String username) throws Exception {
        WebClient client = new WebClient("http://localhost:" + port);
        client.login(username, "samspil");
        return client;
    }

    private long id(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }
}
