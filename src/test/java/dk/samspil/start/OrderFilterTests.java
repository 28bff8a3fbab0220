package dk.samspil.start;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.deck.DeckOverview;
import dk.samspil.ordering.OrderStatus;
import dk.samspil.ordering.OrderViews.MunicipalityRef;
import dk.samspil.ordering.OrderViews.OrderLine;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.ordering.Party;
import dk.samspil.ordering.Timeline;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consultant's orders: what needs doing now comes first, and each filter narrows the list. */
class OrderFilterTests {

    static final LocalDate TODAY = LocalDate.of(2027, 1, 10);

    final OrderRow overdue = row(
            1, "Vestklyngen", "0657", "Herning", OrderStatus.SURVEY_OPEN, TODAY.plusWeeks(6), TODAY.minusDays(3), 2);
    final OrderRow dueSoon = row(
            2, "Demoklyngen", "0751", "Aarhus", OrderStatus.IN_PREPARATION, TODAY.plusWeeks(3), TODAY.plusDays(1), 0);
    final OrderRow later =
            row(3, "Aaklyngen", "0751", "Aarhus", OrderStatus.RECEIVED, TODAY.plusWeeks(2), TODAY.plusDays(9), 0);
    final OrderRow cancelled =
            row(4, "Bakkeklyngen", "0751", "Aarhus", OrderStatus.CANCELLED, TODAY.plusWeeks(1), TODAY.minusDays(20), 5);
    final List<OrderRow> rows = List.of(later, cancelled, dueSoon, overdue);

    @Test
    void whatNeedsDoingNowComesFirstAndCancelledOrdersLast() {
        OrderFilter filter = new OrderFilter(null, null, null, null, null, null);
        assertThat(rows.stream().sorted(filter.order()).map(r -> r.line().id())).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void sortsByMeetingDateOrClusterWhenAsked() {
        assertThat(rows.stream()
                        .sorted(new OrderFilter(null, null, null, null, null, "moede").order())
                        .map(r -> r.line().id()))
                .containsExactly(4L, 3L, 2L, 1L);
        assertThat(rows.stream()
                        .sorted(new OrderFilter(null, null, null, null, null, "klynge").order())
                        .map(r -> r.line().id()))
                .containsExactly(3L, 4L, 2L, 1L);
    }

    @Test
    void searchesTextAndFiltersByStatusClusterMunicipalityAndMeetingMonth() {
        assertThat(matching(new OrderFilter("  demo ", null, null, null, null, null)))
                .containsExactly(2L);
        assertThat(matching(new OrderFilter("herning", null, null, null, null, null)))
                .containsExactly(1L);
        assertThat(matching(new OrderFilter(null, "RECEIVED", null, null, null, null)))
                .containsExactly(3L);
        assertThat(matching(new OrderFilter(null, null, 11L, null, null, null))).containsExactly(1L);
        assertThat(matching(new OrderFilter(null, null, null, "0751", null, null)))
                .containsExactly(3L, 4L, 2L);
        assertThat(matching(new OrderFilter(
                        null, null, null, null, TODAY.plusWeeks(3).toString().substring(0, 7), null)))
                .contains(2L)
                .doesNotContain(1L);
        assertThat(matching(new OrderFilter(null, null, null, null, "ikke-en-måned", "ukendt")))
                .hasSize(4);
    }

    private List<Long> matching(OrderFilter filter) {
        return rows.stream().filter(filter::matches).map(r -> r.line().id()).toList();
    }

    private static OrderRow row(
            long id,
            String cluster,
            String code,
            String municipality,
            OrderStatus status,
            LocalDate meeting,
            LocalDate nextDue,
            int overdueTasks) {
        OrderLine line = new OrderLine(
                id,
                "Almen praksis' samarbejde med kommunale akutfunktioner",
                cluster,
                municipality,
                meeting,
                status,
                null,
                overdueTasks,
                10 + id,
                List.of(new MunicipalityRef(code, municipality)));
        TaskView next =
                new TaskView(100 + id, id, Timeline.Step.MEMBER_EMAILS, Party.CLUSTER, nextDue, null, null, null);
        return new OrderRow(line, next, next, null, new DeckOverview.State(DeckOverview.Stage.NONE, 0, null));
    }
}
