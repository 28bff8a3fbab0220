package dk.samspil.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.WebClient;
import dk.samspil.directory.Views.GpRecipient;
import dk.samspil.directory.Views.MunicipalityView;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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

    @Autowired
    Directory directory;

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
    void aHospitalUnitsCatchmentAreaIsItsRegionsMunicipalitiesAndItsGpsAreTheirClustersMembers() throws Exception {
        long randers = jdbc.sql("SELECT id FROM hospital_unit WHERE name = 'Regionshospitalet Randers'")
                .query(Long.class)
                .single();
        // The region's defaults: Randers, Norddjurs, Syddjurs and Favrskov; Psykiatrien covers all 19.
        assertThat(directory.catchment(randers))
                .extracting(MunicipalityView::name)
                .containsExactly("Favrskov", "Norddjurs", "Randers", "Syddjurs");
        long psychiatry = jdbc.sql("SELECT id FROM hospital_unit WHERE name = 'Psykiatrien i Region Midtjylland'")
                .query(Long.class)
                .single();
        assertThat(directory.catchment(psychiatry)).hasSize(19);

        String name = "Regionshospitalet Optag " + System.nanoTime();
        String page = admin.post(
                        "/admin/hospitalsenheder",
                        "/admin/hospitalsenheder/ny",
                        Map.of("name", name, "regionCode", "1082", "catchment", List.of("0751", "0727")))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        assertThat(directory.catchment(id)).extracting(MunicipalityView::code).containsExactly("0751", "0727");
        Document shown = Jsoup.parse(admin.get(page).body());
        assertThat(shown.select("input[name=catchment][checked]").eachAttr("value"))
                .containsExactlyInAnyOrder("0751", "0727");
        assertThat(shown.select("details[open] summary").eachText()).containsExactly("Region Midtjylland");

        // A municipality of another region (Copenhagen) or an unknown code is refused at the field; nothing changes.
        for (String foreign : List.of("0101", "'; DROP TABLE municipality; --")) {
            Document refused = Jsoup.parse(admin.post(
                            page,
                            page,
                            Map.of("name", name, "regionCode", "1082", "catchment", List.of("0751", foreign)))
                    .body());
            assertThat(refused.select("#catchment-error").text())
                    .contains("kun have kommuner i hospitalsenhedens region");
            assertThat(refused.select("input[name=catchment][checked]").eachAttr("value"))
                    .contains("0751");
        }
        assertThat(directory.catchment(id)).extracting(MunicipalityView::code).containsExactly("0751", "0727");
        admin.post(page, page, Map.of("name", name, "regionCode", "1082", "catchment", List.of("0730")));
        assertThat(directory.catchment(id)).extracting(MunicipalityView::code).containsExactly("0730");

        // The GPs of a municipality are the members of its clusters, one per address (a GP in two clusters).
        List<Long> clusters = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                clusters.add(jdbc.sql("INSERT INTO cluster (name, region_code, municipality_code)"
                                + " VALUES (?, '1082', '0730') RETURNING id")
                        .param("Klynge Optag " + i + " " + System.nanoTime())
                        .query(Long.class)
                        .single());
            }
            for (String email : List.of("laege.optag@example.dk", "LAEGE.OPTAG@example.dk", "sygpl.optag@example.dk")) {
                jdbc.sql("INSERT INTO member (cluster_id, name, email) VALUES (?, ?, ?)")
                        .params(clusters.get(email.startsWith("LAEGE") ? 1 : 0), "Optag " + email.charAt(0), email)
                        .update();
            }
            List<String> codes =
                    directory.catchment(id).stream().map(MunicipalityView::code).toList();
            assertThat(directory.gpRecipients(codes))
                    .extracting(GpRecipient::email)
                    .map(String::toLowerCase)
                    .containsOnlyOnce("laege.optag@example.dk", "sygpl.optag@example.dk")
                    .doesNotHaveDuplicates();
            assertThat(directory.gpRecipients(List.of("0101")))
                    .extracting(GpRecipient::email)
                    .doesNotContain("sygpl.optag@example.dk");
            assertThat(directory.gpRecipients(List.of())).isEmpty();
        } finally {
            clusters.forEach(cluster ->
                    jdbc.sql("DELETE FROM cluster WHERE id = ?").param(cluster).update());
            jdbc.sql("DELETE FROM hospital_unit WHERE id = ?").param(id).update();
        }
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
