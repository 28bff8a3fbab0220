package dk.samspil.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administrator makes and edits a package provider and invites a consultant to it. */
@SamspilTest
class ProviderAdministrationTests {

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
    void theAdministratorMakesAProviderEditsItAndInvitesAConsultantToIt() throws Exception {
        String code = "T" + (System.nanoTime() % 1_000_000_000L);
        HttpResponse<String> made = admin.post(
                "/admin/udbydere",
                "/admin/udbydere/ny",
                Map.of("code", code, "name", "Testenheden", "regionCode", "1082"));
        assertThat(made.headers().firstValue("Location").orElseThrow()).endsWith("/admin/udbydere/" + code);
        assertThat(admin.get("/admin/registre").body()).contains("Testenheden");
        admin.post(
                "/admin/udbydere/" + code,
                "/admin/udbydere/" + code,
                Map.of("name", "Testenheden Nord", "regionCode", ""));
        assertThat(jdbc.sql("SELECT name || ':' || coalesce(region_code, 'national') FROM provider WHERE code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("Testenheden Nord:national");

        assertThat(admin.get("/admin/brugere/ny").body()).contains("value=\"P:" + code + "\"");
        String email = "test.konsulent." + System.nanoTime() + "@example.dk";
        admin.post(
                "/admin/brugere",
                "/admin/brugere/ny",
                Map.of("email", email, "name", "Tove Test", "role", "CONSULTANT", "organisation", "P:" + code));
        TestMailServer.awaitMail(email, "Invitation til Samspil");
        assertThat(jdbc.sql("SELECT provider_code FROM app_user WHERE username = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo(code);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'PROVIDER_SAVED' AND target = ?")
                        .param("P:" + code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aBadProviderIsAnsweredAtTheFieldsAndNothingIsSaved() throws Exception {
        int before =
                jdbc.sql("SELECT count(*) FROM provider").query(Integer.class).single();
        var taken = Jsoup.parse(admin.post(
                        "/admin/udbydere",
                        "/admin/udbydere/ny",
                        Map.of("code", "KIAP", "name", "", "regionCode", "9999"))
                .body());
        assertThat(taken.select("#code-error").text()).contains("Der findes allerede en udbyder med denne kode.");
        assertThat(taken.select("#name-error").text()).contains("Skriv udbyderens navn.");
        assertThat(taken.select("#regionCode-error").text()).contains("Vælg en region fra listen.");
        var lower = Jsoup.parse(admin.post(
                        "/admin/udbydere",
                        "/admin/udbydere/ny",
                        Map.of("code", "små bogstaver", "name", "Noget", "regionCode", ""))
                .body());
        assertThat(lower.select("#code-error").text()).contains("Koden skal være 2–20 store bogstaver");
        assertThat(lower.select("#name").attr("value")).isEqualTo("Noget");
        assertThat(jdbc.sql("SELECT count(*) FROM provider")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    /** Seed 000: MidtKraft's contact stands on its packages; an administrator keeps a provider's details current. */
    @Test
    void aProvidersContactDetailsStandOnItsPackagesAndAreCheckedAtTheField() throws Exception {
        WebClient anonymous = new WebClient("http://localhost:" + port);
        var page = Jsoup.parse(anonymous.get("/pakker/medicinhaandtering").body());
        assertThat(page.select("a[href=mailto:klynger@stab.rm.dk]")).hasSize(1);
        assertThat(page.text()).contains("Skottenborg 26, 8800 Viborg");

        String code = "K" + (System.nanoTime() % 1_000_000_000L);
        admin.post(
                "/admin/udbydere",
                "/admin/udbydere/ny",
                Map.of("code", code, "name", "Kontaktenheden", "regionCode", "", "email", "pakker@kontakt.example.dk"));
        var bad = Jsoup.parse(admin.post(
                        "/admin/udbydere/" + code,
                        "/admin/udbydere/" + code,
                        Map.of(
                                "name",
                                "Kontaktenheden",
                                "regionCode",
                                "",
                                "email",
                                "ikke en adresse",
                                "phone",
                                "ring<script>",
                                "address",
                                "x".repeat(301)))
                .body());
        assertThat(bad.select("#email-error").text()).contains("Skriv en gyldig e-mailadresse");
        assertThat(bad.select("#phone-error").text()).contains("Skriv et telefonnummer");
        assertThat(bad.select("#address-error").text()).contains("højst være 300 tegn");
        assertThat(bad.select("#email").attr("value")).isEqualTo("ikke en adresse");
        assertThat(jdbc.sql("SELECT email FROM provider WHERE code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .as("nothing saved from the bad form")
                .isEqualTo("pakker@kontakt.example.dk");

        admin.post(
                "/admin/udbydere/" + code,
                "/admin/udbydere/" + code,
                Map.of(
                        "name", "Kontaktenheden",
                        "regionCode", "",
                        "email", " pakker@kontakt.example.dk ",
                        "phone", "+45 70 11 22 33",
                        "address", "Vestergade 1, 8000 Aarhus C"));
        assertThat(jdbc.sql("SELECT email || '|' || phone || '|' || address FROM provider WHERE code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("pakker@kontakt.example.dk|+45 70 11 22 33|Vestergade 1, 8000 Aarhus C");
        var form = Jsoup.parse(admin.get("/admin/udbydere/" + code).body());
        assertThat(form.select("#phone").attr("value")).isEqualTo("+45 70 11 22 33");
    }
}
