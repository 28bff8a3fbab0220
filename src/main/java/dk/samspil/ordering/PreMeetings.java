package dk.samspil.ordering;

import dk.samspil.ordering.OrderViews.OrderView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pre-meeting (formøde) of an order, the drejebog's PRE_MEETING step made concrete: planning it moves the step
 * to its date, and writing what was agreed on or after its day ticks the step. The meeting page writes it; the
 * order page, the timeline and the calendars read it.
 */
@Service
public class PreMeetings {

    /** The pre-meeting as planned or held; {@code version} guards against overwriting someone else's save. */
    public record PreMeeting(
            LocalDate date,
            LocalTime start,
            LocalTime end,
            String place,
            String attendees,
            String notes,
            int version,
            String updatedBy,
            OffsetDateTime updatedAt) {

        public boolean held(LocalDate today) {
            return !notes.isBlank() && !date.isAfter(today);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PreMeetings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<PreMeeting> of(long orderId) {
        return jdbc.sql("SELECT * FROM order_pre_meeting WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> new PreMeeting(
                        rs.getObject("held_on", LocalDate.class),
                        rs.getObject("starts_at", LocalTime.class),
                        rs.getObject("ends_at", LocalTime.class),
                        rs.getString("place"),
                        rs.getString("attendees"),
                        rs.getString("notes"),
                        rs.getInt("version"),
                        rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Saves the pre-meeting unless someone else saved it since {@code version} was read (-1 when there was none).
     * The fields are checked by the form; the date is the step's due date from now on.
     *
     * @return false when the save came too late
     */
    @Transactional
    public boolean save(OrderView order, PreMeeting draft, int version, String by) {
        int changed = version < 0
                ? jdbc.sql("""
                                INSERT INTO order_pre_meeting (order_id, held_on, starts_at, ends_at, place, attendees, notes, updated_by)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                order.id(),
                                draft.date(),
                                draft.start(),
                                draft.end(),
                                draft.place(),
                                draft.attendees(),
                                draft.notes(),
                                by)
                        .update()
                : jdbc.sql("""
                                UPDATE order_pre_meeting SET held_on = ?, starts_at = ?, ends_at = ?, place = ?, attendees = ?,
                                    notes = ?, version = version + 1, updated_by = ?, updated_at = now()
                                WHERE order_id = ? AND version = ?""")
                        .params(
                                draft.date(),
                                draft.start(),
                                draft.end(),
                                draft.place(),
                                draft.attendees(),
                                draft.notes(),
                                by,
                                order.id(),
                                version)
                        .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("UPDATE order_task SET due_date = ? WHERE order_id = ? AND step = ? AND done_at IS NULL")
                .params(draft.date(), order.id(), Timeline.Step.PRE_MEETING.name())
                .update();
        if (draft.held(LocalDate.now(clock.withZone(Ordering.COPENHAGEN)))) {
            jdbc.sql(
                            "UPDATE order_task SET done_at = now(), done_by = ? WHERE order_id = ? AND step = ? AND done_at IS NULL")
                    .params(by, order.id(), Timeline.Step.PRE_MEETING.name())
                    .update();
        }
        return true;
    }
}
