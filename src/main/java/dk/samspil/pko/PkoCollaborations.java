package dk.samspil.pko;

import dk.samspil.meeting.MeetingHost;
import dk.samspil.meeting.MeetingOwner;
import dk.samspil.meeting.Meetings;
import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.security.SamspilPrincipal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collaboration meetings between a municipality and general practice (seed 003, "Samarbejdsmøder i det
 * lægekommunale samarbejde"), planned by the municipal practice consultant outside the package flow. The consultant
 * is clear on their role, what the meeting is about and what it should achieve; the other organisers' mandate "til at
 * beslutte, hvordan mødet skal afholdes, og hvad det må koste" is answered before the invitations go out. The meeting
 * itself is the meeting module's, whose {@link MeetingHost} this is; a Manegemodellen case goes with it.
 */
@Service
class PkoCollaborations implements MeetingHost {

    static final String KIND = "PKO_COLLABORATION";

    /** The handbook's eight examples of what the municipality and general practice work together on. */
    enum Topic {
        FMK,
        PALLIATIVE,
        YOUNG,
        VULNERABLE,
        CHRONIC,
        ACUTE_BEDS,
        HOME_CARE_MESSAGES,
        SICK_LEAVE
    }

    /** "Katedrale oplæg" or the interacting Manegemodellen. */
    enum Format {
        TALKS,
        MANEGE
    }

    /** Whether the municipality pays for attendance ("Nogle kommuner betaler for deltagelse, andre gør ikke"). */
    enum Pays {
        YES,
        NO,
        UNKNOWN
    }

    /**
     * @param mandate whether the other organisers have the mandate for form and cost; null while not answered
     * @param personId the municipal consultant who plans it (null when planned by the region's editors)
     */
    record Collaboration(
            long id,
            String regionCode,
            String municipalityCode,
            Long personId,
            Topic topic,
            String topicText,
            String consultantRole,
            String goal,
            Boolean mandate,
            Pays pays,
            Format format,
            LocalDate date,
            LocalTime start,
            String place,
            OffsetDateTime invitationsSentAt,
            long meetingId,
            int version,
            Long reviewId) {

        public boolean manege() {
            return format == Format.MANEGE;
        }
    }

    /** What is planned: everything but when it was planned and its meeting. */
    record Plan(
            Topic topic,
            String topicText,
            String consultantRole,
            String goal,
            Boolean mandate,
            Pays pays,
            Format format,
            LocalDate date,
            LocalTime start,
            String place,
            Long reviewId) {}

    record Invitee(long id, String name, String organisation, String email) {}

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final String SELECT = """
            SELECT c.id, c.region_code, c.municipality_code, c.person_id, c.topic_key, c.topic_text, c.consultant_role,
                   c.goal, c.mandate, c.municipality_pays, c.format, c.meeting_date, c.start_time, c.place,
                   c.invitations_sent_at, c.meeting_id, c.version, c.km_review_id
            FROM pko_collaboration_meeting c
            """;

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final PkoPeople people;
    private final PkoRegisters registers;
    private final PkoAccess access;
    private final ManegeCases cases;
    private final MessageSource messages;

    PkoCollaborations(
            JdbcClient jdbc,
            Meetings meetings,
            PkoPeople people,
            PkoRegisters registers,
            PkoAccess access,
            ManegeCases cases,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.people = people;
        this.registers = registers;
        this.access = access;
        this.cases = cases;
        this.messages = messages;
    }

    /** Plans a collaboration meeting and makes its meeting in the meeting module; returns this module's id. */
    @Transactional
    long plan(String regionCode, String municipalityCode, Long personId, Plan plan, String by) {
        long id = jdbc.sql("""
                        INSERT INTO pko_collaboration_meeting (region_code, municipality_code, person_id, topic_key,
                            topic_text, consultant_role, goal, mandate, municipality_pays, format, meeting_date,
                            start_time, place, km_review_id, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(regionCode, municipalityCode, personId)
                .params(columns(plan))
                .params(by)
                .query(Long.class)
                .single();
        long meetingId = meetings.idOf(new MeetingOwner(KIND, id));
        jdbc.sql("UPDATE pko_collaboration_meeting SET meeting_id = ? WHERE id = ?")
                .params(meetingId, id)
                .update();
        return id;
    }

    /** Saves the plan unless someone else saved it since {@code version} was read. */
    @Transactional
    boolean save(long id, Plan plan, int version) {
        return jdbc.sql("""
                        UPDATE pko_collaboration_meeting SET topic_key = ?, topic_text = ?, consultant_role = ?, goal = ?,
                            mandate = ?, municipality_pays = ?, format = ?, meeting_date = ?, start_time = ?, place = ?,
                            km_review_id = ?, version = version + 1
                        WHERE id = ? AND version = ?""").params(columns(plan)).params(id, version).update() == 1;
    }

    /** The plan's columns, topic_key to km_review_id, in the order of the table. */
    private static List<Object> columns(Plan plan) {
        return java.util.Arrays.asList(
                plan.topic() == null ? null : plan.topic().name(),
                plan.topic() == null ? plan.topicText() : null,
                plan.consultantRole(),
                plan.goal(),
                mandate(plan.mandate()),
                plan.pays().name(),
                plan.format().name(),
                plan.date(),
                plan.start(),
                plan.place(),
                plan.reviewId());
    }

    Optional<Collaboration> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?")
                .param(id)
                .query(PkoCollaborations::row)
                .optional();
    }

    /** The collaboration meetings the viewer may read, newest first. */
    List<Collaboration> visible(Viewer viewer) {
        List<String> own = ownMunicipalities(viewer);
        return jdbc
                .sql(SELECT + " WHERE CAST(? AS TEXT) IS NULL OR c.region_code = ? ORDER BY c.meeting_date DESC, c.id")
                .params(viewer.region(), viewer.region())
                .query(PkoCollaborations::row)
                .list()
                .stream()
                .filter(c -> mayWrite(viewer, c, own))
                .toList();
    }

    /** The other collaboration meetings of the municipality on the day (for the clash check). */
    List<Collaboration> onDay(String municipalityCode, LocalDate day, long exceptId) {
        return jdbc.sql(SELECT + " WHERE c.municipality_code = ? AND c.meeting_date = ? AND c.id <> ? ORDER BY c.id")
                .params(municipalityCode, day, exceptId)
                .query(PkoCollaborations::row)
                .list();
    }

    // --- the invitations ---

    List<Invitee> invitees(long id) {
        return jdbc.sql("""
                        SELECT id, name, organisation, email FROM pko_collaboration_invitee
                        WHERE collaboration_meeting_id = ? ORDER BY name, id""")
                .param(id)
                .query((rs, n) -> new Invitee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Adds an invitee; false when the address is invited already. */
    @Transactional
    boolean invite(long id, String name, String organisation, String email) {
        return jdbc.sql("""
                        INSERT INTO pko_collaboration_invitee (collaboration_meeting_id, name, organisation, email)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""").params(id, name, organisation, email).update() == 1;
    }

    @Transactional
    boolean uninvite(long id, long inviteeId) {
        return jdbc.sql("DELETE FROM pko_collaboration_invitee WHERE collaboration_meeting_id = ? AND id = ?")
                        .params(id, inviteeId)
                        .update()
                == 1;
    }

    @Transactional
    void invitationsSent(long id, String by) {
        jdbc.sql(
                        "UPDATE pko_collaboration_meeting SET invitations_sent_at = now(), invitations_sent_by = ? WHERE id = ?")
                .params(by, id)
                .update();
    }

    // --- who ---

    /** The region's editors; a consultant attached to the meeting's municipality (its planner among them). */
    boolean mayWrite(Viewer viewer, Collaboration c) {
        return mayWrite(viewer, c, ownMunicipalities(viewer));
    }

    private static boolean mayWrite(Viewer viewer, Collaboration c, List<String> ownMunicipalities) {
        if (!viewer.inRegion(c.regionCode())) {
            return false;
        }
        return viewer.editsRegion()
                || (c.personId() != null
                        && viewer.person() != null
                        && c.personId() == viewer.person().id())
                || ownMunicipalities.contains(c.municipalityCode());
    }

    /** The municipalities a consultant is attached to now; none for everyone else. */
    List<String> ownMunicipalities(Viewer viewer) {
        return viewer.person() != null
                        && viewer.person().isConsultant()
                        && viewer.person().active()
                ? people.ownMunicipalities(viewer.person().id())
                : List.of();
    }

    // --- the meeting module's host ---

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<HostedMeeting> meeting(long ownerId) {
        return find(ownerId).map(c -> {
            List<Fact> facts = new ArrayList<>(facts(c));
            List<Section> sections = c.manege()
                    ? cases.of(c.id()).map(m -> List.of(cases.section(m))).orElse(List.of())
                    : List.of();
            return new HostedMeeting(
                    title(c),
                    c.date(),
                    c.start(),
                    c.place(),
                    facts,
                    "/pko/samarbejdsmoeder/" + c.id(),
                    title(c),
                    participants(c),
                    sections);
        });
    }

    @Override
    public boolean mayRead(SamspilPrincipal user, long ownerId) {
        return mayWrite(user, ownerId);
    }

    @Override
    public boolean mayWrite(SamspilPrincipal user, long ownerId) {
        return access.viewerIfAny(user)
                .flatMap(v -> find(ownerId).map(c -> mayWrite(v, c)))
                .orElse(false);
    }

    /** The planner and the invitees; those recorded present get the referat (the invitees by a personal link). */
    private List<Person> participants(Collaboration c) {
        List<Person> people = new ArrayList<>();
        if (c.personId() != null) {
            this.people
                    .person(c.personId())
                    .ifPresent(p -> people.add(new Person(
                            "person-" + p.id(), p.name(), municipalityName(c), p.email(), p.userId() != null)));
        }
        for (Invitee i : invitees(c.id())) {
            people.add(new Person("invitee-" + i.id(), i.name(), i.organisation(), i.email(), false));
        }
        return people;
    }

    /** The plan as label–value lines: the meeting's page and its referat show them under the title. */
    List<Fact> facts(Collaboration c) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(text("pko.collab.municipality"), municipalityName(c)));
        facts.add(new Fact(text("pko.collab.topic"), topic(c)));
        facts.add(new Fact(text("pko.collab.role"), orDash(c.consultantRole())));
        facts.add(new Fact(text("pko.collab.goal"), orDash(c.goal())));
        facts.add(new Fact(text("pko.collab.mandate"), text("pko.collab.mandate." + mandate(c.mandate()))));
        facts.add(new Fact(
                text("pko.collab.pays"), text("pko.collab.pays." + c.pays().name())));
        facts.add(new Fact(
                text("pko.collab.format"),
                text("pko.collab.format." + c.format().name())));
        return facts;
    }

    String title(Collaboration c) {
        return messages.getMessage("pko.collab.titleOf", new Object[] {topic(c), municipalityName(c)}, DANISH);
    }

    String topic(Collaboration c) {
        return c.topic() == null
                ? c.topicText()
                : text("pko.collab.topic." + c.topic().name());
    }

    String municipalityName(Collaboration c) {
        return registers.municipalities(c.regionCode()).stream()
                .filter(m -> m.code().equals(c.municipalityCode()))
                .map(m -> m.name())
                .findFirst()
                .orElse(c.municipalityCode());
    }

    private static String mandate(Boolean mandate) {
        return mandate == null ? null : (mandate ? "YES" : "NO");
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }

    private String text(String key) {
        return messages.getMessage(key, null, DANISH);
    }

    private static Collaboration row(ResultSet rs, int n) throws SQLException {
        String topic = rs.getString("topic_key");
        String mandate = rs.getString("mandate");
        return new Collaboration(
                rs.getLong("id"),
                rs.getString("region_code"),
                rs.getString("municipality_code"),
                (Long) rs.getObject("person_id"),
                topic == null ? null : Topic.valueOf(topic),
                rs.getString("topic_text"),
                rs.getString("consultant_role"),
                rs.getString("goal"),
                mandate == null ? null : "YES".equals(mandate),
                Pays.valueOf(rs.getString("municipality_pays")),
                Format.valueOf(rs.getString("format")),
                rs.getObject("meeting_date", LocalDate.class),
                rs.getObject("start_time", LocalTime.class),
                rs.getString("place"),
                rs.getObject("invitations_sent_at", OffsetDateTime.class),
                rs.getLong("meeting_id"),
                rs.getInt("version"),
                (Long) rs.getObject("km_review_id"));
    }
}
