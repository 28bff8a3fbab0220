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
