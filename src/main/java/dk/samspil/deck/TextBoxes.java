package dk.samspil.deck;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.sl.usermodel.Insets2D;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.sl.usermodel.TextShape.TextAutofit;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.openxmlformats.schemas.drawingml.x2006.main.CTSolidColorFillProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.STSchemeColorVal;

/**
 * Text boxes placed on the {@link Canvas}. Colours and fonts are the template theme's (scheme colours, major/minor
 * font), so a provider's template brings its own look.
 */
final class TextBoxes {

    enum Style {
        HEADING(true, STSchemeColorVal.TX_2, "+mj-lt"),
        BODY(false, STSchemeColorVal.TX_1, null),
        NOTE(false, STSchemeColorVal.TX_1, null),
        ON_ACCENT(true, STSchemeColorVal.BG_1, null);

        final boolean bold;
        final STSchemeColorVal.Enum colour;
        final String font;

        Style(boolean bold, STSchemeColorVal.Enum colour, String font) {
            this.bold = bold;
            this.colour = colour;
            this.font = font;
        }
    }

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF\\t]");

    private final Canvas canvas;

    TextBoxes(Canvas canvas) {
        this.canvas = canvas;
    }

    /** A box of paragraphs; {@code size} is canvas points. */
    XSLFTextBox box(
            XSLFSlide slide,
            Rectangle2D canvasBox,
            List<String> paragraphs,
            double size,
            Style style,
            boolean bullets) {
        XSLFTextBox box = slide.createTextBox();
        box.setAnchor(canvas.place(canvasBox));
        box.setInsets(new Insets2D(
                Canvas.INSET_Y * canvas.scale(),
                Canvas.INSET_X * canvas.scale(),
                Canvas.INSET_Y * canvas.scale(),
                Canvas.INSET_X * canvas.scale()));
        box.setWordWrap(true);
        box.setVerticalAlignment(VerticalAlignment.TOP);
        box.setTextAutofit(TextAutofit.NORMAL);
        box.clearText();
        for (String text : paragraphs) {
            paragraph(box, text, size, style, bullets);
        }
        return box;
    }

    XSLFTextBox box(XSLFSlide slide, Rectangle2D canvasBox, String text, double size, Style style) {
        return box(slide, canvasBox, List.of(text), size, style, false);
    }

    /** A heading in the largest size from {@code max} down that fits; shortened only if not even 16 points fit. */
    XSLFTextBox heading(XSLFSlide slide, Rectangle2D canvasBox, String text, double max) {
        double width = Canvas.textWidth(canvasBox);
        double height = Canvas.textHeight(canvasBox);
        double size = TextFit.fittingSize(text, width, height, max, 16);
        XSLFTextBox box = box(slide, canvasBox, shorten(text, width, height, size), size, Style.HEADING);
        box.setVerticalAlignment(VerticalAlignment.BOTTOM);
        return box;
    }

    /** Answers pasted from elsewhere may hold control characters, which XML cannot carry. */
    static String printable(String text) {
        return CONTROL.matcher(text).replaceAll(" ");
    }

    static double bulletIndent(double size) {
        return size * 1.2;
    }

    private void paragraph(XSLFTextShape box, String text, double size, Style style, boolean bullet) {
        XSLFTextParagraph paragraph = box.addNewTextParagraph();
        paragraph.setTextAlign(TextAlign.LEFT);
        paragraph.setLineSpacing(100.0);
        paragraph.setSpaceAfter(-size * canvas.scale() * TextFit.PARAGRAPH_GAP);
        if (bullet) {
            paragraph.setBullet(true);
            paragraph.setBulletCharacter("•");
            paragraph.setLeftMargin(bulletIndent(size) * canvas.scale());
            paragraph.setIndent(-bulletIndent(size) * canvas.scale());
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                paragraph.addLineBreak();
            }
            XSLFTextRun run = paragraph.addNewTextRun();
            run.setText(printable(lines[i]));
            style(run, size, style);
        }
    }

    void style(XSLFTextRun run, double size, Style style) {
        run.setFontSize(canvas.font(size));
        run.setBold(style.bold);
        if (style.font != null) {
            run.setFontFamily(style.font);
        }
        var properties = run.getRPr(true);
        properties.setLang(Wording.DANISH.toLanguageTag());
        CTSolidColorFillProperties fill =
                properties.isSetSolidFill() ? properties.getSolidFill() : properties.addNewSolidFill();
        fill.addNewSchemeClr().setVal(style.colour);
    }

    /** Drops words from the end (marked "…") until the text fits; only ever needed for a pathologically long text. */
    static String shorten(String text, double width, double height, double size) {
        int lines = TextFit.linesPerBox(height, size);
        String shown = text;
        while (TextFit.lineCount(shown, width, size) > lines) {
            String rest = shown.endsWith(" …") ? shown.substring(0, shown.length() - 2) : shown;
            int cut = rest.lastIndexOf(' ');
            shown = rest.substring(0, cut > 0 ? cut : rest.length() * 3 / 4) + " …";
        }
        return shown;
    }
}
