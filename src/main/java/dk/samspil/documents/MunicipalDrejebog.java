package dk.samspil.documents;

import static dk.samspil.documents.DocumentWording.*;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.office.DocxBuilder;
import dk.samspil.office.DocxBuilder.Line;
import java.util.List;

/** The municipality's drejebog (seed 001): its role, the preparation questions with room to answer, the data to deliver. */
final class MunicipalDrejebog {

    private static final double ANSWER_CM = 3;

    private MunicipalDrejebog() {}

    static void write(DocumentSections sections) {
        DocxBuilder doc = sections.doc();
        PackageDefinition pkg = sections.pkg();
        if (pkg.focus() != null) {
            doc.paragraph(pkg.focus());
        }
        sections.timeAndPlace();
        sections.tickSection(ROLE, pkg.municipalityRole());

        doc.heading(2, PREPARATION);
        List<String> questions = pkg.municipalityPreparation();
        for (int index = 0; index < questions.size(); index++) {
            doc.boldParagraph(numbered(index + 1, questions.get(index)));
            doc.answerBox(ANSWER_CM);
        }

        doc.heading(2, DELIVERABLES);
        doc.paragraph(DELIVERABLES_INTRO);
        doc.tickBoxes(pkg.municipalityDeliverables());
        doc.heading(3, CONTACT_PERSON);
        List<List<List<Line>>> fields = CONTACT_PERSON_FIELDS.stream()
                .map(field -> List.of(List.of(Line.bold(field)), List.<Line>of()))
                .toList();
        doc.table(FIELD_COLUMNS, fields, new int[] {30, 70}, 0.9);

        sections.bulletSection(CLUSTER_WISHES, pkg.clusterWishes());
        sections.tickSection(SUGGESTED_ACTIONS, pkg.suggestedActions());
        doc.heading(2, DEADLINES);
        doc.bullets(sections.deadlines(false));
        sections.contact();
    }
}
