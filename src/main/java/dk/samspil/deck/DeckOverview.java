package dk.samspil.deck;

import dk.samspil.office.DocumentVersions;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where many orders' decks are, at once, for the start pages: the newest version's state and the last sending. */
@Service
public class DeckOverview {

    /** NONE: no version yet; PENDING: being made; READY: made, not sent; FAILED: the newest failed; SENT: a version was sent. */
    public enum Stage {
        NONE,
        PENDING,
        READY,
        FAILED,
        SENT
    }

    public record State(Stage stage, int version, OffsetDateTime sentAt) {}

    private static final State NONE = new State(Stage.NONE, 0, null);

    private final DocumentVersions store;

    DeckOverview(JdbcClient jdbc) {
        this.store = new DocumentVersions(jdbc, Decks.KIND);
    }

    /** By order id; every asked order is in the map. */
    public Map<Long, State> of(Collection<Long> orderIds) {
        Map<Long, State> states = new HashMap<>();
        orderIds.forEach(id -> states.put(id, NONE));
        store.latest(orderIds).forEach((order, latest) -> {
            Stage stage = latest.lastSent() != null && latest.status() != DocumentVersions.Status.PENDING
                    ? Stage.SENT
                    : Stage.valueOf(latest.status().name());
            states.put(order, new State(stage, latest.version(), latest.lastSent()));
        });
        return states;
    }
}
