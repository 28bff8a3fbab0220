package dk.samspil.pko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The registers edited in the browser, the list of everyone, and who sees whom. */
@SamspilTest
class PkoRegisterTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    long department(String unit, String name) {
        return jdbc.sql("""
                        SELECT d.id FROM pko_department d JOIN hospital_unit h ON h.id = d.hospital_unit_id
                        WHERE h.name = ? AND d.name = ?""").params(unit, name).query(Long.class).single();
    }

    long person(String email) {
        return jdbc.sql("SELECT id FROM pko_person WHERE email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    @Test
    void theMedicalCoordinatorRegistersAConsultantAndEveryPkoUserOfTheRegionFindsThemInTheList() throws Exception {
        String name = "Søren Skadestue " + System.nanoTime();
        MvcResult created = mvc.perform(post("/pko/personer")
                        .with(users.as("pkolaege"))
                        .with(csrf())
                        .param("kind", "CONSULTANT")
                        .param("name", name)
                        .param("email", "soeren@example.dk")
                        .param("phone", "87 65 43 21")
                        .param(
                                "departmentId",
                                String.valueOf(department("Regionshospitalet Randers", "Akutafdelingen"))))
                .andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).startsWith("/pko/personer/");
        String list = mvc.perform(get("/pko/oversigt").with(users.as("pko")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains(
                        name,
                        "Akutafdelingen, Regionshospitalet Randers",
                        "soeren@example.dk",
                        "87 65 43 21",
                        "Pia Praksiskoordinator",
                        "Aarhus Universitetshospital");
        String elsewhere = mvc.perform(get("/pko/oversigt").with(users.as("pkonord")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(elsewhere).contains("Nanna Nordkonsulent").doesNotContain(name, "Peter Praksiskonsulent");
    }

    @Test
    void aCoordinatorAddsConsultantsOnlyToADepartmentOfTheirOwnUnit() throws Exception {
        String name = "Gitte Gødstrup " + System.nanoTime();
        MvcResult refused = mvc.perform(post("/pko/personer")
                        .with(users.as("pkokoordinator"))
                        .with(csrf())
                        .param("kind", "CONSULTANT")
                        .param("name", name)
                        .param("departmentId", String.valueOf(department("Regionshospitalet Gødstrup", "Neurologi"))))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString()).contains("Vælg en afdeling på din egen hospitalsenhed.");
        assertThat(jdbc.sql("SELECT count(*) FROM pko_person WHERE name = ?")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isZero();

        MvcResult made = mvc.perform(post("/pko/personer")
                        .with(users.as("pkokoordinator"))
                        .with(csrf())
                        .param("kind", "CONSULTANT")
                        .param("name", name)
                        .param("departmentId", String.valueOf(department("Aarhus Universitetshospital", "Neurologi"))))
                .andReturn();
        long id = Long.parseLong(made.getResponse().getRedirectedUrl().replace("/pko/personer/", ""));
        assertThat(mvc.perform(get("/pko/personer/" + id).with(users.as("pkokoordinator")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/pko/personer/" + id).with(users.as("pko")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aCoordinatorSeesTheUnitsConsultantsButNotAMunicipalConsultantAndAnotherRegionSeesNoOne() throws Exception {
        long peter = person("pko@example.dk");
        long kirsten = person("kirsten.kommunekonsulent@example.dk");
        assertThat(mvc.perform(get("/pko/personer/" + peter).with(users.as("pkokoordinator")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/pko/personer/" + kirsten).with(users.as("pkokoordinator")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/pko/personer/" + kirsten).with(users.as("pkolaege")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/pko/personer/" + peter).with(users.as("pkonord")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        String home = mvc.perform(get("/pko").with(users.as("pkokoordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(home).contains("Peter Praksiskonsulent").doesNotContain("Kirsten Kommunekonsulent");
    }

    @Test
    void aConsultantKeepsTheWorkingAgreementAndTicksOffTheNinePiecesOfAdvice() throws Exception {
        long peter = person("pko@example.dk");
        long attachment = jdbc.sql("SELECT min(id) FROM pko_attachment WHERE person_id = ?")
                .param(peter)
                .query(Long.class)
                .single();
        mvc.perform(post("/pko/tilknytninger/" + attachment + "/aftale")
                .with(users.as("pko"))
                .with(csrf())
                .param("partnerName", "Overlæge Ulla Hjerte")
                .param("fixedMeetings", "Første tirsdag i kvartalet")
                .param("adHoc", "Efter behov på Teams")
                .param("emailResponse", "Inden for 3 hverdage")
                .param("phone", "Kl. 8-9"));
        assertThat(jdbc.sql("SELECT email_response FROM pko_working_agreement WHERE attachment_id = ?")
                        .param(attachment)
                        .query(String.class)
                        .single())
                .isEqualTo("Inden for 3 hverdage");
        mvc.perform(post("/pko/personer/" + peter + "/gode-raad")
                .with(users.as("pko"))
                .with(csrf())
                .param("item", "1", "3"));
        assertThat(jdbc.sql("SELECT item FROM pko_onboarding_tick WHERE person_id = ? ORDER BY item")
                        .param(peter)
                        .query(Integer.class)
                        .list())
                .containsExactly(1, 3);
        int foreign = mvc.perform(post("/pko/personer/" + peter + "/gode-raad")
                        .with(users.as("pkokoordinator"))
                        .with(csrf())
                        .param("item", "9"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(foreign).isEqualTo(404);
        String page = mvc.perform(get("/pko/personer/" + peter).with(users.as("pko")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "Overlæge Ulla Hjerte",
                        "Afklar hvem din nærmeste samarbejdspartner er.",
                        "2 af 9 er krydset af.");
    }

    @Test
    void aCoordinatorAddsADepartmentToTheirUnitOnceAndOnlyTheMedicalCoordinatorEditsPartnerBodies() throws Exception {
        long auh = jdbc.sql("SELECT id FROM hospital_unit WHERE name = 'Aarhus Universitetshospital'")
                .query(Long.class)
                .single();
        String name = "Søvnklinikken " + System.nanoTime();
        mvc.perform(post("/pko/afdelinger")
                .with(users.as("pkokoordinator"))
                .with(csrf())
                .param("unitId", String.valueOf(auh))
                .param("name", name));
        MvcResult twice = mvc.perform(post("/pko/afdelinger")
                        .with(users.as("pkokoordinator"))
                        .with(csrf())
                        .param("unitId", String.valueOf(auh))
                        .param("name", name))
                .andReturn();
        assertThat(twice.getResponse().getContentAsString())
                .contains("Hospitalsenheden har allerede en afdeling med det navn.");
        assertThat(jdbc.sql("SELECT count(*) FROM pko_department WHERE name = ?")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        String body = "Sundhedsklynge Test " + System.nanoTime();
        int coordinator = mvc.perform(post("/pko/samarbejdsparter")
                        .with(users.as("pkokoordinator"))
                        .with(csrf())
                        .param("kind", "HEALTH_CLUSTER")
                        .param("name", body))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(coordinator).isEqualTo(404);
        mvc.perform(post("/pko/samarbejdsparter")
                .with(users.as("pkolaege"))
                .with(csrf())
                .param("kind", "HEALTH_CLUSTER")
                .param("name", body));
        assertThat(jdbc.sql("SELECT region_code FROM pko_partner_body WHERE name = ?")
                        .param(body)
                        .query(String.class)
                        .single())
                .isEqualTo("1082");
        assertThat(jdbc.sql("SELECT email FROM pko_partner_body WHERE name = 'PLO-M'")
                        .query(String.class)
                        .single())
                .isEqualTo("plo.midtjylland@dadm.dk");
    }
}
