package dk.samspil.directory;

import static dk.samspil.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Only an administrator or a municipality's own accounts make accounts with the municipality's rights. */
@SamspilTest
class MunicipalAccountTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMunicipalityInvitesAColleagueForItselfOnly() throws Exception {
        String colleague = "kollega" + System.nanoTime() + "@aarhus.example.dk";
        MvcResult result = mvc.perform(post("/kommune/konti")
                        .with(users.as("kommune"))
                        .with(csrf())
                        .param("name", "Kim Kollega")
                        .param("email", colleague)
                        .param("municipalityCode", "0657"))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/kommune/konti");
        assertThat(jdbc.sql("SELECT municipality_code FROM app_user WHERE username = ?")
                        .param(colleague)
                        .query(String.class)
                        .single())
                .as("Aarhus, not the Herning asked for")
                .isEqualTo("0751");
        assertThat(TestMailServer.text(awaitMail(colleague, "Din konto i Samspil for Aarhus")))
                .contains("/invitation/");
    }

    @Test
    void anAdministratorChoosesTheMunicipality() throws Exception {
        String contact = "leder" + System.nanoTime() + "@herning.example.dk";
        mvc.perform(post("/kommune/konti")
                .with(users.as("admin"))
                .with(csrf())
                .param("name", "Lone Leder")
                .param("email", contact)
                .param("municipalityCode", "0657"));
        assertThat(jdbc.sql("SELECT municipality_code FROM app_user WHERE username = ?")
                        .param(contact)
                        .query(String.class)
                        .single())
                .isEqualTo("0657");
    }

    @Test
    void anExistingAddressGetsNoLinkAndTheFormSaysWhy() throws Exception {
        int links = jdbc.sql("SELECT count(*) FROM user_invitation")
                .query(Integer.class)
                .single();
        MvcResult result = mvc.perform(post("/kommune/konti")
                        .with(users.as("kommune"))
                        .with(csrf())
                        .param("name", "Karin")
                        .param("email", "Konsulent@example.dk"))
                .andReturn();
        assertThat(Jsoup.parse(result.getResponse().getContentAsString())
                        .select("#email-error")
                        .text())
                .contains("Der findes allerede en konto");
        assertThat(jdbc.sql("SELECT count(*) FROM user_invitation")
                        .query(Integer.class)
                        .single())
                .isEqualTo(links);
    }

    @Test
    void anOrdersParticipantWhoWorksForTheMunicipalityGetsItsRightsWithoutALink() throws Exception {
        String participant = participant();
        int links = jdbc.sql("SELECT count(*) FROM user_invitation")
                .query(Integer.class)
                .single();
        mvc.perform(post("/kommune/konti")
                .with(users.as("kommune2"))
                .with(csrf())
                .param("name", "Dorte Deltager")
                .param("email", participant));
        assertThat(jdbc.sql("SELECT municipality_code FROM app_user WHERE username = ?")
                        .param(participant)
                        .query(String.class)
                        .single())
                .isEqualTo("0657");
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
                        .param(participant)
                        .query(String.class)
                        .single())
                .isEqualTo("{noop}!unusable");
        assertThat(jdbc.sql("SELECT count(*) FROM user_invitation")
                        .query(Integer.class)
                        .single())
                .isEqualTo(links);
        assertThat(TestMailServer.text(awaitMail(participant, "Din konto i Samspil gælder nu for Herning")))
                .doesNotContain("/invitation/");
    }

    @Test
    void anOrdersParticipantCannotMakeMunicipalAccounts() throws Exception {
        String participant = participant();
        assertThat(mvc.perform(get("/kommune/konti").with(users.as(participant)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/kommune/konti")
                                .with(users.as(participant))
                                .with(csrf())
                                .param("name", "Mallory")
                                .param("email", "m" + participant)
                                .param("municipalityCode", "0657"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    /** A municipal account without a municipality, as an order's invitation makes it. */
    private String participant() {
        String participant = "deltager" + System.nanoTime() + "@example.dk";
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role)
                        VALUES (?, '{noop}!unusable', 'Deltager', ?, 'MUNICIPALITY')""").params(participant, participant).update();
        return participant;
    }
}
