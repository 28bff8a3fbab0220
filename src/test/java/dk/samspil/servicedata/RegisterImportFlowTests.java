package dk.samspil.servicedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The consultant imports the national files through the page: all or nothing, every bad row reported, re-import replaces. */
@SamspilTest
class RegisterImportFlowTests {

    @Autowired MockMvc mvc;
    @Autowired DemoUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.core.env.Environment environment;

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM register_service_count WHERE period >= '2031-01-01'").update();
        jdbc.sql("DELETE FROM register_service_month WHERE period >= '2031-01-01'").update();
        jdbc.sql("DELETE FROM register_practice_period WHERE period >= '2031-01-01'").update();
    }

    @Test
    void practicesThenServicesAndAReimportThatReplaces() throws Exception {
        String practices = upload("PRACTICES", "praksis.csv", """
                Ydernummer;Periode;Tilmeldte patienter;Kommunekode
                100101;2031-01;6.120;0751
                100102;2031-01;4380;0751
                900001;2031-01;2500;0101
                """);
        assertThat(practices).contains("Filen er importeret: 3 rækker.", "Nye: 3, ændrede: 0, fjernede: 0");

        String services = upload("SERVICES", "ydelser.csv", """
                Ydernummer;Periode;Ydelseskode;Antal
                100101;2031-01;0124;12
                100102;2031-01;0124;3
                900001;2031-01;0124;7
                """);
        assertThat(services).contains("Filen er importeret: 3 rækker.");
        assertThat(count("100101", "0124")).isEqualTo(12);

        int partitions = partitions();
        String again = upload("SERVICES", "ydelser-rettet.csv", """
                Antal;Ydelseskode;Periode;Ydernummer
                14;124;januar 2031;100101
                3;124;januar 2031;100102
                """);
        assertThat(again).contains("Nye: 0, ændrede: 1, fjernede: 1");
        assertThat(count("100101", "0124")).isEqualTo(14);
        assertThat(count("900001", "0124")).as("removed by the re-import of the month").isNull();
        assertThat(partitions()).as("the first import's partition, left empty, is dropped; the new one is attached")
                .isEqualTo(partitions);
        assertThat(jdbc.sql("SELECT count(*) FROM register_service_month WHERE service_code = '0124' AND period = '2031-01-01'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    private int partitions() {
        return jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = 'register_service_count'::regclass")
                .query(Integer.class).single();
    }

    @Test
    void oneBadRowStoresNothingAndEveryBadRowIsReported() throws Exception {
        upload("PRACTICES", "praksis.csv", "Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n100101;2031-02;6120;0751\n");
        String report = upload("SERVICES", "ydelser.csv", """
                Ydernummer;Periode;Ydelseskode;Antal
                100101;2031-02;0124;12
                100101;2031-02;0124;13
                100102;2031-02;0124;5
                12345;2031-02;0124;1
                100101;2031-02;0125;=HYPERLINK("x")
                """);
        assertThat(report).contains("Filen er ikke importeret: 4 fejl.", "Intet fra filen er gemt");
        assertThat(report).contains("Rækken findes allerede i linje 2", "Der er ingen tilmeldte patienter for praksis og periode",
                "Ydernummeret skal være 6 cifre.", "ligner en formel");
        assertThat(count("100101", "0124")).as("nothing stored").isNull();
        String lines = report.substring(report.indexOf("id=\"import-problems\""));
        assertThat(lines.indexOf(">3<")).isLessThan(lines.indexOf(">4<"));

        String fixed = upload("SERVICES", "ydelser.csv", "Ydernummer;Periode;Ydelseskode;Antal\n100101;2031-02;0124;12\n");
        assertThat(fixed).contains("Filen er importeret: 1 rækker.");
        assertThat(count("100101", "0124")).isEqualTo(12);
    }

    @Test
    void aPracticeFileWithBadRowsIsReportedRowByRowAndStoresNothing() throws Exception {
        String report = upload("PRACTICES", "praksis.csv", """
                Ydernummer;Periode;Tilmeldte patienter;Kommunekode
                100101;2031-03;6120;0751
                100101;2031-03;6120;0751
                100102;2031-03;-5;0751
                100103;2031-03;4000;9999
                100104;2031-03;4000;0751
                """);
        assertThat(report).contains("Filen er ikke importeret: 3 fejl.",
                "Rækken findes allerede i linje 2 (samme ydernummer og periode).", "Antallet må ikke være negativt.");
        String problems = report.substring(report.indexOf("id=\"import-problems\""));
        assertThat(problems.substring(0, problems.indexOf("</table>"))).as("a practice file has no service codes")
                .doesNotContain("ydelseskode");
        assertThat(report.substring(report.indexOf("id=\"import-problems\""))).contains(">3<", ">4<", ">5<");
        assertThat(jdbc.sql("SELECT count(*) FROM register_practice_period WHERE period = '2031-03-01'").query(Integer.class).single())
                .as("nothing stored").isZero();
    }

    @Test
    void theImportPageStatesTheUploadLimitTheServerEnforces() throws Exception {
        long megabytes = org.springframework.util.unit.DataSize.parse(
                environment.getProperty("spring.servlet.multipart.max-file-size", "100MB")).toMegabytes();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/data/import")
                .with(users.as("konsulent"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(page).select("#file-hint").text()).endsWith("højst " + megabytes + " MB.");
    }

    @Test
    void aRenamedProgramIsRefusedWithAClearMessage() throws Exception {
        MockMultipartFile exe = new MockMultipartFile("file", "ydelser.csv", "text/csv", new byte[] {'M', 'Z', 0, 0, 1, 2, 3});
        String page = mvc.perform(multipart("/data/import").file(exe).param("kind", "SERVICES").with(users.as("konsulent")).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Filen er et program, ikke en tabel.");
    }

    @Test
    void withoutAFileTheFieldSaysSo() throws Exception {
        String page = mvc.perform(multipart("/data/import").param("kind", "SERVICES").with(users.as("konsulent")).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Vælg filen, der skal importeres.", "id=\"file-error\"");
    }

    private String upload(String kind, String name, String content) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
        var response = mvc.perform(multipart("/data/import").file(file).param("kind", kind).with(users.as("konsulent")).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private Integer count(String ydernummer, String code) {
        return jdbc.sql("SELECT count FROM register_service_count WHERE ydernummer = CAST(? AS int) AND service_code = ? AND period >= '2031-01-01' ORDER BY period DESC LIMIT 1")
                .params(ydernummer, code).query(Integer.class).optional().orElse(null);
    }
}
