package dk.samspil.deck;

import dk.samspil.deck.SlideSpec.ProgrammeRow;
import dk.samspil.deck.TextBoxes.Style;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.apache.poi.sl.usermodel.TableCell.BorderEdge;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTableCell;
import org.openxmlformats.schemas.drawingml.x2006.main.STSchemeColorVal;

/** The deck's two tables: the programme, and the empty agreements table (Hvad / Hvem / Hvornår). */
final class ProgrammeTablePainter {

    private static final Color RULE = new Color(0xBF, 0xBF, 0xBF);
    private static final double AGREEMENT_ROW = 52;
    private static final int AGREEMENT_ROWS = 4;

    private final Canvas canvas;
    private final TextBoxes text;

    ProgrammeTablePainter(Canvas canvas, TextBoxes text) {
        this.canvas = canvas;
        this.text = text;
    }

    void programme(XSLFSlide slide, List<ProgrammeRow> rows) {
        XSLFTable table = slide.createTable();
        double size = ProgrammeTable.FONT_SIZE;
        header(table, Wording.PROGRAMME_COLUMNS, ProgrammeTable.headerHeight(), size);
        double height = ProgrammeTable.headerHeight();
        for (ProgrammeRow row : rows) {
            double rowHeight = ProgrammeTable.rowHeight(row.title());
            XSLFTableRow tableRow = table.addRow();
            tableRow.setHeight(rowHeight * canvas.scale());
            for (String value : List.of(row.time(), row.title(), row.minutes())) {
                XSLFTextRun run = cell(tableRow, value, size, Style.BODY);
                run.setItalic(row.isBreak());
            }
            height += rowHeight;
        }
        finish(
                table,
                ProgrammeTable.COLUMNS,
                new Rectangle2D.Double(Canvas.MARGIN, Canvas.BODY.getY(), Canvas.CONTENT_WIDTH, height));
    }

    /** Hvad / Hvem / Hvornår with empty rows to write in. */
    void agreements(XSLFSlide slide) {
        List<String> columns = Wording.AGREEMENT_COLUMNS;
        XSLFTable table = slide.createTable();
        double size = Canvas.BODY_SIZE;
        double headerHeight = size * TextFit.LINE_HEIGHT + 2 * ProgrammeTable.CELL_INSET_Y;
        header(table, columns, headerHeight, size);
        for (int i = 0; i < AGREEMENT_ROWS; i++) {
            XSLFTableRow row = table.addRow();
            row.setHeight(AGREEMENT_ROW * canvas.scale());
            columns.forEach(c -> cell(row, "", size, Style.BODY));
        }
        Rectangle2D box = Canvas.AGREEMENT_TABLE;
        double width = box.getWidth();
        finish(
                table,
                new double[] {width / 2, width / 4, width / 4},
                new Rectangle2D.Double(box.getX(), box.getY(), width, headerHeight + AGREEMENT_ROWS * AGREEMENT_ROW));
    }

    private void header(XSLFTable table, List<String> columns, double height, double size) {
        XSLFTableRow row = table.addRow();
        row.setHeight(height * canvas.scale());
        for (String column : columns) {
            cell(row, column, size, Style.ON_ACCENT);
            CTTableCell cell =
                    (CTTableCell) row.getCells().get(row.getCells().size() - 1).getXmlObject();
            var properties = cell.isSetTcPr() ? cell.getTcPr() : cell.addNewTcPr();
            properties.addNewSolidFill().addNewSchemeClr().setVal(STSchemeColorVal.ACCENT_1);
        }
    }

    private XSLFTextRun cell(XSLFTableRow row, String value, double size, Style style) {
        XSLFTableCell cell = row.addCell();
        double insetX = ProgrammeTable.CELL_INSET_X * canvas.scale();
        double insetY = ProgrammeTable.CELL_INSET_Y * canvas.scale();
        cell.setLeftInset(insetX);
        cell.setRightInset(insetX);
        cell.setTopInset(insetY);
        cell.setBottomInset(insetY);
        cell.setVerticalAlignment(VerticalAlignment.TOP);
        cell.setBorderColor(BorderEdge.bottom, RULE);
        cell.setBorderWidth(BorderEdge.bottom, 0.75);
        cell.clearText();
        XSLFTextRun run = cell.addNewTextParagraph().addNewTextRun();
        run.setText(TextBoxes.printable(value));
        text.style(run, size, style);
        return run;
    }

    private void finish(XSLFTable table, double[] columnWidths, Rectangle2D canvasBox) {
        for (int i = 0; i < columnWidths.length; i++) {
            table.setColumnWidth(i, columnWidths[i] * canvas.scale());
        }
        table.setAnchor(canvas.place(canvasBox));
    }
}
