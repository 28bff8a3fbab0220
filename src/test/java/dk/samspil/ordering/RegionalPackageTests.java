package dk.samspil.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A regional provider's packages are for its own region's clusters; a national provider's for every region's. */
@SamspilTest
class RegionalPackageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClusterOfAnotherRegionCannotOrderARegionalProvidersPackage() throws Exception {
        String coordinator = coordinatorInTheCapitalRegion();
        Document page = page("/pakker/medicinhaandtering", coordinator);
        assertThat(page.select("a[href^=/bestillinger/ny]")).isEmpty();
        assertThat(page.text())
                .contains(
                        "MidtKraft Kvalitetsenhed for almen praksis tilbyder pakken til klynger i Region Midtjylland");
        assertThat(status("/bestillinger/ny?pakke=medicinhaandtering", coordinator))
                .isEqualTo(404);
        int orders = jdbc.sql("SELECT count(*) FROM package_order")
                .query(Integer.class)
                .single();
        var placed = mvc.perform(OrderFixtures.order(
                                "medicinhaandtering", OrderFixtures.today().plusWeeks(20), "region@example.dk")
                        .param("electiveTopics", "pn-medicin", "haandkoebsmedicin-kosttilskud")
                        .with(users.as(coordinator)))
                .andReturn();
        assertThat(placed.getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM package_order")
                        .query(Integer.class)
                        .single())
                .isEqualTo(orders);

        // KiAP's packages are national: the same coordinator orders them.
        assertThat(page("/pakker/akutfunktioner", coordinator).select("a[href^=/bestillinger/ny]"))
                .hasSize(1);
        assertThat(status("/bestillinger/ny?pakke=akutfunktioner", coordinator)).isEqualTo(200);
    }

    @Test
    void aClusterOfTheProvidersRegionOrdersItsPackage() throws Exception {
        Document page = page("/pakker/medicinhaandtering", "koordinator");
        assertThat(page.select("a[href^=/bestillinger/ny]")).hasSize(1);
        assertThat(page.text()).contains("For klynger i Region Midtjylland").doesNotContain("en anden region");
        assertThat(status("/bestillinger/ny?pakke=medicinhaandtering", "koordinator"))
                .isEqualTo(200);
    }

    private String coordinatorInTheCapitalRegion() {
        long cluster = jdbc.sql(
                        "INSERT INTO cluster (name, region_code, municipality_code) VALUES (?, '1084', '0101') RETURNING id")
                .param("Klynge København " + System.nanoTime())
                .query(Long.class)
                .single();
        String username = "kbh.koordinator" + System.nanoTime();
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role, cluster_id)
                        VALUES (?, '{noop}!unusable', 'Koordinator København', ?, 'COORDINATOR', ?)""").params(username, username + "@example.dk", cluster).update();
        return username;
    }

    private Document page(String path, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(users.as(username)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private int status(String path, String username) throws Exception {
        return mvc.perform(get(path).with(users.as(username)))
                .andReturn()
                .getResponse()
                .getStatus();
    }
}
