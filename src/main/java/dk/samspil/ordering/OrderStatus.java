package dk.samspil.ordering;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The states of an order (PRODUCT.md §4) and the only transitions between them. */
public enum OrderStatus {
    RECEIVED,
    CALLBACK_PLANNED,
    IN_PREPARATION,
    SURVEY_OPEN,
    SURVEY_CLOSED,
    DECK_READY,
    MEETING_HELD,
    FOLLOW_UP,
    CLOSED,
    CANCELLED;

    private static final Map<OrderStatus, OrderStatus> NEXT = Map.of(
            RECEIVED, CALLBACK_PLANNED,
            CALLBACK_PLANNED, IN_PREPARATION,
            IN_PREPARATION, SURVEY_OPEN,
            SURVEY_OPEN, SURVEY_CLOSED,
            SURVEY_CLOSED, DECK_READY,
            DECK_READY, MEETING_HELD,
            MEETING_HELD, FOLLOW_UP,
            FOLLOW_UP, CLOSED);

    /** The ordinary path from received to closed, in order (the order page shows where an order is on it). */
    public static final List<OrderStatus> PATH = List.of(
            RECEIVED,
            CALLBACK_PLANNED,
            IN_PREPARATION,
            SURVEY_OPEN,
            SURVEY_CLOSED,
            DECK_READY,
            MEETING_HELD,
            FOLLOW_UP,
            CLOSED);

    private static final Set<OrderStatus> CANCELLABLE =
            EnumSet.of(RECEIVED, CALLBACK_PLANNED, IN_PREPARATION, SURVEY_OPEN, SURVEY_CLOSED, DECK_READY);

    /** The next state on the ordinary path, if any. */
    public Optional<OrderStatus> next() {
        return Optional.ofNullable(NEXT.get(this));
    }

    public boolean canMoveTo(OrderStatus target) {
        if (target == CANCELLED) {
            return CANCELLABLE.contains(this);
        }
        // A recorded call-back may skip the "planned" state.
        if (this == RECEIVED && target == IN_PREPARATION) {
            return true;
        }
        return NEXT.get(this) == target;
    }

    public boolean open() {
        return this != CLOSED && this != CANCELLED;
    }
}
