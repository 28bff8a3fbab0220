package dk.samspil.pko;

import dk.samspil.meeting.MeetingHost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Manegemodellen's case of a collaboration meeting (seed 003): "en konstrueret case, der fortæller om en person
 * med udfordringer der kalder på indsatser fra forskellige aktører – almen praksis, kommunale sagsbehandlere, private
 * sundhedsaktører, regionale ansatte". The points of the story chosen ("det nedslag i personens historie, man vælger
 * at fokusere på"), and each actor's contribution at each point: written before the meeting, shown at it (its page
 * and the meeting's), kept in the referat.
 */
@Service
class ManegeCases {

    /** The handbook's four kinds of actor who "går ind i manegen". */
    enum ActorKind {
        GENERAL_PRACTICE,
        MUNICIPAL_CASEWORKER,
        PRIVATE_HEALTH,
        REGIONAL
    }

    record Actor(long id, ActorKind kind, String name) {}

    /** @param contributions by actor id; an actor with nothing to add at this point has none */
    record Point(long id, String title, String description, Map<Long, String> contributions) {}

    /** @param person who the case is about, e.g. "Inger, 82 år"; empty until the case is written */
    record ManegeCase(
            long meetingId, String person, String story, int version, List<Actor> actors, List<Point> points) {

        boolean written() {
            return !person.isBlank();
        }
    }

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ManegeCases(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The case as it stands; empty when nothing of it is written yet. */
    Optional<ManegeCase> of(long collaborationId) {
        ManegeCase c = read(collaborationId);
        return c.written() || !c.actors().isEmpty() || !c.points().isEmpty() ? Optional.of(c) : Optional.empty();
    }

    /** The case as it stands, empty fields when nothing is written. */
    ManegeCase read(long collaborationId) {
        String[] head = jdbc.sql(
                        "SELECT person, story, version FROM pko_manege_case WHERE collaboration_meeting_id = ?")
                .param(collaborationId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getInt(3))})
                .optional()
                .orElse(new String[] {"", "", "-1"});
        List<Actor> actors = jdbc.sql(
                        "SELECT id, kind, name FROM pko_manege_actor WHERE collaboration_meeting_id = ? ORDER BY id")
                .param(collaborationId)
                .query((rs, n) -> new Actor(rs.getLong(1), ActorKind.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
        Map<Long, Map<Long, String>> contributions = new HashMap<>();
        jdbc.sql("""
                        SELECT c.point_id, c.actor_id, c.text FROM pko_manege_contribution c
                        JOIN pko_manege_point p ON p.id = c.point_id WHERE p.collaboration_meeting_id = ?""")
                .param(collaborationId)
                .query((rs, n) -> contributions
                        .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getLong(2), rs.getString(3)))
                .list();
        List<Point> points = jdbc.sql("""
                        SELECT id, title, description FROM pko_manege_point WHERE collaboration_meeting_id = ?
                        ORDER BY id""")
                .param(collaborationId)
                .query((rs, n) -> new Point(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        contributions.getOrDefault(rs.getLong(1), Map.of())))
                .list();
        return new ManegeCase(collaborationId, head[0], head[1], Integer.parseInt(head[2]), actors, points);
    }

    /** Writes who the case is about and their story, unless someone else saved it since {@code version} was read. */
    @Transactional
    boolean saveStory(long collaborationId, String person, String story, int version) {
        if (version < 0) {
            return jdbc.sql("""
                            INSERT INTO pko_manege_case (collaboration_meeting_id, person, story) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING""").params(collaborationId, person, story).update() == 1;
        }
        return jdbc.sql("""
                        UPDATE pko_manege_case SET person = ?, story = ?, version = version + 1
                        WHERE collaboration_meeting_id = ? AND version = ?""").params(person, story, collaborationId, version).update() == 1;
    }

    /** Adds an actor; false when the case has an actor of that name. */
    @Transactional
    boolean addActor(long collaborationId, ActorKind kind, String name) {
        return jdbc.sql("""
                        INSERT INTO pko_manege_actor (collaboration_meeting_id, kind, name) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""").params(collaborationId, kind.name(), name).update() == 1;
    }

    @Transactional
    boolean removeActor(long collaborationId, long actorId) {
        return jdbc.sql("DELETE FROM pko_manege_actor WHERE collaboration_meeting_id = ? AND id = ?")
                        .params(collaborationId, actorId)
                        .update()
                == 1;
    }

    @Transactional
    long addPoint(long collaborationId, String title, String description) {
        return jdbc.sql("""
                        INSERT INTO pko_manege_point (collaboration_meeting_id, title, description) VALUES (?, ?, ?)
                        RETURNING id""")
                .params(collaborationId, title, description)
                .query(Long.class)
                .single();
    }

    @Transactional
    boolean removePoint(long collaborationId, long pointId) {
        return jdbc.sql("DELETE FROM pko_manege_point WHERE collaboration_meeting_id = ? AND id = ?")
                        .params(collaborationId, pointId)
                        .update()
                == 1;
    }

    /**
     * Writes each actor's contribution at a point: a blank one is removed. Actors not of the case are ignored; false
     * when the point is not the case's.
     */
    @Transactional
    boolean saveContributions(long collaborationId, long pointId, Map<Long, String> byActor) {
        ManegeCase c = read(collaborationId);
        if (c.points().stream().noneMatch(p -> p.id() == pointId)) {
            return false;
        }
        for (Actor actor : c.actors()) {
            String text = byActor.getOrDefault(actor.id(), "").strip();
            jdbc.sql("DELETE FROM pko_manege_contribution WHERE point_id = ? AND actor_id = ?")
                    .params(pointId, actor.id())
                    .update();
            if (!text.isEmpty()) {
                jdbc.sql("INSERT INTO pko_manege_contribution (point_id, actor_id, text) VALUES (?, ?, ?)")
                        .params(pointId, actor.id(), text)
                        .update();
            }
        }
        return true;
    }

    /** The case as the meeting's page and its referat show it: the person and story, then point by point. */
    MeetingHost.Section section(ManegeCase c) {
        List<String> head = new ArrayList<>();
        if (c.written()) {
            head.add(c.person());
            head.add(c.story());
        }
        if (!c.actors().isEmpty()) {
            head.add(text("pko.manege.actorsLine", actorsLine(c)));
        }
        List<MeetingHost.Part> parts = new ArrayList<>();
        int n = 1;
        for (Point point : c.points()) {
            List<MeetingHost.Fact> lines = new ArrayList<>();
            for (Actor actor : c.actors()) {
                lines.add(new MeetingHost.Fact(
                        actorLabel(actor), point.contributions().getOrDefault(actor.id(), "")));
            }
            parts.add(new MeetingHost.Part(
                    text("pko.manege.pointHeading", String.valueOf(n++), point.title()),
                    point.description().isBlank() ? List.of() : List.of(point.description()),
                    lines));
        }
        return new MeetingHost.Section(text("pko.manege.sectionHeading"), head, parts);
    }

    /** "Egen læge (almen praksis)". */
    String actorLabel(Actor actor) {
        return text(
                "pko.manege.actorLabel",
                actor.name(),
                text("pko.manege.kind." + actor.kind().name()));
    }

    private String actorsLine(ManegeCase c) {
        Map<String, String> labels = new LinkedHashMap<>();
        c.actors().forEach(a -> labels.put(String.valueOf(a.id()), actorLabel(a)));
        return String.join(", ", labels.values());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }
}
