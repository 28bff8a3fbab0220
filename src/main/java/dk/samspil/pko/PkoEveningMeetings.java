package dk.samspil.pko;

import dk.samspil.meeting.MeetingHost;
import dk.samspil.meeting.MeetingOwner;
import dk.samspil.meeting.Meetings;
import dk.samspil.meeting.Meetings.BlockView;
import dk.samspil.pko.PkoAccess.Viewer;
import dk.samspil.platform.Tokens;
import dk.samspil.security.SamspilPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evening meetings (fyraftensmøder, seed 003) of a hospital unit for its catchment area's GPs: planned by the
 * unit's practice coordinator "to gange årligt", "en hverdag efter arbejdstid, typisk i tidsrummet 17.00-20.00"; a
 * call for talks with a deadline, to which each hospital practice consultant sends "ønsker til oplæg" for their
 * departments; and the programme, "oplæg fra 6–8 afdelinger" of "15 – 20 minutters varighed", which is the meeting
 * module's agenda of the meeting (this is its {@link MeetingHost}).
 */
@Service
class PkoEveningMeetings implements MeetingHost {

    static final String KIND = "PKO_EVENING";
    static final LocalTime EVENING_START = LocalTime.of(17, 0);
    static final LocalTime EVENING_END = LocalTime.of(20, 0);
    static final int PER_YEAR = 2;
    static final int FEWEST_TALKS = 6;
    static final int MOST_TALKS = 8;
    static final int SHORTEST_TALK = 15;
    static final int LONGEST_TALK = 20;

    enum Format {
        LARGE,
        VIRTUAL
    }

    record EveningMeeting(
            long id,
            String regionCode,
            long unitId,
            String unitName,
            LocalDate date,
            LocalTime start,
            LocalTime end,
            String place,
            Format format,
            LocalDate callDeadline,
            long meetingId,
            String signupToken) {

        boolean callOpen(LocalDate today) {
            return callDeadline != null && !today.isAfter(callDeadline);
        }
    }

    record Wish(
            long id,
            long departmentId,
            String departmentName,
            String personName,
            String topic,
            String speaker,
            int minutes,
            OffsetDateTime submittedAt,
            boolean late,
            boolean placed) {}

    /** A warning with its message key and arguments, shown on the meeting's page. */
    record Warning(String key, Object... args) {}

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final String SELECT = """
            SELECT e.id, e.region_code, e.hospital_unit_id, e.meeting_date, e.start_time, e.end_time, e.place,
                   e.format, e.call_deadline, e.meeting_id, e.signup_token
            FROM pko_evening_meeting e
            """;

    private final JdbcClient jdbc;
    private final Meetings meetings;
    private final PkoMeetings unitMeetings;
    private final PkoPeople people;
    private final PkoRegisters registers;
    private final PkoAccess access;
    private final MessageSource messages;
    private final PkoEveningLogistics logistics;
    private final Clock clock;

    PkoEveningMeetings(
            JdbcClient jdbc,
            Meetings meetings,
            PkoMeetings unitMeetings,
            PkoPeople people,
            PkoRegisters registers,
            PkoAccess access,
            MessageSource messages,
            PkoEveningLogistics logistics,
            Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.unitMeetings = unitMeetings;
        this.people = people;
        this.registers = registers;
        this.access = access;
        this.messages = messages;
        this.logistics = logistics;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PkoMeetings.COPENHAGEN));
    }

    /**
     * Plans an evening meeting, makes its meeting (programme, attendance, referat) in the meeting module and puts the
     * default items on its checklist.
     */
    @Transactional
    long plan(
            String regionCode,
            long unitId,
            LocalDate date,
            LocalTime start,
            LocalTime end,
            String place,
            Format format,
            LocalDate callDeadline,
            String by) {
        long id = jdbc.sql("""
                        INSERT INTO pko_evening_meeting (region_code, hospital_unit_id, meeting_date, start_time, end_time,
                            place, format, call_deadline, created_by, signup_token)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(regionCode, unitId, date, start, end, place, format.name(), callDeadline, by, Tokens.newToken())
                .query(Long.class)
                .single();
        long meetingId = meetings.idOf(new MeetingOwner(KIND, id));
        jdbc.sql("UPDATE pko_evening_meeting SET meeting_id = ? WHERE id = ?")
                .params(meetingId, id)
                .update();
        logistics.addDefaults(find(id).orElseThrow(), by);
        return id;
    }

    Optional<EveningMeeting> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(this::row).optional();
    }

    /** The evening meetings of the units the viewer belongs to (every unit of the region for its editors), newest first. */
    List<EveningMeeting> visible(Viewer viewer) {
        return jdbc
                .sql(SELECT + " WHERE CAST(? AS TEXT) IS NULL OR e.region_code = ? ORDER BY e.meeting_date DESC, e.id")
                .params(viewer.region(), viewer.region())
                .query(rows(new HashMap<>()))
                .list()
                .stream()
                .filter(e -> mayRead(viewer, e))
                .toList();
    }

    // --- the call for talks ---

    /**
     * The meeting's wishes for talks; "placed" when the programme (the meeting's agenda) has the talk now, so a talk
     * taken off the agenda on the meeting's page can be put on it again.
     */
    List<Wish> wishes(EveningMeeting evening) {
        Set<String> programme =
                programme(evening).stream().map(BlockView::title).collect(Collectors.toSet());
        return jdbc.sql("""
                        SELECT w.id, w.department_id, d.name AS department, p.name AS person, w.topic, w.speaker,
                               w.minutes, w.submitted_at, w.late
                        FROM pko_talk_wish w JOIN pko_department d ON d.id = w.department_id
                        JOIN pko_person p ON p.id = w.person_id
                        WHERE w.evening_meeting_id = ? ORDER BY d.name, w.submitted_at, w.id""")
                .param(evening.id())
                .query((rs, n) -> new Wish(
                        rs.getLong("id"),
                        rs.getLong("department_id"),
                        rs.getString("department"),
                        rs.getString("person"),
                        rs.getString("topic"),
                        rs.getString("speaker"),
                        rs.getInt("minutes"),
                        rs.getObject("submitted_at", OffsetDateTime.class),
                        rs.getBoolean("late"),
                        programme.contains(talkTitle(rs.getString("topic"), rs.getString("department")))))
                .list();
    }

    /** A wish's item on the programme: "Hjertesvigt i almen praksis (Hjertesygdomme)". */
    private static String talkTitle(String topic, String department) {
        return topic + " (" + department + ")";
    }

    /** The programme: the meeting's agenda, timed from the evening's start. */
    List<BlockView> programme(EveningMeeting evening) {
        return meetings.agenda(evening.meetingId(), evening.start());
    }

    /** A consultant's wish for a talk; after the deadline it is kept and marked late. */
    @Transactional
    void wish(EveningMeeting evening, long departmentId, long personId, String topic, String speaker, int minutes) {
        boolean late = evening.callDeadline() != null && today().isAfter(evening.callDeadline());
        jdbc.sql("""
                        INSERT INTO pko_talk_wish (evening_meeting_id, department_id, person_id, topic, speaker, minutes, late)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(evening.id(), departmentId, personId, topic, speaker, minutes, late)
                .update();
    }

    /**
     * Puts a wish on the programme (the meeting's agenda) unless it is there now. False when it is not this
     * meeting's or already on the programme. The agenda's lock (taken first) keeps two at once from both adding it.
     */
    @Transactional
    boolean place(EveningMeeting evening, long wishId) {
        jdbc.sql("SELECT id FROM pko_evening_meeting WHERE id = ? FOR UPDATE")
                .param(evening.id())
                .query(Long.class)
                .optional();
        Optional<Wish> wish = wishes(evening).stream()
                .filter(w -> w.id() == wishId && !w.placed())
                .findFirst();
        if (wish.isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE pko_talk_wish SET placed_at = now() WHERE id = ?")
                .param(wishId)
                .update();
        Wish w = wish.get();
        meetings.addAgendaItem(
                evening.meetingId(),
                talkTitle(w.topic(), w.departmentName()),
                w.minutes(),
                w.speaker().isBlank() ? w.departmentName() : w.speaker(),
                false);
        return true;
    }

    // --- the public sign-up ---

    /** How many sign-ups one client (address) may make in an hour, to all evening meetings together. */
    static final int SIGNUPS_PER_CLIENT_HOUR = 20;

    enum SignupKind {
        GP,
        TRAINEE
    }

    /** The sign-ups of an evening meeting, for the catering: GPs and trainees. */
    record SignupCount(int gps, int trainees) {
        public int total() {
            return gps + trainees;
        }
    }

    /** The evening meeting whose sign-up address this is; none for a malformed or unknown one. */
    Optional<EveningMeeting> bySignupToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{32,64}")) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE e.signup_token = ?")
                .param(token)
                .query(this::row)
                .optional();
    }

    /** Signs a GP or trainee up, unless the client has signed up too often this hour; false then. */
    @Transactional
    boolean signUp(EveningMeeting evening, String name, String practice, SignupKind kind, String client) {
        byte[] hash = clientHash(client);
        // One client at a time (the lock on its hash), so that a burst of requests cannot pass the count together.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(encode(?, 'hex')))")
                .param(hash)
                .query(Object.class)
                .optional();
        int recent = jdbc.sql("""
                        SELECT count(*) FROM pko_evening_signup
                        WHERE client_hash = ? AND signed_up_at > now() - interval '1 hour'""").param(hash).query(Integer.class).single();
        if (recent >= SIGNUPS_PER_CLIENT_HOUR) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO pko_evening_signup (evening_meeting_id, name, practice, kind, client_hash)
                        VALUES (?, ?, ?, ?, ?)""").params(evening.id(), name, practice, kind.name(), hash).update();
        return true;
    }

    SignupCount signups(long eveningId) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE kind = 'GP'), count(*) FILTER (WHERE kind = 'TRAINEE')
                        FROM pko_evening_signup WHERE evening_meeting_id = ?""")
                .param(eveningId)
                .query((rs, n) -> new SignupCount(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    private static byte[] clientHash(String client) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("samspil evening sign-up " + client).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- warnings ---

    /** The planner's warnings: a third meeting of the unit in the year, a weekend, times outside the evening. */
    List<Warning> planWarnings(EveningMeeting e) {
        List<Warning> warnings = new ArrayList<>();
        int inYear = jdbc.sql("""
                        SELECT count(*) FROM pko_evening_meeting
                        WHERE hospital_unit_id = ? AND extract(YEAR FROM meeting_date) = ?""")
                .params(e.unitId(), e.date().getYear())
                .query(Integer.class)
                .single();
        if (inYear > PER_YEAR) {
            warnings.add(new Warning(
                    "pko.evening.warn.perYear", inYear, String.valueOf(e.date().getYear())));
        }
        if (e.date().getDayOfWeek() == DayOfWeek.SATURDAY || e.date().getDayOfWeek() == DayOfWeek.SUNDAY) {
            warnings.add(new Warning("pko.evening.warn.weekend"));
        }
        if (e.start().isBefore(EVENING_START) || e.end().isAfter(EVENING_END)) {
            warnings.add(new Warning("pko.evening.warn.hours"));
        }
        return warnings;
    }

    /**
     * The programme's warnings, from its agenda: a talk is an item with a speaker that is no break; fewer than six or
     * more than eight of them, a talk shorter than 15 or longer than 20 minutes, a programme that ends after 20.00.
     */
    List<Warning> programmeWarnings(EveningMeeting e) {
        List<Warning> warnings = new ArrayList<>();
        List<BlockView> agenda = programme(e);
        List<BlockView> talks = agenda.stream()
                .filter(b -> !b.pause() && !b.speaker().isBlank())
                .toList();
        if (talks.size() < FEWEST_TALKS || talks.size() > MOST_TALKS) {
            warnings.add(new Warning("pko.evening.warn.talks", talks.size()));
        }
        for (BlockView talk : talks) {
            long minutes =
                    Duration.between(talk.plannedFrom(), talk.plannedTo()).toMinutes();
            if (minutes < SHORTEST_TALK || minutes > LONGEST_TALK) {
                warnings.add(new Warning("pko.evening.warn.talkLength", talk.title(), minutes));
            }
        }
        if (!agenda.isEmpty() && agenda.get(agenda.size() - 1).plannedTo().isAfter(EVENING_END)) {
            warnings.add(new Warning(
                    "pko.evening.warn.late",
                    agenda.get(agenda.size() - 1).plannedTo().toString()));
        }
        return warnings;
    }

    // --- who ---

    /** The region's editors, and the unit's coordinator. */
    static boolean mayWrite(Viewer viewer, EveningMeeting e) {
        return viewer.inRegion(e.regionCode())
                && (viewer.editsRegion() || (viewer.coordinator() && viewer.unitId() == e.unitId()));
    }

    /** Those who write it, and the unit's hospital consultants. */
    boolean mayRead(Viewer viewer, EveningMeeting e) {
        return mayWrite(viewer, e)
                || (viewer.person() != null && !wishDepartments(viewer, e).isEmpty());
    }

    /** The departments of the unit a consultant may wish a talk for: their own there. */
    List<Department> wishDepartments(Viewer viewer, EveningMeeting e) {
        if (viewer.person() == null || !viewer.person().isConsultant()) {
            return List.of();
        }
        return people.ownDepartments(viewer.person().id()).stream()
                .filter(d -> d.hospitalUnitId() == e.unitId())
                .toList();
    }

    // --- the meeting module's host ---

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<HostedMeeting> meeting(long ownerId) {
        return find(ownerId)
                .map(e -> new HostedMeeting(
                        title(e),
                        e.date(),
                        e.start(),
                        e.place(),
                        List.of(new Fact(
                                text("pko.evening.format"),
                                text("pko.evening.format." + e.format().name()))),
                        "/pko/fyraftensmoeder/" + e.id(),
                        title(e),
                        // "Det forventes, at hospitalspraksiskonsulenterne deltager": the unit's consultants and
                        // coordinator.
                        unitMeetings.unitParticipants(e.regionCode(), e.unitId(), false)));
    }

    @Override
    public boolean mayRead(SamspilPrincipal user, long ownerId) {
        return access.viewerIfAny(user)
                .flatMap(v -> find(ownerId).map(e -> mayRead(v, e)))
                .orElse(false);
    }

    @Override
    public boolean mayWrite(SamspilPrincipal user, long ownerId) {
        return access.viewerIfAny(user)
                .flatMap(v -> find(ownerId).map(e -> mayWrite(v, e)))
                .orElse(false);
    }

    String title(EveningMeeting e) {
        return messages.getMessage("pko.evening.title", new Object[] {e.unitName()}, DANISH);
    }

    private EveningMeeting row(ResultSet rs, int n) throws SQLException {
        return rows(new HashMap<>()).mapRow(rs, n);
    }

    /** Rows with their unit's name, the names read once per region for all the rows of one query. */
    private RowMapper<EveningMeeting> rows(Map<String, Map<Long, String>> units) {
        return (rs, n) -> {
            String region = rs.getString("region_code");
            long unit = rs.getLong("hospital_unit_id");
            return eveningMeeting(
                    rs,
                    region,
                    unit,
                    units.computeIfAbsent(region, registers::units).getOrDefault(unit, ""));
        };
    }

    private static EveningMeeting eveningMeeting(ResultSet rs, String region, long unit, String unitName)
            throws SQLException {
        return new EveningMeeting(
                rs.getLong("id"),
                region,
                unit,
                unitName,
                rs.getObject("meeting_date", LocalDate.class),
                rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class),
                rs.getString("place"),
                Format.valueOf(rs.getString("format")),
                rs.getObject("call_deadline", LocalDate.class),
                rs.getLong("meeting_id"),
                rs.getString("signup_token"));
    }

    private String text(String key) {
        return messages.getMessage(key, null, DANISH);
    }
}
