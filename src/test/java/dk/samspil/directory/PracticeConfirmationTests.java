package dk.samspil.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.directory.Views.PracticeView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A coordinator adding another cluster's ydernummer (to see its figures, or to learn whose it is) learns nothing and
 * gets nothing: the answer is that of any new ydernummer, and it counts only once the consultant confirms it.
 */
@SamspilTest
class PracticeConfirmationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    long demo;

    @BeforeEach
    void setUp() {
        demo = jdbc.sql("SELECT id FROM cluster WHERE name = 'Demoklyngen'")
                .query(Long.class)
                .single();
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM practice WHERE cluster_id = ? AND ydernummer IN ('200203', '450001', '450002', '450003')")
                .param(demo)
                .update();
        jdbc.sql("DELETE FROM register_practice_period WHERE ydernummer = '450001' AND period = '2019-01-01'")
                .update();
    }

    @Test
    void addingAnotherClustersYdernummerAnswersAsAnyNewOneAndGivesNoFigures() throws Exception {
        MvcResult taken = addPractice("200203", "Lægeklinikken Lind");
        MvcResult free = addPractice("450002", "En ny praksis");
        assertThat(taken.getResponse().getRedirectedUrl())
                .isEqualTo(free.getResponse().getRedirectedUrl())
                .isEqualTo("/klynger/" + demo);
        assertThat((java.util.Map<String, Object>) taken.getFlashMap()).isEqualTo(free.getFlashMap());
        assertThat(directory.practices(demo))
                .extracting(PracticeView::ydernummer)
                .as("neither counts in the cluster's figures, letters or surveys before confirmation")
                .doesNotContain("200203", "450002");
        String page = mvc.perform(get("/klynger/" + demo).with(users.as("koordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Nej, afventer konsulentens bekræftelse")
                .doesNotContain("anden klynge", "Vestklyngen");

        String imported = mvc.perform(multipart("/klynger/" + demo + "/import")
                        .file(new MockMultipartFile(
                                "file",
                                "praksis.csv",
                                "text/csv",
                                "ydernummer;navn;tilmeldte patienter\n200203;Lind;4560\n"
                                        .getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "PRACTICES")
                        .with(users.as("koordinator"))
                        .with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("success")
                .toString();
        assertThat(imported).isEqualTo("import.stored");
        assertThat(directory.practices(demo))
                .extracting(PracticeView::ydernummer)
                .doesNotContain("200203");
    }

    @Test
    void aYdernummerTheRegisterHasInTheClustersMunicipalityCountsAtOnce() throws Exception {
        jdbc.sql(
                        "INSERT INTO register_practice_period (ydernummer, period, listed_patients, municipality_code) VALUES ('450001', '2019-01-01', 100, '0751')")
                .update();
        addPractice("450001", "Registrets praksis");
        addPractice("450003", "Ukendt praksis");
        assertThat(directory.practices(demo))
                .extracting(PracticeView::ydernummer)
                .contains("450001")
                .doesNotContain("450003");
    }

    @Test
    void theConsultantConfirmsOrRefusesAndACoordinatorCannot() throws Exception {
        addPractice("450002", "En ny praksis");
        addPractice("200203", "Lægeklinikken Lind");
        long waiting = id("450002");
        assertThat(mvc.perform(get("/praksis-til-bekraeftelse").with(users.as("koordinator")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/praksis-til-bekraeftelse/" + waiting)
                                .param("confirm", "true")
                                .with(users.as("koordinator"))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        String list = mvc.perform(get("/praksis-til-bekraeftelse").with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("450002", "200203", "Vestklyngen");
        MvcResult confirmed = mvc.perform(post("/praksis-til-bekraeftelse/" + waiting)
                        .param("confirm", "true")
                        .with(users.as("konsulent"))
                        .with(csrf()))
                .andReturn();
        assertThat(confirmed.getFlashMap().get("success")).isEqualTo("practice.pending.confirmed");
        assertThat(directory.practices(demo))
                .extracting(PracticeView::ydernummer)
                .contains("450002");

        MvcResult taken = mvc.perform(post("/praksis-til-bekraeftelse/" + id("200203"))
                        .param("confirm", "true")
                        .with(users.as("konsulent"))
                        .with(csrf()))
                .andReturn();
        assertThat(taken.getFlashMap().get("error")).isEqualTo("practice.pending.takenElsewhere");
        MvcResult refused = mvc.perform(post("/praksis-til-bekraeftelse/" + id("200203"))
                        .param("confirm", "false")
                        .with(users.as("konsulent"))
                        .with(csrf()))
                .andReturn();
        assertThat(refused.getFlashMap().get("success")).isEqualTo("practice.pending.refused");
        assertThat(jdbc.sql("SELECT count(*) FROM practice WHERE ydernummer = '200203'")
                        .query(Integer.class)
                        .single())
                .as("the other cluster's practice stays")
                .isEqualTo(1);
    }

    private MvcResult addPractice(String ydernummer, String name) throws Exception {
        return mvc.perform(post("/klynger/" + demo + "/praksis")
                        .param("ydernummer", ydernummer)
                        .param("name", name)
                        .param("listedPatients", "1000")
                        .with(users.as("koordinator"))
                        .with(csrf()))
                .andReturn();
    }

    private long id(String ydernummer) {
        return jdbc.sql("SELECT id FROM practice WHERE cluster_id = ? AND ydernummer = ?")
                .params(demo, ydernummer)
                .query(Long.class)
                .single();
    }
}
