package dk.samspil.servicedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** An order's service figures: letters instead of practices, rates per 1,000, small counts hidden, the key for the consultant only. */
@SamspilTest
class OrderFiguresTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTestPeriod() {
        jdbc.sql("DELETE FROM register_service_count WHERE period >= '2033-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_service_month WHERE period >= '2033-01-01'")
                .update();
        jdbc.sql("DELETE FROM register_practice_period WHERE period >= '2033-01-01'")
                .update();
    }

    @Test
    void figuresPerThousandWithLettersAndSuppression() throws Exception {
        upload("PRACTICES", """
                Ydernummer;Periode;Tilmeldte patienter;Kommunekode
                100101;2033-06;6000;0751
                100102;2033-06;4000;0751
                100103;2033-06;8000;0751
                100104;2033-06;3000;0751
                100105;2033-06;5000;0751
                100106;2033-06;2000;0751
                700001;2033-06;10000;0751
                900001;2033-06;20000;0101
                """);
        upload("SERVICES", """
                Ydernummer;Periode;Ydelseskode;Antal
                100101;2033-06;0124;12
                100102;2033-06;0124;3
                100103;2033-06;0124;40
                100104;2033-06;0124;9
                100105;2033-06;0124;25
                100106;2033-06;0124;0
                700001;2033-06;0124;50
                900001;2033-06;0124;10
                """);
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");

        String municipality = page(order, "kommune");
        assertThat(municipality)
                .contains("Praksis A", "Praksis F", "&lt;5", ">x<", "Hele landet", "Region Midtjylland");
        assertThat(municipality)
                .as("no practice named outside the consultant's key")
                .doesNotContain("100101", "Lægerne ved Åen", "pseudonym-key");
        // Cluster: 89 services, 28,000 listed: 3.2 per 1,000; region adds 700001 (139 / 38,000 = 3.7); country 149 /
        // 58,000 = 2.6.
        assertThat(municipality).contains(">89<", "3,2", "3,7", "2,6");

        String consultant = page(order, "konsulent");
        assertThat(consultant).contains("pseudonym-key", "Lægerne ved Åen", "100101");
        String letter = jdbc.sql("SELECT letter FROM order_pseudonym WHERE order_id = ? AND ydernummer = '100101'")
                .param(order)
                .query(String.class)
                .single();
        // The letters stay when the page is shown again and after a re-import.
        upload(
                "SERVICES",
                "Ydernummer;Periode;Ydelseskode;Antal\n100101;2033-06;0124;13\n100102;2033-06;0124;3\n"
                        + "100103;2033-06;0124;40\n100104;2033-06;0124;9\n100105;2033-06;0124;25\n100106;2033-06;0124;0\n"
                        + "700001;2033-06;0124;50\n900001;2033-06;0124;10\n");
        page(order, "koordinator");
        assertThat(jdbc.sql("SELECT letter FROM order_pseudonym WHERE order_id = ? AND ydernummer = '100101'")
                        .param(order)
                        .query(String.class)
                        .single())
                .isEqualTo(letter);
        assertThat(page(order, "koordinator")).doesNotContain("pseudonym-key");
        assertThat(mvc.perform(get("/bestillinger/" + order + "/data").with(users.as("kommune2")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void monthsFromSeveralImportsAddUpAndOtherCodesStayOut() throws Exception {
        StringBuilder practices = new StringBuilder("Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n");
        String[][] listed = {
            {"100101", "6000"},
            {"100102", "4000"},
            {"100103", "8000"},
            {"100104", "3000"},
            {"100105", "5000"},
            {"100106", "2000"},
            {"700001", "10000"},
            {"900001", "20000"}
        };
        for (String month : new String[] {"2033-05", "2033-06"}) {
            for (String[] practice : listed) {
                practices
                        .append(practice[0])
                        .append(';')
                        .append(month)
                        .append(';')
                        .append(practice[1])
                        .append(practice[0].equals("900001") ? ";0101\n" : ";0751\n");
            }
        }
        upload("PRACTICES", practices.toString());
        // Each file is a partition of its own; the figures read the months of the code from both.
        upload(
                "SERVICES",
                "Ydernummer;Periode;Ydelseskode;Antal\n100101;2033-06;0124;12\n100102;2033-06;0124;3\n"
                        + "100103;2033-06;0124;40\n100104;2033-06;0124;9\n100105;2033-06;0124;25\n100106;2033-06;0124;0\n");
        upload(
                "SERVICES",
                "Ydernummer;Periode;Ydelseskode;Antal\n100101;2033-05;0124;10\n100102;2033-05;0124;10\n"
                        + "100103;2033-05;0124;10\n100104;2033-05;0124;10\n100105;2033-05;0124;10\n100106;2033-05;0124;10\n");
        upload("SERVICES", "Ydernummer;Periode;Ydelseskode;Antal\n100101;2033-06;0999;500\n100102;2033-06;0999;500\n");
        long order =
                OrderFixtures.placeAcuteOrder(mvc, users, OrderFixtures.today().plusWeeks(12), "kommune@example.dk");
        // Cluster: 89 (June) + 60 (May) services, 28,000 listed on average: 5.3 per 1,000.
        assertThat(page(order, "konsulent")).contains(">149<", "5,3").doesNotContain(">1089<");
    }

    @Test
    void lettersRunPastZ() {
        assertThat(OrderFigures.letter(0)).isEqualTo("A");
        assertThat(OrderFigures.letter(25)).isEqualTo("Z");
        assertThat(OrderFigures.letter(26)).isEqualTo("AA");
        assertThat(OrderFigures.letter(39)).isEqualTo("AN");
    }

    private String page(long order, String user) throws Exception {
        var response = mvc.perform(get("/bestillinger/" + order + "/data").with(users.as(user)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private void upload(String kind, String content) throws Exception {
        MockMultipartFile file =
                new MockMultipartFile("file", "fil.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(multipart("/data/import")
                        .file(file)
                        .param("kind", kind)
                        .with(users.as("konsulent"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Filen er importeret");
    }
}
