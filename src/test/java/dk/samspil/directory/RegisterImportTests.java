package dk.samspil.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Register import as a coordinator does it: all or nothing, every bad row reported in Danish. */
@SamspilTest
class RegisterImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    long cluster;

    @BeforeEach
    void setUp() {
        cluster = jdbc.sql("SELECT id FROM cluster WHERE name = 'Demoklyngen'")
                .query(Long.class)
                .single();
    }

    @Test
    void importsPracticesAndUpdatesExistingOnes() throws Exception {
        String csv = "ydernummer;navn;tilmeldte patienter\n"
                + "410001;Lægerne på Torvet;4.210\n"
                + "100102;Lægehuset Trøjborg;4400\n";
        MvcResult result = upload("PRACTICES", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/klynger/" + cluster);
        assertThat(result.getFlashMap().get("success")).isEqualTo("import.stored");
        assertThat((Object[]) result.getFlashMap().get("successArgs")).containsExactly(1, 1);
        assertThat(patients("410001")).isEqualTo(4210);
        assertThat(patients("100102")).isEqualTo(4400);
    }

    @Test
    void importsMembersLinkedToTheirPractice() throws Exception {
        String csv =
                "Navn,E-mail,Ydernummer\r\nSigne Vinther,signe.vinther@example.dk,100104\r\nTobias Berg,tobias.berg@example.dk,\r\n";
        MvcResult result = upload("MEMBERS", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.getFlashMap().get("success")).isEqualTo("import.stored");
        assertThat(jdbc.sql("""
                        SELECT p.ydernummer FROM member m JOIN practice p ON p.id = m.practice_id
                        WHERE m.email = 'signe.vinther@example.dk'""").query(String.class).single()).isEqualTo("100104");
    }

    @Test
    void readsIso88591AndByteOrderMarkCorrectly() throws Exception {
        String csv = "ydernummer;navn;tilmeldte patienter\n410002;Lægerne i Ærøskøbing;1200\n";
        upload("PRACTICES", csv.getBytes(Charset.forName("ISO-8859-1")));
        assertThat(name("410002")).isEqualTo("Lægerne i Ærøskøbing");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 =
                "ydernummer;navn;tilmeldte patienter\n410003;Øster Lægehus;900\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = Arrays.copyOf(bom, bom.length + utf8.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
        upload("PRACTICES", withBom);
        assertThat(name("410003")).isEqualTo("Øster Lægehus");
    }

    @Test
    void reportsEveryBadRowByLineAndStoresNothing() throws Exception {
        String csv = "ydernummer;navn;tilmeldte patienter\n"
                + "420001;Gyldig Praksis;100\n"
                + "12345;For kort;100\n"
                + "420002;;100\n"
                + "420003;Negativ;-4\n"
                + "420001;Dublet;100\n"
                + "300301;Anden klynges praksis;100\n"
                + "420004;For mange;kolonner;her\n";
        String page = refused("PRACTICES", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(page)
                .contains(
                        "Linje 3: ydernummeret »12345« skal være 6 cifre.",
                        "Linje 4: navnet mangler.",
                        "Linje 5: antal tilmeldte patienter »-4« skal være et helt tal",
                        "Linje 6: ydernummeret 420001 står også i linje 2.",
                        "Linje 8: rækken har 4 kolonner, men skal have 3.",
                        "Ret 5 fejl");
        assertThat(page)
                .as("the answer never tells which ydernumre other clusters have")
                .doesNotContain("Linje 7", "anden klynge");
        assertThat(jdbc.sql("SELECT count(*) FROM practice WHERE ydernummer LIKE '42000_'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void reportsBadMemberRows() throws Exception {
        String csv = "navn;e-mail;ydernummer\n"
                + "Ulla Ny;ulla@;100101\n"
                + "Vera Ny;vera@example.dk;999999\n"
                + "Wenche Ny;vera@EXAMPLE.dk;\n";
        String page = refused("MEMBERS", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(page)
                .contains(
                        "Linje 2: e-mailadressen »ulla@« er ikke gyldig.",
                        "Linje 3: ydernummeret 999999 er ikke en praksis i klyngen.",
                        "Linje 4: e-mailadressen vera@EXAMPLE.dk står også i linje 3.");
        assertThat(jdbc.sql("SELECT count(*) FROM member WHERE email LIKE 'vera@%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesWholeFilesThatCannotBeRegisters() throws Exception {
        assertThat(refused("PRACTICES", new byte[0])).contains("Filen er tom.");
        assertThat(refused("PRACTICES", "\n\n  \n".getBytes(StandardCharsets.UTF_8)))
                .contains("Filen er tom.");
        assertThat(refused("PRACTICES", "nummer;hvem\n123456;x\n".getBytes(StandardCharsets.UTF_8)))
                .contains(
                        "Filen har ikke de rigtige kolonner. Forventede: Ydernummer; Navn; Tilmeldte patienter. Fandt: nummer; hvem.");
        assertThat(refused("PRACTICES", "ydernummer;navn;tilmeldte patienter\n".getBytes(StandardCharsets.UTF_8)))
                .contains("kun kolonnenavne");
        byte[] executable = {0x4D, 0x5A, (byte) 0x90, 0x00, 0x03, 0x00, 0x00, 0x00};
        assertThat(refused("PRACTICES", executable)).contains("Filen er et program, ikke en tabel.");
        assertThat(refused(
                        "PRACTICES",
                        "ydernummer;navn;tilmeldte patienter\n\"420009;Åbent citat;5\n"
                                .getBytes(StandardCharsets.UTF_8)))
                .contains("Et anførselstegn er ikke afsluttet.");
        assertThat(refused(
                        "PRACTICES",
                        "ydernummer;navn;tilmeldte patienter\n420009;Unicode;5\n".getBytes(StandardCharsets.UTF_16)))
                .contains("UTF-16", "Gem den som CSV i UTF-8");
    }

    @Test
    void refusesAFiftyMegabyteFileWithoutReadingItIntoTheRegister() throws Exception {
        byte[] large = new byte[50 * 1024 * 1024];
        Arrays.fill(large, (byte) 'a');
        int before = practices();
        assertThat(refused("PRACTICES", large)).contains("Filen er for stor. Den må højst fylde 5 MB.");
        assertThat(practices()).isEqualTo(before);
    }

    @Test
    void hostileTextIsStoredAsPlainTextAndShownEscaped() throws Exception {
        String csv =
                "ydernummer;navn;tilmeldte patienter\n430001;\"<script>alert(1)</script> =cmd|' /C calc'!A0\";10\n";
        upload("PRACTICES", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(name("430001")).startsWith("<script>");
        String page = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/klynger/" + cluster)
                                .with(users.as("koordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void theHeadingsRegionsAndClustersWriteAreRead() throws Exception {
        for (String header : List.of(
                "Ydernr.;Praksisnavn;Antal tilmeldte patienter",
                "YDERNUMMER,Navn,Tilm. pt.",
                "sep=;\nYder nr;Praksis;Tilmeldte")) {
            String csv = header
                    + (header.contains(",")
                            ? "\n440101,Lægerne i Overskriften,1.200\n"
                            : "\n440101;Lægerne i Overskriften;1.200\n");
            MvcResult result = upload("PRACTICES", csv.getBytes(StandardCharsets.UTF_8));
            assertThat(result.getFlashMap().get("success")).as(header).isEqualTo("import.stored");
            assertThat(patients("440101")).isEqualTo(1200);
        }
    }

    @Test
    void aHostileFileGetsACappedReportOnASmallPage() throws Exception {
        StringBuilder csv = new StringBuilder("navn;e-mail;ydernummer\n");
        String long_ = "x".repeat(1_500);
        for (int i = 0; i < 3_000; i++) {
            csv.append("Navn;").append(long_).append(";\n");
        }
        MvcResult result = upload("MEMBERS", csv.toString().getBytes(StandardCharsets.UTF_8));
        String page = result.getResponse().getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(page).text()).contains("Ret 3.000 fejl");
        assertThat(org.jsoup.Jsoup.parse(page).select(".samspil-import-problems li"))
                .hasSize(1_000);
        assertThat(page.length()).as("no value echoed in full").isLessThan(300_000);
    }

    private MvcResult upload(String kind, byte[] content) throws Exception {
        return mvc.perform(multipart("/klynger/" + cluster + "/import")
                        .file(new MockMultipartFile("file", "register.csv", "text/csv", content))
                        .param("kind", kind)
                        .with(users.as("koordinator"))
                        .with(csrf()))
                .andReturn();
    }

    private String refused(String kind, byte[] content) throws Exception {
        MvcResult result = upload(kind, content);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("form-error");
        return org.jsoup.Jsoup.parse(page).text();
    }

    private int patients(String ydernummer) {
        return jdbc.sql("SELECT listed_patients FROM practice WHERE ydernummer = ?")
                .param(ydernummer)
                .query(Integer.class)
                .single();
    }

    private String name(String ydernummer) {
        return jdbc.sql("SELECT name FROM practice WHERE ydernummer = ?")
                .param(ydernummer)
                .query(String.class)
                .single();
    }

    private int practices() {
        return jdbc.sql("SELECT count(*) FROM practice").query(Integer.class).single();
    }
}
