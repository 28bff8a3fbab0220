package dk.samspil.documents;

import static dk.samspil.documents.DocumentWording.*;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.office.DocxBuilder;
import java.util.ArrayList;
import java.util.List;

/** A one-page summary for the municipality: the package, purpose, date, what is expected of them, deadlines. */
final class FactSheet {

    private FactSheet() {}

    static void write(DocumentSections sections) {
        DocxBuilder doc = sections.doc();
        PackageDefinition pkg = sections.pkg();
        if (pkg.summary() != null) {
            doc.paragraph(pkg.summary());
        }
        sections.timeAndPlace();
        sections.purpose();
        List<String> expected = new ArrayList<>(pkg.participants().municipality());
        expected.addAll(pkg.municipalityRole());
        sections.bulletSection(EXPECTED, expected);
        sections.bulletSection(DELIVERABLES, pkg.municipalityDeliverables());
        doc.heading(2, DEADLINES);
        List<String> deadlines = new ArrayList<>(sections.deadlines(false));
        if (!pkg.municipalityDeliverables().isEmpty()) {
            deadlines.add(dataBy(sections.weeksBefore(1)));
        }
        deadlines.add(sections.meetingLine());
        doc.bullets(deadlines);
        sections.contact();
    }
}
