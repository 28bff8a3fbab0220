package dk.samspil.pko;

import static dk.samspil.pko.PkoCollaborationTests.esc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Correspondence messages (seed 003, "Den gode korrespondance"): the decision aid any signed-in user reads; the
 * municipal consultant's review of the correspondence with home care from the municipality's counts — an all-or-
 * nothing upload that reports every bad row by line and refuses anything like CPR numbers or message text, or a form
 * — shown under the disclosure policy, and taken to a collaboration meeting.
 */
@SamspilTest
class PkoCorrespondenceTests {

    static final String MUNICIPAL = PkoCollaborationTests.MUNICIPAL;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aMunicipalConsultantOfAarhus() {
        PkoCollaborationTests.municipalConsultant(jdbc, MUNICIPAL, "0751");
    }

    @Test
    void theDecisionAidIsForEveryoneSignedIn() throws Exception {
        for (String user : new String[] {"koordinator", "kommune", "medlem", "pko", MUNICIPAL}) {
            MockHttpServletResponse response = mvc.perform(
                            get("/korrespondance").with(users.as(user)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(user).isEqualTo(200);
            Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.select("#km-uses li")).as(user).hasSize(9);
            assertThat(page.select("#km-not-uses li")).hasSize(4);
            assertThat(page.text())
                    .contains(
                            "Kort besked og info til og fra hjemmeplejen.",
                            "Akutte og komplekse henvendelser – sådanne meddelelser skal fortsat ske pr. telefon.",
                            "kun forhandlet honorar for korrespondance til kommunernes hjemmepleje",
                            "almindelige korrespondancer (ikke haste) med svartid på op til 3 dage");
            assertThat(page.select("a[href=\"/pko/korrespondance\"]").isEmpty())
                    .as("only a municipal consultant is pointed to the reviews")
                    .isEqualTo(!user.equals(MUNICIPAL));
        }
        assertThat(mvc.perform(get("/korrespondance")).andReturn().getResponse().getStatus())
                .isEqualTo(302);
    }

    @Test
    void aReviewFromTheMunicipalitysFileShownUnderTheDisclosurePolicy() throws Exception {
        String base = review("Hjemmeplejen " + System.nanoTime());
        YearMonth last = YearMonth.now(ZoneId.of("Europe/Copenhagen")).minusMonths(1);
        YearMonth before = last.minusMonths(1);
        String csv = "Måned;Emne;Afsender;Svartid;Antal\n"
                + before + ";kortbesked;hjemmepleje;almindelig;40\n"
                + before + ";medicin;laege;almindelig;12\n"
                + before + ";akut;hjemmepleje;haster;3\n"
                + last + ";Kort besked og info til og fra hjemmeplejen;Hjemmeplejen;almindelig;35\n"
                + last + ";medicin;laege;almindelig;2\n"
                + last + ";generel;praksispersonale;intet;9\n";
        MockHttpServletResponse uploaded = upload(base, csv);
        assertThat(uploaded.getContentAsString(StandardCharsets.UTF_8)).contains("6 rækker er indlæst");
        Document page = Jsoup.parse(page(base));
        String topics = page.select("#spoergsmaal-1").text();
        assertThat(topics)
                .contains("Hvad der skrives om", "Kort besked og info til og fra hjemmeplejen", "40", "35")
                .contains("Akutte og komplekse henvendelser (anvendes ikke til KM)");
        // Before: 40, 12, 3 → the 3 hidden, and so one more (the 12) so the 3 cannot be worked out of the total 55.
        assertThat(page.select("#spoergsmaal-1 tbody tr").stream()
                        .filter(r -> r.text().startsWith("Akutte"))
                        .findFirst()
                        .orElseThrow()
                        .select("td")
                        .first()
                        .text())
                .isEqualTo("<5");
        assertThat(page.select("#spoergsmaal-1 tfoot td").eachText()).containsExactly("55", "46");
        assertThat(page.select("#spoergsmaal-1 tbody td").eachText())
                .contains("x")
                .doesNotContain("3", "2");
        assertThat(page.select("#spoergsmaal-2").text()).contains("Hvem der skriver", "Hjemmeplejen");
        assertThat(page.select("#spoergsmaal-3").text()).contains("Hvor hurtigt det forventes, at der reageres");
        assertThat(page.select("#fee-table td").eachText())
                .as("ordinary messages from general practice: 12, then 2 (<5)")
                .containsExactly("12", "<5");

        // A count typed in by hand replaces that month's count of those categories; bad input at its field.
        MockHttpServletResponse bad = mvc.perform(post(base + "/antal")
                        .with(users.as(MUNICIPAL))
                        .with(csrf())
                        .param("month", "2026-13")
                        .param("topic", "MEDICIN")
                        .param("sender", "GP")
                        .param("response", "ORDINARY")
                        .param("count", "-4"))
                .andReturn()
                .getResponse();
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "Skriv måneden som 2026-03.",
                        esc("Vælg, hvad der skrives om."),
                        "Skriv et helt tal fra 0 til 1.000.000.");
        mvc.perform(post(base + "/antal")
                .with(users.as(MUNICIPAL))
                .with(csrf())
                .param("month", last.toString())
                .param("topic", "TREATMENT")
                .param("sender", "GP")
                .param("response", "ORDINARY")
                .param("count", "20"));
        assertThat(Jsoup.parse(page(base)).select("#fee-table td").eachText()).containsExactly("12", "20");
    }

    @Test
    void aFileWithBadRowsSavesNothingAndSaysWhatIsWrongLineByLine() throws Exception {
        String base = review("Fejlfil " + System.nanoTime());
        YearMonth last = YearMonth.now(ZoneId.of("Europe/Copenhagen")).minusMonths(1);
        upload(base, "Måned;Emne;Afsender;Svartid;Antal\n" + last + ";kortbesked;hjemmepleje;almindelig;40\n");
        String csv = "Måned;Emne;Afsender;Svartid;Antal\n"
                + last + ";kortbesked;hjemmepleje;almindelig;41\n"
                + "2026-13;kortbesked;hjemmepleje;almindelig;1\n"
                + last + ";<script>alert(1)</script>;hjemmepleje;almindelig;1\n"
                + last + ";medicin;robot;almindelig;1\n"
                + last + ";medicin;laege;om lidt;1\n"
                + last + ";medicin;laege;almindelig;-3\n"
                + last + ";medicin;laege;almindelig;mange\n"
                + last + ";kortbesked;hjemmepleje;almindelig;7\n"
                + last + ";medicin;laege;almindelig;010203-1234\n"
                + last.plusMonths(2) + ";medicin;laege;almindelig;1\n"
                + last + ";" + "Hej hjemmeplejen, kan I se til Inger i morgen formiddag? Hun har feber."
                + ";laege;haster;1\n";
        String html = upload(base, csv).getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.select("#upload-problems").text())
                .contains(
                        "Filen er ikke indlæst, og intet er gemt: 10 fejl.",
                        "Linje 3: Måneden \"2026-13\" kan ikke læses.",
                        "Linje 4: Emnet \"<script>alert(1)</script>\" kendes ikke.",
                        "Linje 5: Afsenderen \"robot\" kendes ikke.",
                        "Linje 6: Svartiden \"om lidt\" kendes ikke.",
                        "Linje 7: Antal kan ikke være negativt (\"-3\").",
                        "Linje 8: Antal \"mange\" er ikke et helt tal",
                        "Linje 9: Samme måned og kategorier står også på linje 2.",
                        "Linje 10: Rækken ser ud til at indeholde et CPR-nummer.",
                        "Linje 11: Måneden \"" + last.plusMonths(2) + "\" ligger i fremtiden",
                        "Linje 12: Kategorien er for lang til at være en kategori");
        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("010203-1234");
        assertThat(Jsoup.parse(page(base)).select("#spoergsmaal-1 tbody td").eachText())
                .as("nothing of the bad file is saved: the earlier 40 stands")
                .containsExactly("40");

        // Columns that look like CPR numbers or message text refuse the whole file, and so does any other column.
        for (String[] file : new String[][] {
            {"Måned;CPR-nummer;Emne;Afsender;Svartid;Antal\n", "Kolonnen \"CPR-nummer\" ligner CPR-numre"},
            {"Måned;Emne;Afsender;Svartid;Antal;Beskedtekst\n", "Kolonnen \"Beskedtekst\" ligner CPR-numre"},
            {"Måned;Emne;Afsender;Svartid;Antal;Farve\n", "Ukendt kolonne \"Farve\""},
            {"Måned;Emne;Afsender;Antal\n", "Kolonnen \"Svartid\" mangler."},
            {"", "Filen er tom."},
        }) {
            String content = file[0].isEmpty() ? "\n\n" : file[0] + last + ";medicin;laege;almindelig;1;x\n";
            String refused = Jsoup.parse(upload(base, content).getContentAsString(StandardCharsets.UTF_8))
                    .select("#upload-problems")
                    .text();
            assertThat(refused).as(file[0]).contains(file[1]);
        }
        MockHttpServletResponse binary = mvc.perform(multipart(base + "/fil")
                        .file(new MockMultipartFile(
                                "file", "x.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 0}))
                        .with(users.as(MUNICIPAL))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(binary.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(binary.getContentAsString(StandardCharsets.UTF_8))
                        .select("#upload-problems")
                        .text())
                .isNotBlank();
    }

    @Test
    void aReviewIsTakenToACollaborationMeetingAndKeptFromOutsiders() throws Exception {
        String base = review("Til mødet " + System.nanoTime());
        long id = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));
        MockHttpServletResponse planned = mvc.perform(post("/pko/samarbejdsmoeder")
                        .with(users.as(MUNICIPAL))
                        .with(csrf())
                        .param("municipalityCode", "0751")
                        .param("topic", "HOME_CARE_MESSAGES")
                        .param("pays", "UNKNOWN")
                        .param("format", "TALKS")
                        .param(
                                "date",
                                java.time.LocalDate.now(ZoneId.of("Europe/Copenhagen"))
                                        .plusWeeks(4)
                                        .toString())
                        .param("start", "16:00")
                        .param("reviewId", String.valueOf(id)))
                .andReturn()
                .getResponse();
        assertThat(planned.getStatus()).isEqualTo(302);
        Document meeting = Jsoup.parse(page(planned.getRedirectedUrl()));
        assertThat(meeting.select("#review-link").attr("href")).isEqualTo(base);

        for (String outsider : new String[] {"pko", "pkokoordinator", "pkonord", "kommune", "koordinator"}) {
            assertThat(mvc.perform(get(base).with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
            assertThat(mvc.perform(multipart(base + "/fil")
                                    .file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[] {'a'}))
                                    .with(users.as(outsider))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
        }
        assertThat(mvc.perform(get(base).with(users.as("pkolaege")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    private String review(String name) throws Exception {
        MockHttpServletResponse created = mvc.perform(post("/pko/korrespondance")
                        .with(users.as(MUNICIPAL))
                        .with(csrf())
                        .param("name", name)
                        .param("municipalityCode", "0751"))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        return created.getRedirectedUrl();
    }

    private MockHttpServletResponse upload(String base, String csv) throws Exception {
        var request = multipart(base + "/fil")
                .file(new MockMultipartFile(
                        "file", "hjemmepleje.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(users.as(MUNICIPAL))
                .with(csrf());
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response;
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).with(users.as(MUNICIPAL))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
