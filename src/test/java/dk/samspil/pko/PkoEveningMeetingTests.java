package dk.samspil.pko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.SamspilTest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An evening meeting from the call for talks to the programme: AUH's coordinator plans it (and is warned of a
 * weekend, hours outside the evening and a third meeting in a year), the consultant sends wishes for talks (one
 * after the deadline, marked late), the coordinator puts one on the programme and is warned of its length and of too
 * few talks; the consultant cannot place talks; another region's consultant and a GP see nothing.
 */
@SamspilTest
class PkoEveningMeetingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fromCallForTalksToProgrammeWithTheHandbooksWarnings() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        int year = today.getYear() + 2;
        LocalDate saturday = LocalDate.of(year, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        String base = plan(saturday, "16:00", "20:00", today.plusDays(7).toString());
        String page = page(base, "pkokoordinator");
        assertThat(page)
                .contains(
                        "Fyraftensmøde, Aarhus Universitetshospital",
                        "Mødet ligger i en weekend",
                        "Mødet ligger uden for tidsrummet 17.00–20.00.",
                        "Der er endnu ingen ønsker til oplæg.")
                .doesNotContain("fyraftensmøder i " + year);

        // The consultant's wishes: a department not theirs and a bad length are refused at the fields.
        long heart = department("Hjertesygdomme");
        long notTheirs = jdbc.sql("""
                        SELECT d.id FROM pko_department d JOIN hospital_unit h ON h.id = d.hospital_unit_id
                        WHERE h.name = 'Aarhus Universitetshospital' AND d.name NOT IN ('Hjertesygdomme', 'Lungesygdomme')
                        ORDER BY d.id LIMIT 1""").query(Long.class).single();
        MockHttpServletResponse refused = perform(
                post(base + "/oensker")
                        .param("departmentId", String.valueOf(notTheirs))
                        .param("topic", "Hjertesvigt i almen praksis")
                        .param("minutes", "tyve"),
                "pko");
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Vælg en af dine afdelinger på hospitalet.", "Skriv et helt antal minutter fra 5 til 60.")
                .contains("Hjertesvigt i almen praksis");
        wish(base, heart, "Hjertesvigt i almen praksis", "Overlæge Hansen", "30");
        jdbc.sql("UPDATE pko_evening_meeting SET call_deadline = ? WHERE id = ?")
                .params(today.minusDays(1), Long.parseLong(base.substring(base.lastIndexOf('/') + 1)))
                .update();
        wish(base, heart, "Atrieflimren: hvem gør hvad", "", "15");
        page = page(base, "pkokoordinator");
        assertThat(page)
                .contains("Hjertesvigt i almen praksis", "Atrieflimren: hvem gør hvad", "Peter Praksiskonsulent");
        assertThat(page.split(">for sent<", -1))
                .as("one wish came after the deadline")
                .hasSize(2);

        // Only the coordinator puts a wish on the programme, once; the programme's warnings follow the agenda.
        long wish = jdbc.sql(
                        "SELECT id FROM pko_talk_wish WHERE topic = 'Hjertesvigt i almen praksis' ORDER BY id DESC LIMIT 1")
                .query(Long.class)
                .single();
        assertThat(perform(post(base + "/oensker/" + wish + "/programmet"), "pko")
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(post(base + "/oensker/" + wish + "/programmet"), "pkokoordinator")
                        .getRedirectedUrl())
                .isEqualTo(base + "#oensker");
        assertThat(perform(post(base + "/oensker/" + wish + "/programmet"), "pkokoordinator")
                        .getStatus())
                .as("a wish goes on the programme once")
                .isEqualTo(404);
        page = page(base, "pkokoordinator");
        assertThat(page)
                .contains(
                        "Programmet har 1 oplæg; et typisk fyraftensmøde har oplæg fra 6–8 afdelinger.",
                        "Oplægget „Hjertesvigt i almen praksis (Hjertesygdomme)“ varer 30 minutter",
                        "På programmet");
        String meeting = page.replaceAll("(?s).*href=\"(/moeder/\\d+)\".*", "$1");
        assertThat(page(meeting, "pkokoordinator"))
                .contains(
                        "Hjertesvigt i almen praksis (Hjertesygdomme)",
                        "kl. 16.00–16.30",
                        "Oplægsholder: Overlæge Hansen");
        assertThat(page(meeting, "pko")).contains("Hjertesvigt i almen praksis").doesNotContain("Tilføj punkt");

        // Taken off the agenda on the meeting's page, the wish can be put on the programme again.
        assertThat(perform(post(meeting + "/dagsorden/1/slet").param("version", "0"), "pkokoordinator")
                        .getRedirectedUrl())
                .isEqualTo(meeting + "#programmet");
        assertThat(page(base, "pkokoordinator")).doesNotContain("På programmet");
        assertThat(perform(post(base + "/oensker/" + wish + "/programmet"), "pkokoordinator")
                        .getRedirectedUrl())
                .isEqualTo(base + "#oensker");
        assertThat(page(base, "pkokoordinator")).contains("På programmet");

        // Two more in the same year: the third is one too many.
        plan(LocalDate.of(year, 3, 10).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)), "17:00", "20:00", "");
        String third = plan(
                LocalDate.of(year, 9, 10).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)),
                "17:00",
                "19:30",
                "");
        assertThat(page(third, "pkokoordinator"))
                .contains("Enheden har 3 fyraftensmøder i " + year)
                .doesNotContain("Mødet ligger i en weekend", "uden for tidsrummet");

        for (String outsider : new String[] {"pkonord", "koordinator", "kommune"}) {
            assertThat(mvc.perform(get(base).with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
        }
    }

    @Test
    void gpsAndTraineesSignUpWithoutAnAccountAndOneClientCannotFloodIt() throws Exception {
        String base = plan(
                LocalDate.now().plusMonths(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)),
                "17:00",
                "20:00",
                "");
        long id = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));
        String token = jdbc.sql("SELECT signup_token FROM pko_evening_meeting WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        String signup = "/fyraftensmoede/" + token;
        assertThat(page(base, "pkokoordinator")).contains("0 tilmeldt", signup);
        assertThat(mvc.perform(get(signup)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "Fyraftensmøde, Aarhus Universitetshospital",
                        "Uddannelseslæger i almen praksis er også velkomne");

        String bad = mvc.perform(post(signup)
                        .with(csrf())
                        .with(from("198.51.100.23"))
                        .param("name", "")
                        .param("practice", "<script>alert(1)</script>")
                        .param("kind", "BOSS"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad)
                .contains("Skriv dit navn.", "Vælg om du er praktiserende læge eller uddannelseslæge.")
                .doesNotContain("<script>alert(1)</script>");
        for (String kind : new String[] {"GP", "TRAINEE"}) {
            assertThat(mvc.perform(post(signup)
                                    .with(csrf())
                                    .with(from("198.51.100.23"))
                                    .param("name", "Læge " + kind)
                                    .param("practice", "Lægerne i Viby")
                                    .param("kind", kind))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(StandardCharsets.UTF_8))
                    .contains("Tak, du er tilmeldt fyraftensmødet.");
        }
        assertThat(page(base, "pkokoordinator")).contains("2 tilmeldt: 1 praktiserende læger og 1 uddannelseslæger.");

        for (int i = 2; i < PkoEveningMeetings.SIGNUPS_PER_CLIENT_HOUR; i++) {
            mvc.perform(post(signup)
                    .with(csrf())
                    .with(from("198.51.100.23"))
                    .param("name", "Gentaget " + i)
                    .param("kind", "GP"));
        }
        MockHttpServletResponse flood = mvc.perform(post(signup)
                        .with(csrf())
                        .with(from("198.51.100.23"))
                        .param("name", "En for meget")
                        .param("kind", "GP"))
                .andReturn()
                .getResponse();
        assertThat(flood.getStatus()).isEqualTo(429);
        assertThat(flood.getContentAsString(StandardCharsets.UTF_8)).contains("Prøv igen om lidt.");
        assertThat(page(base, "pkokoordinator")).contains(PkoEveningMeetings.SIGNUPS_PER_CLIENT_HOUR + " tilmeldt");
        assertThat(mvc.perform(post(signup)
                                .with(csrf())
                                .with(from("198.51.100.24"))
                                .param("name", "En anden læge")
                                .param("kind", "GP"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("another client is not held back")
                .isEqualTo(200);
        assertThat(mvc.perform(get("/fyraftensmoede/" + "x".repeat(40)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theCoordinatorKeepsTheLogisticsAndEachHospitalConsultantAnswersForThemself() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        LocalDate date = today.plusWeeks(10).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        String base = plan(date, "17:00", "20:00", "");
        long id = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));

        // Planned, the checklist has its default items, due weeks before the meeting.
        assertThat(page(base, "pkokoordinator"))
                .contains(
                        "Book lokale på hospitalet",
                        "Bestil forplejning ud fra antallet af tilmeldte",
                        "Send invitation til optageområdets praktiserende læger",
                        "Bestil AV-udstyr",
                        "Administrativ medarbejder på hospitalet",
                        date.minusWeeks(8).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                .doesNotContain("Opret link til det virtuelle møde", "Tilføj standardpunkterne");
        assertThat(jdbc.sql("SELECT due_on FROM pko_evening_task WHERE evening_meeting_id = ? AND text = ?")
                        .params(id, "Bestil forplejning ud fra antallet af tilmeldte")
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(date.minusWeeks(2));

        // A new item due yesterday, or on no real day, is refused at the field; nothing typed is lost.
        MockHttpServletResponse past = addTask(base, "Bestil navneskilte", "Hanne Holm", today.minusDays(1));
        assertThat(past.getStatus()).isEqualTo(200);
        assertThat(past.getContentAsString(StandardCharsets.UTF_8))
                .contains("Fristen ligger før i dag.", "Bestil navneskilte", "Hanne Holm", "Book lokale på hospitalet");
        assertThat(perform(
                                post(base + "/opgaver")
                                        .param("taskText", "Bestil navneskilte")
                                        .param("taskDue", "2030-02-31"),
                                "pkokoordinator")
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Skriv datoen som dd-mm-åååå.");
        assertThat(tasks(id, "Bestil navneskilte")).isZero();
        assertThat(addTask(base, "Bestil navneskilte", "Hanne Holm", today.plusDays(3))
                        .getRedirectedUrl())
                .isEqualTo(base + "#opgaver");
        long task = jdbc.sql(
                        "SELECT id FROM pko_evening_task WHERE evening_meeting_id = ? AND text = 'Bestil navneskilte'")
                .param(id)
                .query(Long.class)
                .single();

        // The consultant reads the checklist and cannot change it.
        assertThat(page(base, "pko"))
                .contains("Bestil navneskilte", "Hanne Holm")
                .doesNotContain("Tilføj punktet", "Markér som udført", "Gem ansøgningen");
        assertThat(addTask(base, "Fra konsulenten", "", today.plusDays(3), "pko")
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(
                                post(base + "/opgaver/" + task + "/udfoert")
                                        .param("version", "0")
                                        .param("done", "true"),
                                "pko")
                        .getStatus())
                .isEqualTo(404);

        // Ticked done with a version read before a change: refused in Danish; with the current one: who and when.
        assertThat(flash(post(base + "/opgaver/" + task + "/udfoert")
                        .param("version", "5")
                        .param("done", "true")))
                .isEqualTo("pko.evening.task.stale");
        assertThat(flash(post(base + "/opgaver/" + task + "/udfoert")
                        .param("version", "0")
                        .param("done", "true")))
                .isNull();
        assertThat(page(base, "pkokoordinator")).contains("Udført af Pia Praksiskoordinator (AUH), ");
        assertThat(flash(post(base + "/opgaver/" + task + "/slet").param("version", "0")))
                .as("the item changed when it was ticked")
                .isEqualTo("pko.evening.task.stale");
        assertThat(tasks(id, "Bestil navneskilte")).isOne();
        assertThat(flash(post(base + "/opgaver/" + task + "/slet").param("version", "1")))
                .isNull();
        assertThat(tasks(id, "Bestil navneskilte")).isZero();

        // Each hospital consultant answers for themself; the coordinator sees who comes.
        assertThat(page(base, "pko")).contains("Du har endnu ikke svaret, om du deltager.");
        assertThat(perform(post(base + "/deltagelse").param("svar", "JA"), "pkokoordinator")
                        .getStatus())
                .as("the coordinator is no hospital consultant of the unit")
                .isEqualTo(404);
        assertThat(perform(post(base + "/deltagelse").param("svar", "JA"), "pko")
                        .getRedirectedUrl())
                .isEqualTo(base + "#deltagelse");
        assertThat(page(base, "pko")).contains("Du har svaret, at du deltager.");
        assertThat(page(base, "pkokoordinator"))
                .containsPattern("Peter Praksiskonsulent</strong>:\\s*deltager\\s*</li>")
                .contains("1 deltager, 0 deltager ikke, ");

        // The grant: a bad amount and a missing date are refused at their fields and nothing is saved.
        MockHttpServletResponse badGrant = grant(base, "APPLIED", "", "mange penge", "Forplejning til 80", "0");
        assertThat(badGrant.getStatus()).isEqualTo(200);
        assertThat(badGrant.getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "Skriv den dato, ansøgningen blev sendt.",
                        "Skriv beløbet i hele kroner eller med øre",
                        "Forplejning til 80",
                        "mange penge");
        assertThat(grants(id)).isZero();
        assertThat(grant(base, "APPLIED", today.minusDays(2).toString(), "25.000", "Forplejning til 80", "0")
                        .getRedirectedUrl())
                .isEqualTo(base + "#tilskud");
        assertThat(page(base, "pko")).contains("Søgt", "25.000 kr.", "Forplejning til 80");
        assertThat(grant(base, "GRANTED", today.toString(), "25.000", "", "1", "pko")
                        .getStatus())
                .isEqualTo(404);

        // A save over one made meanwhile, and a negative amount, keep what is stored.
        MockHttpServletResponse stale = grant(base, "REFUSED", today.toString(), "", "Afslag", "0");
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8))
                .contains("En anden har gemt ansøgningen, mens du skrev.", "Afslag", "25.000 kr.");
        assertThat(grant(base, "GRANTED", today.toString(), "-5", "", "1").getContentAsString(StandardCharsets.UTF_8))
                .contains("Skriv beløbet i hele kroner eller med øre");
        assertThat(jdbc.sql("SELECT status || ' ' || amount FROM pko_evening_grant WHERE evening_meeting_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("APPLIED 25000.00");

        // Another unit's coordinator sees and writes none of it.
        String randers = "pkorandersfyraften";
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role)
                        VALUES (?, '{noop}unused', 'Rasmus Randers', ?, 'PKO_COORDINATOR') ON CONFLICT DO NOTHING""").params(randers, randers + "@example.dk").update();
        jdbc.sql("""
                        INSERT INTO pko_person (region_code, kind, name, email, user_id)
                        SELECT '1082', 'COORDINATOR', display_name, email, id FROM app_user u WHERE username = ?
                        AND NOT EXISTS (SELECT 1 FROM pko_person p WHERE p.user_id = u.id)""").param(randers).update();
        jdbc.sql("""
                        INSERT INTO pko_attachment (person_id, hospital_unit_id)
                        SELECT p.id, h.id FROM pko_person p JOIN app_user u ON u.id = p.user_id, hospital_unit h
                        WHERE u.username = ? AND h.name = 'Regionshospitalet Randers'
                        AND NOT EXISTS (SELECT 1 FROM pko_attachment a WHERE a.person_id = p.id)""").param(randers).update();
        assertThat(mvc.perform(get(base).with(users.as(randers)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(addTask(base, "Fremmed", "", today.plusDays(3), randers).getStatus())
                .isEqualTo(404);
        assertThat(grant(base, "PLANNED", "", "", "Fremmed", "1", randers).getStatus())
                .isEqualTo(404);
        assertThat(perform(post(base + "/opgaver/standard"), randers).getStatus())
                .isEqualTo(404);
    }

    @Test
    void aMeetingWithoutAChecklistIsOfferedTheDefaultsOnceAndAVirtualOneNeedsNoRoom() throws Exception {
        String base = plan(
                LocalDate.now().plusMonths(4).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)),
                "17:00",
                "20:00",
                "");
        long id = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));
        jdbc.sql("UPDATE pko_evening_meeting SET format = 'VIRTUAL' WHERE id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM pko_evening_task WHERE evening_meeting_id = ?")
                .param(id)
                .update();
        assertThat(page(base, "pkokoordinator")).contains("Tjeklisten er tom.", "Tilføj standardpunkterne");
        assertThat(page(base, "pko")).contains("Tjeklisten er tom.").doesNotContain("Tilføj standardpunkterne");
        assertThat(flash(post(base + "/opgaver/standard"))).isNull();
        assertThat(flash(post(base + "/opgaver/standard")))
                .as("the defaults come once")
                .isEqualTo("pko.evening.task.stale");
        assertThat(page(base, "pkokoordinator"))
                .contains("Opret link til det virtuelle møde", "Send invitation")
                .doesNotContain("Book lokale", "Bestil forplejning", "Tilføj standardpunkterne");
    }

    private MockHttpServletResponse addTask(String base, String text, String owner, LocalDate due) throws Exception {
        return addTask(base, text, owner, due, "pkokoordinator");
    }

    private MockHttpServletResponse addTask(String base, String text, String owner, LocalDate due, String username)
            throws Exception {
        return perform(
                post(base + "/opgaver")
                        .param("taskText", text)
                        .param("taskOwner", owner)
                        .param("taskDue", due.toString()),
                username);
    }

    private MockHttpServletResponse grant(
            String base, String status, String appliedOn, String amount, String note, String version) throws Exception {
        return grant(base, status, appliedOn, amount, note, version, "pkokoordinator");
    }

    private MockHttpServletResponse grant(
            String base, String status, String appliedOn, String amount, String note, String version, String username)
            throws Exception {
        return perform(
                post(base + "/tilskud")
                        .param("grantStatus", status)
                        .param("grantAppliedOn", appliedOn)
                        .param("grantAmount", amount)
                        .param("grantNote", note)
                        .param("grantVersion", version),
                username);
    }

    /** The coordinator's request's flash error (a message key), or none. */
    private Object flash(MockHttpServletRequestBuilder request) throws Exception {
        org.springframework.test.web.servlet.MvcResult result = mvc.perform(
                        request.with(users.as("pkokoordinator")).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return result.getFlashMap().get("error");
    }

    private int tasks(long evening, String text) {
        return jdbc.sql("SELECT count(*) FROM pko_evening_task WHERE evening_meeting_id = ? AND text = ?")
                .params(evening, text)
                .query(Integer.class)
                .single();
    }

    private int grants(long evening) {
        return jdbc.sql("SELECT count(*) FROM pko_evening_grant WHERE evening_meeting_id = ?")
                .param(evening)
                .query(Integer.class)
                .single();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void badPlansAreRefusedAtTheFieldAndAConsultantPlansNone() throws Exception {
        MockHttpServletResponse bad = perform(
                post("/pko/fyraftensmoeder")
                        .param("unitId", String.valueOf(auh()))
                        .param("date", "2031-13-40")
                        .param("start", "19:00")
                        .param("end", "18:00")
                        .param("format", "PICNIC"),
                "pkokoordinator");
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8))
                .contains("Skriv datoen som dd-mm-åååå.", "Mødet skal slutte efter det starter.", "Vælg mødeformen.");
        assertThat(perform(
                                post("/pko/fyraftensmoeder")
                                        .param("unitId", String.valueOf(auh()))
                                        .param(
                                                "date",
                                                LocalDate.now().plusMonths(2).toString()),
                                "pko")
                        .getStatus())
                .isEqualTo(404);
    }

    private String plan(LocalDate date, String start, String end, String deadline) throws Exception {
        MockHttpServletResponse planned = perform(
                post("/pko/fyraftensmoeder")
                        .param("unitId", String.valueOf(auh()))
                        .param("date", date.toString())
                        .param("start", start)
                        .param("end", end)
                        .param("place", "Auditorium A, Aarhus Universitetshospital")
                        .param("format", "LARGE")
                        .param("callDeadline", deadline),
                "pkokoordinator");
        assertThat(planned.getStatus())
                .as(planned.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(302);
        return planned.getRedirectedUrl();
    }

    private void wish(String base, long department, String topic, String speaker, String minutes) throws Exception {
        MockHttpServletResponse sent = perform(
                post(base + "/oensker")
                        .param("departmentId", String.valueOf(department))
                        .param("topic", topic)
                        .param("speaker", speaker)
                        .param("minutes", minutes),
                "pko");
        assertThat(sent.getRedirectedUrl()).isEqualTo(base + "#oensker");
    }

    private long auh() {
        return jdbc.sql("SELECT id FROM hospital_unit WHERE name = 'Aarhus Universitetshospital'")
                .query(Long.class)
                .single();
    }

    private long department(String name) {
        return jdbc.sql("""
                        SELECT d.id FROM pko_department d JOIN hospital_unit h ON h.id = d.hospital_unit_id
                        WHERE h.name = 'Aarhus Universitetshospital' AND d.name = ?""").param(name).query(Long.class).single();
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
