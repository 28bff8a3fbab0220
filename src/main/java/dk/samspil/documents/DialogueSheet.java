package dk.samspil.documents;

import static dk.samspil.documents.DocumentWording.*;

import dk.samspil.catalog.PackageDefinition.ScheduledItem;
import dk.samspil.office.DocxBuilder;
import dk.samspil.office.DocxBuilder.Line;
import dk.samspil.platform.DanishFormat;
import java.util.Collections;
import java.util.List;

/** The group's sheet: each block's dialogue questions with room to write, and the group's agreements. */
final class DialogueSheet {

    private static final double ANSWER_CM = 3.5;
    private static final int AGREEMENT_ROWS = 6;

    private DialogueSheet() {}

    static void write(DocumentSections sections) {
        DocxBuilder doc = sections.doc();
        doc.boldParagraph(GROUP);
        doc.answerBox(1.2);
        doc.paragraph(WRITE_HERE);
        for (ScheduledItem block : sections.blocks()) {
            List<String> questions = block.item().dialogueQuestions();
            if (questions.isEmpty()) {
                continue;
            }
            doc.heading(
                    2,
                    block(
                            DanishFormat.timeSpan(block.from(), block.to()),
                            block.item().title()));
            for (String question : questions) {
                doc.boldParagraph(question);
                doc.answerBox(ANSWER_CM);
            }
        }
        doc.heading(2, AGREEMENTS);
        List<List<List<Line>>> empty = Collections.nCopies(AGREEMENT_ROWS, List.of(List.of(), List.of(), List.of()));
        doc.table(AGREEMENT_COLUMNS, empty, new int[] {55, 25, 20}, 1.4);
        doc.heading(2, PARKING_LOT);
        doc.answerBox(ANSWER_CM);
    }
}
