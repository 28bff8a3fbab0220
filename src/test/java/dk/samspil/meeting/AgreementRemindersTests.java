package dk.samspil.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.ordering.Party;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Owners are reminded before an agreement's due date and once when it has passed; done agreements are left alone. */
@SamspilTest
class AgreementRemindersTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    Meetings meetings;

    @Autowired
    AgreementReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Test
    void beforeTheDueDateAndOnceOverdueToTheOwningSide() throws Exception {
        long order = OrderFixtures.placeOrder(
                mvc, users, "dosisdispensering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
        LocalDate today = LocalDate.of(2031, 3, 10);
        long soon = meetings.addAgreement(
                meetings.idOf(MeetingOwner.order(order)),
                new Meetings.AgreementDraft(
                        "Kommunen sender kontaktlisten for æøå-teamet",
                        "",
                        Party.MUNICIPALITY,
                        today.plusDays(1),
                        null),
                "koordinator");
        long late = meetings.addAgreement(
                meetings.idOf(MeetingOwner.order(order)),
                new Meetings.AgreementDraft("Pilotprojekt med to læger", "Dr. Hansen", null, today.minusDays(3), null),
                "koordinator");
        long done = meetings.addAgreement(
                meetings.idOf(MeetingOwner.order(order)),
                new Meetings.AgreementDraft("Punkt på KLU-mødet", "", Party.CLUSTER, today.minusDays(1), null),
                "koordinator");
        meetings.changeStatus(
                meetings.idOf(MeetingOwner.order(order)),
                done,
                AgreementStatus.AGREED,
                AgreementStatus.DONE,
                null,
                "koordinator");
        TestMailServer.purge();

        assertThat(reminders.remind(today)).isGreaterThanOrEqualTo(2);
        // Other tests' agreements (due in real time) are overdue on this far-future day too: find ours by their text.
        String due = mail(
                "kommune@example.dk",
                "Påmindelse: aftale med frist 11.03.2031",
                "Kommunen sender kontaktlisten for æøå-teamet");
        assertThat(due).contains("/bestillinger/" + order + "/moede");
        String overdue = mail("anne.kjaer@example.dk", "Aftalen har passeret sin frist", "Pilotprojekt med to læger");
        assertThat(overdue)
                .as("a person-only agreement reminds the coordinator")
                .contains("Dr. Hansen");
        assertThat(TestMailServer.received("anne.kjaer@example.dk"))
                .noneMatch(m -> TestMailServer.text(m).contains("Punkt på KLU-mødet"));

        assertThat(reminders.remind(today)).as("each reminder once").isZero();
        assertThat(soon).isNotEqualTo(late);
    }

    @Test
    void aCancelledOrdersAgreementsAreNotReminded() throws Exception {
        long order = OrderFixtures.placeOrder(
                mvc, users, "dosisdispensering", OrderFixtures.today().plusWeeks(14), "kommune@example.dk");
        LocalDate today = LocalDate.of(2032, 5, 10);
        meetings.addAgreement(
                meetings.idOf(MeetingOwner.order(order)),
                new Meetings.AgreementDraft(
                        "Aflyst møde, aftale uden påmindelse", "", Party.CLUSTER, today.minusDays(2), null),
                "koordinator");
        mvc.perform(post("/bestillinger/" + order + "/aflys")
                .with(users.as("koordinator"))
                .with(csrf())
                .param("reason", "Sygdom"));
        TestMailServer.purge();

        reminders.remind(today);
        // A reminder is queued in the outbox within remind's own transaction: none is there for this agreement.
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE body LIKE ?")
                        .param("%Aflyst møde, aftale uden påmindelse%")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT status FROM package_order WHERE id = ?")
                        .param(order)
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
    }

    private static String mail(String to, String subjectStart, String containing) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(
                        () -> TestMailServer.received(to).stream()
                                .filter(m -> TestMailServer.subject(m).startsWith(subjectStart))
                                .map(TestMailServer::text)
                                .filter(t -> t.contains(containing))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }
}
