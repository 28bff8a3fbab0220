package dk.samspil.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.TestMailServer;
import dk.samspil.ordering.OrderViews.TaskView;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each package its own drejebog: MidtKraft's medicine package (seed 000) adds its planning group's tasks to the
 * steps every order has, due as the package says, moved with the meeting and reminded by their own title; KiAP's
 * acute package keeps the steps alone.
 */
@SamspilTest
class PackageDrejebogTests {

    private static final String START = "Gå i gang, og nedsæt en mødeplanlægningsgruppe";
    private static final String GOLD = "Mødeplanlægningsgruppen mødes og samler op på guldkorn fra mødet";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskReminders reminders;

    @Test
    void theMedicinePackagesOwnTasksStandOnItsOrdersDrejebog() throws Exception {
        LocalDate meeting = OrderFixtures.today().plusWeeks(20);
        long id = OrderFixtures.placeOrder(
                mvc,
                users,
                OrderFixtures.order("medicinhaandtering", meeting, "drejebog.medicin@aarhus.example.dk")
                        .param("electiveTopics", "pn-medicin", "haandkoebsmedicin-kosttilskud"));
        List<TaskView> own = packageTasks(id);
        assertThat(own).hasSize(4);
        assertThat(own.get(0).title()).startsWith(START);
        assertThat(own.get(0).due()).isEqualTo(meeting.minusWeeks(17));
        assertThat(own.get(0).owner()).isEqualTo(Party.CLUSTER);
        assertThat(own.get(3).title()).isEqualTo(GOLD);
        assertThat(own.get(3).due()).isEqualTo(meeting.plusWeeks(2));
        assertThat(orders.tasks(id)).hasSize(Timeline.steps().size() + 4);

        String page = mvc.perform(get("/bestillinger/" + id).with(users.as("koordinator")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(GOLD);

        // The meeting moves three weeks: so do the package's tasks.
        mvc.perform(post("/bestillinger/" + id + "/moededato")
                .param("meetingDate", meeting.plusWeeks(3).toString())
                .with(csrf())
                .with(users.as("koordinator")));
        assertThat(packageTasks(id).get(3).due()).isEqualTo(meeting.plusWeeks(5));

        // Reminded by its own title.
        LocalDate today = OrderFixtures.today();
        jdbc.sql("UPDATE order_task SET reminded_before_at = now(), reminded_overdue_at = now() WHERE order_id <> ?")
                .param(id)
                .update();
        jdbc.sql("UPDATE order_task SET reminded_before_at = now(), reminded_overdue_at = now() WHERE order_id = ?"
                        + " AND NOT (step = 'PACKAGE' AND position = 1)")
                .param(id)
                .update();
        jdbc.sql("UPDATE order_task SET due_date = ? WHERE order_id = ? AND step = 'PACKAGE' AND position = 1")
                .params(today.plusDays(1), id)
                .update();
        TestMailServer.greenMail().purgeEmailFromAllMailboxes();
        assertThat(reminders.remind(today)).isEqualTo(1);
        TestMailServer.awaitMail("anne.kjaer@example.dk", "Påmindelse: " + START);
        assertThat(reminders.remind(today)).as("once").isZero();
    }

    @Test
    void theAcutePackageKeepsTheStepsAlone() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "drejebog.akut@aarhus.example.dk");
        assertThat(packageTasks(id)).isEmpty();
        assertThat(orders.tasks(id)).hasSize(Timeline.steps().size());
    }

    private List<TaskView> packageTasks(long orderId) {
        return orders.tasks(orderId).stream()
                .filter(t -> t.step() == Timeline.Step.PACKAGE)
                .sorted(java.util.Comparator.comparing(TaskView::due))
                .toList();
    }
}
