package dk.samspil.platform;

import static dk.samspil.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A line break in a cluster's name made every order of the cluster fail (the name is in the mail subjects). Names
 * and other one-line fields now refuse control characters at the form, in Danish, and a name saved before that
 * rule no longer fails an order.
 */
@SamspilTest
class OneLineFieldsTests {

    static final String MESSAGE = "Feltet skal stå på én linje";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClusterNameWithALineBreakIsRefusedAtTheField() throws Exception {
        long cluster = newCluster("Enlinjeklyngen " + System.nanoTime());
        String before = name(cluster);
        String page = refused(
                post("/klynger/" + cluster + "/rediger")
                        .with(users.as("admin"))
                        .param("name", "Klyngen\r\nBcc: alle@example.dk")
                        .param("regionCode", "1082"),
                "#name-error");
        assertThat(page).contains(MESSAGE);
        assertThat(name(cluster)).isEqualTo(before);
        assertThat(refused(
                        post("/admin/klynger")
                                .with(users.as("admin"))
                                .param("name", "Ny\tklynge")
                                .param("regionCode", "1082"),
                        "#name-error"))
                .contains(MESSAGE);
        assertThat(jdbc.sql("SELECT count(*) FROM cluster WHERE name = 'Ny\tklynge'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void practiceAndMemberNamesAreOneLine() throws Exception {
        long demo = jdbc.sql("SELECT id FROM cluster WHERE name = 'Demoklyngen'")
                .query(Long.class)
                .single();
        assertThat(refused(
                        post("/klynger/" + demo + "/praksis")
                                .with(users.as("koordinator"))
                                .param("ydernummer", "199991")
                                .param("name", "Lægehuset\nØst")
                                .param("listedPatients", "100"),
                        "#name-error"))
                .contains(MESSAGE);
        assertThat(refused(
                        post("/klynger/" + demo + "/medlemmer")
                                .with(users.as("koordinator"))
                                .param("name", "Ulla\u202Enesnah")
                                .param("email", "ulla@example.dk"),
                        "#name-error"))
                .contains(MESSAGE);
        assertThat(jdbc.sql("SELECT count(*) FROM practice WHERE ydernummer = '199991'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void orderFieldsAreOneLineAndKeepWhatWasTyped() throws Exception {
        MvcResult result = mvc.perform(
                        OrderFixtures.acuteOrder(OrderFixtures.today().plusWeeks(12), "linje@aarhus.example.dk")
                                .with(users.as("koordinator"))
                                .param("venue", "Lægehuset\r\nTrøjborg")
                                .param("participants[1].name", "Bo\u0007Bip")
                                .param("participants[1].email", "bo@aarhus.example.dk"))
                .andReturn();
        var page = Jsoup.parse(result.getResponse().getContentAsString());
        // A second venue is bound after the fixture's (joined by a comma), so the venue holds the line break.
        assertThat(page.select("#venue-error").text()).contains(MESSAGE);
        assertThat(page.select("#participants1\\.name-error").text()).contains(MESSAGE);
        assertThat(page.select("#participants0\\.email").val()).isEqualTo("linje@aarhus.example.dk");
    }

    @Test
    void meetingRolesAreOneLine() throws Exception {
        long order = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "roller@aarhus.example.dk");
        String page = refused(
                post("/bestillinger/" + order + "/moede/roller")
                        .with(users.as("koordinator"))
                        .param("chair", "Anne\nKjær")
                        .param("referent", "Bo")
                        .param("presenters", ""),
                "#chair-error");
        assertThat(page).contains(MESSAGE);
    }

    @Test
    void aClusterNameSavedWithALineBreakBeforeTheRuleNoLongerFailsItsOrders() throws Exception {
        String name = "Gammel\r\nklynge " + System.nanoTime();
        long cluster = newCluster(name);
        String coordinator = "gammel" + System.nanoTime();
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role, cluster_id)
                        VALUES (?, '{noop}!unusable', 'Gammel koordinator', ?, 'COORDINATOR', ?)""").params(coordinator, coordinator + "@example.dk", cluster).update();
        String participant = "deltager" + System.nanoTime() + "@aarhus.example.dk";
        // The cluster makes the first contact, so the participant's invitation goes at once.
        MvcResult result = mvc.perform(OrderFixtures.order(
                                "akutfunktioner", OrderFixtures.today().plusWeeks(12), participant, "CLUSTER")
                        .with(users.as(coordinator)))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(dk.samspil.TestMailServer.subject(awaitMail(participant, "Invitation til klyngemøde med Gammel")))
                .doesNotContain("\r", "\n")
                .contains("Gammel  klynge");
    }

    private String refused(MockHttpServletRequestBuilder request, String errorSelector) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as("the form comes back").isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString())
                .select(errorSelector)
                .text();
    }

    private long newCluster(String name) {
        return jdbc.sql(
                        "INSERT INTO cluster (name, region_code, municipality_code) VALUES (?, '1082', '0751') RETURNING id")
                .param(name)
                .query(Long.class)
                .single();
    }

    private String name(long cluster) {
        return jdbc.sql("SELECT name FROM cluster WHERE id = ?")
                .param(cluster)
                .query(String.class)
                .single();
    }
}
