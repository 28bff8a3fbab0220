package dk.samspil.start;

import dk.samspil.deck.DeckOverview;
import dk.samspil.ordering.OrderViews.OrderLine;
import dk.samspil.ordering.OrderViews.TaskView;
import dk.samspil.ordering.Orders;
import dk.samspil.ordering.Party;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import dk.samspil.survey.SurveyOverview;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The orders of a start page, each with its next tasks, response rate and deck, read from the owning modules. */
@Service
class StartPages {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final Orders orders;
    private final SurveyOverview surveys;
    private final DeckOverview decks;
    private final Clock clock;

    StartPages(Orders orders, SurveyOverview surveys, DeckOverview decks, Clock clock) {
        this.orders = orders;
        this.surveys = surveys;
        this.decks = decks;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(COPENHAGEN));
    }

    /** Every order the user may see, as start-page rows (unsorted). */
    List<OrderRow> rows(SamspilPrincipal user) {
        List<OrderLine> lines = orders.visibleTo(user, today());
        List<Long> ids = lines.stream().map(OrderLine::id).toList();
        Map<Long, List<TaskView>> open =
                orders.openTasks(ids).stream().collect(Collectors.groupingBy(TaskView::orderId));
        Map<Long, SurveyOverview.Progress> progress = surveys.of(ids);
        Map<Long, DeckOverview.State> deck = decks.of(ids);
        Party own = ownSide(user);
        return lines.stream()
                .map(line -> {
                    List<TaskView> tasks = open.getOrDefault(line.id(), List.of());
                    TaskView next = tasks.isEmpty() ? null : tasks.get(0);
                    TaskView mine = own == null
                            ? null
                            : tasks.stream()
                                    .filter(t -> t.owner() == own)
                                    .findFirst()
                                    .orElse(null);
                    return new OrderRow(line, next, mine, progress.get(line.id()), deck.get(line.id()));
                })
                .toList();
    }

    /** The side whose tasks are the user's own (none for the administrator). */
    static Party ownSide(SamspilPrincipal user) {
        return Party.of(user);
    }

    static boolean seesOrders(SamspilPrincipal user) {
        return !user.role().isPko() && user.role() != Role.EDITOR;
    }
}
