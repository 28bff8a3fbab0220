package dk.samspil.deck;

import dk.samspil.deck.SlideSpec.Agreements;
import dk.samspil.deck.SlideSpec.BarChart;
import dk.samspil.deck.SlideSpec.Cover;
import dk.samspil.deck.SlideSpec.Points;
import dk.samspil.deck.SlideSpec.Programme;
import dk.samspil.deck.SlideSpec.Statement;
import dk.samspil.deck.TextBoxes.Style;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.openxmlformats.schemas.drawingml.x2006.main.STSchemeColorVal;
import org.openxmlformats.schemas.presentationml.x2006.main.CTShape;

/** Lays out one {@link SlideSpec} on a slide of the template, in boxes placed on the {@link Canvas}. */
final class SlidePainter {

    private static final Rectangle2D COVER_TITLE =
            new Rectangle2D.Double(Canvas.MARGIN, 110, Canvas.CONTENT_WIDTH, 170);
    private static final Rectangle2D COVER_LINES =
            new Rectangle2D.Double(Canvas.MARGIN, 300, Canvas.CONTENT_WIDTH, 160);
    private static final Rectangle2D STATEMENT = new Rectangle2D.Double(Canvas.MARGIN, 170, Canvas.CONTENT_WIDTH, 260);
    private static final double NEW_TAG_WIDTH = 64;

    private final XMLSlideShow show;
    private final Canvas canvas;
    private final TextBoxes text;
    private final ProgrammeTablePainter tables;

    SlidePainter(XMLSlideShow show, Canvas canvas) {
        this.show = show;
        this.canvas = canvas;
        this.text = new TextBoxes(canvas);
        this.tables = new ProgrammeTablePainter(canvas, text);
    }

    void paint(XSLFSlide slide, SlideSpec spec) {
        if (spec instanceof Cover cover) {
            cover(slide, cover);
        } else if (spec instanceof Programme programme) {
            text.heading(slide, Canvas.HEADING, programme.heading(), Canvas.HEADING_SIZE);
            tables.programme(slide, programme.rows());
        } else if (spec instanceof Points points) {
            points(slide, points);
        } else if (spec instanceof Statement statement) {
            statement(slide, statement);
        } else if (spec instanceof BarChart chart) {
            chart(slide, chart);
        } else if (spec instanceof Agreements agreements) {
            agreements(slide, agreements);
        }
    }

    private void statement(XSLFSlide slide, Statement statement) {
        text.heading(slide, Canvas.HEADING, statement.heading(), Canvas.HEADING_SIZE);
        double size = TextFit.fittingSize(
                statement.text(), Canvas.textWidth(STATEMENT), Canvas.textHeight(STATEMENT), 32, 18);
        XSLFTextBox box = text.box(slide, STATEMENT, statement.text(), size, Style.BODY);
        box.setVerticalAlignment(VerticalAlignment.MIDDLE);
        box.getTextParagraphs().forEach(p -> p.setTextAlign(TextAlign.CENTER));
    }

    private void cover(XSLFSlide slide, Cover cover) {
        XSLFTextBox title = text.heading(slide, COVER_TITLE, cover.heading(), 40);
        title.setVerticalAlignment(VerticalAlignment.BOTTOM);
        double size = 22;
        while (size > 14 && !fits(cover.lines(), COVER_LINES, size)) {
            size -= 2;
        }
        text.box(slide, COVER_LINES, cover.lines(), size, Style.BODY, false);
    }

    private static boolean fits(List<String> lines, Rectangle2D box, double size) {
        double used = lines.stream()
                .mapToDouble(l -> TextFit.lineCount(l, Canvas.textWidth(box), size) + TextFit.PARAGRAPH_GAP)
                .sum();
        return used <= TextFit.linesPerBox(Canvas.textHeight(box), size);
    }

    private void points(XSLFSlide slide, Points points) {
        text.heading(slide, Canvas.HEADING, points.heading(), Canvas.HEADING_SIZE);
        Rectangle2D body = Canvas.BODY;
        if (points.subheading() != null) {
            double size = TextFit.fittingSize(
                    points.subheading(),
                    Canvas.textWidth(Canvas.SUBHEADING),
                    Canvas.textHeight(Canvas.SUBHEADING),
                    16,
                    10);
            text.box(slide, Canvas.SUBHEADING, points.subheading(), size, Style.NOTE);
            body = Canvas.BODY_UNDER_SUBHEADING;
        }
        double size = points.verbatim() ? Canvas.VERBATIM_SIZE : Canvas.BODY_SIZE;
        text.box(slide, body, points.points(), size, Style.BODY, true);
    }

    private void chart(XSLFSlide slide, BarChart spec) {
        Rectangle2D heading = Canvas.HEADING;
        if (spec.isNew()) {
            heading = new Rectangle2D.Double(
                    heading.getX(), heading.getY(), heading.getWidth() - NEW_TAG_WIDTH - 12, heading.getHeight());
        }
        text.heading(slide, heading, spec.heading(), Canvas.HEADING_SIZE);
        if (spec.isNew()) {
            newTag(
                    slide,
                    new Rectangle2D.Double(
                            Canvas.WIDTH - Canvas.MARGIN - NEW_TAG_WIDTH, heading.getMaxY() - 30, NEW_TAG_WIDTH, 28));
        }
        double chartHeight = ChartPaging.chartHeight(spec.notes());
        Rectangle2D plot = new Rectangle2D.Double(Canvas.MARGIN, Canvas.BODY.getY(), Canvas.CONTENT_WIDTH, chartHeight);
        double labelSize = ChartPaging.labelSize(
                spec.chart().categories().size(), spec.chart().series().size(), chartHeight);
        BarChartWriter.draw(show, slide, spec.chart(), canvas.place(plot), canvas.font(labelSize));
        if (!spec.notes().isEmpty()) {
            Rectangle2D note = new Rectangle2D.Double(
                    Canvas.MARGIN,
                    plot.getMaxY() + ChartPaging.NOTE_GAP,
                    Canvas.CONTENT_WIDTH,
                    ChartPaging.noteHeight(spec.notes()));
            String line = ChartPaging.noteText(spec.notes());
            double size =
                    TextFit.fittingSize(line, Canvas.textWidth(note), Canvas.textHeight(note), Canvas.NOTE_SIZE, 7);
            text.box(slide, note, line, size, Style.NOTE);
        }
    }

    private void newTag(XSLFSlide slide, Rectangle2D box) {
        XSLFAutoShape tag = slide.createAutoShape();
        tag.setShapeType(ShapeType.ROUND_RECT);
        tag.setAnchor(canvas.place(box));
        ((CTShape) tag.getXmlObject())
                .getSpPr()
                .addNewSolidFill()
                .addNewSchemeClr()
                .setVal(STSchemeColorVal.ACCENT_2);
        ((CTShape) tag.getXmlObject()).getSpPr().addNewLn().addNewNoFill();
        tag.setVerticalAlignment(VerticalAlignment.MIDDLE);
        tag.clearText();
        var paragraph = tag.addNewTextParagraph();
        paragraph.setTextAlign(TextAlign.CENTER);
        var run = paragraph.addNewTextRun();
        run.setText(Wording.NEW);
        text.style(run, 16, Style.ON_ACCENT);
    }

    private void agreements(XSLFSlide slide, Agreements agreements) {
        text.heading(slide, Canvas.HEADING, agreements.heading(), Canvas.HEADING_SIZE);
        text.box(slide, Canvas.AGREEMENT_POINTS, agreements.points(), Canvas.BODY_SIZE, Style.BODY, true);
        if (agreements.withTable()) {
            tables.agreements(slide);
        }
    }
}
