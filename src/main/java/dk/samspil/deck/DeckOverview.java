package dk.samspil.deck;

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

    private final JdbcClient jdbc;

    DeckOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By order id; every asked order is in the map. */
    public Map<Long, State> of(Collection<Long> orderIds) {
        Map<Long, State> states = new HashMap<>();
        orderIds.forEach(id -> states.put(id, NONE));
        if (orderIds.isEmpty()) {
            return states;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (order_id) order_id, status, version,
                               max(sent_at) OVER (PARTITION BY order_id) AS last_sent
                        FROM deck_version WHERE order_id = ANY (?) ORDER BY order_id, version DESC""")
                .param(orderIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    OffsetDateTime sent = rs.getObject(4, OffsetDateTime.class);
                    String status = rs.getString(2);
                    Stage stage = sent != null && !"PENDING".equals(status) ? Stage.SENT : Stage.valueOf(status);
                    return states.put(rs.getLong(1), new State(stage, rs.getInt(3), sent));
                })
                .list();
        return states;
    }
}
