package dk.samspil.documents;

import static dk.samspil.documents.DocumentWording.*;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.ItemKind;
import dk.samspil.catalog.PackageDefinition.ProgrammeEntry;
import dk.samspil.catalog.PackageDefinition.ScheduledItem;
import dk.samspil.documents.PackageDocuments.Facts;
import dk.samspil.documents.PackageDocuments.Kind;
import dk.samspil.office.DocxBuilder;
import dk.samspil.office.DocxBuilder.Line;
import dk.samspil.platform.DanishFormat;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** The parts several package documents share: header, time and place, programme, deadlines, contact. */
final class DocumentSections {

    private final DocxBuilder doc;
    private final PackageDefinition pkg;
    private final Facts facts;

    DocumentSections(DocxBuilder doc, PackageDefinition pkg, Facts facts) {
        this.doc = doc;
        this.pkg = pkg;
        this.facts = facts;
    }

    DocxBuilder doc() {
        return doc;
    }

    PackageDefinition pkg() {
        return pkg;
    }

    Facts facts() {
        return facts;
    }

    void header(Kind kind) {
        doc.heading(1, kind.title());
        doc.paragraph(subtitle(pkg.title(), facts.cluster(), facts.municipality(), facts.date()));
    }

    void timeAndPlace() {
        doc.heading(2, TIME_AND_PLACE);
        doc.labelled(DATE, DanishFormat.longDate(facts.date()));
        doc.labelled(TIME, "kl. " + DanishFormat.timeSpan(facts.start(), end()));
        doc.labelled(VENUE, venue(facts.venue()));
    }

    /** A heading with bullets, left out when the package has nothing to say. */
    void bulletSection(String heading, List<String> items) {
        if (!items.isEmpty()) {
            doc.heading(2, heading);
            doc.bullets(items);
        }
    }

    void tickSection(String heading, List<String> items) {
        if (!items.isEmpty()) {
            doc.heading(2, heading);
            doc.tickBoxes(items);
        }
    }

    void purpose() {
        bulletSection(PURPOSE, pkg.purpose());
    }

    /** The programme as a table with clock times from the order's start time. */
    void programme() {
        doc.heading(2, PROGRAMME);
        doc.paragraph(PROVISIONAL);
        List<List<List<Line>>> rows = new ArrayList<>();
        for (ScheduledItem scheduled : schedule()) {
            rows.add(List.of(
                    List.of(Line.plain(DanishFormat.timeSpan(scheduled.from(), scheduled.to()))),
                    programmePoint(scheduled),
                    List.of(Line.plain(DanishFormat.minutes(scheduled.item().minutes())))));
        }
        doc.table(PROGRAMME_COLUMNS, rows, new int[] {18, 66, 16}, 0);
    }

    private static List<Line> programmePoint(ScheduledItem scheduled) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.bold(scheduled.item().title()));
        for (ProgrammeEntry entry : scheduled.item().items()) {
            lines.add(Line.plain(entry.heading()));
            entry.points().forEach(point -> lines.add(Line.bullet(point)));
        }
        return lines;
    }

    List<ScheduledItem> schedule() {
        return pkg.scheduleFrom(facts.start());
    }

    List<ScheduledItem> blocks() {
        return schedule().stream()
                .filter(item -> item.item().kind() == ItemKind.BLOCK)
                .toList();
    }

    /** The deadlines before the meeting, in words and dates (seed 004's drejebog). */
    List<String> deadlines(boolean withOrder) {
        List<String> deadlines = new ArrayList<>();
        if (withOrder && pkg.leadTime() != null) {
            deadlines.add(
                    orderBy(pkg.leadTime().weeks(), weeksBefore(pkg.leadTime().weeks())));
        }
        deadlines.add(finalDeckBy(weeksBefore(2)));
        deadlines.add(preMeetingBy(weeksBefore(1)));
        return deadlines;
    }

    String weeksBefore(int weeks) {
        return DanishFormat.longDate(facts.date().minusWeeks(weeks));
    }

    String meetingLine() {
        return meeting(DanishFormat.longDate(facts.date()), "kl. " + DanishFormat.timeSpan(facts.start(), end()));
    }

    void contact() {
        doc.heading(2, CONTACT);
        doc.labelled(CLUSTER, facts.cluster());
        if (facts.coordinator() != null) {
            doc.labelled(COORDINATOR, facts.coordinator());
        }
        if (facts.provider() != null) {
            doc.labelled(PROVIDER, facts.provider());
        }
        if (facts.orderLink() != null) {
            doc.link(ORDER_LINK, facts.orderLink());
        }
    }

    /** The sender of a letter: the coordinator, or the cluster when no coordinator is known. */
    String sender() {
        return facts.coordinator() == null ? facts.cluster() : facts.coordinator() + ", " + facts.cluster();
    }

    private LocalTime end() {
        List<ScheduledItem> schedule = schedule();
        return schedule.isEmpty()
                ? facts.start().plusMinutes(pkg.meetingMinutes())
                : schedule.get(schedule.size() - 1).to();
    }
}
