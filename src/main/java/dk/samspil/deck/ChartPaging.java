package dk.samspil.deck;

import dk.samspil.deck.DeckContent.Chart;
import dk.samspil.deck.DeckContent.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * How much room a chart gets on the canvas and how many categories it shows per slide: every bar keeps a readable
 * height, so a chart with many categories (40 practices) is split evenly over several slides.
 */
final class ChartPaging {

    static final double NOTE_GAP = 6;
    private static final int MAX_NOTE_LINES = 4;
    /** Canvas points a category needs with one series; each further series adds a bar. */
    private static final double ROW_HEIGHT = 11;

    private static final double BAR_HEIGHT = 7;

    private ChartPaging() {}

    static String noteText(List<String> notes) {
        return String.join(" · ", notes);
    }

    static double noteHeight(List<String> notes) {
        if (notes.isEmpty()) {
            return 0;
        }
        int lines = Math.min(
                MAX_NOTE_LINES, TextFit.lineCount(noteText(notes), Canvas.textWidth(Canvas.BODY), Canvas.NOTE_SIZE));
        return lines * Canvas.NOTE_SIZE * TextFit.LINE_HEIGHT + 2 * Canvas.INSET_Y;
    }

    static double chartHeight(List<String> notes) {
        return Canvas.BODY.getHeight() - noteHeight(notes) - NOTE_GAP;
    }

    static double rowHeight(int series) {
        return series <= 1 ? ROW_HEIGHT : series * BAR_HEIGHT + 4;
    }

    /** Categories per slide: the plot takes about 85 % of the chart's height. */
    static int capacity(int series, double chartHeight) {
        return Math.max(1, (int) Math.floor(chartHeight * 0.85 / rowHeight(series)));
    }

    /** Type size for category names and data labels: as large as the rows allow, 9 to 14 points. */
    static double labelSize(int categories, int series, double chartHeight) {
        double row = chartHeight * 0.85 / Math.max(1, categories);
        double perBar = row / Math.max(1, series);
        return Math.max(9, Math.min(14, Math.floor(Math.min(row * 0.8, perBar * 1.1))));
    }

    static List<Chart> split(Chart chart, double chartHeight) {
        int total = chart.categories().size();
        int capacity = capacity(chart.series().size(), chartHeight);
        int parts = Math.max(1, (total + capacity - 1) / capacity);
        List<Chart> result = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            int from = total * i / parts;
            int to = total * (i + 1) / parts;
            result.add(slice(chart, from, to));
        }
        return result;
    }

    private static Chart slice(Chart chart, int from, int to) {
        if (from == 0 && to == chart.categories().size()) {
            return chart;
        }
        List<Series> series = chart.series().stream()
                .map(s -> new Series(
                        s.name(), s.values().subList(from, to), s.labels().subList(from, to)))
                .toList();
        return new Chart(chart.title(), chart.unit(), chart.categories().subList(from, to), series);
    }
}
