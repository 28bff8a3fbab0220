package dk.samspil.documents;

import static dk.samspil.documents.DocumentWording.*;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.catalog.PackageDefinition.ScheduledItem;
import dk.samspil.office.DocxBuilder;
import dk.samspil.office.DocxBuilder.Line;
import dk.samspil.platform.DanishFormat;
import java.util.ArrayList;
import java.util.List;

/** The planning group's checklist before, during and after the meeting (seed 004's drejebog), with tick boxes. */
final class PlanningChecklist {

    private PlanningChecklist() {}

    static void write(DocumentSections sections) {
        DocxBuilder doc = sections.doc();
        PackageDefinition pkg = sections.pkg();
        doc.labelled(DATE, sections.meetingLine());
        doc.labelled(VENUE, venue(sections.facts().venue()));

        doc.heading(2, ROLES);
        List<List<List<Line>>> roles = ROLE_NAMES.stream()
                .map(role -> List.of(List.of(Line.bold(role)), List.<Line>of()))
                .toList();
        doc.table(ROLE_COLUMNS, roles, new int[] {35, 65}, 0.9);

        doc.heading(2, BEFORE);
        List<String> before = new ArrayList<>(sections.deadlines(true));
        before.addAll(pkg.dataRequirements());
        if (!pkg.questionnaire().questions().isEmpty()) {
            before.add(COMMENT_QUESTIONNAIRE);
        }
        before.add(AGREE_WITH_MUNICIPALITY);
        before.add(sendInvitation(pkg.podcast()));
        doc.tickBoxes(before);
        doc.heading(3, AT_PRE_MEETING);
        doc.tickBoxes(PRE_MEETING_CHECKS);
        doc.heading(3, PRACTICAL);
        doc.tickBoxes(PRACTICAL_CHECKS);

        doc.heading(2, DURING);
        List<String> during = new ArrayList<>();
        for (ScheduledItem block : sections.blocks()) {
            during.add(block(
                    DanishFormat.timeSpan(block.from(), block.to()),
                    block.item().title()));
        }
        during.addAll(DURING_CHECKS);
        doc.tickBoxes(during);

        doc.heading(2, AFTER);
        List<String> after = new ArrayList<>(List.of(SEND_MINUTES));
        after.addAll(pkg.afterMeeting());
        doc.tickBoxes(after);
    }
}
