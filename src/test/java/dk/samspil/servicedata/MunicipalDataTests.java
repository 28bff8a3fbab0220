package dk.samspil.servicedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The municipality delivers its data for an order: referral counts by file (all or nothing, replacing its earlier
 * upload), dose-dispensing figures by form (checked at the field, no lost update), shown to the order's people
 * through the disclosure policy; nobody else may deliver or see them.
 */
@SamspilTest
class MunicipalDataTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @BeforeEach
    void listedPatients() {
        jdbc.sql("""
                INSERT INTO register_practice_period (ydernummer, period, listed_patients, municipality_code) VALUES
                ('100101', '2034-06-01', 6000, '0751'), ('100102', '2034-06-01', 4000, '0751'),
                ('100103', '2034-06-01', 8000, '0751'), ('100104', '2034-06-01', 3000, '0751'),
                ('100105', '2034-06-01', 5000, '0751'), ('100106', '2034-06-01', 2000, '0751')""").update();
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM register_practice_period WHERE period >= '2034-01-01'")
                .update();
    }

    @Test
    void theMunicipalityUploadsReferralsAndTheClusterSeesThemPerThousandUnderLetters() throws Exception {
        long order = referralOrder();
        String page =
                body(mvc.perform(get("/bestillinger/" + order + "/kommunedata").with(users.as("kommune")))
                        .andReturn());
        assertThat(page).contains("Upload henvisninger fra Aarhus", "eksempel-henvisninger.csv");

        String stored = upload(order, "kommune", "2025", """
                Ydernummer;Tilbud;Antal henvisninger
                100101;Forebyggelse;30
                100102;Forebyggelse;2
                100103;Forebyggelse;40
                100104;Forebyggelse;12
                100105;Forebyggelse;25
                100106;Forebyggelse;0
                100101;Rehabilitering;6
                """);
        assertThat(stored).contains("Filen er gemt: 7 rækker.", "Nye: 7, ændrede: 0, fjernede: 0");

        String figures =
                body(mvc.perform(get("/bestillinger/" + order + "/data").with(users.as("koordinator")))
                        .andReturn());
        assertThat(figures)
                .contains(
                        "Henvisninger til forebyggende tilbud – Aarhus",
                        "Henvisninger til rehabiliterende tilbud – Aarhus",
                        "Perioden 2025.");
        // 2 is hidden as "<5" and one more part is hidden so the cluster's total does not give it back.
        assertThat(figures).contains("&lt;5", ">x<");
        assertThat(figures).doesNotContain("100101", "Lægehuset");
        String letterOf100103 = jdbc.sql(
                        "SELECT letter FROM order_pseudonym WHERE order_id = ? AND ydernummer = '100103'")
                .param(order)
                .query(String.class)
                .single();
        // 40 referrals among 8,000 listed patients: 5,0 per 1,000; outside the key only the rate per letter.
        assertThat(figures)
                .containsPattern("Praksis " + letterOf100103
                        + "</th>\\s*<td[^>]*>–</td>\\s*<td[^>]*>–</td>\\s*<td[^>]*>5,0</td>");
        String consultant =
                body(mvc.perform(get("/bestillinger/" + order + "/data").with(users.as("konsulent")))
                        .andReturn());
        assertThat(consultant)
                .containsPattern("Praksis " + letterOf100103
                        + "</th>\\s*<td[^>]*>40</td>\\s*<td[^>]*>8\\.000</td>\\s*<td[^>]*>5,0</td>");

        String again = upload(order, "kommune", "2025", """
                Antal henvisninger;Ydernummer;Tilbud
                31;100101;forebyggende tilbud
                40;100103;FOREBYGGELSE
                """);
        assertThat(again).contains("Nye: 0, ændrede: 1, fjernede: 5");
        assertThat(jdbc.sql("SELECT count(*) FROM municipal_referral WHERE order_id = ?")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aBadRowStoresNothingAndEveryBadRowIsReported() throws Exception {
        long order = referralOrder();
        upload(order, "kommune", "2025", "Ydernummer;Tilbud;Antal henvisninger\n100101;Forebyggelse;30\n");

        String report = upload(order, "kommune", "2025", """
                Ydernummer;Tilbud;Antal henvisninger
                100101;Forebyggelse;31
                100101;Forebyggelse;32
                700001;Forebyggelse;5
                100102;Træning;5
                100103;Rehabilitering;-3
                100104;Rehabilitering;=cmd|' /C calc'!A0
                """);
        assertThat(report)
                .contains(
                        "Filen er ikke importeret: 5 fejl.",
                        "Intet fra filen er gemt",
                        "Rækken findes allerede i linje 2",
                        "ikke med i klyngen",
                        "Tilbuddet skal være",
                        "må ikke være negativt",
                        "ligner en formel");
        assertThat(jdbc.sql("SELECT count FROM municipal_referral WHERE order_id = ? AND ydernummer = '100101'")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .as("the earlier upload is kept")
                .isEqualTo(30);

        String missingPeriod =
                upload(order, "kommune", "  ", "Ydernummer;Tilbud;Antal henvisninger\n100101;Forebyggelse;31\n");
        assertThat(missingPeriod).contains("Skriv hvilken periode tallene dækker.", "form-error");
    }

    @Test
    void aHostileReferralFileOfHugeCellsGetsAShortReport() throws Exception {
        long order = referralOrder();
        StringBuilder csv = new StringBuilder("Ydernummer;Tilbud;Antal henvisninger\n");
        String huge = "1".repeat(100_000);
        for (int i = 0; i < 80; i++) {
            csv.append(huge).append(";Forebyggelse;5\n");
        }
        String report = upload(order, "kommune", "2025", csv.toString());
        assertThat(report).contains("Filen er ikke importeret: 80 fejl.", "Ydernummeret skal være 6 cifre.");
        assertThat(report.length()).as("no cell echoed in full").isLessThan(200_000);
    }

    @Test
    void theDosisFormChecksEachFieldKeepsWhatWasTypedAndRefusesALostUpdate() throws Exception {
        long order = OrderFixtures.placeOrder(
                mvc, users, "dosisdispensering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
        String empty =
                body(mvc.perform(get("/bestillinger/" + order + "/kommunedata").with(users.as("kommune")))
                        .andReturn());
        assertThat(empty).contains("Borgere i hjemmeplejen", "Personaletimer brugt på medicinophældning");

        String bad = body(mvc.perform(post("/bestillinger/" + order + "/kommunedata/dosis")
                        .with(csrf())
                        .with(users.as("kommune"))
                        .param("nursing", "-4")
                        .param("homeCare", "mange")
                        .param("careHome", "120")
                        .param("hours", "37,55")
                        .param("contact", "Dorte Dosis, 8940 2000")
                        .param("version", "0"))
                .andReturn());
        assertThat(bad)
                .contains(
                        "Tallet må ikke være negativt.",
                        "Skriv et helt tal, fx 42.",
                        "Skriv et tal med højst én decimal",
                        "value=\"mange\"",
                        "value=\"120\"",
                        "Dorte Dosis, 8940 2000");
        assertThat(jdbc.sql("SELECT count(*) FROM municipal_dosis WHERE order_id = ?")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isZero();

        MockHttpServletResponse saved = mvc.perform(post("/bestillinger/" + order + "/kommunedata/dosis")
                        .with(csrf())
                        .with(users.as("kommune"))
                        .param("nursing", "3")
                        .param("homeCare", "214")
                        .param("careHome", "96")
                        .param("hours", "37,5")
                        .param("contact", "Dorte Dosis, 8940 2000")
                        .param("version", "0"))
                .andReturn()
                .getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/bestillinger/" + order + "/kommunedata");

        // A second writer who read the form before the save is refused and keeps what they typed.
        String conflict = body(mvc.perform(post("/bestillinger/" + order + "/kommunedata/dosis")
                        .with(csrf())
                        .with(users.as("konsulent"))
                        .param("kommune", "0751")
                        .param("nursing", "5")
                        .param("homeCare", "")
                        .param("careHome", "")
                        .param("hours", "")
                        .param("contact", "")
                        .param("version", "0"))
                .andReturn());
        assertThat(conflict).contains("En anden har gemt tal for kommunen", "value=\"5\"");
        assertThat(jdbc.sql("SELECT citizens_nursing FROM municipal_dosis WHERE order_id = ?")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);

        String figures =
                body(mvc.perform(get("/bestillinger/" + order + "/data").with(users.as("koordinator")))
                        .andReturn());
        // 3 is shown as "<5"; the smaller of the others is hidden too, or the total would give the 3 back.
        assertThat(figures)
                .contains("Dosisdispenseret medicin – Aarhus", "&lt;5", ">214<", ">x<", ">313<", "37,5", "Dorte Dosis");
        assertThat(figures).doesNotContain(">96<", ">3<");
    }

    @Test
    void theDosisFormTakesDanishThousandsSeparatorsAndShowsNumbersWithThem() throws Exception {
        long order = OrderFixtures.placeOrder(
                mvc, users, "dosisdispensering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
        MockHttpServletResponse saved = mvc.perform(post("/bestillinger/" + order + "/kommunedata/dosis")
                        .with(csrf())
                        .with(users.as("kommune"))
                        .param("nursing", "1.240")
                        .param("homeCare", "3 039")
                        .param("careHome", "1240")
                        .param("hours", "")
                        .param("contact", "")
                        .param("version", "0"))
                .andReturn()
                .getResponse();
        assertThat(saved.getRedirectedUrl())
                .as("1.240 is a number")
                .isEqualTo("/bestillinger/" + order + "/kommunedata");
        assertThat(jdbc.sql(
                                "SELECT citizens_nursing + citizens_home_care + citizens_care_home FROM municipal_dosis WHERE order_id = ?")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1240 + 3039 + 1240);
        String form =
                body(mvc.perform(get("/bestillinger/" + order + "/kommunedata").with(users.as("kommune")))
                        .andReturn());
        assertThat(form).contains("value=\"1.240\"", "value=\"3.039\"");
        String figures =
                body(mvc.perform(get("/bestillinger/" + order + "/data").with(users.as("koordinator")))
                        .andReturn());
        assertThat(figures).contains(">1.240<", ">3.039<", ">5.519<").doesNotContain(">5519<");
        String wrongGrouping = body(mvc.perform(post("/bestillinger/" + order + "/kommunedata/dosis")
                        .with(csrf())
                        .with(users.as("kommune"))
                        .param("nursing", "12.40")
                        .param("homeCare", "")
                        .param("careHome", "")
                        .param("hours", "")
                        .param("contact", "")
                        .param("version", "1"))
                .andReturn());
        assertThat(wrongGrouping).contains("Skriv et helt tal, fx 42.", "value=\"12.40\"");
    }

    @Test
    void onlyTheOrdersOwnMunicipalityAndProviderMayDeliver() throws Exception {
        long order = referralOrder();
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "h.csv",
                "text/csv",
                "Ydernummer;Tilbud;Antal henvisninger\n100101;Forebyggelse;30\n".getBytes(StandardCharsets.UTF_8));
        for (String outsider : new String[] {"kommune2", "koordinator2", "midtkraft", "pko"}) {
            assertThat(mvc.perform(get("/bestillinger/" + order + "/kommunedata")
                                    .with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isIn(403, 404);
            assertThat(mvc.perform(multipart("/bestillinger/" + order + "/kommunedata")
                                    .file(file)
                                    .param("period", "2025")
                                    .with(csrf())
                                    .with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isIn(403, 404);
        }
        // The coordinator sees the page but may not deliver for the municipality.
        String coordinatorPage =
                body(mvc.perform(get("/bestillinger/" + order + "/kommunedata").with(users.as("koordinator")))
                        .andReturn());
        assertThat(coordinatorPage).doesNotContain("type=\"file\"");
        assertThat(mvc.perform(multipart("/bestillinger/" + order + "/kommunedata")
                                .file(file)
                                .param("period", "2025")
                                .with(csrf())
                                .with(users.as("koordinator")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isIn(403, 404);
        assertThat(mvc.perform(post("/bestillinger/" + order + "/kommunedata/dosis")
                                .param("nursing", "3")
                                .param("version", "0")
                                .with(csrf())
                                .with(users.as("kommune")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("not a dosis package")
                .isIn(403, 404);
        // The provider's consultant may deliver on the municipality's behalf.
        assertThat(upload(order, "konsulent", "2025", "Ydernummer;Tilbud;Antal henvisninger\n100101;Forebyggelse;30\n"))
                .contains("Filen er gemt: 1 rækker.");
        assertThat(mvc.perform(get("/data/kommunedata/eksempel-henvisninger.csv")
                                .with(users.as("koordinator")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isIn(403, 404);
        assertThat(mvc.perform(get("/data/kommunedata/eksempel-henvisninger.csv")
                                .with(users.as("kommune")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .startsWith("Ydernummer;Tilbud;Antal henvisninger");
    }

    @Test
    void a200MegabyteUploadIsRefusedWithADanishMessageAndNothingChanges() throws Exception {
        long order = referralOrder();
        refuse200Megabytes("kommune", "/bestillinger/" + order + "/kommunedata");
        assertThat(jdbc.sql("SELECT count(*) FROM municipal_referral WHERE order_id = ?")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isZero();
        // The national files may be bigger than other uploads (100 MB), but not 200 MB.
        long imports = jdbc.sql("SELECT count(*) FROM register_import")
                .query(Long.class)
                .single();
        refuse200Megabytes("konsulent", "/data/import");
        assertThat(jdbc.sql("SELECT count(*) FROM register_import")
                        .query(Long.class)
                        .single())
                .isEqualTo(imports);
    }

    /** Streams a 200 MB multipart upload to the page's own address; the answer is the page with a Danish message. */
    private void refuse200Megabytes(String user, String path) throws Exception {
        WebClient web = new WebClient("http://localhost:" + port);
        web.login(user, "samspil");
        String token = WebClient.csrfToken(web.get(path).body());
        String boundary = "samspil" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stor.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long size = 200L * 1024 * 1024;
        HttpResponse<String> refused = web.send(
                path,
                HttpRequest.newBuilder()
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(head, size, tail)),
                                head.length + size + tail.length)));
        assertThat(refused.statusCode()).as(path).isEqualTo(302);
        HttpResponse<String> after =
                web.get(refused.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body()).as(path).contains("Filen er for stor");
    }

    private long referralOrder() throws Exception {
        return OrderFixtures.placeOrder(
                mvc, users, "forebyggelse-rehabilitering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
    }

    private String upload(long order, String user, String period, String csv) throws Exception {
        return body(mvc.perform(multipart("/bestillinger/" + order + "/kommunedata")
                        .file(new MockMultipartFile(
                                "file", "henvisninger.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("period", period)
                        .param("kommune", "0751")
                        .with(csrf())
                        .with(users.as(user)))
                .andReturn());
    }

    private static String body(org.springframework.test.web.servlet.MvcResult result) throws IOException {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** A multipart body of a given size that is never held in memory. */
    private static final class Filler extends InputStream {
        private final byte[] head;
        private final byte[] tail;
        private final long total;
        private long at;

        Filler(byte[] head, long fill, byte[] tail) {
            this.head = head;
            this.tail = tail;
            this.total = head.length + fill + tail.length;
        }

        @Override
        public int read() {
            if (at >= total) {
                return -1;
            }
            long i = at++;
            if (i < head.length) {
                return head[(int) i] & 0xFF;
            }
            long fromEnd = total - i;
            return fromEnd <= tail.length ? tail[(int) (tail.length - fromEnd)] & 0xFF : 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (at >= total) {
                return -1;
            }
            int n = (int) Math.min(length, total - at);
            for (int k = 0; k < n; k++) {
                buffer[offset + k] = (byte) read();
            }
            return n;
        }
    }
}
