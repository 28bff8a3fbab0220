package dk.samspil.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administrator keeps regions, municipalities and hospital units current in the browser's HTTP. */
@SamspilTest
class RegisterEntryTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebClient admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = new WebClient("http://localhost:" + port);
        admin.login("admin", "samspil");
    }

    @Test
    void aNewHospitalUnitIsMadeRenamedAndMovedAndBadInputIsAnsweredAtItsField() throws Exception {
        String name = "Regionshospitalet Prøve " + System.nanoTime();
        assertThat(admin.get("/admin/registre").body()).contains("href=\"/admin/hospitalsenheder/ny\"");
        HttpResponse<String> made = admin.post(
                "/admin/hospitalsenheder",
                "/admin/hospitalsenheder/ny",
                Map.of("name", "  " + name + " ", "regionCode", "1082"));
        String page = made.headers().firstValue("Location").orElseThrow();
        assertThat(page).matches(".*/admin/hospitalsenheder/[0-9]+");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        Document shown = Jsoup.parse(admin.get(page).body());
        assertThat(shown.text()).contains("Ændringen er gemt.");
        assertThat(shown.select("#name").val()).isEqualTo(name);
        assertThat(admin.get("/admin/registre").body()).contains(name);

        // The name of another unit, no region, a name over 200 characters, a line break: each at its field.
        int before = jdbc.sql("SELECT count(*) FROM hospital_unit")
                .query(Integer.class)
                .single();
        Document taken = Jsoup.parse(admin.post(
                        "/admin/hospitalsenheder",
                        "/admin/hospitalsenheder/ny",
                        Map.of("name", "Aarhus Universitetshospital", "regionCode", ""))
                .body());
        assertThat(taken.select("#regionCode-error").text()).contains("Vælg en region.");
        Document duplicate =
                Jsoup.parse(admin.post(page, page, Map.of("name", "Aarhus Universitetshospital", "regionCode", "1082"))
                        .body());
        assertThat(duplicate.select("#name-error").text()).contains("Navnet bruges allerede i registret.");
        assertThat(duplicate.select("#name").val()).isEqualTo("Aarhus Universitetshospital");
        Document tooLong = Jsoup.parse(admin.post(page, page, Map.of("name", "x".repeat(201), "regionCode", "1082"))
                .body());
        assertThat(tooLong.select("#name-error").text()).contains("højst være 200 tegn");
        Document unknownRegion =
                Jsoup.parse(admin.post(page, page, Map.of("name", name, "regionCode", "'; DROP TABLE region; --"))
                        .body());
        assertThat(unknownRegion.select("#regionCode-error").text()).contains("Vælg en region fra listen.");
        Document twoLines = Jsoup.parse(admin.post(page, page, Map.of("name", "To\nlinjer", "regionCode", "1082"))
                .body());
        assertThat(twoLines.select("#name-error").text()).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM hospital_unit")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT name || ':' || region_code FROM hospital_unit WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(name + ":1082");

        String renamed = name + " Syd";
        admin.post(page, page, Map.of("name", renamed, "regionCode", "1083"));
        assertThat(jdbc.sql("SELECT name || ':' || region_code FROM hospital_unit WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(renamed + ":1083");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_log WHERE action = 'CHANGE' AND username = 'admin' AND target = ?")
                        .param("/admin/hospitalsenheder/" + id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aMunicipalityIsRenamedAndARegionsNameKept() throws Exception {
        String code = jdbc.sql("SELECT code FROM municipality WHERE name = 'Læsø'")
                .query(String.class)
                .single();
        String page = "/admin/kommuner/" + code;
        assertThat(admin.get("/admin/registre").body()).contains("href=\"" + page + "\"");
        try {
            admin.post(page, page, Map.of("name", "Læsø Ø-kommune", "regionCode", "1081"));
            assertThat(admin.get(page).body()).contains("Ændringen er gemt.");
            assertThat(jdbc.sql("SELECT name FROM municipality WHERE code = ?")
                            .param(code)
                            .query(String.class)
                            .single())
                    .isEqualTo("Læsø Ø-kommune");
            Document blank = Jsoup.parse(admin.post(page, page, Map.of("name", " ", "regionCode", "1081"))
                    .body());
            assertThat(blank.select("#name-error").text()).contains("Skriv et navn.");
        } finally {
            admin.post(page, page, Map.of("name", "Læsø", "regionCode", "1081"));
        }
        assertThat(jdbc.sql("SELECT name FROM municipality WHERE code = ?")
                        .param(code)
                        .query(String.class)
                        .single())
                .isEqualTo("Læsø");

        // Two regions cannot share a name; the region keeps its own.
        Document taken = Jsoup.parse(
                admin.post("/admin/regioner/1081", "/admin/regioner/1081", Map.of("name", "Region Midtjylland"))
                        .body());
        assertThat(taken.select("#name-error").text()).contains("Navnet bruges allerede i registret.");
        assertThat(jdbc.sql("SELECT name FROM region WHERE code = '1081'")
                        .query(String.class)
                        .single())
                .isEqualTo("Region Nordjylland");
    }
}
