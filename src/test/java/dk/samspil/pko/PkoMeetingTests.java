package dk.samspil.pko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.meeting.Minutes;
import dk.samspil.office.DocumentVersions;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The scheme's own meetings on the meeting module: AUH's coordinator plans a meeting of the unit's hospital
 * consultants, writes its agenda, records who came, parks a question, makes an agreement, makes the referat and
 * sends it; the consultant reads it and is mailed a link to the meeting page, the invited municipal consultant (who
 * has no account) a personal link to the file; everyone else is refused.
 */
@SamspilTest
class PkoMeetingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    Minutes minutes;

    @Test
    void aCoordinatorsUnitMeetingFromPlanToSentReferat() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        String place = "Mødelokale " + System.nanoTime();
        MockHttpServletResponse planned = perform(
                post("/pko/moeder")
                        .param("kind", "UNIT_CONSULTANTS")
                        .param("unitId", String.valueOf(auh()))
                        .param("date", today.toString())
                        .param("start", "15:00")
                        .param("place", place)
                        .param("municipalInvited", "true"),
                "pkokoordinator");
        assertThat(planned.getStatus()).isEqualTo(302);
        String base = planned.getRedirectedUrl();
        assertThat(base).matches("/moeder/\\d+");

        assertThat(page("/pko/moeder", "pkokoordinator")).contains(place, "Møde for hospitalspraksiskonsulenterne");
        assertThat(page(base, "pkokoordinator"))
                .contains(
                        "Møde for hospitalspraksiskonsulenterne, Aarhus Universitetshospital",
                        place,
                        "Dagsordenen har endnu ingen punkter.",
                        "Peter Praksiskonsulent",
                        "Pia Praksiskoordinator")
                .doesNotContain("Formøde", "Punkt til KLU");

        // The agenda: a bad length is refused at its field, in Danish, and nothing is added.
        MockHttpServletResponse bad =
                perform(post(base + "/dagsorden").param("title", "Velkomst").param("minutes", "ti"), "pkokoordinator");
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8))
                .contains("Skriv et helt antal minutter fra 1 til 600.", "item-minutes-error", "Velkomst")
                .contains("Dagsordenen har endnu ingen punkter.");
        addItem(base, "Nyt fra afdelingerne", "30", "Peter Praksiskonsulent");
        addItem(base, "Velkomst", "10", "");
        addItem(base, "Eventuelt", "15", "");
        assertThat(flash(post(base + "/dagsorden/2/op").param("version", "0"), "success"))
                .isEqualTo("meeting.agenda.moved");
        // A page read before the move would move or remove the wrong item: refused, and nothing changes.
        assertThat(flash(post(base + "/dagsorden/2/slet").param("version", "0"), "error"))
                .isEqualTo("meeting.agenda.stale");
        assertThat(flash(post(base + "/dagsorden/3/slet").param("version", "0"), "success"))
                .isEqualTo("meeting.agenda.removed");
        assertThat(perform(post(base + "/dagsorden/3/slet").param("version", "0"), "pkokoordinator")
                        .getStatus())
                .as("removed twice: there is no item 3 now")
                .isEqualTo(404);
        String agenda = page(base, "pkokoordinator");
        assertThat(agenda.indexOf(">Velkomst<")).isPositive().isLessThan(agenda.indexOf(">Nyt fra afdelingerne<"));
        assertThat(agenda)
                .contains("kl. 15.00–15.10", "kl. 15.10–15.40", "Oplægsholder: Peter Praksiskonsulent")
                .doesNotContain(">Eventuelt<");

        // Writing at the meeting: attendance, a note, a parked question, an agreement with a person.
        long personId = personId("pko@example.dk");
        long municipal = personId("kirsten.kommunekonsulent@example.dk");
        assertThat(perform(
                                post(base + "/fremmoede")
                                        .param("present", "person-" + personId, "person-" + municipal)
                                        .param("version", "0"),
                                "pkokoordinator")
                        .getStatus())
                .isEqualTo(302);
        assertThat(perform(
                                post(base + "/blokke/2")
                                        .param("start", "15:10")
                                        .param("end", "15:45")
                                        .param("notes", "Hjerteafdelingen vil have bedre henvisninger.")
                                        // moved up once: its version moved with it
                                        .param("version", "1"),
                                "pkokoordinator")
                        .getStatus())
                .isEqualTo(302);
        perform(
                post(base + "/parkering").param("text", "Fyraftensmøde om KOL?").param("owner", "Pia"),
                "pkokoordinator");
        MockHttpServletResponse agreement = perform(
                post(base + "/aftaler")
                        .param("what", "Skriv til afdelingsledelsen om henvisningerne")
                        .param("person", "Peter Praksiskonsulent")
                        .param("due", today.plusWeeks(4).toString()),
                "pkokoordinator");
        assertThat(agreement.getRedirectedUrl()).startsWith(base + "#aftale-");
        MockHttpServletResponse party = perform(
                post(base + "/aftaler").param("what", "Klyngen gør det").param("party", "CLUSTER"), "pkokoordinator");
        assertThat(party.getContentAsString(StandardCharsets.UTF_8))
                .as("a hosted meeting's agreement needs a person; an order's parties are not taken")
                .contains("agreement-person-error");
        assertThat(page(base, "pkokoordinator"))
                .contains("Fyraftensmøde om KOL?", "Skriv til afdelingsledelsen om henvisningerne")
                .as("a hosted meeting's agreements belong to a person, not to an order's parties")
                .doesNotContain("Klyngen</option>");

        // The consultant reads the meeting but does not write it; another region's consultant and a GP see nothing.
        assertThat(page(base, "pko")).contains("Nyt fra afdelingerne").doesNotContain("Tilføj punkt");
        assertThat(perform(post(base + "/dagsorden").param("title", "Mit punkt").param("minutes", "5"), "pko")
                        .getStatus())
                .isEqualTo(404);
        for (String outsider : new String[] {"pkonord", "koordinator", "kommune"}) {
            assertThat(mvc.perform(get(base).with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
        }

        // The referat: made in the background as Word (and PDF where LibreOffice is), then sent to those present.
        perform(post(base + "/referat"), "pkokoordinator");
        long meetingId = Long.parseLong(base.substring("/moeder/".length()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !minutes.versions(meetingId).isEmpty()
                        && !minutes.versions(meetingId).get(0).pending());
        DocumentVersions.Version version = minutes.versions(meetingId).get(0);
        assertThat(version.status()).isEqualTo(DocumentVersions.Status.READY);
        byte[] docx = mvc.perform(
                        get(base + "/referat/" + version.token() + ".docx").with(users.as("pko")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText())
                    .contains(
                            "Referat: Møde for hospitalspraksiskonsulenterne, Aarhus Universitetshospital",
                            "Dagsorden",
                            "Oplægsholder: Peter Praksiskonsulent",
                            "Aarhus Universitetshospital",
                            place,
                            "Peter Praksiskonsulent",
                            "Hjerteafdelingen vil have bedre henvisninger.",
                            "Fyraftensmøde om KOL?",
                            "Skriv til afdelingsledelsen om henvisningerne");
        }
        int before = TestMailServer.received("pko@example.dk").size();
        MockHttpServletResponse sent = perform(post(base + "/referat/" + version.token() + "/send"), "pkokoordinator");
        assertThat(sent.getRedirectedUrl()).isEqualTo(base + "#referat");
        MimeMessage mail =
                TestMailServer.awaitMail("pko@example.dk", "Referat: Møde for hospitalspraksiskonsulenterne");
        assertThat(TestMailServer.received("pko@example.dk")).hasSize(before + 1);
        String body = TestMailServer.text(mail);
        assertThat(body)
                .as("the consultant signs in: the mail links to the meeting page, no personal link to the file")
                .contains("Referatet af mødet Møde for hospitalspraksiskonsulenterne, Aarhus Universitetshospital")
                .contains(base)
                .doesNotContain("/referat/");
        String personal = TestMailServer.text(TestMailServer.awaitMail(
                "kirsten.kommunekonsulent@example.dk", "Referat: Møde for hospitalspraksiskonsulenterne"));
        String link = personal.lines()
                .filter(l -> l.contains("/referat/"))
                .findFirst()
                .orElseThrow()
                .strip();
        assertThat(mvc.perform(get(link.substring(link.indexOf("/referat/"))))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .as("the municipal consultant has no account: a personal link opens the referat")
                .hasSizeGreaterThan(1000);
        assertThat(TestMailServer.received("pkokoordinator@example.dk").stream()
                        .filter(m -> TestMailServer.subject(m).startsWith("Referat: Møde for hospitalspraksis")))
                .as("only those recorded present get the referat")
                .isEmpty();
    }

    @Test
    void theCoordinatorIsShownAUnitShortOfTwoMeetingsAndOnlyTheMedicalCoordinatorPlansTheCoordinatorsMeeting()
            throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        int year = today.getYear();
        // AUH gets this year's second consultant meeting (and the warning goes) if it has fewer.
        String list = page("/pko/moeder", "pkokoordinator");
        if (planned(year) < 2) {
            assertThat(list)
                    .contains(
                            "Færre end 2 møder for praksiskonsulenterne i " + year,
                            "Aarhus Universitetshospital: " + planned(year) + " planlagt");
        }
        while (planned(year) < 2) {
            perform(
                    post("/pko/moeder")
                            .param("kind", "UNIT_CONSULTANTS")
                            .param("unitId", String.valueOf(auh()))
                            .param("date", today.toString())
                            .param("start", "15:00"),
                    "pkokoordinator");
        }
        list = page("/pko/moeder", "pkokoordinator");
        assertThat(list).doesNotContain("Aarhus Universitetshospital: ", "Færre end 2 møder");
        assertThat(list).doesNotContain("kind-coordinators");

        MockHttpServletResponse refused = perform(
                post("/pko/moeder")
                        .param("kind", "COORDINATORS")
                        .param("date", LocalDate.now().plusMonths(1).toString())
                        .param("start", "16:00"),
                "pkokoordinator");
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Kun den lægelige koordinator planlægger møder for praksiskoordinatorerne.");

        MockHttpServletResponse bad = perform(
                post("/pko/moeder")
                        .param("kind", "UNIT_CONSULTANTS")
                        .param("unitId", String.valueOf(auh()))
                        .param("date", "31-02-2030")
                        .param("start", "25:99")
                        .param("place", "<script>alert(1)</script>"),
                "pkokoordinator");
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8))
                .contains("Skriv datoen som dd-mm-åååå.", "Skriv et klokkeslæt som 14:00.")
                .doesNotContain("<script>alert(1)</script>");

        // The administrator works in no region: a coordinators' meeting needs the region chosen.
        MockHttpServletResponse noRegion = perform(
                post("/pko/moeder")
                        .param("kind", "COORDINATORS")
                        .param("date", LocalDate.now().plusMonths(1).toString())
                        .param("start", "16:00"),
                "admin");
        assertThat(noRegion.getContentAsString(StandardCharsets.UTF_8))
                .contains("Vælg den region, hvis praksiskoordinatorer mødes.");
        MockHttpServletResponse byAdmin = perform(
                post("/pko/moeder")
                        .param("kind", "COORDINATORS")
                        .param("regionCode", "1082")
                        .param("date", LocalDate.now().plusMonths(1).toString())
                        .param("start", "16:00"),
                "admin");
        assertThat(page(byAdmin.getRedirectedUrl(), "pkolaege")).contains("Pia Praksiskoordinator");

        MockHttpServletResponse coordinators = perform(
                post("/pko/moeder")
                        .param("kind", "COORDINATORS")
                        .param("date", LocalDate.now().plusMonths(1).toString())
                        .param("start", "16:00")
                        .param("place", "Koncern Kvalitet, Viborg"),
                "pkolaege");
        assertThat(coordinators.getStatus()).isEqualTo(302);
        String base = coordinators.getRedirectedUrl();
        assertThat(page(base, "pkolaege")).contains("Møde for praksiskoordinatorerne", "Pia Praksiskoordinator");
        assertThat(page(base, "pkokoordinator"))
                .contains("Møde for praksiskoordinatorerne")
                .doesNotContain("Tilføj punkt");
        assertThat(mvc.perform(get(base).with(users.as("pko")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a consultant takes no part in the coordinators' meeting")
                .isEqualTo(404);
    }

    @Test
    void aConsultantsMeetingWithTheirDepartmentIsReadByTheUnitsCoordinator() throws Exception {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusWeeks(2);
        long heart = jdbc.sql("""
                        SELECT d.id FROM pko_department d JOIN hospital_unit h ON h.id = d.hospital_unit_id
                        WHERE h.name = 'Aarhus Universitetshospital' AND d.name = 'Hjertesygdomme'""").query(Long.class).single();
        long other = jdbc.sql("""
                        SELECT d.id FROM pko_department d JOIN hospital_unit h ON h.id = d.hospital_unit_id
                        WHERE h.name = 'Aarhus Universitetshospital' AND d.name NOT IN ('Hjertesygdomme', 'Lungesygdomme')
                        ORDER BY d.id LIMIT 1""").query(Long.class).single();
        assertThat(page("/pko/moeder", "pko")).contains("Møde med min afdeling").doesNotContain("kind-unit");
        MockHttpServletResponse refused = perform(
                post("/pko/moeder")
                        .param("kind", "DEPARTMENT")
                        .param("departmentId", String.valueOf(other))
                        .param("date", day.toString())
                        .param("start", "08:00"),
                "pko");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Vælg en af dine afdelinger.");
        MockHttpServletResponse planned = perform(
                post("/pko/moeder")
                        .param("kind", "DEPARTMENT")
                        .param("departmentId", String.valueOf(heart))
                        .param("date", day.toString())
                        .param("start", "08:00")
                        .param("place", "Afdelingens mødelokale"),
                "pko");
        String base = planned.getRedirectedUrl();
        assertThat(base).matches("/moeder/\\d+");
        addItem(base, "Henvisninger til hjerteambulatoriet", "20", "", "pko");
        assertThat(page(base, "pko")).contains("Samarbejdsmøde med Hjertesygdomme, Aarhus Universitetshospital");
        assertThat(page(base, "pkokoordinator"))
                .as("the unit's coordinator follows up in the minutes of the consultants' department meetings")
                .contains("Henvisninger til hjerteambulatoriet")
                .doesNotContain("Tilføj punkt");
        assertThat(perform(
                                post(base + "/dagsorden")
                                        .param("title", "Mit punkt")
                                        .param("minutes", "5"),
                                "pkokoordinator")
                        .getStatus())
                .isEqualTo(404);
        assertThat(page(base, "pkolaege")).contains("Tilføj punkt");
        for (String outsider : new String[] {"pkonord", "koordinator", "konsulent"}) {
            assertThat(mvc.perform(get(base).with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
        }
        assertThat(page("/pko/moeder", "pkokoordinator")).contains("Samarbejdsmøde med Hjertesygdomme");
    }

    private int planned(int year) {
        return jdbc.sql("""
                        SELECT count(*) FROM pko_meeting WHERE kind = 'UNIT_CONSULTANTS' AND hospital_unit_id = ?
                        AND extract(YEAR FROM meeting_date) = ?""").params(auh(), year).query(Integer.class).single();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long auh() {
        return jdbc.sql("SELECT id FROM hospital_unit WHERE name = 'Aarhus Universitetshospital'")
                .query(Long.class)
                .single();
    }

    private long personId(String email) {
        return jdbc.sql("SELECT id FROM pko_person WHERE email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private void addItem(String base, String title, String minutes, String speaker) throws Exception {
        addItem(base, title, minutes, speaker, "pkokoordinator");
    }

    private void addItem(String base, String title, String minutes, String speaker, String username) throws Exception {
        MockHttpServletResponse added = perform(
                post(base + "/dagsorden")
                        .param("title", title)
                        .param("minutes", minutes)
                        .param("speaker", speaker),
                username);
        assertThat(added.getRedirectedUrl()).isEqualTo(base + "#programmet");
    }

    /** The coordinator's request's flash attribute (the message the page shows after the redirect). */
    private Object flash(MockHttpServletRequestBuilder request, String key) throws Exception {
        return mvc.perform(request.with(users.as("pkokoordinator")).with(csrf()))
                .andReturn()
                .getFlashMap()
                .get(key);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(users.as(username)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private String page(String path, String username) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).with(users.as(username))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
