package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * PRODUCT.md §1: a cluster member invited by the coordinator to an account of their own reads the cluster's results,
 * deck, minutes and agreements, and changes nothing, exports nothing and never sees who answered what.
 */
@SamspilTest
class MemberAccountTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Test
    void theCoordinatorInvitesAMemberWhoReadsTheClustersPagesAndChangesNothing() throws Exception {
        long demo = jdbc.sql("SELECT id FROM cluster WHERE name = 'Demoklyngen'")
                .query(Long.class)
                .single();
        String cluster = "/klynger/" + demo;
        String email = "medlem." + System.nanoTime() + "@example.dk";
        WebClient coordinator = new WebClient("http://localhost:" + port);
        coordinator.login("koordinator", "samspil");
        assertThat(coordinator
                        .post(
                                cluster + "/medlemmer",
                                cluster + "/medlemmer/ny",
                                Map.of("name", "Mette Medlem", "email", email))
                        .statusCode())
                .isEqualTo(302);
        long memberId = jdbc.sql("SELECT id FROM member WHERE email = ?")
                .param(email)
                .query(Long.class)
                .single();

        Document before = Jsoup.parse(coordinator.get(cluster).body());
        assertThat(before.select("form[action$=/medlemmer/" + memberId + "/konto] button")
                        .text())
                .isEqualTo("Inviter til egen konto");
        HttpResponse<String> invited =
                coordinator.post(cluster + "/medlemmer/" + memberId + "/konto", cluster, Map.of());
        assertThat(invited.headers().firstValue("Location").orElseThrow()).endsWith(cluster + "#medlemmer");
        Document after = Jsoup.parse(coordinator.get(cluster).body());
        assertThat(after.text()).contains("Medlemmet har fået en mail med et link");
        assertThat(after.select("form[action$=/medlemmer/" + memberId + "/konto]"))
                .isEmpty();
        assertThat(jdbc.sql("SELECT role || ':' || cluster_id FROM app_user WHERE username = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("MEMBER:" + demo);

        // A second invitation of the same member is refused with a message; nothing new is made.
        coordinator.post(cluster + "/medlemmer/" + memberId + "/konto", cluster, Map.of());
        assertThat(coordinator.get(cluster).body()).contains("Der findes allerede en bruger med den e-mail.");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?")
                        .param(email)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        String link = UserAdministrationTests.link(
                TestMailServer.text(TestMailServer.awaitMail(email, "Invitation til Samspil")), "/invitation/");
        WebClient member = new WebClient("http://localhost:" + port);
        member.post(link, link, Map.of("password", "en god adgangskode", "repeat", "en god adgangskode"));
        assertThat(member.login(email, "en god adgangskode")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
        assertThat(member.get("/start").statusCode()).isEqualTo(200);

        long order = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "medlemsordre@example.dk");
        String o = "/bestillinger/" + order;
        for (String page :
                List.of(o, o + "/resultater", o + "/praesentation", o + "/moede", o + "/moede/referat", "/aftaler")) {
            HttpResponse<String> read = member.get(page);
            assertThat(read.statusCode()).as(page).isEqualTo(200);
            Document doc = Jsoup.parse(read.body());
            assertThat(doc.select("main form[method=post]"))
                    .as("no form to change anything on " + page)
                    .isEmpty();
            assertThat(doc.select("main a[href$=.csv], main a[href$=.xlsx]"))
                    .as("no export on " + page)
                    .isEmpty();
        }
        Document orderPage = Jsoup.parse(member.get(o).body());
        assertThat(orderPage.select("a[href$=/data], a[href$=/spoergeskema], a[href$=/kommunedata]"))
                .isEmpty();

        // Everything that writes, exports or shows the survey's raw material answers as for a stranger.
        for (String page : List.of(
                o + "/data",
                o + "/spoergeskema",
                o + "/kommunedata",
                o + "/resultater.csv",
                o + "/resultater.xlsx",
                "/aftaler.xlsx",
                cluster,
                "/admin/brugere")) {
            assertThat(member.get(page).statusCode()).as(page).isIn(403, 404);
        }
        for (String action : List.of(
                o + "/aflys",
                o + "/moededato",
                o + "/moede/roller",
                o + "/moede/aftaler",
                o + "/praesentation",
                cluster + "/medlemmer")) {
            assertThat(member.post(action, o, Map.of("reason", "x", "text", "x"))
                            .statusCode())
                    .as(action)
                    .isIn(403, 404);
        }
        assertThat(jdbc.sql("SELECT status FROM package_order WHERE id = ?")
                        .param(order)
                        .query(String.class)
                        .single())
                .isNotEqualTo("CANCELLED");

        // Another cluster's order is not theirs to read.
        var other = mvc.perform(OrderFixtures.acuteOrder(OrderFixtures.today().plusWeeks(11), "vest@example.dk")
                        .with(users.as("koordinator2")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(other).startsWith("/bestillinger/");
        assertThat(member.get(other).statusCode()).isEqualTo(404);
        assertThat(member.get(other + "/resultater").statusCode()).isEqualTo(404);
        assertThat(member.get("/bestillinger").body()).doesNotContain(other + "\"");
    }
}
