package dk.samspil.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.ordering.OrderViews.OrderView;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** An order from the coordinator's form to the consultant's call-back, materials mail, reminders and calendar. */
@SamspilTest
class OrderingFlowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskReminders reminders;

    @BeforeEach
    void emptyMailbox() {
        purge();
    }

    @Test
    void coordinatorOrdersAndEveryoneConcernedIsToldByMail() throws Exception {
        LocalDate meeting = OrderFixtures.today().plusWeeks(10);
        long id = OrderFixtures.placeAcuteOrder(mvc, users, meeting, "ny.deltager@aarhus.example.dk");
        assertThat(status(id)).isEqualTo("RECEIVED");
        assertThat(due(id, "FINAL_DECK")).isEqualTo(meeting.minusWeeks(2));
        assertThat(due(id, "PRE_MEETING")).isEqualTo(meeting.minusWeeks(1));
        assertThat(jdbc.sql("SELECT count(*) FROM order_task WHERE order_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(Timeline.steps().size());

        awaitMail("konsulent@example.dk", "Ny bestilling");
        assertThat(received("ny.deltager@aarhus.example.dk"))
                .as("the consultant makes the first contact: no invitation yet")
                .isEmpty();
        String page = mvc.perform(get("/bestillinger/" + id).with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page)
                .as("the one first-contact control tells the invitations wait for it")
                .contains("sendes, når du har haft den første kontakt med kommunen");
        assertThat(mvc.perform(post("/bestillinger/" + id + "/kommune-kontaktet")
                                .with(users.as("kommune"))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("only the provider records it")
                .isEqualTo(404);
        mvc.perform(post("/bestillinger/" + id + "/kommune-kontaktet")
                .with(users.as("konsulent"))
                .with(csrf()));
        MimeMessage invitation =
                awaitMail("ny.deltager@aarhus.example.dk", "Invitation til klyngemøde med Demoklyngen");
        String body = TestMailServer.text(invitation);
        assertThat(body).contains("Kære Susanne Sygeplejerske", "/invitation/", "/bestillinger/" + id);
        awaitMail(
                "anne.kjaer@example.dk", "Bestilling modtaget: Almen praksis' samarbejde med kommunale akutfunktioner");
        awaitMail("konsulent@example.dk", "Ny bestilling");
        assertThat(received("midtkraft@example.dk")).as("MidtKraft is not KiAP").isEmpty();
        assertThat(jdbc.sql("SELECT enabled FROM app_user WHERE username = 'ny.deltager@aarhus.example.dk'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    /** The receipt and the materials are signed by the package's provider, with how to reach it (seed 000). */
    @Test
    void theProvidersMailsAreSignedWithItsContactDetails() throws Exception {
        long id = OrderFixtures.placeOrder(
                mvc,
                users,
                OrderFixtures.order(
                                "medicinhaandtering", OrderFixtures.today().plusWeeks(20), "signatur@aarhus.example.dk")
                        .param("electiveTopics", "pn-medicin", "haandkoebsmedicin-kosttilskud"));
        String receipt = TestMailServer.text(
                        awaitMail("anne.kjaer@example.dk", "Bestilling modtaget: Medicinhåndtering i samarbejde"))
                .replace("\r\n", "\n");
        assertThat(receipt)
                .contains("/bestillinger/" + id)
                .contains("Venlig hilsen\nMidtKraft Kvalitetsenhed for almen praksis\nklynger@stab.rm.dk\n"
                        + "Skottenborg 26, 8800 Viborg");
    }

    @Test
    void whenTheClusterMakesTheFirstContactTheInvitationsGoAtOnce() throws Exception {
        long id = OrderFixtures.placeOrder(
                mvc,
                users,
                OrderFixtures.order(
                        "akutfunktioner",
                        OrderFixtures.today().plusWeeks(11),
                        "klyngen.kontakter@aarhus.example.dk",
                        "CLUSTER"));
        awaitMail("klyngen.kontakter@aarhus.example.dk", "Invitation til klyngemøde med Demoklyngen");
        assertThat(jdbc.sql("SELECT municipality_contacted_at IS NOT NULL FROM package_order WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theConsultantSeesTheCoordinatorsPhoneAndMailAndTheCoordinatorSeesTheConsultant() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "telefon@aarhus.example.dk");
        String queue = body(get("/bestillinger"), "konsulent");
        org.jsoup.nodes.Element row = org.jsoup.Jsoup.parse(queue)
                .select("tr:has(a[href=/bestillinger/" + id + "])")
                .first();
        assertThat(row.text()).contains("Anne Kjær", OrderFixtures.PHONE, "anne.kjaer@example.dk");
        assertThat(row.select("a[href^=tel:]").attr("href")).isEqualTo("tel:" + OrderFixtures.PHONE.replace(" ", ""));
        assertThat(body(get("/bestillinger/" + id), "konsulent"))
                .contains(OrderFixtures.PHONE, "mailto:anne.kjaer@example.dk");
        assertThat(body(get("/bestillinger/" + id), "koordinator"))
                .contains("Konsulenten, der ringer dig op, står her efter opringningen.");
        mvc.perform(post("/bestillinger/" + id + "/tilbageringning")
                .param("note", "")
                .param("firstContact", "PROVIDER")
                .with(users.as("konsulent"))
                .with(csrf()));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(body(get("/bestillinger/" + id), "koordinator"));
        assertThat(page.select("#consultant-contact").text()).contains("Karin Konsulent", "konsulent@example.dk");
    }

    @Test
    void theOrderFormAsksForAPhoneNumberTheConsultantCanCall() throws Exception {
        int before = orders();
        for (String phone : new String[] {"", "1234", "ring mig"}) {
            MvcResult result = mvc.perform(
                            OrderFixtures.acuteOrder(OrderFixtures.today().plusWeeks(10), "x@aarhus.example.dk")
                                    .param("coordinatorPhone", phone)
                                    .with(users.as("koordinator")))
                    .andReturn();
            String error = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString())
                    .select("#coordinatorPhone-error")
                    .text();
            assertThat(error).as(phone).contains("telefonnummer");
        }
        assertThat(orders()).isEqualTo(before);
        for (String phone : new String[] {"86123456", "+45 86 12 34 56", "86 12 34 56"}) {
            List<OrderRules.Problem> problems = new java.util.ArrayList<>();
            OrderRules.checkPhone(form(phone), problems);
            assertThat(problems).as(phone).isEmpty();
        }
    }

    @Test
    void everyLinkOfTheErrorSummaryLeadsToItsField() throws Exception {
        MvcResult result = mvc.perform(post("/bestillinger")
                        .with(csrf())
                        .with(users.as("koordinator"))
                        .param("packageSlug", "medicinhaandtering")
                        .param("participants[0].name", "Uden adresse")
                        .param("participants[0].email", "ikke-en-adresse"))
                .andReturn();
        org.jsoup.nodes.Document page =
                org.jsoup.Jsoup.parse(result.getResponse().getContentAsString());
        org.jsoup.select.Elements links = page.select(".alert-error a[href^=#]");
        assertThat(links.eachAttr("href"))
                .contains("#municipalityCodes", "#electiveTopics", "#coordinatorPhone", "#participants0.email");
        for (org.jsoup.nodes.Element link : links) {
            assertThat(page.getElementById(link.attr("href").substring(1)))
                    .as(link.attr("href"))
                    .isNotNull();
        }
    }

    private static OrderForm form(String phone) {
        OrderForm form = new OrderForm();
        form.setCoordinatorPhone(phone);
        return form;
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user)
            throws Exception {
        return mvc.perform(request.with(users.as(user)))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void orderTooCloseToTheMeetingIsRefusedAtTheFieldAndNothingIsStored() throws Exception {
        int before = orders();
        MvcResult result = mvc.perform(
                        OrderFixtures.acuteOrder(OrderFixtures.today().plusWeeks(4), "x@aarhus.example.dk")
                                .with(users.as("koordinator")))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String page = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString())
                .select("#meetingDate-error")
                .text();
        assertThat(page).contains("Pakken skal bestilles senest 8 uger før mødet.");
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void consultantCallsBackAndSendsTheMaterials() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(11), "leder@aarhus.example.dk");
        mvc.perform(post("/bestillinger/" + id + "/tilbageringning")
                .with(users.as("konsulent"))
                .with(csrf())
                .param("note", "Klyngen ønsker fokus på henvisninger")
                .param("firstContact", "CLUSTER"));
        assertThat(status(id)).isEqualTo("IN_PREPARATION");
        assertThat(doneBy(id, "CALLBACK")).isEqualTo("Karin Konsulent (KiAP)");

        purge();
        mvc.perform(post("/bestillinger/" + id + "/materialer")
                .with(users.as("konsulent"))
                .with(csrf()));
        MimeMessage mail = awaitMail("leder@aarhus.example.dk", "Materiale til jeres klyngemøde");
        assertThat(TestMailServer.text(mail))
                .contains("Udkast til spørgeskema", "/bestillinger/" + id + "/spoergeskema", "formøde", "ydernumre")
                .doesNotContain("/klynger/");
        assertThat(TestMailServer.text(awaitMail("anne.kjaer@example.dk", "Materiale til jeres klyngemøde")))
                .contains("/klynger/");
        assertThat(doneBy(id, "MATERIALS_MAIL")).isNotNull();
    }

    @Test
    void movingTheMeetingMovesOnlyTheOpenTasks() throws Exception {
        LocalDate meeting = OrderFixtures.today().plusWeeks(12);
        long id = OrderFixtures.placeAcuteOrder(mvc, users, meeting, "flyt@aarhus.example.dk");
        mvc.perform(post("/bestillinger/" + id + "/tilbageringning")
                .with(users.as("konsulent"))
                .with(csrf()));
        LocalDate callbackDue = due(id, "CALLBACK");
        LocalDate later = meeting.plusWeeks(3);
        mvc.perform(post("/bestillinger/" + id + "/moededato")
                .with(users.as("koordinator"))
                .with(csrf())
                .param("meetingDate", later.toString()));
        assertThat(due(id, "FINAL_DECK")).isEqualTo(later.minusWeeks(2));
        assertThat(due(id, "MEETING")).isEqualTo(later);
        assertThat(due(id, "CALLBACK")).isEqualTo(callbackDue);
    }

    @Test
    void cancellingNeedsAReasonAndAHeldMeetingCannotBeCancelled() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "aflys@aarhus.example.dk");
        dk.samspil.web.Confirmations.assertAsksFirst(
                mvc.perform(get("/bestillinger/" + id).with(users.as("koordinator")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
                "/aflys",
                "Vil du aflyse mødet?");
        MvcResult noReason = mvc.perform(post("/bestillinger/" + id + "/aflys")
                        .with(users.as("koordinator"))
                        .with(csrf()))
                .andReturn();
        assertThat(noReason.getFlashMap().get("error")).isEqualTo("order.cancel.reasonRequired");
        assertThat(status(id)).isEqualTo("RECEIVED");

        jdbc.sql("UPDATE package_order SET status = 'MEETING_HELD' WHERE id = ?")
                .param(id)
                .update();
        MvcResult held = mvc.perform(post("/bestillinger/" + id + "/aflys")
                        .with(users.as("koordinator"))
                        .with(csrf())
                        .param("reason", "Sygdom"))
                .andReturn();
        assertThat(held.getFlashMap().get("error")).isEqualTo("order.cancel.notAllowed");
        assertThat(status(id)).isEqualTo("MEETING_HELD");

        jdbc.sql("UPDATE package_order SET status = 'IN_PREPARATION' WHERE id = ?")
                .param(id)
                .update();
        mvc.perform(post("/bestillinger/" + id + "/aflys")
                .with(users.as("koordinator"))
                .with(csrf())
                .param("reason", "Sygdom"));
        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void illegalStatusChangesAreRefused() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "status@aarhus.example.dk");
        MvcResult cancel = mvc.perform(post("/bestillinger/" + id + "/status")
                        .with(users.as("konsulent"))
                        .with(csrf())
                        .param("target", "CANCELLED")
                        .param("reason", "Forkert vej"))
                .andReturn();
        assertThat(cancel.getFlashMap().get("error"))
                .as("cancelling has its own action")
                .isEqualTo("order.transition.notAllowed");
        assertThat(status(id)).isEqualTo("RECEIVED");
        mvc.perform(post("/bestillinger/" + id + "/status")
                .with(users.as("konsulent"))
                .with(csrf())
                .param("target", "CALLBACK_PLANNED")
                .param("reason", "Aftalt pr. telefon"));
        assertThat(status(id)).isEqualTo("CALLBACK_PLANNED");
    }

    @Test
    void ownersAreRemindedOnceBeforeTheDueDateAndOnceWhenOverdue() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "paamind@aarhus.example.dk");
        LocalDate today = OrderFixtures.today();
        jdbc.sql("UPDATE order_task SET reminded_before_at = now(), reminded_overdue_at = now() WHERE order_id <> ?")
                .param(id)
                .update();
        jdbc.sql("UPDATE order_task SET due_date = ? WHERE order_id = ?")
                .params(today.plusWeeks(3), id)
                .update();
        jdbc.sql("UPDATE order_task SET due_date = ? WHERE order_id = ? AND step = 'MEMBER_EMAILS'")
                .params(today.plusDays(1), id)
                .update();
        jdbc.sql("UPDATE order_task SET due_date = ? WHERE order_id = ? AND step = 'KLU_AGENDA'")
                .params(today.minusDays(1), id)
                .update();
        purge();

        assertThat(reminders.remind(today)).isEqualTo(2);
        awaitMail("anne.kjaer@example.dk", "Påmindelse: Klyngen sender medlemmernes e-mails og tjekker ydernumre");
        awaitMail("paamind@aarhus.example.dk", "Forsinket opgave: Resultatet på dagsordenen til næste KLU-møde");
        assertThat(reminders.remind(today)).as("each reminder once").isZero();
    }

    @Test
    void calendarHasTheMeetingAtLocalTimeAcrossDaylightSaving() throws Exception {
        LocalDate summer = nextDate(7, 1);
        LocalDate winter = nextDate(12, 1);
        for (LocalDate meeting : List.of(summer, winter)) {
            long id = OrderFixtures.placeAcuteOrder(mvc, users, meeting, "kalender@aarhus.example.dk");
            String ics = mvc.perform(
                            get("/bestillinger/" + id + "/kalender.ics").with(users.as("kommune")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            VEvent event = calendar.<VEvent>getComponents("VEVENT").stream()
                    .filter(e -> e.getUid()
                            .map(u -> u.getValue().equals("order-" + id + "-meeting@samspil"))
                            .orElse(false))
                    .findFirst()
                    .orElseThrow();
            DtStart<?> start = event.getDateTimeStart();
            ZonedDateTime expected = meeting.atTime(16, 0).atZone(OrderFixtures.COPENHAGEN);
            assertThat(ZonedDateTime.from(start.getDate()).toInstant()).isEqualTo(expected.toInstant());
            assertThat(ics).contains("TZID=Europe/Copenhagen", "BEGIN:VTIMEZONE");
            assertThat(ZonedDateTime.from(event.getDateTimeEnd().getDate()).toInstant())
                    .isEqualTo(expected.plusMinutes(150).toInstant());
            assertThat(calendar.<VEvent>getComponents("VEVENT")).hasSizeGreaterThan(10);
        }
        int summerOffset = summer.atTime(16, 0)
                .atZone(OrderFixtures.COPENHAGEN)
                .getOffset()
                .getTotalSeconds();
        int winterOffset = winter.atTime(16, 0)
                .atZone(OrderFixtures.COPENHAGEN)
                .getOffset()
                .getTotalSeconds();
        assertThat(summerOffset - winterOffset).isEqualTo(3600);
    }

    /** RFC 5545: every TZID a property uses has its VTIMEZONE. Read with biweekly, a parser independent of ical4j. */
    @Test
    void calendarDefinesEveryTimeZoneItsEventsUse() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(14), "tzid@aarhus.example.dk");
        String order = mvc.perform(get("/bestillinger/" + id + "/kalender.ics").with(users.as("kommune")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String feedUrl =
                (String) mvc.perform(post("/kalender").with(users.as("kommune")).with(csrf()))
                        .andReturn()
                        .getFlashMap()
                        .get("feedUrl");
        String feed = mvc.perform(get(feedUrl.substring(feedUrl.indexOf("/kalender/feed/"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String ics : List.of(order, feed)) {
            java.util.Set<String> used = new java.util.TreeSet<>();
            java.util.regex.Matcher tzid =
                    java.util.regex.Pattern.compile(";TZID=([^:;\\r\\n]+)").matcher(ics);
            while (tzid.find()) {
                used.add(tzid.group(1));
            }
            assertThat(used).containsExactly("Europe/Copenhagen");
            List<List<biweekly.io.ParseWarning>> warnings = new java.util.ArrayList<>();
            biweekly.ICalendar calendar =
                    biweekly.Biweekly.parse(ics).warnings(warnings).first();
            java.util.Set<String> defined = new java.util.TreeSet<>();
            calendar.getTimezoneInfo()
                    .getComponents()
                    .forEach(zone -> defined.add(zone.getTimezoneId().getValue()));
            assertThat(defined).as("VTIMEZONEs").containsAll(used);
            assertThat(warnings.stream().flatMap(List::stream).toList())
                    .as("biweekly's warnings")
                    .isEmpty();
            biweekly.component.VEvent meeting = calendar.getEvents().stream()
                    .filter(e -> e.getUid().getValue().equals("order-" + id + "-meeting@samspil"))
                    .findFirst()
                    .orElseThrow();
            assertThat(calendar.getTimezoneInfo()
                            .getTimezone(meeting.getDateStart())
                            .getComponent()
                            .getTimezoneId()
                            .getValue())
                    .isEqualTo("Europe/Copenhagen");
        }
    }

    @Test
    void personalCalendarFeedWorksWithItsSecretLinkOnly() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(13), "feed@aarhus.example.dk");
        MvcResult created = mvc.perform(
                        post("/kalender").with(users.as("kommune")).with(csrf()))
                .andReturn();
        String url = (String) created.getFlashMap().get("feedUrl");
        String path = url.substring(url.indexOf("/kalender/feed/"));
        MvcResult feed = mvc.perform(get(path)).andReturn();
        assertThat(feed.getResponse().getContentType()).startsWith("text/calendar");
        assertThat(feed.getResponse().getContentAsString()).contains("order-" + id + "-meeting@samspil");
        assertThat(mvc.perform(get(path.replace(path.substring(15, 20), "AAAAA")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        String other = (String)
                mvc.perform(post("/kalender").with(users.as("kommune2")).with(csrf()))
                        .andReturn()
                        .getFlashMap()
                        .get("feedUrl");
        assertThat(mvc.perform(get(other.substring(other.indexOf("/kalender/feed/"))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("order-" + id + "-meeting@samspil");
    }

    @Test
    void aDeactivatedConsultantIsNoLongerRemindedOfTheProvidersTasks(@Autowired Orders orders) throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(12), "paamind@aarhus.example.dk");
        OrderView order = orders.find(id).orElseThrow();
        assertThat(orders.emailsOf(order, Party.PROVIDER)).contains("konsulent@example.dk");
        try {
            jdbc.sql("UPDATE app_user SET deactivated_at = now() WHERE username = 'konsulent'")
                    .update();
            assertThat(orders.emailsOf(order, Party.PROVIDER)).doesNotContain("konsulent@example.dk");
        } finally {
            jdbc.sql("UPDATE app_user SET deactivated_at = NULL WHERE username = 'konsulent'")
                    .update();
        }
    }

    @Test
    void aDeactivatedUsersCalendarFeedStopsAndComesBackWhenReactivated() throws Exception {
        String url = (String)
                mvc.perform(post("/kalender").with(users.as("kommune2")).with(csrf()))
                        .andReturn()
                        .getFlashMap()
                        .get("feedUrl");
        String path = url.substring(url.indexOf("/kalender/feed/"));
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(200);
        try {
            jdbc.sql("UPDATE app_user SET deactivated_at = now() WHERE username = 'kommune2'")
                    .update();
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
                    .isEqualTo(404);
        } finally {
            jdbc.sql("UPDATE app_user SET deactivated_at = NULL WHERE username = 'kommune2'")
                    .update();
        }
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void otherOrganisationsDoNotSeeTheOrder() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "adgang@aarhus.example.dk");
        for (String outsider : List.of("koordinator2", "kommune2", "midtkraft")) {
            String list = mvc.perform(get("/bestillinger").with(users.as(outsider)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(list).doesNotContain("/bestillinger/" + id + "\"");
            assertThat(mvc.perform(get("/bestillinger/" + id).with(users.as(outsider)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(404);
        }
        String queue = mvc.perform(get("/bestillinger").with(users.as("konsulent")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(queue).contains("/bestillinger/" + id + "\"");
    }

    private static MimeMessage awaitMail(String to, String subjectStart) {
        return TestMailServer.awaitMail(to, subjectStart);
    }

    private static List<MimeMessage> received(String to) {
        return TestMailServer.received(to);
    }

    private static String subject(MimeMessage message) {
        return TestMailServer.subject(message);
    }

    private static void purge() {
        TestMailServer.purge();
    }

    private static LocalDate nextDate(int month, int day) {
        LocalDate candidate = LocalDate.of(OrderFixtures.today().getYear(), month, day);
        while (candidate.isBefore(OrderFixtures.today().plusWeeks(9))) {
            candidate = candidate.plusYears(1);
        }
        return candidate;
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM package_order WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private LocalDate due(long id, String step) {
        return jdbc.sql("SELECT due_date FROM order_task WHERE order_id = ? AND step = ?")
                .params(id, step)
                .query(LocalDate.class)
                .single();
    }

    private String doneBy(long id, String step) {
        return jdbc.sql("SELECT done_by FROM order_task WHERE order_id = ? AND step = ?")
                .params(id, step)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private int orders() {
        return jdbc.sql("SELECT count(*) FROM package_order")
                .query(Integer.class)
                .single();
    }
}
