package dk.samspil.pko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.meeting.Minutes;
import dk.samspil.office.DocumentVersions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Collaboration meetings between a municipality and general practice (seed 003): Aarhus's municipal practice
 * consultant plans one in the Manegemodellen, writes its case (the person, the actors, the points of the story and
 * each actor's contribution at each point), may not invite before the organisers' mandate is a yes, sees what the
 * date clashes with, and runs the meeting on the meeting module through to the referat, which keeps the case.
 */
@SamspilTest
class PkoCollaborationTests {

    static final String MUNICIPAL = "pkokommunetest";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Minutes minutes;

    @BeforeEach
    void aMunicipalConsultantOfAarhus() {
        municipalConsultant(jdbc, MUNICIPAL, "0751");
    }

    /** A municipal practice consultant of Region Midtjylland with an account, attached to the municipality. */
    static void municipalConsultant(JdbcClient jdbc, String username, String municipality) {
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role)
                        VALUES (?, '{noop}unused', 'Karin Kommunekonsulent', ?, 'PKO_CONSULTANT')
                        ON CONFLICT (username) DO NOTHING""").params(username, username + "@example.dk").update();
        jdbc.sql("""
                        INSERT INTO pko_person (region_code, kind, name, email, user_id)
                        SELECT '1082', 'CONSULTANT', 'Karin Kommunekonsulent', email, id FROM app_user u WHERE username = ?
                        AND NOT EXISTS (SELECT 1 FROM pko_person p WHERE p.user_id = u.id)""").param(username).update();
        jdbc.sql("""
                        INSERT INTO pko_attachment (person_id, municipality_code)
                        SELECT p.id, ? FROM pko_person p JOIN app_user u ON u.id = p.user_id WHERE u.username = ?
                        ON CONFLICT DO NOTHING""").params(municipality, username).update();
    }

    @Test
    void aManegemodellenMeetingFromPlanThroughTheMandateToTheReferatWithItsCase() throws Exception {
        LocalDate today = OrderFixtures.today();
        String base = plan(today, "MANEGE", "HOME_CARE_MESSAGES", "");
        assertThat(page(base, MUNICIPAL))
                .contains(
                        "Samarbejdsmøde: Korrespondancer med hjemmeplejen, Aarhus",
                        "Ikke afklaret endnu",
                        "Manegemodellen: casen");

        // Invitees; the invitations wait for the mandate: unanswered, then no, both refused in Danish.
        perform(post(base + "/inviterede")
                .param("name", "Hanne Hjemmesygeplejerske")
                .param("organisation", "Hjemmeplejen Aarhus Nord")
                .param("email", "hanne.collab@example.dk"));
        perform(post(base + "/inviterede")
                .param("name", "Lars Læge")
                .param("organisation", "Lægehuset Trøjborg")
                .param("email", "lars.collab@example.dk"));
        MockHttpServletResponse twice =
                perform(post(base + "/inviterede").param("name", "Lars Igen").param("email", "LARS.collab@example.dk"));
        assertThat(twice.getContentAsString(StandardCharsets.UTF_8)).contains("Denne adresse er allerede inviteret.");
        // The municipality's GPs, the members of Aarhus's clusters, each address once however often asked.
        assertThat(flash(post(base + "/inviterede/laeger")).get("success")).isEqualTo("pko.collab.invitee.gpsAdded");
        assertThat(flash(post(base + "/inviterede/laeger")).get("successArgs")).isEqualTo(new Object[] {"0"});
        assertThat(page(base, MUNICIPAL)).contains("Bo Mikkelsen", "bo.mikkelsen@example.dk");
        MockHttpServletResponse badMail =
                perform(post(base + "/inviterede").param("name", "Ingen").param("email", "ikke en adresse"));
        assertThat(badMail.getContentAsString(StandardCharsets.UTF_8)).contains("Skriv en gyldig e-mailadresse");

        assertThat(flash(post(base + "/invitationer")).get("error")).isEqualTo("pko.collab.invite.mandateUnanswered");
        assertThat(TestMailServer.received("hanne.collab@example.dk")).isEmpty();
        savePlan(base, "NO");
        assertThat(flash(post(base + "/invitationer")).get("error")).isEqualTo("pko.collab.invite.noMandate");
        assertThat(page(base, MUNICIPAL))
                .contains(esc("Invitationerne kan ikke sendes: de øvrige mødearrangører har ikke fuldt mandat"));
        savePlan(base, "YES");
        assertThat(flash(post(base + "/invitationer")).get("success")).isEqualTo("pko.collab.invite.sent");
        String invitation = TestMailServer.text(TestMailServer.awaitMail(
                "hanne.collab@example.dk", "Invitation: Samarbejdsmøde: Korrespondancer med hjemmeplejen"));
        assertThat(invitation)
                .contains("Kære Hanne Hjemmesygeplejerske", "Manegemodellen", "Færre telefonopkald og klare svartider");
        TestMailServer.awaitMail("lars.collab@example.dk", "Invitation: Samarbejdsmøde");
        TestMailServer.awaitMail("bo.mikkelsen@example.dk", "Invitation: Samarbejdsmøde: Korrespondancer");
        awaitSent("pko-collaboration:" + base.substring(base.lastIndexOf('/') + 1) + ":invitation");

        // The case: the person and story, the actors, the points and each actor's contribution at each point.
        perform(post(base + "/manege")
                .param("person", "Inger, 82 år, bor alene")
                .param("story", "Inger udskrives efter en lungebetændelse og får hjemmepleje.")
                .param("storyVersion", "-1"));
        MockHttpServletResponse noName = perform(
                post(base + "/manege/aktoerer").param("actorKind", "REGIONAL").param("actorName", " "));
        assertThat(noName.getContentAsString(StandardCharsets.UTF_8)).contains("Skriv aktøren.");
        perform(post(base + "/manege/aktoerer")
                .param("actorKind", "GENERAL_PRACTICE")
                .param("actorName", "Egen læge"));
        perform(post(base + "/manege/aktoerer")
                .param("actorKind", "MUNICIPAL_CASEWORKER")
                .param("actorName", "Visitator"));
        perform(post(base + "/manege/aktoerer")
                .param("actorKind", "PRIVATE_HEALTH")
                .param("actorName", "Privat fysioterapeut"));
        long doctor = actor(base, "Egen læge");
        long visitor = actor(base, "Visitator");
        MockHttpServletResponse point = perform(post(base + "/manege/nedslag")
                .param("pointTitle", "Udskrivelsen fra hospitalet")
                .param("pointDescription", "Inger kommer hjem en fredag eftermiddag."));
        long pointId = Long.parseLong(point.getRedirectedUrl().replaceAll(".*#nedslag-", ""));
        MockHttpServletResponse tooLong = perform(post(base + "/manege/nedslag/" + pointId)
                .param("contribution-" + doctor, "x".repeat(2001))
                .param("contribution-" + visitor, "Bevilger hjemmepleje"));
        assertThat(tooLong.getContentAsString(StandardCharsets.UTF_8))
                .contains("Teksten er for lang.", "Bevilger hjemmepleje");
        perform(post(base + "/manege/nedslag/" + pointId)
                .param("contribution-" + doctor, "Ser Inger inden for en uge og gennemgår medicinen")
                .param("contribution-" + visitor, "Bevilger hjemmepleje fra dag ét"));
        perform(post(base + "/manege/nedslag").param("pointTitle", "Tre uger efter"));

        String casePage = page(base + "/manege", MUNICIPAL);
        assertThat(casePage)
                .contains(
                        "Inger, 82 år, bor alene",
                        "Nedslag 1: Udskrivelsen fra hospitalet",
                        "Egen læge (almen praksis)",
                        "Ser Inger inden for en uge og gennemgår medicinen",
                        "Visitator (kommunal sagsbehandler)",
                        "Nedslag 2: Tre uger efter")
                .contains("name=\"viewport\"");

        // The meeting on the meeting module: the case is shown there; parking lot with its owner; an agreement.
        long meetingId = jdbc.sql("SELECT meeting_id FROM pko_collaboration_meeting WHERE id = ?")
                .param(Long.parseLong(base.substring(base.lastIndexOf('/') + 1)))
                .query(Long.class)
                .single();
        String meeting = "/moeder/" + meetingId;
        assertThat(page(meeting, MUNICIPAL))
                .contains(
                        "Manegemodellen: casen",
                        "Bevilger hjemmepleje fra dag ét",
                        "Hanne Hjemmesygeplejerske",
                        esc("Ja, de har fuldt mandat"));
        mvc.perform(post(meeting + "/roller")
                .with(users.as(MUNICIPAL))
                .with(csrf())
                .param("chair", "Karin Kommunekonsulent")
                .param("referent", "Lars Læge")
                .param("presenters", "Hanne Hjemmesygeplejerske")
                .param("version", "0"));
        mvc.perform(post(meeting + "/parkering")
                .with(users.as(MUNICIPAL))
                .with(csrf())
                .param("text", "Hvem ringer ved fredagsudskrivelser?")
                .param("owner", "Lars Læge"));
        mvc.perform(post(meeting + "/aftaler")
                .with(users.as(MUNICIPAL))
                .with(csrf())
                .param("what", "Fælles skabelon til korte beskeder")
                .param("person", "Hanne Hjemmesygeplejerske")
                .param("due", today.plusWeeks(6).toString()));
        mvc.perform(post(meeting + "/referat").with(users.as(MUNICIPAL)).with(csrf()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !minutes.versions(meetingId).isEmpty()
                        && !minutes.versions(meetingId).get(0).pending());
        DocumentVersions.Version version = minutes.versions(meetingId).get(0);
        byte[] docx = mvc.perform(
                        get(meeting + "/referat/" + version.token() + ".docx").with(users.as(MUNICIPAL)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText())
                    .contains(
                            "Referat: Samarbejdsmøde: Korrespondancer med hjemmeplejen, Aarhus",
                            "Manegemodellen: casen",
                            "Inger, 82 år, bor alene",
                            "Inger udskrives efter en lungebetændelse og får hjemmepleje.",
                            "Nedslag 1: Udskrivelsen fra hospitalet",
                            "Egen læge (almen praksis)",
                            "Ser Inger inden for en uge og gennemgår medicinen",
                            "Privat fysioterapeut (privat sundhedsaktør)",
                            "Hvem ringer ved fredagsudskrivelser?",
                            "Lars Læge",
                            "Fælles skabelon til korte beskeder");
        }
    }

    @Test
    void aDateIsCheckedAgainstTheMunicipalitysClusterMeetingsAndItsOtherMeetings() throws Exception {
        LocalDate day = OrderFixtures.today().plusWeeks(13).plusDays(2);
        OrderFixtures.placeAcuteOrder(mvc, users, day, "clash@example.dk");
        String first = plan(day, "TALKS", "FMK", "");
        String page = page(first, MUNICIPAL);
        assertThat(page)
                .contains("Mødesammenfald den")
                .contains(esc("Klyngemøde: Demoklyngen, \"Almen praksis' samarbejde med kommunale akutfunktioner\""))
                .contains("kl. 16.00");
        String second = plan(day, "TALKS", "OTHER", "Rusmiddelområdet");
        assertThat(page(second, MUNICIPAL))
                .contains(esc("Andet samarbejdsmøde: Samarbejdsmøde: FMK og dosisdispensering, Aarhus"));
        assertThat(page(first, MUNICIPAL))
                .contains(esc("Andet samarbejdsmøde: Samarbejdsmøde: Rusmiddelområdet, Aarhus"));
        // AUH's evening meeting for its catchment area's GPs, Aarhus among them, the same day.
        long auh = jdbc.sql("SELECT id FROM hospital_unit WHERE name = 'Aarhus Universitetshospital'")
                .query(Long.class)
                .single();
        assertThat(mvc.perform(post("/pko/fyraftensmoeder")
                                .with(users.as("pkokoordinator"))
                                .with(csrf())
                                .param("unitId", String.valueOf(auh))
                                .param("date", day.toString())
                                .param("start", "17:00")
                                .param("end", "20:00")
                                .param("place", "Auditorium Skejby")
                                .param("format", "LARGE"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(second, MUNICIPAL))
                .contains("Fyraftensmøde for optageområdet: Fyraftensmøde, Aarhus Universitetshospital, kl. 17.00");
        // Other tests plan meetings on dates of their own in the shared database: take the first day with none.
        LocalDate other = freeDayAfter(day);
        String free = plan(other, "TALKS", "PALLIATIVE", "");
        assertThat(page(free, MUNICIPAL)).doesNotContain("Mødesammenfald");
        // Moving the first meeting away from the day ends its clashes.
        MockHttpServletResponse moved = perform(post(first)
                .param("topic", "FMK")
                .param("format", "TALKS")
                .param("pays", "UNKNOWN")
                .param("date", other.toString())
                .param("start", "16:00")
                .param("version", "0"));
        assertThat(moved.getStatus()).isEqualTo(302);
        assertThat(page(first, MUNICIPAL))
                .doesNotContain("Klyngemøde: Demoklyngen")
                .contains(esc("Samarbejdsmøde: De palliative forløb, Aarhus"));
    }

    private LocalDate freeDayAfter(LocalDate day) {
        LocalDate candidate = day.plusDays(1);
        while (jdbc.sql("""
                                SELECT (SELECT count(*) FROM pko_evening_meeting WHERE meeting_date = ?)
                                     + (SELECT count(*) FROM pko_meeting WHERE meeting_date = ?)
                                     + (SELECT count(*) FROM pko_collaboration_meeting WHERE meeting_date = ?)
                                     + (SELECT count(*) FROM package_order WHERE meeting_date = ?)""")
                        .params(candidate, candidate, candidate, candidate)
                        .query(Long.class)
                        .single()
                > 0) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    @Test
    void badInputIsRefusedAtItsFieldInDanishAndOutsidersGetNothing() throws Exception {
        MockHttpServletResponse bad = perform(post("/pko/samarbejdsmoeder")
                .param("municipalityCode", "0101")
                .param("topic", "OTHER")
                .param("topicText", "")
                .param("format", "CIRCUS")
                .param("pays", "UNKNOWN")
                .param("date", "32-13-2030")
                .param("start", "25:00")
                .param("place", "<script>alert(1)</script>\nBcc: x@example.dk"));
        String html = bad.getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(html)
                .contains(
                        "Vælg en af dine kommuner.",
                        "Skriv mødets emne.",
                        "Vælg mødeformen.",
                        "Skriv datoen som dd-mm-åååå.",
                        "Skriv et klokkeslæt som 14:00.",
                        "Feltet skal stå på én linje")
                .doesNotContain("<script>alert(1)</script>");

        String base = plan(OrderFixtures.today().plusWeeks(3), "MANEGE", "PALLIATIVE", "");
        for (String outsider : new String[] {"pko", "pkokoordinator", "pkonord", "kommune", "koordinator"}) {
            assertThat(mvc.perform(get(base).with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
            assertThat(mvc.perform(post(base + "/invitationer")
                                    .with(users.as(outsider))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
        }
        assertThat(page(base, "pkolaege")).contains("Samarbejdsmøde: De palliative forløb, Aarhus");
        assertThat(page("/pko/samarbejdsmoeder", "pkokoordinator"))
                .as("a coordinator plans no collaboration meetings")
                .doesNotContain("id=\"planlaeg\"");
    }

    /** As Thymeleaf writes text: quotes and ampersands escaped, Danish letters as they are. */
    static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private String plan(LocalDate day, String format, String topic, String topicText) throws Exception {
        MockHttpServletResponse planned = perform(post("/pko/samarbejdsmoeder")
                .param("municipalityCode", "0751")
                .param("topic", topic)
                .param("topicText", topicText)
                .param("consultantRole", "Medplanlægger og den almenmedicinske stemme")
                .param("goal", "Færre telefonopkald og klare svartider")
                .param("pays", "NO")
                .param("format", format)
                .param("date", day.toString())
                .param("start", "16:00")
                .param("place", "Rådhuset, mødelokale 2"));
        assertThat(planned.getStatus())
                .as(planned.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(302);
        return planned.getRedirectedUrl();
    }

    private void savePlan(String base, String mandate) throws Exception {
        int version = jdbc.sql("SELECT version FROM pko_collaboration_meeting WHERE id = ?")
                .param(Long.parseLong(base.substring(base.lastIndexOf('/') + 1)))
                .query(Integer.class)
                .single();
        MockHttpServletResponse saved = perform(post(base)
                .param("topic", "HOME_CARE_MESSAGES")
                .param("consultantRole", "Medplanlægger")
                .param("goal", "Færre telefonopkald og klare svartider")
                .param("mandate", mandate)
                .param("pays", "NO")
                .param("format", "MANEGE")
                .param("date", OrderFixtures.today().toString())
                .param("start", "16:00")
                .param("place", "Rådhuset, mødelokale 2")
                .param("version", String.valueOf(version)));
        assertThat(saved.getStatus())
                .as(saved.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(302);
    }

    private long actor(String base, String name) {
        return jdbc.sql("SELECT id FROM pko_manege_actor WHERE collaboration_meeting_id = ? AND name = ?")
                .params(Long.parseLong(base.substring(base.lastIndexOf('/') + 1)), name)
                .query(Long.class)
                .single();
    }

    /** Every mail of the reference is sent before the test goes on (no late mail in another test's inbox). */
    private void awaitSent(String reference) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE reference = ? AND status = 'PENDING'")
                                .param(reference)
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    private java.util.Map<String, Object> flash(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(users.as(MUNICIPAL)).with(csrf()))
                .andReturn()
                .getFlashMap();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(users.as(MUNICIPAL)).with(csrf()))
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
