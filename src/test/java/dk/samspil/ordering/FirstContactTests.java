package dk.samspil.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

/** Seed 004's first contact with the municipality is a step of the drejebog with who made it, when and the answer. */
@SamspilTest
class FirstContactTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Test
    void theFirstContactIsAStepOwnedByTheSideThatMakesItWithTheMunicipalitysAnswer() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "kontakt@aarhus.example.dk");
        assertThat(owner(id)).isEqualTo("PROVIDER");
        mvc.perform(post("/bestillinger/" + id + "/tilbageringning")
                .with(users.as("konsulent"))
                .with(csrf())
                .param("firstContact", "CLUSTER"));
        assertThat(owner(id))
                .as("the call-back settles who makes the first contact")
                .isEqualTo("CLUSTER");

        MvcResult missing = mvc.perform(post("/bestillinger/" + id + "/foerste-kontakt")
                        .with(users.as("koordinator"))
                        .with(csrf())
                        .param("madeBy", "Anne Kjær")
                        .param("madeOn", OrderFixtures.today().toString()))
                .andReturn();
        assertThat(missing.getFlashMap().get("error")).isEqualTo("order.firstContactStep.answerRequired");
        assertThat(missing.getResponse().getRedirectedUrl()).endsWith("#foerste-kontakt");

        mvc.perform(post("/bestillinger/" + id + "/foerste-kontakt")
                .with(users.as("koordinator"))
                .with(csrf())
                .param("madeBy", "Anne Kjær")
                .param("madeOn", OrderFixtures.today().toString())
                .param("answer", "JOINS")
                .param("note", "Leder og sygeplejerske deltager"));
        FirstContactAnswer.FirstContact contact = orders.firstContact(id).orElseThrow();
        assertThat(contact.answer()).isEqualTo(FirstContactAnswer.JOINS);
        assertThat(contact.madeBy()).isEqualTo("Anne Kjær");
        assertThat(jdbc.sql("SELECT done_at IS NOT NULL FROM order_task WHERE order_id = ? AND step = 'FIRST_CONTACT'")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        String page = mvc.perform(get("/bestillinger/" + id).with(users.as("kommune")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("#first-contact-recorded").text())
                .contains("Anne Kjær", "Kommunen deltager");
        assertThat(page).contains("Første kontakt til kommunen: kan kommunen deltage?");
    }

    @Test
    void theOrderPageHasOneFirstContactControlAndSavingItReleasesTheHeldInvitations() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "en.kontrol@aarhus.example.dk");
        mvc.perform(post("/bestillinger/" + id + "/tilbageringning")
                .with(users.as("konsulent"))
                .with(csrf()));
        org.jsoup.nodes.Document page =
                Jsoup.parse(mvc.perform(get("/bestillinger/" + id).with(users.as("konsulent")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(page.select("form[action$=/kommune-kontaktet]"))
                .as("no second first-contact button")
                .isEmpty();
        assertThat(page.select("form[action$=/foerste-kontakt]")).hasSize(1);
        assertThat(page.select("#invitations-held").text()).contains("Invitationerne");
        assertThat(invited(id)).as("held until the first contact").isFalse();

        mvc.perform(post("/bestillinger/" + id + "/foerste-kontakt")
                .with(users.as("konsulent"))
                .with(csrf())
                .param("madeBy", "Karin Konsulent")
                .param("madeOn", OrderFixtures.today().toString())
                .param("answer", "JOINS"));
        assertThat(invited(id)).as("the one control releases the invitations").isTrue();
        assertThat(orders.firstContact(id).orElseThrow().madeBy()).isEqualTo("Karin Konsulent");
        assertThat(Jsoup.parse(mvc.perform(get("/bestillinger/" + id).with(users.as("konsulent")))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .select("#invitations-held"))
                .isEmpty();
    }

    private boolean invited(long id) {
        return jdbc.sql("SELECT bool_and(invited_at IS NOT NULL) FROM order_participant WHERE order_id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    private String owner(long id) {
        return jdbc.sql("SELECT owner FROM order_task WHERE order_id = ? AND step = 'FIRST_CONTACT'")
                .param(id)
                .query(String.class)
                .single();
    }
}
