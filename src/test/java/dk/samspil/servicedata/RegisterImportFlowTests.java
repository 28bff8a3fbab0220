package dk.samspil.servicedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.core.env.Environment environment;

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM register_service_count WHERE period >= '2031-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_service_month WHERE period >= '2031-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_practice_period WHERE period >= '2031-01-01'")
                .update();
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

        String again = upload("SERVICES", "ydelser-rettet.csv", """
                Antal;Ydelseskode;Periode;Ydernummer
                14;124;januar 2031;100101
                3;124;januar 2031;100102
                """);
        assertThat(again).contains("Nye: 0, ændrede: 1, fjernede: 0");
        assertThat(count("100101", "0124")).isEqualTo(14);
        assertThat(count("900001", "0124"))
                .as("a practice not in the file keeps its figures")
                .isEqualTo(7);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM register_service_month WHERE service_code = '0124' AND period = '2031-01-01'")
                        .query(Integer.class)
                        .single())
                .as("both imports hold rows of the code and month")
                .isEqualTo(2);

        int partitions = partitions();
        String all = upload("SERVICES", "ydelser-alle.csv", """
                Ydernummer;Periode;Ydelseskode;Antal
                100101;2031-01;0124;15
                100102;2031-01;0124;3
                900001;2031-01;0124;8
                """);
        assertThat(all).contains("Nye: 0, ændrede: 2, fjernede: 0");
        assertThat(partitions())
                .as("the earlier imports' partitions, left empty, are dropped; the new one is attached")
                .isEqualTo(partitions - 1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM register_service_month WHERE service_code = '0124' AND period = '2031-01-01'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aOneRowFileChangesOnePracticeAndLeavesTheOther39OfTheMonth() throws Exception {
        StringBuilder practices = new StringBuilder("Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n");
        StringBuilder services = new StringBuilder("Ydernummer;Periode;Ydelseskode;Antal\n");
        for (int i = 1; i <= 40; i++) {
            practices.append(300100 + i).append(";2031-04;").append(1000 + i).append(";0751\n");
            services.append(300100 + i).append(";2031-04;0124;").append(i).append("\n");
        }
        upload("PRACTICES", "praksis.csv", practices.toString());
        upload("SERVICES", "ydelser.csv", services.toString());

        String onePractice = upload(
                "PRACTICES",
                "rettelse.csv",
                "Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n300101;2031-04;999;0751\n");
        assertThat(onePractice).contains("Nye: 0, ændrede: 1, fjernede: 0");
        assertThat(jdbc.sql("SELECT count(*) FROM register_practice_period WHERE period = '2031-04-01'")
                        .query(Integer.class)
                        .single())
                .as("the other 39 practices keep their listed patients")
                .isEqualTo(40);

        String oneService =
                upload("SERVICES", "rettelse.csv", "Ydernummer;Periode;Ydelseskode;Antal\n300101;2031-04;0124;77\n");
        assertThat(oneService).contains("Nye: 0, ændrede: 1, fjernede: 0");
        assertThat(count("300101", "0124")).isEqualTo(77);
        assertThat(count("300140", "0124")).isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM register_service_count WHERE period = '2031-04-01'")
                        .query(Integer.class)
                        .single())
                .as("the other 39 practices keep their service counts")
                .isEqualTo(40);
    }

    @Test
    void aSecondRegionsFileForTheSameMonthKeepsTheFirstRegions() throws Exception {
        upload(
                "PRACTICES",
                "midt.csv",
                "Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n310001;2031-05;5000;0751\n310002;2031-05;4000;0751\n");
        upload(
                "PRACTICES",
                "hovedstaden.csv",
                "Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n320001;2031-05;6000;0101\n");
        upload(
                "SERVICES",
                "midt.csv",
                "Ydernummer;Periode;Ydelseskode;Antal\n310001;2031-05;0124;11\n310002;2031-05;0124;12\n");
        String second =
                upload("SERVICES", "hovedstaden.csv", "Ydernummer;Periode;Ydelseskode;Antal\n320001;2031-05;0124;13\n");
        assertThat(second).contains("Nye: 1, ændrede: 0, fjernede: 0");
        assertThat(count("310001", "0124")).isEqualTo(11);
        assertThat(count("310002", "0124")).isEqualTo(12);
        assertThat(count("320001", "0124")).isEqualTo(13);
        assertThat(jdbc.sql("SELECT count(*) FROM register_practice_period WHERE period = '2031-05-01'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aFileThatRemovesFiguresSaysHowManyPracticesAndWaitsForConfirmation() throws Exception {
        upload(
                "PRACTICES",
                "praksis.csv",
                "Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n330001;2031-06;5000;0751\n330002;2031-06;4000;0751\n");
        upload("SERVICES", "ydelser.csv", """
                Ydernummer;Periode;Ydelseskode;Antal
                330001;2031-06;0124;11
                330001;2031-06;0125;5
                330002;2031-06;0124;12
                330002;2031-06;0125;6
                """);
        Browser session = new Browser();
        String fewer = """
                Ydernummer;Periode;Ydelseskode;Antal
                330001;2031-06;0124;11
                330002;2031-06;0124;12
                330002;2031-06;0125;7
                """;
        String asked = upload("SERVICES", "ydelser.csv", fewer, session);
        assertThat(asked)
                .contains("dette fjerner 1 praksissers tal", "id=\"import-confirm\"")
                .doesNotContain("Filen er importeret");
        assertThat(asked)
                .as("the form names the waiting file")
                .contains("name=\"token\" value=\"" + session.token + "\"");
        assertThat(session.token).as("an unguessable token").hasSizeGreaterThan(20);
        assertThat(count("330001", "0125"))
                .as("nothing removed before the confirmation")
                .isEqualTo(5);
        assertThat(count("330002", "0125")).as("nothing changed either").isEqualTo(6);

        assertThat(confirm(session, true, "another-file"))
                .as("an answer about another file removes nothing")
                .contains("Filen venter ikke længere på bekræftelse");
        assertThat(count("330001", "0125")).isEqualTo(5);
        String cancelled = confirm(session, false);
        assertThat(cancelled).contains("Filen er ikke importeret. Intet er ændret.");
        assertThat(count("330001", "0125")).isEqualTo(5);
        assertThat(confirm(session, true))
                .as("a cancelled file cannot be confirmed afterwards")
                .contains("Filen venter ikke længere på bekræftelse");

        upload("SERVICES", "ydelser.csv", fewer, session);
        String confirmed = confirm(session, true);
        assertThat(confirmed).contains("Filen er importeret: 3 rækker.", "Nye: 0, ændrede: 1, fjernede: 1");
        assertThat(count("330001", "0125")).isNull();
        assertThat(count("330002", "0125")).isEqualTo(7);
    }

    private int partitions() {
        return jdbc.sql("SELECT count(*) FROM pg_inherits WHERE inhparent = 'register_service_count'::regclass")
                .query(Integer.class)
                .single();
    }

    @Test
    void oneBadRowStoresNothingAndEveryBadRowIsReported() throws Exception {
        upload(
                "PRACTICES",
                "praksis.csv",
                "Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n100101;2031-02;6120;0751\n");
        String report = upload("SERVICES", "ydelser.csv", """
                Ydernummer;Periode;Ydelseskode;Antal
                100101;2031-02;0124;12
                100101;2031-02;0124;13
                100102;2031-02;0124;5
                12345;2031-02;0124;1
                100101;2031-02;0125;=HYPERLINK("x")
                """);
        assertThat(report).contains("Filen er ikke importeret: 4 fejl.", "Intet fra filen er gemt");
        assertThat(report)
                .contains(
                        "Rækken findes allerede i linje 2",
                        "Der er ingen tilmeldte patienter for praksis og periode",
                        "Ydernummeret skal være 6 cifre.",
                        "ligner en formel");
        assertThat(count("100101", "0124")).as("nothing stored").isNull();
        String lines = report.substring(report.indexOf("id=\"import-problems\""));
        assertThat(lines.indexOf(">3<")).isLessThan(lines.indexOf(">4<"));

        String fixed =
                upload("SERVICES", "ydelser.csv", "Ydernummer;Periode;Ydelseskode;Antal\n100101;2031-02;0124;12\n");
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
        assertThat(report)
                .contains(
                        "Filen er ikke importeret: 3 fejl.",
                        "Rækken findes allerede i linje 2 (samme ydernummer og periode).",
                        "Antallet må ikke være negativt.");
        String problems = report.substring(report.indexOf("id=\"import-problems\""));
        assertThat(problems.substring(0, problems.indexOf("</table>")))
                .as("a practice file has no service codes")
                .doesNotContain("ydelseskode");
        assertThat(report.substring(report.indexOf("id=\"import-problems\""))).contains(">3<", ">4<", ">5<");
        assertThat(jdbc.sql("SELECT count(*) FROM register_practice_period WHERE period = '2031-03-01'")
                        .query(Integer.class)
                        .single())
                .as("nothing stored")
                .isZero();
    }

    @Test
    void theImportPageStatesTheUploadLimitTheServerEnforces() throws Exception {
        long megabytes = org.springframework.util.unit.DataSize.parse(
                        environment.getProperty("spring.servlet.multipart.max-file-size", "100MB"))
                .toMegabytes();
        String page = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/data/import")
                                .with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(page).select("#file-hint").text()).endsWith("højst " + megabytes + " MB.");
    }

    @Test
    void aHostileFileOfBadRowsAndHugeCellsGetsACappedReportOnASmallPage() throws Exception {
        StringBuilder file = new StringBuilder("Ydernummer;Periode;Ydelseskode;Antal\n");
        String huge = "9".repeat(100_000);
        for (int i = 0; i < 60; i++) {
            file.append(huge).append(";2031-07;0124;1\n");
        }
        for (int i = 0; i < 100_000; i++) {
            file.append("12345;2031-07;0124;1\n");
        }
        String page = upload("SERVICES", "fjendtlig.csv", file.toString());
        assertThat(page).contains("Filen er ikke importeret: 100.060 fejl.");
        String table = page.substring(page.indexOf("id=\"import-problems\""));
        assertThat(table.split("<tr").length - 2).as("problem rows listed").isEqualTo(1_000);
        assertThat(page.length()).as("the page echoes no value in full").isLessThan(600_000);
    }

    @Test
    void aRenamedProgramIsRefusedWithAClearMessage() throws Exception {
        MockMultipartFile exe =
                new MockMultipartFile("file", "ydelser.csv", "text/csv", new byte[] {'M', 'Z', 0, 0, 1, 2, 3});
        String page = mvc.perform(multipart("/data/import")
                        .file(exe)
                        .param("kind", "SERVICES")
                        .with(users.as("konsulent"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Filen er et program, ikke en tabel.");
    }

    @Test
    void withoutAFileTheFieldSaysSo() throws Exception {
        String page = mvc.perform(multipart("/data/import")
                        .param("kind", "SERVICES")
                        .with(users.as("konsulent"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Vælg filen, der skal importeres.", "id=\"file-error\"");
    }

    private String upload(String kind, String name, String content) throws Exception {
        return upload(kind, name, content, new Browser());
    }

    /**
     * What a browser carries between requests: the session cookie (sessions live in PostgreSQL, found by the cookie)
     * and the token of the file its last page said is waiting.
     */
    private static final class Browser {
        private jakarta.servlet.http.Cookie cookie;
        private String token = "";

        private <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>>
                B carry(B request) {
            return cookie == null ? request : request.cookie(cookie);
        }

        private String read(org.springframework.mock.web.MockHttpServletResponse response) throws Exception {
            if (response.getCookie("SESSION") != null) {
                cookie = response.getCookie("SESSION");
            }
            String page = response.getContentAsString();
            java.util.regex.Matcher waiting = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"")
                    .matcher(page);
            if (waiting.find()) {
                token = waiting.group(1);
            }
            return page;
        }
    }

    private String upload(String kind, String name, String content, Browser session) throws Exception {
        MockMultipartFile file =
                new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
        var response = mvc.perform(
                        session.carry(multipart("/data/import").file(file).param("kind", kind))
                                .with(users.as("konsulent"))
                                .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return session.read(response);
    }

    private String confirm(Browser session, boolean remove) throws Exception {
        return confirm(session, remove, session.token);
    }

    private String confirm(Browser session, boolean remove, String token) throws Exception {
        var response = mvc.perform(session.carry(post("/data/import/bekraeft")
                                .param("remove", String.valueOf(remove))
                                .param("token", token))
                        .with(users.as("konsulent"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return session.read(response);
    }

    private Integer count(String ydernummer, String code) {
        return jdbc.sql(
                        "SELECT count FROM register_service_count WHERE ydernummer = CAST(? AS int) AND service_code = ? AND period >= '2031-01-01' ORDER BY period DESC LIMIT 1")
                .params(ydernummer, code)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }
}
