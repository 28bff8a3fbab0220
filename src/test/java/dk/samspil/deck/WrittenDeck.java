package dk.samspil.deck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

/** A deck written by {@link DeckWriter} and opened again with POI, for reading back what the slides say. */
final class WrittenDeck implements AutoCloseable {

    private static final Pattern LABEL = Pattern.compile("<a:t>(.*?)</a:t>");

    final byte[] bytes;
    final XMLSlideShow show;

    private WrittenDeck(byte[] bytes) throws IOException {
        this.bytes = bytes;
        this.show = new XMLSlideShow(new ByteArrayInputStream(bytes));
    }

    static WrittenDeck write(DeckWriter writer, DeckContent deck) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(deck, out);
            return new WrittenDeck(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deck as downloaded, opened with POI. */
    static WrittenDeck open(byte[] pptx) {
        try {
            return new WrittenDeck(pptx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WrittenDeck write(DeckContent deck) {
        return write(new DeckWriter(), deck);
    }

    List<XSLFSlide> slides() {
        return show.getSlides();
    }

    /** A slide's heading: its first text box. */
    static String heading(XSLFSlide slide) {
        return slide.getShapes().stream()
                .filter(XSLFTextShape.class::isInstance)
                .map(XSLFTextShape.class::cast)
                .findFirst()
                .map(XSLFTextShape::getText)
                .orElse("");
    }

    /** The paragraphs of a slide's text boxes after its heading. */
    static List<String> bodyParagraphs(XSLFSlide slide) {
        return slide.getShapes().stream()
                .filter(XSLFTextShape.class::isInstance)
                .map(XSLFTextShape.class::cast)
                .skip(1)
                .flatMap(shape -> shape.getTextParagraphs().stream())
                .map(p -> p.getText().replace('\u000B', '\n'))
                .filter(t -> !t.isBlank())
                .toList();
    }

    List<String> headings() {
        return slides().stream().map(WrittenDeck::heading).toList();
    }

    /** All text on a slide, tables included, one shape per line. */
    static String text(XSLFSlide slide) {
        List<String> texts = new ArrayList<>();
        for (XSLFShape shape : slide.getShapes()) {
            if (shape instanceof XSLFTextShape text) {
                texts.add(text.getText());
            } else if (shape instanceof XSLFTable table) {
                table.getRows().forEach(r -> r.getCells().forEach(c -> texts.add(c.getText())));
            }
        }
        return String.join("\n", texts);
    }

    static List<XSLFChart> charts(XSLFSlide slide) {
        return slide.getRelations().stream()
                .filter(XSLFChart.class::isInstance)
                .map(XSLFChart.class::cast)
                .toList();
    }

    List<XSLFChart> charts() {
        return slides().stream().flatMap(s -> charts(s).stream()).toList();
    }

    /** The per-bar label texts of a chart's series, in order. */
    static List<String> labels(XSLFChart chart, int series) {
        String xml = chart.getCTChart()
                .getPlotArea()
                .getBarChartArray(0)
                .getSerArray(series)
                .getDLbls()
                .xmlText();
        List<String> labels = new ArrayList<>();
        Matcher matcher = LABEL.matcher(xml);
        while (matcher.find()) {
            labels.add(
                    matcher.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        return labels;
    }

    String allText() {
        return slides().stream().map(WrittenDeck::text).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() throws IOException {
        show.close();
    }
}
