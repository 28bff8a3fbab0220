package dk.samspil.office;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Writes a plain, accessible Word document: A4, Danish, fonts LibreOffice ships, real heading styles (navigable),
 * real bullet lists, tables with repeated header rows, tick boxes and boxes to write in. Any text is written
 * verbatim, except characters XML cannot hold. Public for the other modules' documents (the meeting's referat).
 */
public final class DocxBuilder {

    private static final String FONT = "Liberation Sans";
    /** Liberation Sans has no ☐; DejaVu Sans has it and comes with LibreOffice. */
    private static final String SYMBOL_FONT = "DejaVu Sans";

    private static final String TICK_BOX = "☐";
    private static final String HEADING_COLOUR = "1F3864";
    /** Twentieths of a point: A4 is 210 × 297 mm; margins 2 cm. */
    private static final int A4_WIDTH = 11906;

    private static final int A4_HEIGHT = 16838;
    private static final int MARGIN = 1134;
    private static final int INDENT = 360;
    private static final int TWIPS_PER_CM = 567;
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\t\\n\\r\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    /** A line in a table cell. */
    public record Line(String text, LineStyle style) {
        public static Line plain(String text) {
            return new Line(text, LineStyle.PLAIN);
        }

        public static Line bold(String text) {
            return new Line(text, LineStyle.BOLD);
        }

        public static Line bullet(String text) {
            return new Line(text, LineStyle.BULLET);
        }
    }

    public enum LineStyle {
        PLAIN,
        BOLD,
        BULLET
    }

    private final XWPFDocument document = new XWPFDocument();
    private final BigInteger bullets;

    public DocxBuilder(String title) {
        document.getProperties().getCoreProperties().setTitle(clean(title));
        document.getProperties().getCoreProperties().setCreator("Samspil");
        pageA4();
        styles();
        bullets = bulletNumbering();
    }

    public void heading(int level, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setStyle("Heading" + level);
        write(paragraph.createRun(), text);
    }

    public void paragraph(String text) {
        write(document.createParagraph().createRun(), text);
    }

    /** "Label: value" with the label in bold. */
    public void labelled(String label, String value) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setSpacingAfter(60);
        XWPFRun labelRun = paragraph.createRun();
        labelRun.setBold(true);
        write(labelRun, label + ": ");
        write(paragraph.createRun(), value);
    }

    public void boldParagraph(String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setSpacingAfter(60);
        paragraph.setKeepNext(true);
        XWPFRun run = paragraph.createRun();
        run.setBold(true);
        write(run, text);
    }

    /** A paragraph with a web link; anything but http(s) is written as plain text, never as a link. */
    public void link(String label, String url) {
        XWPFParagraph paragraph = document.createParagraph();
        XWPFRun labelRun = paragraph.createRun();
        labelRun.setBold(true);
        write(labelRun, label + ": ");
        String target = clean(url);
        if (target.matches("(?i)https?://\\S+")) {
            XWPFHyperlinkRun run = paragraph.createHyperlinkRun(target);
            run.setUnderline(UnderlinePatterns.SINGLE);
            run.setColor("0B4F8A");
            write(run, target);
        } else {
            write(paragraph.createRun(), target);
        }
    }

    public void bullets(List<String> items) {
        for (String item : items) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setNumID(bullets);
            paragraph.setSpacingAfter(60);
            write(paragraph.createRun(), item);
        }
    }

    /** Items with an empty tick box (☐) to tick on paper or in Word. */
    public void tickBoxes(List<String> items) {
        for (String item : items) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setIndentationLeft(INDENT);
            paragraph.setIndentationHanging(INDENT);
            paragraph.setSpacingAfter(60);
            XWPFRun box = paragraph.createRun();
            box.setFontFamily(SYMBOL_FONT);
            box.setText(TICK_BOX);
            box.addTab();
            write(paragraph.createRun(), item);
        }
    }

    /** An empty bordered box to write in; it grows when filled in Word. */
    public void answerBox(double heightCm) {
        XWPFTable table = table(1, new int[] {100});
        XWPFTableRow row = table.getRow(0);
        row.setHeight((int) (heightCm * TWIPS_PER_CM));
        row.setHeightRule(TableRowHeightRule.AT_LEAST);
        spacer();
    }

    /**
     * A table with a header row repeated on every page.
     *
     * @param widths each column's share of the width in per cent
     * @param minRowCm the least height of the body rows, room to write in; 0 lets rows fit their text
     */
    public void table(List<String> header, List<List<List<Line>>> rows, int[] widths, double minRowCm) {
        XWPFTable table = table(rows.size() + 1, widths);
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        head.setCantSplitRow(true);
        for (int column = 0; column < header.size(); column++) {
            fill(head.getCell(column), List.of(Line.bold(header.get(column))));
            head.getCell(column).setColor("D9E2F3");
        }
        for (int index = 0; index < rows.size(); index++) {
            XWPFTableRow row = table.getRow(index + 1);
            List<List<Line>> cells = rows.get(index);
            if (minRowCm > 0) {
                row.setHeight((int) (minRowCm * TWIPS_PER_CM));
                row.setHeightRule(TableRowHeightRule.AT_LEAST);
            }
            for (int column = 0; column < cells.size(); column++) {
                fill(row.getCell(column), cells.get(column));
            }
        }
        spacer();
    }

    public void write(OutputStream out) throws IOException {
        document.write(out);
        document.close();
    }

    private XWPFTable table(int rows, int[] widths) {
        XWPFTable table = document.createTable(rows, widths.length);
        table.setWidth("100%");
        int textWidth = A4_WIDTH - 2 * MARGIN;
        for (XWPFTableRow row : table.getRows()) {
            for (int column = 0; column < widths.length; column++) {
                row.getCell(column).setWidth(String.valueOf(textWidth * widths[column] / 100));
            }
        }
        return table;
    }

    private void fill(XWPFTableCell cell, List<Line> lines) {
        XWPFParagraph first = cell.getParagraphs().get(0);
        for (int index = 0; index < lines.size(); index++) {
            Line line = lines.get(index);
            XWPFParagraph paragraph = index == 0 ? first : cell.addParagraph();
            paragraph.setSpacingAfter(40);
            if (line.style() == LineStyle.BULLET) {
                paragraph.setNumID(bullets);
            }
            XWPFRun run = paragraph.createRun();
            run.setBold(line.style() == LineStyle.BOLD);
            write(run, line.text());
        }
    }

    private void spacer() {
        document.createParagraph().setSpacingAfter(0);
    }

    private static void write(XWPFRun run, String text) {
        String[] lines = LINE_BREAK.split(clean(text), -1);
        for (int index = 0; index < lines.length; index++) {
            if (index > 0) {
                run.addBreak();
            }
            run.setText(lines[index], index);
        }
    }

    private static String clean(String text) {
        return text == null ? "" : NOT_XML.matcher(text).replaceAll("");
    }

    private void pageA4() {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(MARGIN);
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
    }

    private void styles() {
        XWPFStyles styles = document.createStyles();
        styles.setSpellingLanguage("da-DK");
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        styles.setDefaultFonts(fonts);
        CTRPr defaults = styles.getCtStyles().getDocDefaults().getRPrDefault().getRPr();
        defaults.addNewSz().setVal(BigInteger.valueOf(22));
        CTSpacing spacing =
                styles.getCtStyles().getDocDefaults().getPPrDefault().getPPr().addNewSpacing();
        spacing.setAfter(BigInteger.valueOf(120));
        spacing.setLine(BigInteger.valueOf(264));
        spacing.setLineRule(STLineSpacingRule.AUTO);
        styles.addStyle(heading(styles, 1, 18));
        styles.addStyle(heading(styles, 2, 14));
        styles.addStyle(heading(styles, 3, 12));
    }

    private static XWPFStyle heading(XWPFStyles styles, int level, int points) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId("Heading" + level);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal("heading " + level);
        style.addNewUiPriority().setVal(BigInteger.valueOf(9));
        style.addNewQFormat();
        CTPPrGeneral paragraph = style.addNewPPr();
        paragraph.addNewKeepNext();
        paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        CTSpacing spacing = paragraph.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(level == 1 ? 0 : 240));
        spacing.setAfter(BigInteger.valueOf(120));
        CTRPr run = style.addNewRPr();
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(points * 2L));
        run.addNewColor().setVal(HEADING_COLOUR);
        return new XWPFStyle(style, styles);
    }

    private BigInteger bulletNumbering() {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.ZERO);
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewNumFmt().setVal(STNumberFormat.BULLET);
        level.addNewLvlText().setVal("•");
        level.addNewLvlJc().setVal(STJc.LEFT);
        CTInd indentation = level.addNewPPr().addNewInd();
        indentation.setLeft(BigInteger.valueOf(INDENT));
        indentation.setHanging(BigInteger.valueOf(INDENT));
        XWPFNumbering numbering = document.createNumbering();
        return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
    }
}
