package dk.samspil.pko;

import dk.samspil.meeting.MeetingHost;
import dk.samspil.meeting.MeetingHost.HostedMeeting;
import dk.samspil.meeting.MeetingOwner;
import dk.samspil.meeting.Meetings;
import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.security.SamspilPrincipal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheme's own meetings (seed 003): the practice coordinator's meetings of their unit's hospital practice
 * consultants, "minimum 2 årlige møder", with the municipal consultants optionally invited; and the medical
 * coordinator's meetings of the coordinators, "flere gange om året". This module keeps when, where and who; the
 * meeting module keeps what is written at it, and calls this its {@link MeetingHost} for those meetings.
 */
@Service
class PkoMeetings implements MeetingHost {

    static final String KIND = "PKO_MEETING";
    /** The scheme's days are Danish days (the clock is UTC). */
    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    /** The handbook's minimum of the coordinator's meetings of the unit's consultants in a year. */
    static final int MINIMUM_PER_YEAR = 2;

    enum Kind {
        UNIT_CONSULTANTS,
        COORDINATORS,
        /** A consultant's meeting with one of their hospital departments. */
        DEPARTMENT,
        /** A municipal consultant's meeting with their municipality. */
        MUNICIPALITY;

        /** What time spent on such a meeting is registered as, each person kind its own (the first that fits). */
        public List<String> hoursTasks() {
            return switch (this) {
                case UNIT_CONSULTANTS -> List.of(TaskKind.CONSULTANT_MEETINGS.name());
                case COORDINATORS ->
                    List.of(TaskKind.COORDINATORS_MEETING.name(), TaskKind.COORDINATOR_MEETINGS.name());
                case DEPARTMENT, MUNICIPALITY -> List.of(TaskKind.COLLABORATION_MEETING.name());
            };
        }
    }

    record PkoMeeting(
            long id,
            String regionCode,
            Kind kind,
            Long unitId,
            String unitName,
            LocalDate date,
            LocalTime start,
            String place,
            boolean municipalInvited,
            long meetingId,
            Long departmentId,
            String municipalityCode,
            Long personId,
            String counterpart) {}

    /** A unit whose coordinator has planned fewer than the minimum of consultant meetings in the year. */
    record Shortfall(long unitId, String unitName, int planned) {}

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final String SELECT = """
            SELECT m.id, m.region_code, m.kind, m.hospital_unit_id, m.meeting_date, m.start_time, m.place,
                   m.municipal_invited, m.meeting_id, m.department_id, m.municipality_code, m.person_id
            FROM pko_meeting m
            """;

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final PkoPeople people;
    private final PkoRegisters registers;
    private final PkoAccess access;
    private final MessageSource messages;

    PkoMeetings(
            JdbcClient jdbc,
            Meetings meetings,
            PkoPeople people,
            PkoRegisters registers,
            PkoAccess access,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.people = people;
        this.registers = registers;
        this.access = access;
        this.messages = messages;
    }

    /** What a meeting is with: the unit whose consultants meet, or a consultant's department or municipality. */
    record With(Long unitId, Long departmentId, String municipalityCode, Long personId) {
        static With unit(long unitId) {
            return new With(unitId, null, null, null);
        }

        static With nothing() {
            return new With(null, null, null, null);
        }
    }

    /** Plans a meeting and makes its meeting in the meeting module; returns the meeting module's id. */
    @Transactional
    long plan(
            String regionCode,
            Kind kind,
            With with,
            LocalDate date,
            LocalTime start,
            String place,
            boolean municipalInvited,
            String by) {
        long id = jdbc.sql("""
                        INSERT INTO pko_meeting (region_code, kind, hospital_unit_id, department_id, municipality_code,
                            person_id, meeting_date, start_time, place, municipal_invited, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        regionCode,
                        kind.name(),
                        kind == Kind.COORDINATORS || kind == Kind.MUNICIPALITY ? null : with.unitId(),
                        kind == Kind.DEPARTMENT ? with.departmentId() : null,
                        kind == Kind.MUNICIPALITY ? with.municipalityCode() : null,
                        kind == Kind.DEPARTMENT || kind == Kind.MUNICIPALITY ? with.personId() : null,
                        date,
                        start,
                        place,
                        kind == Kind.UNIT_CONSULTANTS && municipalInvited,
                        by)
                .query(Long.class)
                .single();
        long meetingId = meetings.idOf(new MeetingOwner(KIND, id));
        jdbc.sql("UPDATE pko_meeting SET meeting_id = ? WHERE id = ?")
                .params(meetingId, id)
                .update();
        return meetingId;
    }

    /**
     * The meetings the viewer may read, newest first. Whether the viewer takes part is decided from the viewer's own
     * attachments, read once, not from each meeting's list of people.
     */
    List<PkoMeeting> visible(Viewer viewer) {
        LocalDate today = LocalDate.now(COPENHAGEN);
        List<Attachment> mine = viewer.person() == null || !viewer.person().active()
                ? List.of()
                : registers.attachments(viewer.person().id()).stream()
                        .filter(a -> a.current(today))
                        .toList();
        return all(viewer.region()).stream()
                .filter(m -> mayWrite(viewer, m) || readsAsUnitCoordinator(viewer, m) || takesPart(viewer, m, mine))
                .toList();
    }

    /** Whether the viewer is one of the meeting's people (as {@link #participants} counts them), by their attachments. */
    private static boolean takesPart(Viewer viewer, PkoMeeting m, List<Attachment> mine) {
        PkoPerson p = viewer.person();
        if (p == null || !p.active()) {
            return false;
        }
        return switch (m.kind()) {
            case COORDINATORS -> p.isCoordinator() || p.isMedicalCoordinator();
            case UNIT_CONSULTANTS ->
                (p.isCoordinator() || p.isConsultant())
                        && (mine.stream().anyMatch(a -> m.unitId().equals(a.unitId()))
                                || (m.municipalInvited()
                                        && p.isConsultant()
                                        && mine.stream().anyMatch(a -> a.municipalityCode() != null)));
            case DEPARTMENT, MUNICIPALITY -> m.personId() != null && m.personId() == p.id();
        };
    }

    /**
     * The units (for a coordinator their own; for the medical coordinator and the administrator every unit of the
     * region) with fewer than {@link #MINIMUM_PER_YEAR} consultant meetings planned in the year.
     */
    List<Shortfall> shortfalls(Viewer viewer, int year) {
        if (!viewer.editsRegion() && !viewer.coordinator()) {
            return List.of();
        }
        List<PkoMeeting> all = all(viewer.region());
        List<Shortfall> shortfalls = new ArrayList<>();
        for (Map.Entry<Long, String> unit : registers.units(viewer.region()).entrySet()) {
            if (!viewer.editsRegion() && !unit.getKey().equals(viewer.unitId())) {
                continue;
            }
            int planned = (int) all.stream()
                    .filter(m -> m.kind() == Kind.UNIT_CONSULTANTS
                            && unit.getKey().equals(m.unitId())
                            && m.date().getYear() == year)
                    .count();
            if (planned < MINIMUM_PER_YEAR) {
                shortfalls.add(new Shortfall(unit.getKey(), unit.getValue(), planned));
            }
        }
        return shortfalls;
    }

    Optional<PkoMeeting> find(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = ?")
                .param(id)
                .query(this::row)
                .optional()
                .map(m -> named(m, new HashMap<>(), new HashMap<>()));
    }

    private List<PkoMeeting> all(String regionCode) {
        List<PkoMeeting> rows = jdbc.sql(SELECT
                        + " WHERE CAST(? AS TEXT) IS NULL OR m.region_code = ? ORDER BY m.meeting_date DESC, m.id")
                .params(regionCode, regionCode)
                .query(this::row)
                .list();
        // The names of units and municipalities, read once per region for the whole list.
        Map<String, Map<Long, String>> units = new HashMap<>();
        Map<String, Map<String, String>> municipalities = new HashMap<>();
        return rows.stream().map(m -> named(m, units, municipalities)).toList();
    }

    private PkoMeeting row(ResultSet rs, int n) throws SQLException {
        return new PkoMeeting(
                rs.getLong("id"),
                rs.getString("region_code"),
                Kind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("hospital_unit_id"),
                null,
                rs.getObject("meeting_date", LocalDate.class),
                rs.getObject("start_time", LocalTime.class),
                rs.getString("place"),
                rs.getBoolean("municipal_invited"),
                rs.getLong("meeting_id"),
                (Long) rs.getObject("department_id"),
                rs.getString("municipality_code"),
                (Long) rs.getObject("person_id"),
                null);
    }

    private PkoMeeting named(
            PkoMeeting m, Map<String, Map<Long, String>> units, Map<String, Map<String, String>> municipalities) {
        String unit = m.unitId() == null
                ? null
                : units.computeIfAbsent(m.regionCode(), registers::units).getOrDefault(m.unitId(), "");
        String counterpart = null;
        if (m.departmentId() != null) {
            counterpart =
                    people.department(m.departmentId()).map(Department::label).orElse("");
        } else if (m.municipalityCode() != null) {
            counterpart = municipalities
                    .computeIfAbsent(m.regionCode(), region -> {
                        Map<String, String> names = new HashMap<>();
                        registers.municipalities(region).forEach(x -> names.put(x.code(), x.name()));
                        return names;
                    })
                    .getOrDefault(m.municipalityCode(), m.municipalityCode());
        }
        return new PkoMeeting(
                m.id(),
                m.regionCode(),
                m.kind(),
                m.unitId(),
                unit,
                m.date(),
                m.start(),
                m.place(),
                m.municipalInvited(),
                m.meetingId(),
                m.departmentId(),
                m.municipalityCode(),
                m.personId(),
                counterpart);
    }

    // --- the meeting module's host ---

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<HostedMeeting> meeting(long ownerId) {
        return find(ownerId)
                .map(m -> new HostedMeeting(
                        title(m),
                        m.date(),
                        m.start(),
                        m.place(),
                        m.unitName() == null ? List.of() : List.of(new Fact(text("pko.meetings.unit"), m.unitName())),
                        "/pko/moeder",
                        text("pko.meetings.title"),
                        participants(m)));
    }

    @Override
    public boolean mayRead(SamspilPrincipal user, long ownerId) {
        return access.viewerIfAny(user)
                .flatMap(v -> find(ownerId).map(m -> mayRead(v, m)))
                .orElse(false);
    }

    @Override
    public boolean mayWrite(SamspilPrincipal user, long ownerId) {
        return access.viewerIfAny(user)
                .flatMap(v -> find(ownerId).map(m -> mayWrite(v, m)))
                .orElse(false);
    }

    /**
     * The region's medical coordinator and the administrator; a unit's coordinator for their unit's consultant
     * meetings; a consultant for their own meetings with their department or municipality.
     */
    static boolean mayWrite(Viewer viewer, PkoMeeting m) {
        if (!viewer.inRegion(m.regionCode())) {
            return false;
        }
        return viewer.editsRegion()
                || (m.kind() == Kind.UNIT_CONSULTANTS
                        && viewer.coordinator()
                        && m.unitId().equals(viewer.unitId()))
                || (m.personId() != null
                        && viewer.person() != null
                        && m.personId() == viewer.person().id());
    }

    /**
     * Those who write it; those asked to take part; and for a consultant's meeting with a department, the unit's
     * coordinator, who follows up "i referaterne fra praksiskonsulenternes møder med afdelingerne".
     */
    private boolean mayRead(Viewer viewer, PkoMeeting m) {
        return mayWrite(viewer, m)
                || readsAsUnitCoordinator(viewer, m)
                || (viewer.person() != null
                        && participants(m).stream()
                                .anyMatch(p -> p.key()
                                        .equals("person-" + viewer.person().id())));
    }

    /** A consultant's meeting with a department is read by the unit's coordinator. */
    private static boolean readsAsUnitCoordinator(Viewer viewer, PkoMeeting m) {
        return m.kind() == Kind.DEPARTMENT
                && viewer.inRegion(m.regionCode())
                && viewer.coordinator()
                && m.unitId().equals(viewer.unitId());
    }

    /**
     * A unit's meeting: its coordinator and the active consultants of its departments, and — when invited — the
     * region's municipal consultants. The coordinators' meeting: the medical coordinator and every coordinator.
     */
    private List<Person> participants(PkoMeeting m) {
        return switch (m.kind()) {
            case COORDINATORS ->
                people(m.regionCode(), p -> p.isCoordinator() || p.isMedicalCoordinator(), row -> true);
            case UNIT_CONSULTANTS -> unitParticipants(m.regionCode(), m.unitId(), m.municipalInvited());
            // The consultant; the department's or municipality's people are written as other participants.
            case DEPARTMENT, MUNICIPALITY -> people(m.regionCode(), p -> p.id() == m.personId(), row -> true);
        };
    }

    /** A unit's coordinator and the active consultants of its departments, and the municipal consultants if asked. */
    List<Person> unitParticipants(String regionCode, long unitId, boolean municipal) {
        return people(
                regionCode,
                p -> p.isCoordinator() || p.isConsultant(),
                row -> row.attachments().stream()
                                .anyMatch(a -> Long.valueOf(unitId).equals(a.unitId()))
                        || (municipal
                                && row.person().isConsultant()
                                && row.attachments().stream().anyMatch(a -> a.municipalityCode() != null)));
    }

    private List<Person> people(
            String regionCode, Predicate<PkoPerson> kind, Predicate<PkoRegisters.PersonRow> attached) {
        List<Person> participants = new ArrayList<>();
        LocalDate today = LocalDate.now(COPENHAGEN);
        for (PkoRegisters.PersonRow all : registers.people(regionCode)) {
            // An attachment that has ended no longer makes its holder one of the meeting's people.
            PkoRegisters.PersonRow row = new PkoRegisters.PersonRow(
                    all.person(),
                    all.attachments().stream().filter(a -> a.current(today)).toList());
            PkoPerson p = row.person();
            if (p.active() && kind.test(p) && attached.test(row)) {
                String where = row.attachments().stream()
                        .map(Attachment::label)
                        .reduce((x, y) -> x + ", " + y)
                        .orElse("");
                participants.add(new Person("person-" + p.id(), p.name(), where, p.email(), p.userId() != null));
            }
        }
        return participants;
    }

    String title(PkoMeeting m) {
        return switch (m.kind()) {
            case COORDINATORS -> text("pko.meetings.kind.COORDINATORS");
            case UNIT_CONSULTANTS -> text("pko.meetings.kind.UNIT_CONSULTANTS") + ", " + m.unitName();
            case DEPARTMENT, MUNICIPALITY ->
                messages.getMessage("pko.meetings.with", new Object[] {m.counterpart()}, DANISH);
        };
    }

    private String text(String key) {
        return messages.getMessage(key, null, DANISH);
    }
}
