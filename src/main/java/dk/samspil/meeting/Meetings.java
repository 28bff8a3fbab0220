package dk.samspil.meeting;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.ItemKind;
import dk.samspil.catalog.PackageDefinition.ScheduledItem;
import dk.samspil.directory.Directory;
import dk.samspil.directory.Views.MemberView;
import dk.samspil.directory.Views.ProviderView;
import dk.samspil.ordering.OrderPackage;
import dk.samspil.ordering.OrderViews.OrderView;
import dk.samspil.ordering.OrderViews.ParticipantView;
import dk.samspil.ordering.Orders;
import dk.samspil.ordering.Party;
import dk.samspil.ordering.PreMeetings;
import dk.samspil.ordering.PreMeetings.PreMeeting;
import dk.samspil.platform.RuleViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is written during an order's meeting. Every item is saved on its own (roles, each block, each parking-lot
 * item, each agreement), so two people writing different items never get in each other's way; two people saving
 * the same item are told apart by its version, and the later save is refused rather than overwriting the earlier.
 */
@Service
public class Meetings {

    /**
     * @param order the package order whose meeting this is; null for a hosted meeting
     * @param ownAgenda whether the agenda is the meeting's own (written on its page) rather than a package's programme
     */
    public record MeetingView(
            long id,
            Heading heading,
            boolean ownAgenda,
            OrderView order,
            Roles roles,
            List<BlockView> blocks,
            List<ParkingItem> parking,
            List<AgreementView> agreements,
            List<String> actionTypes,
            Attendance attendance,
            Optional<PreMeeting> preMeeting) {}

    /** Who could take part (the coordinator, the cluster's members, the municipal participants, the consultant) and who did. */
    public record Attendance(List<Attendee> people, String others, int version) {
        public List<Attendee> present() {
            return people.stream().filter(Attendee::present).toList();
        }
    }

    public record Attendee(String key, String name, String organisation, String email, boolean present) {}

    /** What the meeting is, as its page and its referat head it; a hosted meeting's sections come after its facts. */
    public record Heading(
            String title,
            LocalDate date,
            LocalTime start,
            String place,
            List<MeetingHost.Fact> facts,
            String backHref,
            String backLabel,
            List<MeetingHost.Section> sections) {}

    public record Roles(String chair, String referent, String presenters, int version) {}

    public record BlockView(
            int position,
            String title,
            boolean pause,
            LocalTime plannedFrom,
            LocalTime plannedTo,
            LocalTime actualStart,
            LocalTime actualEnd,
            String notes,
            int version,
            String speaker) {}

    public record ParkingItem(long id, String text, String owner, String createdBy) {}

    public record AgreementView(
            long id,
            String what,
            String ownerPerson,
            Party ownerParty,
            LocalDate due,
            String actionType,
            AgreementStatus status,
            int version,
            List<HistoryEntry> history) {}

    public record HistoryEntry(String by, OffsetDateTime at, AgreementStatus from, AgreementStatus to, String reason) {}

    /** An agreement as written: who is a person, a party or both. */
    public record AgreementDraft(String what, String ownerPerson, Party ownerParty, LocalDate due, String actionType) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Directory directory;
    private final PreMeetings preMeetings;
    private final MessageSource messages;
    private final Orders orders;
    private final ObjectProvider<MeetingHost> hosts;

    Meetings(
            JdbcClient jdbc,
            Catalog catalog,
            Directory directory,
            PreMeetings preMeetings,
            MessageSource messages,
            Orders orders,
            ObjectProvider<MeetingHost> hosts) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.directory = directory;
        this.preMeetings = preMeetings;
        this.messages = messages;
        this.orders = orders;
        this.hosts = hosts;
    }

    /** The module that answers for meetings of this owner kind (none for an order's meeting, or an unknown kind). */
    public Optional<MeetingHost> host(String kind) {
        return hosts.orderedStream().filter(h -> h.kind().equals(kind)).findFirst();
    }

    /** The addresses (lower case) of a hosted meeting's people who sign in to Samspil. */
    public Set<String> accountEmails(long meetingId) {
        return owner(meetingId)
                .flatMap(owner -> host(owner.kind()).flatMap(h -> h.meeting(owner.id())))
                .map(hosted -> hosted.people().stream()
                        .filter(MeetingHost.Person::account)
                        .map(MeetingHost.Person::email)
                        .filter(e -> e != null && !e.isBlank())
                        .map(e -> e.strip().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    /** The meeting with this id as it stands, whoever owns it; empty when it or its owner is gone. */
    public Optional<MeetingView> meeting(long meetingId) {
        return owner(meetingId)
                .flatMap(owner -> owner.isOrder()
                        ? orders.find(owner.id()).map(this::meeting)
                        : host(owner.kind())
                                .flatMap(h -> h.meeting(owner.id()))
                                .map(hosted -> meeting(meetingId, hosted)));
    }

    /**
     * The id of the owner's meeting, made the first time it is asked for. Two statements, not one: two first askers at
     * once both get the meeting the first of them made (the second's insert waits for the first's commit, and only a
     * statement after it sees that row).
     */
    @Transactional
    public long idOf(MeetingOwner owner) {
        // Read first: the page is opened often, its meeting made once (an insert that conflicts still takes an id).
        Optional<Long> made = jdbc.sql("SELECT id FROM meeting WHERE owner_kind = ? AND owner_id = ?")
                .params(owner.kind(), owner.id())
                .query(Long.class)
                .optional();
        if (made.isPresent()) {
            return made.get();
        }
        jdbc.sql("INSERT INTO meeting (owner_kind, owner_id, order_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(owner.kind(), owner.id(), owner.isOrder() ? owner.id() : null)
                .update();
        return jdbc.sql("SELECT id FROM meeting WHERE owner_kind = ? AND owner_id = ?")
                .params(owner.kind(), owner.id())
                .query(Long.class)
                .single();
    }

    /** Whose meeting this is, if there is such a meeting. */
    public Optional<MeetingOwner> owner(long meetingId) {
        return jdbc.sql("SELECT owner_kind, owner_id FROM meeting WHERE id = ?")
                .param(meetingId)
                .query((rs, n) -> new MeetingOwner(rs.getString(1), rs.getLong(2)))
                .optional();
    }

    /** The order's meeting as it stands; its rows are made the first time it is opened. */
    @Transactional
    public MeetingView meeting(OrderView order) {
        // The order's own programme: its elective topics by name, as in the programme and the deck.
        PackageDefinition pkg = OrderPackage.of(catalog, order);
        List<ScheduledItem> schedule = pkg.scheduleFrom(order.startTime());
        long id = idOf(MeetingOwner.order(order.id()));
        List<BlockView> blocks = blocks(id, schedule);
        if (blocks.size() < schedule.size()) {
            // One statement for all the missing blocks (made the first time, or when the programme grew).
            jdbc.sql("""
                            INSERT INTO meeting_block (meeting_id, position)
                            SELECT ?, position FROM generate_series(1, ?) AS position ON CONFLICT DO NOTHING""").params(id, schedule.size()).update();
            blocks = blocks(id, schedule);
        }
        Heading heading = new Heading(
                order.packageTitle(),
                order.meetingDate(),
                order.startTime(),
                order.venue(),
                List.of(
                        new MeetingHost.Fact(text("meeting.minutes.doc.cluster"), order.clusterName()),
                        new MeetingHost.Fact(text("meeting.minutes.doc.municipalities"), order.municipalityNames())),
                "/bestillinger/" + order.id(),
                order.clusterName(),
                List.of());
        return new MeetingView(
                id,
                heading,
                false,
                order,
                roles(id),
                blocks,
                parking(id),
                agreements(id),
                pkg.suggestedActions(),
                attendance(id, candidates(order)),
                preMeetings.of(order.id()));
    }

    /** A hosted meeting as it stands: its own agenda, timed from the meeting's start. */
    @Transactional
    public MeetingView meeting(long id, MeetingHost.HostedMeeting hosted) {
        Heading heading = new Heading(
                hosted.title(),
                hosted.date(),
                hosted.start(),
                hosted.place(),
                hosted.facts(),
                hosted.backHref(),
                hosted.backLabel(),
                hosted.sections() == null ? List.of() : hosted.sections());
        List<Attendee> candidates = hosted.people().stream()
                .map(p -> new Attendee(p.key(), p.name(), p.organisation(), p.email(), false))
                .toList();
        return new MeetingView(
                id,
                heading,
                true,
                null,
                roles(id),
                agenda(id, hosted.start()),
                parking(id),
                agreements(id),
                List.of(),
                attendance(id, candidates),
                Optional.empty());
    }

    /** What became of a change of a hosted meeting's agenda. */
    public enum AgendaChange {
        DONE,
        /** The item was changed, moved or removed by someone else since the page was read. */
        STALE,
        /** There is no such item (or it cannot move that way). */
        MISSING
    }

    /** Adds an item at the end of a hosted meeting's agenda. */
    @Transactional
    public void addAgendaItem(long meetingId, String title, int minutes, String speaker, boolean pause) {
        lock(meetingId);
        jdbc.sql("""
                        INSERT INTO meeting_block (meeting_id, position, title, minutes, speaker, pause)
                        SELECT ?, coalesce(max(position), 0) + 1, ?, ?, ?, ? FROM meeting_block WHERE meeting_id = ?""")
                .params(meetingId, title, minutes, speaker, pause, meetingId)
                .update();
    }

    /**
     * Removes an agenda item (with its notes) unless it changed since {@code version} was read; those after it move
     * up, and their versions change with their places, so a page read before cannot write to the wrong item.
     */
    @Transactional
    public AgendaChange removeAgendaItem(long meetingId, int position, int version) {
        lock(meetingId);
        Optional<Integer> stored = agendaVersion(meetingId, position);
        if (stored.isEmpty()) {
            return AgendaChange.MISSING;
        }
        if (stored.get() != version) {
            return AgendaChange.STALE;
        }
        jdbc.sql("DELETE FROM meeting_block WHERE meeting_id = ? AND position = ?")
                .params(meetingId, position)
                .update();
        // Two steps: the key (meeting, position) is checked row by row, so the rows first step aside.
        jdbc.sql("""
                        UPDATE meeting_block SET position = -position, version = version + 1
                        WHERE meeting_id = ? AND position > ?""").params(meetingId, position).update();
        jdbc.sql("UPDATE meeting_block SET position = -position - 1 WHERE meeting_id = ? AND position < 0")
                .param(meetingId)
                .update();
        return AgendaChange.DONE;
    }

    /** Swaps an agenda item (with its notes) with the one before it, unless it changed since {@code version} was read. */
    @Transactional
    public AgendaChange moveAgendaItemUp(long meetingId, int position, int version) {
        lock(meetingId);
        Optional<Integer> stored = agendaVersion(meetingId, position);
        if (stored.isEmpty()
                || position < 2
                || agendaVersion(meetingId, position - 1).isEmpty()) {
            return AgendaChange.MISSING;
        }
        if (stored.get() != version) {
            return AgendaChange.STALE;
        }
        jdbc.sql("UPDATE meeting_block SET position = 0, version = version + 1 WHERE meeting_id = ? AND position = ?")
                .params(meetingId, position)
                .update();
        jdbc.sql("UPDATE meeting_block SET position = ?, version = version + 1 WHERE meeting_id = ? AND position = ?")
                .params(position, meetingId, position - 1)
                .update();
        jdbc.sql("UPDATE meeting_block SET position = ? WHERE meeting_id = ? AND position = 0")
                .params(position - 1, meetingId)
                .update();
        return AgendaChange.DONE;
    }

    private Optional<Integer> agendaVersion(long meetingId, int position) {
        return jdbc.sql("SELECT version FROM meeting_block WHERE meeting_id = ? AND position = ? AND title IS NOT NULL")
                .params(meetingId, position)
                .query(Integer.class)
                .optional();
    }

    /** One change of a meeting's agenda at a time: two adds would take the same place, two moves cross. */
    private void lock(long meetingId) {
        jdbc.sql("SELECT id FROM meeting WHERE id = ? FOR UPDATE")
                .param(meetingId)
                .query(Long.class)
                .optional();
    }

    /** A hosted meeting's own agenda, timed from its start (one statement; no roles, attendance or agreements). */
    public List<BlockView> agenda(long meetingId, LocalTime start) {
        List<BlockView> blocks = new ArrayList<>();
        LocalTime[] at = {start == null ? LocalTime.MIDNIGHT : start};
        jdbc.sql("SELECT * FROM meeting_block WHERE meeting_id = ? AND title IS NOT NULL ORDER BY position")
                .param(meetingId)
                .query((rs, n) -> {
                    LocalTime from = at[0];
                    at[0] = from.plusMinutes(rs.getInt("minutes"));
                    return new BlockView(
                            rs.getInt("position"),
                            rs.getString("title"),
                            rs.getBoolean("pause"),
                            from,
                            at[0],
                            rs.getObject("actual_start", LocalTime.class),
                            rs.getObject("actual_end", LocalTime.class),
                            rs.getString("notes"),
                            rs.getInt("version"),
                            rs.getString("speaker"));
                })
                .list()
                .forEach(blocks::add);
        return blocks;
    }

    private String text(String key) {
        return messages.getMessage(key, null, MinutesDocument.DANISH);
    }

    private Roles roles(long meetingId) {
        return jdbc.sql("SELECT chair, referent, presenters, version FROM meeting WHERE id = ?")
                .param(meetingId)
                .query((rs, n) -> new Roles(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .single();
    }

    /**
     * Records who took part, as they are now (name, organisation, e-mail kept with the meeting), unless someone else
     * saved the attendance since {@code version} was read. Keys not among the meeting's people are ignored.
     */
    @Transactional
    public boolean saveAttendance(MeetingView meeting, Set<String> present, String others, int version, String by) {
        long id = meeting.id();
        List<Attendee> people = meeting.attendance().people();
        if (jdbc.sql("""
                        UPDATE meeting SET other_attendees = ?, attendance_version = attendance_version + 1, updated_by = ?,
                            updated_at = now() WHERE id = ? AND attendance_version = ?""").params(others, by, id, version).update() == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM meeting_attendee WHERE meeting_id = ?").param(id).update();
        for (Attendee person : people) {
            if (present.contains(person.key())) {
                jdbc.sql(
                                "INSERT INTO meeting_attendee (meeting_id, person_key, name, organisation, email) VALUES (?, ?, ?, ?, ?)")
                        .params(id, person.key(), person.name(), person.organisation(), person.email())
                        .update();
            }
        }
        return true;
    }

    /** The e-mail addresses of those recorded as present. */
    public List<String> presentEmails(long meetingId) {
        return jdbc.sql(
                        "SELECT email FROM meeting_attendee WHERE meeting_id = ? AND email IS NOT NULL AND email <> '' ORDER BY email")
                .param(meetingId)
                .query(String.class)
                .list();
    }

    private Attendance attendance(long meetingId, List<Attendee> candidates) {
        Map<String, Attendee> stored = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT person_key, name, organisation, email FROM meeting_attendee WHERE meeting_id = ? ORDER BY name")
                .param(meetingId)
                .query((rs, n) ->
                        new Attendee(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), true))
                .list()
                .forEach(a -> stored.put(a.key(), a));
        List<Attendee> people = new ArrayList<>();
        for (Attendee candidate : candidates) {
            Attendee recorded = stored.remove(candidate.key());
            people.add(recorded == null ? candidate : recorded);
        }
        people.addAll(stored.values()); // recorded then and no longer of the cluster or the order: they still took part
        return jdbc.sql("SELECT other_attendees, attendance_version FROM meeting WHERE id = ?")
                .param(meetingId)
                .query((rs, n) -> new Attendance(people, rs.getString(1), rs.getInt(2)))
                .optional()
                .orElse(new Attendance(people, "", 0));
    }

    /** Who could take part in an order's meeting: the coordinator, the members, the municipal contacts, the consultant. */
    private List<Attendee> candidates(OrderView order) {
        Map<String, String> municipalities = new HashMap<>();
        directory.municipalities().forEach(m -> municipalities.put(m.code(), m.name()));
        List<Attendee> candidates = new ArrayList<>();
        candidates.add(new Attendee(
                "coordinator", order.coordinatorName(), order.clusterName(), order.coordinatorEmail(), false));
        for (MemberView member : directory.members(order.clusterId())) {
            candidates.add(new Attendee(
                    "member-" + member.id(),
                    member.name(),
                    member.practiceName() == null ? order.clusterName() : member.practiceName(),
                    member.email(),
                    false));
        }
        for (ParticipantView participant : order.participants()) {
            String municipality = municipalities.getOrDefault(participant.municipalityCode(), "");
            candidates.add(new Attendee(
                    "participant-" + participant.id(),
                    participant.name(),
                    participant.role() == null ? municipality : participant.role() + ", " + municipality,
                    participant.email(),
                    false));
        }
        if (order.consultantName() != null) {
            String provider = directory.providers().stream()
                    .filter(p -> p.code().equals(order.providerCode()))
                    .map(ProviderView::name)
                    .findFirst()
                    .orElse("");
            candidates.add(
                    new Attendee("consultant", order.consultantName(), provider, order.consultantEmail(), false));
        }
        return candidates;
    }

    /** Saves the roles unless someone else saved them since {@code version} was read. */
    @Transactional
    public boolean saveRoles(long meetingId, String chair, String referent, String presenters, int version, String by) {
        return jdbc.sql("""
                        UPDATE meeting SET chair = ?, referent = ?, presenters = ?, version = version + 1, updated_by = ?,
                            updated_at = now() WHERE id = ? AND version = ?""")
                        .params(chair, referent, presenters, by, meetingId, version)
                        .update()
                == 1;
    }

    /** Saves a block's actual times and notes unless someone else saved the block since {@code version} was read. */
    @Transactional
    public boolean saveBlock(
            long meetingId, int position, LocalTime start, LocalTime end, String notes, int version, String by) {
        return jdbc.sql("""
                        UPDATE meeting_block SET actual_start = ?, actual_end = ?, notes = ?, version = version + 1,
                            updated_by = ?, updated_at = now() WHERE meeting_id = ? AND position = ? AND version = ?""")
                        .params(start, end, notes, by, meetingId, position, version)
                        .update()
                == 1;
    }

    @Transactional
    public void addParkingItem(long meetingId, String text, String owner, String by) {
        jdbc.sql("INSERT INTO meeting_parking_item (meeting_id, text, owner, created_by) VALUES (?, ?, ?, ?)")
                .params(meetingId, text, owner, by)
                .update();
    }

    @Transactional
    public boolean removeParkingItem(long meetingId, long id) {
        return jdbc.sql("DELETE FROM meeting_parking_item WHERE meeting_id = ? AND id = ?")
                        .params(meetingId, id)
                        .update()
                == 1;
    }

    @Transactional
    public long addAgreement(long meetingId, AgreementDraft draft, String by) {
        long id = jdbc.sql("""
                        INSERT INTO meeting_agreement (meeting_id, what, owner_person, owner_party, due_date, action_type,
                            created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        meetingId,
                        draft.what(),
                        draft.ownerPerson(),
                        party(draft.ownerParty()),
                        draft.due(),
                        draft.actionType(),
                        by)
                .query(Long.class)
                .single();
        history(id, null, AgreementStatus.AGREED, null, by);
        return id;
    }

    /** Saves an agreement's text, owner and date unless someone else saved it since {@code version} was read. */
    @Transactional
    public boolean saveAgreement(long meetingId, long id, AgreementDraft draft, int version, String by) {
        return jdbc.sql("""
                        UPDATE meeting_agreement SET what = ?, owner_person = ?, owner_party = ?, due_date = ?, action_type = ?,
                            version = version + 1 WHERE meeting_id = ? AND id = ? AND version = ?""")
                        .params(
                                draft.what(),
                                draft.ownerPerson(),
                                party(draft.ownerParty()),
                                draft.due(),
                                draft.actionType(),
                                meetingId,
                                id,
                                version)
                        .update()
                == 1;
    }

    /**
     * Moves an agreement from the status the user saw to another, recording who, when and why.
     *
     * @throws RuleViolation when the step is not allowed, has no reason where one is needed, or the status
     *     was changed by someone else meanwhile
     */
    @Transactional
    public void changeStatus(
            long meetingId, long id, AgreementStatus from, AgreementStatus to, String reason, String by) {
        if (!from.canMoveTo(to)) {
            throw new RuleViolation("status", "meeting.status.notAllowed");
        }
        if (to == AgreementStatus.ABANDONED && (reason == null || reason.isBlank())) {
            throw new RuleViolation("reason", "meeting.status.reason.required");
        }
        int changed =
                jdbc.sql("""
                        UPDATE meeting_agreement SET status = ?, version = version + 1
                        WHERE meeting_id = ? AND id = ? AND status = ?""").params(to.name(), meetingId, id, from.name()).update();
        if (changed == 0) {
            throw new RuleViolation("status", "meeting.status.stale");
        }
        history(id, from, to, to == AgreementStatus.ABANDONED ? reason.strip() : null, by);
    }

    public Optional<AgreementView> agreement(long meetingId, long id) {
        return agreements(meetingId).stream().filter(a -> a.id() == id).findFirst();
    }

    private void history(long agreementId, AgreementStatus from, AgreementStatus to, String reason, String by) {
        jdbc.sql("""
                        INSERT INTO meeting_agreement_history (agreement_id, changed_by, from_status, to_status, reason)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(agreementId, by, from == null ? null : from.name(), to.name(), reason)
                .update();
    }

    private List<BlockView> blocks(long meetingId, List<ScheduledItem> schedule) {
        List<BlockView> blocks = new ArrayList<>();
        jdbc.sql("SELECT * FROM meeting_block WHERE meeting_id = ? AND position <= ? ORDER BY position")
                .params(meetingId, schedule.size())
                .query((rs, n) -> {
                    int position = rs.getInt("position");
                    ScheduledItem item = schedule.get(position - 1);
                    return new BlockView(
                            position,
                            item.item().title(),
                            item.item().kind() == ItemKind.BREAK,
                            item.from(),
                            item.to(),
                            rs.getObject("actual_start", LocalTime.class),
                            rs.getObject("actual_end", LocalTime.class),
                            rs.getString("notes"),
                            rs.getInt("version"),
                            "");
                })
                .list()
                .forEach(blocks::add);
        return blocks;
    }

    private List<ParkingItem> parking(long meetingId) {
        return jdbc.sql("SELECT * FROM meeting_parking_item WHERE meeting_id = ? ORDER BY id")
                .param(meetingId)
                .query((rs, n) -> new ParkingItem(
                        rs.getLong("id"), rs.getString("text"), rs.getString("owner"), rs.getString("created_by")))
                .list();
    }

    private List<AgreementView> agreements(long meetingId) {
        Map<Long, List<HistoryEntry>> history = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT h.* FROM meeting_agreement_history h JOIN meeting_agreement a ON a.id = h.agreement_id
                        WHERE a.meeting_id = ? ORDER BY h.changed_at, h.id""")
                .param(meetingId)
                .query((rs, n) -> history.computeIfAbsent(rs.getLong("agreement_id"), k -> new ArrayList<>())
                        .add(entry(rs)))
                .list();
        return jdbc.sql("SELECT * FROM meeting_agreement WHERE meeting_id = ? ORDER BY id")
                .param(meetingId)
                .query((rs, n) -> new AgreementView(
                        rs.getLong("id"),
                        rs.getString("what"),
                        rs.getString("owner_person"),
                        rs.getString("owner_party") == null ? null : Party.valueOf(rs.getString("owner_party")),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getString("action_type"),
                        AgreementStatus.valueOf(rs.getString("status")),
                        rs.getInt("version"),
                        history.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private static HistoryEntry entry(ResultSet rs) throws SQLException {
        String from = rs.getString("from_status");
        return new HistoryEntry(
                rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class),
                from == null ? null : AgreementStatus.valueOf(from),
                AgreementStatus.valueOf(rs.getString("to_status")),
                rs.getString("reason"));
    }

    private static String party(Party party) {
        return party == null ? null : party.name();
    }
}
