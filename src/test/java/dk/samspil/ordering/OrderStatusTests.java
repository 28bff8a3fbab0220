package dk.samspil.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.platform.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The order's status follows what happened on its path, the drejebog ticks itself, and a change by hand needs a reason. */
@SamspilTest
class OrderStatusTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderProgress progress;

    @Autowired
    StatusChanges statuses;

    @Test
    void statusFollowsTheSurveyTheDeckAndTheMinutesEvenWhenNobodyClosedTheSurvey() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "drift@aarhus.example.dk");
        progress.surveyOpened(id, "Karin Konsulent (KiAP)");
        assertThat(status(id)).isEqualTo("SURVEY_OPEN");
        progress.deckSent(id, "Karin Konsulent (KiAP)");
        assertThat(status(id)).as("deck sent while the survey was still open").isEqualTo("DECK_READY");
        progress.surveyClosed(id, "Samspil");
        assertThat(status(id)).as("never back").isEqualTo("DECK_READY");
        progress.meetingHeld(id, "Anne Kjær");
        assertThat(status(id)).isEqualTo("MEETING_HELD");
        assertThat(done(id, "SURVEY_OPEN")).isTrue();
        assertThat(done(id, "FINAL_DECK")).isTrue();
        assertThat(done(id, "MEETING")).isTrue();
        assertThat(statuses.of(id))
                .extracting(StatusChanges.Change::to)
                .containsExactly(OrderStatus.MEETING_HELD, OrderStatus.DECK_READY, OrderStatus.SURVEY_OPEN);
    }

    @Test
    void theDrejebogTicksDataInCommentsClosedAndFollowUpOrderedByItself() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "flueben@aarhus.example.dk");
        mvc.perform(post("/bestillinger/" + id + "/spoergeskema/frys")
                .with(users.as("konsulent"))
                .with(csrf()));
        assertThat(done(id, "QUESTIONNAIRE_COMMENTS"))
                .as("comments close at freeze")
                .isTrue();

        progress.serviceDataImported(List.of("9999"), "Karin Konsulent (KiAP)");
        assertThat(done(id, "DATA_IN")).as("another service code").isFalse();
        progress.serviceDataImported(List.of("0124"), "Karin Konsulent (KiAP)");
        assertThat(done(id, "DATA_IN")).isTrue();

        progress.meetingHeld(id, "Anne Kjær");
        mvc.perform(post("/bestillinger/" + id + "/opfoelgning")
                .with(users.as("koordinator"))
                .with(csrf()));
        assertThat(done(id, "FOLLOW_UP_PACKAGE")).isTrue();
        assertThat(status(id)).isEqualTo("FOLLOW_UP");
    }

    @Test
    void aChangeByHandNeedsAReasonAndIsKept() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "haand@aarhus.example.dk");
        MvcResult noReason = mvc.perform(post("/bestillinger/" + id + "/status")
                        .with(users.as("konsulent"))
                        .with(csrf())
                        .param("target", "MEETING_HELD"))
                .andReturn();
        assertThat(noReason.getFlashMap().get("error")).isEqualTo("order.status.reasonRequired");
        assertThat(status(id)).isEqualTo("RECEIVED");

        mvc.perform(post("/bestillinger/" + id + "/status")
                .with(users.as("konsulent"))
                .with(csrf())
                .param("target", "MEETING_HELD")
                .param("reason", "Mødet blev holdt uden Samspil"));
        assertThat(status(id)).isEqualTo("MEETING_HELD");
        assertThat(statuses.of(id).get(0).reason()).isEqualTo("Mødet blev holdt uden Samspil");
        assertThat(statuses.of(id).get(0).by()).isEqualTo("Karin Konsulent (KiAP)");
    }

    @Test
    void aStatusWriteFromAStaleStateIsRefusedInDanish() throws Exception {
        long id = OrderFixtures.placeAcuteOrder(
                mvc, users, OrderFixtures.today().plusWeeks(10), "samtidig@aarhus.example.dk");
        jdbc.sql("UPDATE package_order SET status = 'IN_PREPARATION' WHERE id = ?")
                .param(id)
                .update();
        assertThat(statuses.tryChange(id, OrderStatus.RECEIVED, OrderStatus.SURVEY_OPEN, "x", null))
                .isFalse();
        assertThatThrownBy(() -> statuses.change(id, OrderStatus.RECEIVED, OrderStatus.CANCELLED, "x", "grund"))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("order.status.changedMeanwhile");
        assertThat(status(id)).isEqualTo("IN_PREPARATION");
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM package_order WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private boolean done(long id, String step) {
        return jdbc.sql("SELECT done_at IS NOT NULL FROM order_task WHERE order_id = ? AND step = ?")
                .params(id, step)
                .query(Boolean.class)
                .single();
    }
}
