package dk.samspil.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.ordering.Timeline.PlannedTask;
import dk.samspil.ordering.Timeline.Step;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TimelineTests {

    static final LocalDate ORDERED = LocalDate.of(2027, 1, 4);
    static final LocalDate CALLBACK = LocalDate.of(2027, 1, 6);
    static final LocalDate MEETING = LocalDate.of(2027, 3, 15);

    @Test
    void followsTheDrejebogsDeadlines() {
        Map<Step, LocalDate> due = plan(ORDERED, CALLBACK, MEETING);
        assertThat(due.get(Step.CALLBACK)).isEqualTo(CALLBACK);
        assertThat(due.get(Step.FINAL_DECK)).isEqualTo(MEETING.minusWeeks(2));
        assertThat(due.get(Step.PRE_MEETING)).isEqualTo(MEETING.minusWeeks(1));
        assertThat(due.get(Step.MEETING)).isEqualTo(MEETING);
        assertThat(due.get(Step.FOLLOW_UP_PACKAGE)).isEqualTo(MEETING.plusYears(1));
        assertThat(Timeline.plan(ORDERED, CALLBACK, MEETING))
                .hasSize(Timeline.steps().size());
    }

    @Test
    void everyStepBeforeTheMeetingComesInOrderAndNoneBeforeTheCallBack() {
        List<PlannedTask> tasks = Timeline.plan(ORDERED, CALLBACK, MEETING);
        for (PlannedTask task : tasks) {
            if (task.step().ordinal() < Step.MEETING.ordinal()) {
                assertThat(task.due()).isBetween(ORDERED, MEETING);
            }
        }
        assertThat(plan(ORDERED, CALLBACK, MEETING).get(Step.DATA_IN)).isBefore(MEETING.minusWeeks(2));
    }

    @Test
    void aLateOrderGetsNoDeadlinesBeforeTheCallBack() {
        LocalDate soon = CALLBACK.plusWeeks(4);
        Map<Step, LocalDate> due = plan(ORDERED, CALLBACK, soon);
        assertThat(due.get(Step.MEMBER_EMAILS)).isEqualTo(CALLBACK);
        assertThat(due.get(Step.FINAL_DECK)).isEqualTo(soon.minusWeeks(2));
    }

    @Test
    void ownersFollowTheSources() {
        assertThat(Step.CALLBACK.owner()).isEqualTo(Party.PROVIDER);
        assertThat(Step.FINAL_DECK.owner()).isEqualTo(Party.PROVIDER);
        assertThat(Step.PRE_MEETING.owner()).isEqualTo(Party.CLUSTER);
        assertThat(Step.KLU_AGENDA.owner()).isEqualTo(Party.MUNICIPALITY);
    }

    @Test
    void onlyLegalStatusTransitionsAreAllowed() {
        assertThat(OrderStatus.RECEIVED.canMoveTo(OrderStatus.CALLBACK_PLANNED)).isTrue();
        assertThat(OrderStatus.RECEIVED.canMoveTo(OrderStatus.DECK_READY)).isFalse();
        assertThat(OrderStatus.SURVEY_OPEN.canMoveTo(OrderStatus.RECEIVED)).isFalse();
        assertThat(OrderStatus.DECK_READY.canMoveTo(OrderStatus.CANCELLED)).isTrue();
        assertThat(OrderStatus.MEETING_HELD.canMoveTo(OrderStatus.CANCELLED)).isFalse();
        assertThat(OrderStatus.CANCELLED.canMoveTo(OrderStatus.RECEIVED)).isFalse();
        assertThat(OrderStatus.CLOSED.next()).isEmpty();
    }

    private static Map<Step, LocalDate> plan(LocalDate ordered, LocalDate callback, LocalDate meeting) {
        return Timeline.plan(ordered, callback, meeting).stream()
                .collect(Collectors.toMap(PlannedTask::step, PlannedTask::due));
    }
}
