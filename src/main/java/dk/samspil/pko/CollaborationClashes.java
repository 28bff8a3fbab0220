package dk.samspil.pko;

import dk.samspil.directory.Directory;
import dk.samspil.ordering.ClusterMeetings;
import dk.samspil.ordering.ClusterMeetings.ClusterMeeting;
import dk.samspil.pko.PkoCollaborations.Collaboration;
import dk.samspil.pko.PkoEveningMeetings.Warning;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clash check of a collaboration meeting's date (seed 003: "holde god kontakt med begge for at sikre, at der ikke
 * er mødesammenfald"): the cluster meetings of the municipality's clusters and of the package meetings it takes part
 * in, the municipality's other collaboration meetings, its consultant's meetings with it and the evening meetings of
 * the hospital units whose catchment area it is in, on the same day. Each
 * clash is a Danish warning that says what clashes, shown before the invitations go out.
 */
@Component
class CollaborationClashes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    private final ClusterMeetings clusterMeetings;
    private final PkoCollaborations collaborations;
    private final PkoEveningMeetings evenings;
    private final Directory directory;
    private final JdbcClient jdbc;

    CollaborationClashes(
            ClusterMeetings clusterMeetings,
            PkoCollaborations collaborations,
            PkoEveningMeetings evenings,
            Directory directory,
            JdbcClient jdbc) {
        this.clusterMeetings = clusterMeetings;
        this.collaborations = collaborations;
        this.evenings = evenings;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** The meeting's clashes on its day; none when the day is free. */
    List<Warning> of(Collaboration c) {
        return on(c.municipalityCode(), c.date(), c.id());
    }

    /** What else the municipality's general practice meets about on the day (a meeting of its own id excepted). */
    List<Warning> on(String municipalityCode, LocalDate day, long exceptId) {
        List<Warning> clashes = new ArrayList<>();
        for (ClusterMeeting m : clusterMeetings.on(day, List.of(municipalityCode))) {
            clashes.add(new Warning(
                    "pko.collab.clash.cluster", m.clusterName(), m.packageTitle(), time(m.start()), m.venue()));
        }
        for (Collaboration other : collaborations.onDay(municipalityCode, day, exceptId)) {
            clashes.add(new Warning(
                    "pko.collab.clash.collaboration", collaborations.title(other), time(other.start()), other.place()));
        }
        jdbc.sql("""
                        SELECT m.start_time, m.place, p.name FROM pko_meeting m JOIN pko_person p ON p.id = m.person_id
                        WHERE m.kind = 'MUNICIPALITY' AND m.municipality_code = ? AND m.meeting_date = ?
                        ORDER BY m.start_time, m.id""")
                .params(municipalityCode, day)
                .query((rs, n) -> clashes.add(new Warning(
                        "pko.collab.clash.consultant",
                        rs.getString(3),
                        time(rs.getObject(1, LocalTime.class)),
                        rs.getString(2))))
                .list();
        // The evening meetings for the GPs of a catchment area the municipality is in.
        for (long id : jdbc.sql("SELECT id FROM pko_evening_meeting WHERE meeting_date = ? ORDER BY start_time, id")
                .param(day)
                .query(Long.class)
                .list()) {
            evenings.find(id)
                    .filter(e -> directory.catchment(e.unitId()).stream()
                            .anyMatch(m -> m.code().equals(municipalityCode)))
                    .ifPresent(e -> clashes.add(new Warning(
                            "pko.collab.clash.evening",
                            evenings.title(e),
                            time(e.start()),
                            e.place().isBlank() ? "–" : e.place())));
        }
        return clashes;
    }

    private static String time(LocalTime time) {
        return time == null ? "?" : time.format(TIME);
    }
}
