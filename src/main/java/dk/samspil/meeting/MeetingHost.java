package dk.samspil.meeting;

import dk.samspil.security.SamspilPrincipal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * A module whose things have meetings beside the package orders' (the PKO scheme's unit meetings, collaboration and
 * evening meetings): it tells the meeting module what a meeting of one of its rows is and who may take part. The
 * meeting module keeps what is written at the meeting (agenda, roles, attendance, parking lot, agreements, referat)
 * and serves its page at {@code /moeder/{id}}; the host keeps the rest and links there.
 */
public interface MeetingHost {

    /** The owner kind this host answers for (see {@link MeetingOwner#kind()}). */
    String kind();

    /** The owner's meeting as it is to be shown and written into the referat; empty when the owner is gone. */
    Optional<HostedMeeting> meeting(long ownerId);

    /** Whether the user may read the meeting and its referat. */
    boolean mayRead(SamspilPrincipal user, long ownerId);

    /** Whether the user may write at the meeting: its agenda, roles, attendance, parking lot, agreements, referat. */
    boolean mayWrite(SamspilPrincipal user, long ownerId);

    /**
     * @param title the meeting's name, e.g. "Møde for hospitalspraksiskonsulenter"
     * @param facts label–value lines under the title and in the referat (already Danish)
     * @param backHref the host's page of the meeting's owner, for the breadcrumb
     * @param people who may take part, for the attendance list; those recorded present get the referat
     * @param sections what the host wrote before the meeting for it to work on (e.g. a collaboration meeting's case),
     *     shown on the meeting's page under its facts and kept in the referat
     */
    record HostedMeeting(
            String title,
            LocalDate date,
            LocalTime start,
            String place,
            List<Fact> facts,
            String backHref,
            String backLabel,
            List<Person> people,
            List<Section> sections) {

        public HostedMeeting(
                String title,
                LocalDate date,
                LocalTime start,
                String place,
                List<Fact> facts,
                String backHref,
                String backLabel,
                List<Person> people) {
            this(title, date, start, place, facts, backHref, backLabel, people, List.of());
        }
    }

    record Fact(String label, String value) {}

    /**
     * A part of the meeting written by its host (already Danish): a heading, its paragraphs, and its parts.
     *
     * @param parts e.g. the points of a case's story, each with what each actor contributes there
     */
    record Section(String heading, List<String> paragraphs, List<Part> parts) {}

    /** A part of a section: a heading, paragraphs, and label–value lines. */
    record Part(String heading, List<String> paragraphs, List<Fact> lines) {}

    /**
     * @param key stable within the meeting, e.g. {@code person-12}
     * @param account whether the person signs in to Samspil (then the referat mail links to the meeting page; else it
     *     carries a personal link to the file)
     */
    record Person(String key, String name, String organisation, String email, boolean account) {}
}
