package dk.samspil.pko;

import dk.samspil.pko.PkoEveningMeetings.EveningMeeting;
import dk.samspil.pko.PkoEveningMeetings.Format;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practical side of an evening meeting (seed 003): the checklist with which the coordinator books "lokale og
 * forplejning i samarbejde med en administrativ medarbejder på hospitalet" and sends the invitation; the hospital
 * consultants' answers to whether they come ("Det forventes, at hospitalspraksiskonsulenterne deltager"); and the note
 * of a grant application to Fonden for Almen Praksis. Every change names the version it was read at and is refused
 * when the row has changed since.
 */
@Service
class PkoEveningLogistics {

    /** The checklist's default items, with their owner and how many weeks before the meeting they are due. */
    enum DefaultTask {
        ROOM(8, true, true),
        AV(4, true, true),
        LINK(4, false, false),
        INVITATION(4, false, null),
        TALKS(1, false, null),
        CATERING(2, true, true);

        final int weeksBefore;
        final boolean administrative;
        /** For a stormøde only (true), a virtual meeting only (false), or both (null). */
        final Boolean large;

        DefaultTask(int weeksBefore, boolean administrative, Boolean large) {
            this.weeksBefore = weeksBefore;
            this.administrative = administrative;
            this.large = large;
        }

        boolean fits(Format format) {
            return large == null || large == (format == Format.LARGE);
        }
    }

    enum GrantStatus {
        PLANNED,
        APPLIED,
        GRANTED,
        REFUSED
    }

    /** What became of a change: done, refused because the row changed since it was read, or no such row. */
    enum Change {
        DONE,
        STALE,
        MISSING
    }

    record Task(
            long id,
            String text,
            String owner,
            LocalDate due,
            OffsetDateTime doneAt,
            String doneBy,
            int version,
            boolean overdue) {

        public boolean done() {
            return doneAt != null;
        }
    }

    /** A hospital consultant of the unit and their answer: true, false, or null while they have not answered. */
    record Answer(long personId, String name, Boolean attending, OffsetDateTime answeredAt) {}

    record Grant(
            GrantStatus status, LocalDate appliedOn, BigDecimal amount, String note, int version, String updatedBy) {

        /** "25.000 kr." (Danish grouping), or none. */
        public String amountText() {
            if (amount == null) {
                return null;
            }
            NumberFormat format = NumberFormat.getNumberInstance(DANISH);
            format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
            format.setMaximumFractionDigits(2);
            return format.format(amount);
        }
    }

    /** What the coordinator wrote of the application. */
    record GrantDraft(GrantStatus status, LocalDate appliedOn, BigDecimal amount, String note) {}

    static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    PkoEveningLogistics(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PkoMeetings.COPENHAGEN));
    }

    // --- the checklist ---

    List<Task> tasks(long eveningId) {
        LocalDate today = today();
        return jdbc.sql("""
                        SELECT id, text, owner, due_on, done_at, done_by, version FROM pko_evening_task
                        WHERE evening_meeting_id = ? ORDER BY due_on, id""")
                .param(eveningId)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    OffsetDateTime doneAt = rs.getObject("done_at", OffsetDateTime.class);
                    return new Task(
                            rs.getLong("id"),
                            rs.getString("text"),
                            rs.getString("owner"),
                            due,
                            doneAt,
                            rs.getString("done_by"),
                            rs.getInt("version"),
                            doneAt == null && due.isBefore(today));
                })
                .list();
    }

    /**
     * Puts the default items on the checklist of a meeting that has none (one planned before the checklist existed,
     * or whose items were all removed), each due its weeks before the meeting but never before today. False when the
     * checklist had items (two writers at once add them once: the meeting's row is locked first).
     */
    @Transactional
    boolean addDefaults(EveningMeeting evening, String by) {
        jdbc.sql("SELECT id FROM pko_evening_meeting WHERE id = ? FOR UPDATE")
                .param(evening.id())
                .query(Long.class)
                .optional();
        int existing = jdbc.sql("SELECT count(*) FROM pko_evening_task WHERE evening_meeting_id = ?")
                .param(evening.id())
                .query(Integer.class)
                .single();
        if (existing > 0) {
            return false;
        }
        LocalDate today = today();
        for (DefaultTask task : DefaultTask.values()) {
            if (!task.fits(evening.format())) {
                continue;
            }
            LocalDate due = evening.date().minusWeeks(task.weeksBefore);
            addTask(
                    evening.id(),
                    text("pko.evening.task.default." + task.name()),
                    text(
                            task.administrative
                                    ? "pko.evening.task.owner.administrative"
                                    : "pko.evening.task.owner.coordinator"),
                    due.isBefore(today) ? today : due,
                    by);
        }
        return true;
    }

    void addTask(long eveningId, String text, String owner, LocalDate due, String by) {
        jdbc.sql("""
                        INSERT INTO pko_evening_task (evening_meeting_id, text, owner, due_on, created_by)
                        VALUES (?, ?, ?, ?, ?)""").params(eveningId, text, owner, due, by).update();
    }

    /** Ticks an item done (by whom, now) or not done again, unless it changed since {@code version} was read. */
    @Transactional
    Change tick(long eveningId, long taskId, int version, boolean done, String by) {
        int updated =
                jdbc.sql("""
                        UPDATE pko_evening_task SET done_at = CASE WHEN ? THEN now() END, done_by = CASE WHEN ? THEN ? END,
                            version = version + 1
                        WHERE id = ? AND evening_meeting_id = ? AND version = ?""").params(done, done, by, taskId, eveningId, version).update();
        return updated > 0 ? Change.DONE : missingOrStale(eveningId, taskId);
    }

    /** Removes an item unless it changed since {@code version} was read. */
    @Transactional
    Change remove(long eveningId, long taskId, int version) {
        int removed = jdbc.sql("DELETE FROM pko_evening_task WHERE id = ? AND evening_meeting_id = ? AND version = ?")
                .params(taskId, eveningId, version)
                .update();
        return removed > 0 ? Change.DONE : missingOrStale(eveningId, taskId);
    }

    private Change missingOrStale(long eveningId, long taskId) {
        return jdbc.sql("SELECT count(*) FROM pko_evening_task WHERE id = ? AND evening_meeting_id = ?")
                                .params(taskId, eveningId)
                                .query(Integer.class)
                                .single()
                        > 0
                ? Change.STALE
                : Change.MISSING;
    }

    // --- the hospital consultants' attendance ---

    /** The unit's active hospital consultants (attached to one of its departments now), each with their answer. */
    List<Answer> answers(EveningMeeting evening) {
        return jdbc.sql("""
                        SELECT p.id, p.name, a.attending, a.answered_at
                        FROM pko_person p LEFT JOIN pko_evening_attendance a
                            ON a.person_id = p.id AND a.evening_meeting_id = ?
                        WHERE p.kind = 'CONSULTANT' AND p.active AND p.region_code = ? AND EXISTS (
                            SELECT 1 FROM pko_attachment t JOIN pko_department d ON d.id = t.department_id
                            WHERE t.person_id = p.id AND d.hospital_unit_id = ?
                              AND (t.ends_on IS NULL OR t.ends_on >= current_date))
                        ORDER BY p.name, p.id""")
                .params(evening.id(), evening.regionCode(), evening.unitId())
                .query((rs, n) -> new Answer(
                        rs.getLong("id"),
                        rs.getString("name"),
                        (Boolean) rs.getObject("attending"),
                        rs.getObject("answered_at", OffsetDateTime.class)))
                .list();
    }

    /** A consultant's own answer; a later answer replaces the earlier. */
    @Transactional
    void answer(long eveningId, long personId, boolean attending) {
        jdbc.sql("""
                        INSERT INTO pko_evening_attendance (evening_meeting_id, person_id, attending) VALUES (?, ?, ?)
                        ON CONFLICT (evening_meeting_id, person_id)
                        DO UPDATE SET attending = EXCLUDED.attending, answered_at = now()""").params(eveningId, personId, attending).update();
    }

    // --- the grant from Fonden for Almen Praksis ---

    Optional<Grant> grant(long eveningId) {
        return jdbc.sql("""
                        SELECT status, applied_on, amount, note, version, updated_by FROM pko_evening_grant
                        WHERE evening_meeting_id = ?""")
                .param(eveningId)
                .query((rs, n) -> new Grant(
                        GrantStatus.valueOf(rs.getString("status")),
                        rs.getObject("applied_on", LocalDate.class),
                        rs.getBigDecimal("amount"),
                        rs.getString("note"),
                        rs.getInt("version"),
                        rs.getString("updated_by")))
                .optional();
    }

    /**
     * Saves the note of the application unless someone saved it since {@code version} was read (0 before the first
     * save); false then.
     */
    @Transactional
    boolean saveGrant(long eveningId, GrantDraft draft, int version, String by) {
        if (version == 0) {
            return jdbc.sql("""
                                    INSERT INTO pko_evening_grant (evening_meeting_id, status, applied_on, amount, note,
                                        version, updated_by)
                                    VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT (evening_meeting_id) DO NOTHING""")
                            .params(
                                    eveningId,
                                    draft.status().name(),
                                    draft.appliedOn(),
                                    draft.amount(),
                                    draft.note(),
                                    by)
                            .update()
                    > 0;
        }
        return jdbc.sql("""
                                UPDATE pko_evening_grant SET status = ?, applied_on = ?, amount = ?, note = ?,
                                    version = version + 1, updated_by = ?, updated_at = now()
                                WHERE evening_meeting_id = ? AND version = ?""")
                        .params(
                                draft.status().name(),
                                draft.appliedOn(),
                                draft.amount(),
                                draft.note(),
                                by,
                                eveningId,
                                version)
                        .update()
                > 0;
    }

    private String text(String key) {
        return messages.getMessage(key, null, DANISH);
    }
}
