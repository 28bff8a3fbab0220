package dk.samspil.meeting;

import dk.samspil.meeting.Meetings.AgreementView;
import dk.samspil.meeting.Meetings.Attendee;
import dk.samspil.meeting.Meetings.BlockView;
import dk.samspil.meeting.Meetings.Heading;
import dk.samspil.meeting.Meetings.MeetingView;
import dk.samspil.meeting.Meetings.ParkingItem;
import dk.samspil.office.DocxBuilder;
import dk.samspil.office.DocxBuilder.Line;
import dk.samspil.ordering.Party;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** Writes the referat of a meeting as Word: the facts, the roles, each block as it went, the parking lot, the agreements. */
final class MinutesDocument {

    static final Locale DANISH = Locale.forLanguageTag("da-DK");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    private final MessageSource messages;

    MinutesDocument(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(MeetingView meeting) {
        Heading heading = meeting.heading();
        String title = text(
                meeting.order() == null ? "meeting.minutes.doc.titleHosted" : "meeting.minutes.doc.title",
                heading.title());
        DocxBuilder doc = new DocxBuilder(title);
        doc.heading(1, title);
        for (MeetingHost.Fact fact : heading.facts()) {
            doc.labelled(fact.label(), fact.value());
        }
        doc.labelled(text("meeting.minutes.doc.date"), heading.date().format(DATE) + ", " + time(heading.start()));
        doc.labelled(text("meeting.minutes.doc.venue"), orDash(heading.place()));
        doc.labelled(text("meeting.chair"), orDash(meeting.roles().chair()));
        doc.labelled(text("meeting.referent"), orDash(meeting.roles().referent()));
        doc.labelled(text("meeting.presenters"), orDash(meeting.roles().presenters()));
        sections(doc, heading.sections());

        doc.heading(2, text("meeting.attendance.heading"));
        List<Attendee> present = meeting.attendance().present();
        if (present.isEmpty() && meeting.attendance().others().isBlank()) {
            doc.paragraph(text("meeting.attendance.none"));
        } else {
            List<List<List<Line>>> rows = new ArrayList<>();
            for (Attendee person : present) {
                rows.add(List.of(
                        List.of(Line.plain(person.name())), List.of(Line.plain(orDash(person.organisation())))));
            }
            if (!present.isEmpty()) {
                doc.table(
                        List.of(text("meeting.attendance.name"), text("meeting.attendance.organisation")),
                        rows,
                        new int[] {50, 50},
                        0);
            }
            if (!meeting.attendance().others().isBlank()) {
                doc.labelled(
                        text("meeting.attendance.others"), meeting.attendance().others());
            }
        }

        doc.heading(2, text(meeting.ownAgenda() ? "meeting.agenda.heading" : "meeting.programme.heading"));
        for (BlockView block : meeting.blocks()) {
            doc.heading(3, block.title());
            if (!block.speaker().isBlank()) {
                doc.paragraph(text("meeting.agenda.speakerIs", block.speaker()));
            }
            doc.labelled(
                    text("meeting.minutes.doc.planned"), time(block.plannedFrom()) + "–" + time(block.plannedTo()));
            doc.labelled(
                    text("meeting.minutes.doc.actual"),
                    block.actualStart() == null && block.actualEnd() == null
                            ? "–"
                            : time(block.actualStart()) + "–" + time(block.actualEnd()));
            if (!block.notes().isBlank()) {
                doc.paragraph(block.notes());
            }
        }

        doc.heading(2, text("meeting.parking.heading"));
        if (meeting.parking().isEmpty()) {
            doc.paragraph(text("meeting.parking.none"));
        } else {
            List<List<List<Line>>> rows = new ArrayList<>();
            for (ParkingItem item : meeting.parking()) {
                rows.add(List.of(List.of(Line.plain(item.text())), List.of(Line.plain(orDash(item.owner())))));
            }
            doc.table(
                    List.of(text("meeting.parking.text"), text("meeting.parking.owner")), rows, new int[] {70, 30}, 0);
        }

        doc.heading(2, text("meeting.agreements.heading"));
        if (meeting.agreements().isEmpty()) {
            doc.paragraph(text("meeting.agreements.none"));
        } else {
            List<List<List<Line>>> rows = new ArrayList<>();
            for (AgreementView a : meeting.agreements()) {
                rows.add(List.of(
                        List.of(Line.plain(a.what())),
                        List.of(Line.plain(who(a))),
                        List.of(Line.plain(a.due() == null ? "–" : a.due().format(DATE))),
                        List.of(Line.plain(text(a.status().key())))));
            }
            doc.table(
                    List.of(
                            text("meeting.agreement.what"),
                            text("meeting.agreement.who"),
                            text("meeting.agreement.due"),
                            text("meeting.agreement.status")),
                    rows,
                    new int[] {46, 24, 16, 14},
                    0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** What the host wrote for the meeting (e.g. a collaboration meeting's case), as the meeting's page shows it. */
    private static void sections(DocxBuilder doc, List<MeetingHost.Section> sections) {
        for (MeetingHost.Section section : sections) {
            doc.heading(2, section.heading());
            section.paragraphs().forEach(doc::paragraph);
            for (MeetingHost.Part part : section.parts()) {
                doc.heading(3, part.heading());
                part.paragraphs().forEach(doc::paragraph);
                for (MeetingHost.Fact line : part.lines()) {
                    doc.labelled(line.label(), orDash(line.value()));
                }
            }
        }
    }

    /** Who holds an agreement, in words: the person, the party, or both. */
    String who(AgreementView a) {
        return who(messages, a.ownerPerson(), a.ownerParty());
    }

    static String who(MessageSource messages, String person, Party owner) {
        String party = owner == null
                ? ""
                : messages.getMessage(
                        switch (owner) {
                            case CLUSTER -> "meeting.party.CLUSTER";
                            case MUNICIPALITY -> "meeting.party.MUNICIPALITY";
                            case PROVIDER -> "meeting.party.PROVIDER";
                        },
                        null,
                        DANISH);
        if (person == null || person.isBlank()) {
            return party;
        }
        return party.isEmpty() ? person : person + " (" + party + ")";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }

    private static String time(LocalTime time) {
        return time == null ? "?" : time.format(TIME);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }
}
