package dk.samspil.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.ordering.Orders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Seed 004's pre-meeting (formøde) with its date, who attends and notes, on the timeline and in the calendar; and the
 * meeting's attendance: the minutes list who took part, and the members who took part get them.
 */
@SamspilTest
class PreMeetingAndAttendanceTests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Meetings meetings;

    @Autowired
    Minutes minutes;

    @Autowired
    Orders orders;

    @Autowired
    MessageSource messages;

    @Test
    void thePreMeetingIsPlannedAtItsFieldsMovesItsStepAndStandsInTheCalendarAtItsTime() throws Exception {
        LocalDate meetingDay = OrderFixtures.today().plusWeeks(14);
        long order = OrderFixtures.placeOrder(mvc, users, "dosisdispensering", meetingDay, "formoede@example.dk");

        // A day after the meeting and nobody named: refused at the fields, in view, what was typed kept.
        MockHttpServletResponse late = perform(
                preMeeting(order, meetingDay.plusDays(1), "14:00", "15:00", "Lægehuset", "", "-1"), "koordinator");
        assertThat(late.getStatus()).isEqualTo(200);
        Document refused = Jsoup.parse(late.getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#premeeting-date-error").text()).contains("Formødet skal ligge før klyngemødet");
        assertThat(refused.select("#premeeting-attendees-error").text())
                .contains("Skriv hvem der deltager i formødet.");
        assertThat(refused.select("#formoede-errors a").eachAttr("href"))
                .contains("#premeeting-date", "#premeeting-attendees");
        assertThat(refused.select("#premeeting-place").val()).isEqualTo("Lægehuset");
        MockHttpServletResponse backwards =
                perform(preMeeting(order, meetingDay.minusDays(7), "15:00", "14:00", "", "Anne", "-1"), "koordinator");
        assertThat(Jsoup.parse(backwards.getContentAsString(StandardCharsets.UTF_8))
                        .select("#premeeting-end-error")
                        .text())
                .contains("Slut skal ligge efter start.");
        assertThat(jdbc.sql("SELECT count(*) FROM order_pre_meeting WHERE order_id = ?")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isZero();

        LocalDate day = meetingDay.minusDays(6);
        String attendees = "Anne Kjær (Demoklyngen), Susanne Sygeplejerske (Aarhus Kommune), Konsulenten";
        MockHttpServletResponse saved = perform(
                preMeeting(order, day, "14:00", "15:30", "Rådhuset, mødelokale 2", attendees, "-1"), "koordinator");
        assertThat(saved.getRedirectedUrl()).endsWith("/moede#formoede");
        assertThat(jdbc.sql("SELECT due_date FROM order_task WHERE order_id = ? AND step = 'PRE_MEETING'")
                        .param(order)
                        .query(LocalDate.class)
                        .single())
                .as("the step is due on the planned day")
                .isEqualTo(day);
        assertThat(page("/bestillinger/" + order + "/moede", "kommune")).contains("Rådhuset, mødelokale 2", attendees);
        Document orderPage = Jsoup.parse(page("/bestillinger/" + order, "konsulent"));
        assertThat(orderPage.select("#pre-meeting-planned").text())
                .isEqualTo("Formøde " + day.format(DAY) + " kl. 14.00–15.30");

        String ics = page("/bestillinger/" + order + "/kalender.ics", "kommune");
        biweekly.ICalendar calendar = biweekly.Biweekly.parse(ics).first();
        biweekly.component.VEvent event = calendar.getEvents().stream()
                .filter(e -> e.getUid().getValue().equals("order-" + order + "-pre-meeting@samspil"))
                .findFirst()
                .orElseThrow();
        assertThat(event.getSummary().getValue()).startsWith("Formøde:");
        assertThat(event.getLocation().getValue()).isEqualTo("Rådhuset, mødelokale 2");
        assertThat(ics)
                .contains(
                        "DTSTART;TZID=Europe/Copenhagen:" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "T140000",
                        "DTEND;TZID=Europe/Copenhagen:" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "T153000");
        assertThat(calendar.getEvents())
                .as("no all-day entry for the step beside the planned pre-meeting")
                .noneMatch(e -> e.getUid().getValue().equals("order-" + order + "-pre_meeting@samspil"));

        // Two writers from the same version: the later is told, keeps their notes, and sees the stored ones.
        perform(
                preMeeting(order, day, "14:00", "15:30", "Rådhuset", attendees, "0")
                        .param("notes", "Første noter"),
                "koordinator");
        MockHttpServletResponse stale = perform(
                preMeeting(order, day, "14:00", "15:30", "Rådhuset", attendees, "0")
                        .param("notes", "Andre noter"),
                "kommune");
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8))
                .contains(MeetingFlowTests.CONFLICT, "Andre noter", "Første noter");
        assertThat(stepDone(order))
                .as("notes before the day do not tick the step")
                .isFalse();

        // Held today and written up: the drejebog's step is done.
        perform(
                preMeeting(order, OrderFixtures.today(), "09:00", "10:00", "Rådhuset", attendees, "1")
                        .param("notes", "Vi gennemgik resultaterne og aftalte roller."),
                "koordinator");
        assertThat(stepDone(order)).isTrue();

        for (String outsider : new String[] {"koordinator2", "kommune2", "midtkraft"}) {
            assertThat(perform(preMeeting(order, day, "14:00", "15:00", "", "x", "2"), outsider)
                            .getStatus())
                    .as(outsider)
                    .isEqualTo(404);
        }
    }

    @Test
    void theMinutesNameWhoTookPartAndAreMailedToTheMembersWhoAttendedButNotToThoseWhoDidNot() throws Exception {
        long order = OrderFixtures.placeOrder(
                mvc, users, "dosisdispensering", OrderFixtures.today().plusWeeks(15), "fremmoede@example.dk");
        List<Map<String, Object>> members = jdbc.sql("""
                        SELECT m.id, m.name, m.email FROM member m JOIN package_order o ON o.cluster_id = m.cluster_id
                        WHERE o.id = ? AND m.email IS NOT NULL ORDER BY m.id LIMIT 2""").param(order).query().listOfRows();
        assertThat(members).hasSize(2);
        Map<String, Object> came = members.get(0);
        Map<String, Object> stayed = members.get(1);

        Document page = Jsoup.parse(page("/bestillinger/" + order + "/moede", "koordinator"));
        assertThat(page.select("#fremmoede label").eachText())
                .anyMatch(label -> label.startsWith((String) came.get("name")))
                .anyMatch(label -> label.startsWith("Anne Kjær (Demoklyngen)"));
        String tooLong = "x".repeat(MeetingForms.TEXT + 1);
        MockHttpServletResponse refused = perform(
                post("/bestillinger/" + order + "/moede/fremmoede")
                        .param("present", "coordinator")
                        .param("others", tooLong)
                        .param("version", "0"),
                "koordinator");
        assertThat(Jsoup.parse(refused.getContentAsString(StandardCharsets.UTF_8))
                        .select("#attendance-others-error")
                        .text())
                .contains("Teksten er for lang.");

        MockHttpServletResponse saved = perform(
                post("/bestillinger/" + order + "/moede/fremmoede")
                        .param("present", "coordinator")
                        .param("present", "member-" + came.get("id"))
                        .param("present", "member-999999999")
                        .param("others", "Gitte Gæst (Apoteket)")
                        .param("version", "0"),
                "koordinator");
        assertThat(saved.getRedirectedUrl()).endsWith("/moede#fremmoede");
        Meetings.Attendance attendance =
                meetings.meeting(orders.find(order).orElseThrow()).attendance();
        assertThat(attendance.present())
                .extracting(Meetings.Attendee::key)
                .as("an unknown key is not a person")
                .containsExactlyInAnyOrder("coordinator", "member-" + came.get("id"));
        assertThat(perform(
                                post("/bestillinger/" + order + "/moede/fremmoede")
                                        .param("present", "coordinator")
                                        .param("version", "0"),
                                "kommune")
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("En anden har gemt fremmødet imens.");

        byte[] docx = new MinutesDocument(messages)
                .write(meetings.meeting(orders.find(order).orElseThrow()));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText())
                    .contains("Fremmøde", (String) came.get("name"), "Anne Kjær", "Gitte Gæst (Apoteket)")
                    .doesNotContain((String) stayed.get("name"));
        }

        jdbc.sql("UPDATE package_order SET meeting_date = ? WHERE id = ?")
                .params(OrderFixtures.today(), order)
                .update();
        perform(post("/bestillinger/" + order + "/moede/referat"), "koordinator");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> !minutes.versions(meetings.idOf(MeetingOwner.order(order)))
                                .isEmpty()
                        && minutes.versions(meetings.idOf(MeetingOwner.order(order)))
                                .get(0)
                                .ready());
        TestMailServer.purge();
        String token = minutes.versions(meetings.idOf(MeetingOwner.order(order)))
                .get(0)
                .token();
        perform(post("/bestillinger/" + order + "/moede/referat/" + token + "/send"), "koordinator");
        for (String to : List.of("anne.kjaer@example.dk", "fremmoede@example.dk")) {
            assertThat(TestMailServer.text(TestMailServer.awaitMail(to, "Referat af klyngemødet")))
                    .contains("/bestillinger/" + order + "/moede");
        }
        // The member has no account: a personal link opens this version's file without signing in.
        String personal =
                TestMailServer.text(TestMailServer.awaitMail((String) came.get("email"), "Referat af klyngemødet"));
        java.util.regex.Matcher link =
                java.util.regex.Pattern.compile("(/referat/[A-Za-z0-9_-]{43})").matcher(personal);
        assertThat(link.find()).as(personal).isTrue();
        MockHttpServletResponse file =
                mvc.perform(get(link.group(1))).andReturn().getResponse();
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType())
                .isIn("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        jdbc.sql("UPDATE meeting_minutes_link SET expires_at = now() - interval '1 minute' WHERE email = ?")
                .param(came.get("email"))
                .update();
        assertThat(mvc.perform(get(link.group(1))).andReturn().getResponse().getStatus())
                .as("an expired link")
                .isEqualTo(404);
        // The outbox sends the batch at once; the last of it is in, so a mail to the absent member would be too.
        assertThat(TestMailServer.received((String) stayed.get("email")))
                .as("the member who did not come gets no minutes")
                .noneMatch(mail -> TestMailServer.subject(mail).startsWith("Referat af klyngemødet"));
    }

    private static MockHttpServletRequestBuilder preMeeting(
            long order, LocalDate date, String start, String end, String place, String attendees, String version) {
        return post("/bestillinger/" + order + "/moede/formoede")
                .param("date", date.toString())
                .param("start", start)
                .param("end", end)
                .param("place", place)
                .param("attendees", attendees)
                .param("version", version);
    }

    private boolean stepDone(long order) {
        return jdbc.sql("SELECT done_at IS NOT NULL FROM order_task WHERE order_id = ? AND step = 'PRE_MEETING'")
                .param(order)
                .query(Boolean.class)
                .single();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(csrf()).with(users.as(user)))
                .andReturn()
                .getResponse();
    }

    private String page(String path, String user) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).with(users.as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
