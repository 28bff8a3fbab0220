package dk.samspil.deck;

import dk.samspil.deck.DeckContent.Chart;
import dk.samspil.deck.DeckContent.Series;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.SchemeColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.XDDFTextBody;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFSlide;

/**
 * A native, editable horizontal bar chart (XDDF): categories top-down, one series per {@link Series}, its numbers in
 * the chart's embedded workbook ({@link ChartWorkbook}). Each bar carries its own label text ({@link DataLabels}); a
 * value that may not be shown is drawn as 0 with its label (e.g. "&lt;5").
 */
final class BarChartWriter {

    private static final List<SchemeColor> SERIES_COLOURS =
            List.of(SchemeColor.ACCENT_2, SchemeColor.ACCENT_1, SchemeColor.ACCENT_3, SchemeColor.ACCENT_4);

    private BarChartWriter() {}

    /** Draws the chart at {@code anchor} (page points); {@code labelSize} is the type size on the page. */
    static void draw(XMLSlideShow show, XSLFSlide slide, Chart chart, Rectangle2D anchor, double labelSize) {
        XSLFChart part = show.createChart();
        slide.addChart(
                part,
                new Rectangle2D.Double(
                        Units.toEMU(anchor.getX()),
                        Units.toEMU(anchor.getY()),
                        Units.toEMU(anchor.getWidth()),
                        Units.toEMU(anchor.getHeight())));
        part.setAutoTitleDeleted(true);

        XDDFCategoryAxis categoryAxis = part.createCategoryAxis(AxisPosition.LEFT);
        categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
        categoryAxis.getOrAddTextProperties().setFontSize(labelSize);
        XDDFValueAxis valueAxis = part.createValueAxis(AxisPosition.BOTTOM);
        valueAxis.setCrosses(AxisCrosses.MAX);
        valueAxis.setMinimum(0);
        valueAxis.setMaximum(roomForLabels(chart));
        valueAxis.setVisible(false);
        valueAxis.getOrAddTextProperties().setFontSize(labelSize);

        XDDFBarChartData data = (XDDFBarChartData) part.createData(ChartTypes.BAR, categoryAxis, valueAxis);
        data.setBarDirection(BarDirection.BAR);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        data.setGapWidth(chart.series().size() > 1 ? 50 : 40);

        int rows = chart.categories().size();
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(
                chart.categories().toArray(String[]::new), ChartWorkbook.range(0, rows), 0);
        for (int i = 0; i < chart.series().size(); i++) {
            Series series = chart.series().get(i);
            int column = i + 1;
            XDDFNumericalDataSource<Double> values =
                    XDDFDataSourcesFactory.fromArray(shown(series.values()), ChartWorkbook.range(column, rows), column);
            XDDFBarChartData.Series bars = (XDDFBarChartData.Series) data.addSeries(categories, values);
            bars.setTitle(series.name(), ChartWorkbook.title(column));
            bars.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour(i))));
            // Plotting the series, not the chart: XDDFChart.plot would build POI's own (slow) embedded workbook.
            bars.plot();
            DataLabels.write(bars.getCTBarSer(), series.labels(), labelSize);
        }
        ChartWorkbook.embed(part, chart);
        if (chart.series().size() > 1) {
            var legend = part.getOrAddLegend();
            legend.setPosition(LegendPosition.TOP);
            legend.setOverlay(false);
            XDDFTextBody text = new XDDFTextBody(legend);
            text.initialize().addDefaultRunProperties().setFontSize(Math.max(labelSize, 12));
            legend.setTextBody(text);
        }
    }

    private static SchemeColor colour(int series) {
        return SERIES_COLOURS.get(series % SERIES_COLOURS.size());
    }

    private static Double[] shown(List<Double> values) {
        return values.stream().map(v -> v == null ? 0.0 : v).toArray(Double[]::new);
    }

    /** The value axis runs a third beyond the longest bar, so the label after it stays inside the chart. */
    private static double roomForLabels(Chart chart) {
        double max = chart.series().stream()
                .flatMap(s -> s.values().stream())
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        return max <= 0 ? 1 : max * 1.35;
    }
}
