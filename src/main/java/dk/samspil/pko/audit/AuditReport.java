package dk.samspil.pko.audit;

import dk.samspil.office.DocxBuilder;
import dk.samspil.office.DocxBuilder.Line;
import dk.samspil.platform.DanishFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The audit's report to the practice coordinator as Word: what was audited, who approved it, the result per criterion. */
@Component
class AuditReport {

    private final MessageSource messages;

    AuditReport(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(Audits.AuditView audit, String place, String unit, List<AuditCompletion.ResultRow> rows) {
        DocxBuilder doc = new DocxBuilder(text("pko.audit.report.doc.title", audit.title()));
        doc.heading(1, text("pko.audit.report.doc.title", audit.title()));
        doc.labelled(text("pko.audit.place"), place);
        if (unit != null) {
            doc.labelled(text("pko.audit.unit"), unit);
        }
        doc.labelled(text("pko.audit.departmentDoctor"), audit.departmentDoctor());
        doc.labelled(
                text("pko.audit.report.approvedBy"),
                audit.decidedByName() + ", " + audit.decidedByTitle() + " (" + DanishFormat.dateTime(audit.decidedAt())
                        + ")");
        doc.labelled(text("pko.audit.report.completed"), DanishFormat.dateTime(audit.completedAt()));
        doc.heading(2, text("pko.audit.description"));
        doc.paragraph(audit.description());
        doc.heading(2, text("pko.audit.report.result"));
        doc.paragraph(text("pko.audit.report.cases", audit.deletedCases()));
        List<List<List<Line>>> table = new ArrayList<>();
        for (AuditCompletion.ResultRow row : rows) {
            table.add(List.of(
                    List.of(Line.plain(row.position() + ". " + row.criterion())),
                    List.of(Line.plain(String.valueOf(row.met()))),
                    List.of(Line.plain(String.valueOf(row.notMet()))),
                    List.of(Line.plain(String.valueOf(row.notRelevant())))));
        }
        doc.table(
                List.of(
                        text("pko.audit.criterion"),
                        text("pko.audit.verdict.MET"),
                        text("pko.audit.verdict.NOT_MET"),
                        text("pko.audit.verdict.NOT_RELEVANT")),
                table,
                new int[] {58, 14, 14, 14},
                0);
        doc.heading(2, text("pko.audit.conclusions"));
        doc.paragraph(orDash(audit.conclusions()));
        doc.heading(2, text("pko.audit.actions"));
        doc.paragraph(orDash(audit.actions()));
        doc.paragraph(text("pko.audit.report.deleted", DanishFormat.dateTime(audit.completedAt())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, AuditApproval.DANISH);
    }
}
