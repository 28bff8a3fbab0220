package dk.samspil.deck;

import dk.samspil.deck.DeckContent.Chart;
import dk.samspil.deck.DeckContent.Series;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.util.CellRangeAddress;
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
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;

/**
 * A native, editable horizontal bar chart (XDDF): categories top-down, one series per {@link Series}, its numbers in
 * the chart's embedded workbook. Each bar carries its own label text ({@link Series#labels()}, e.g. "12 (40 %)" or
 * "&lt;5"); a value that may not be shown is drawn as 0 with its label.
 */
final class BarChartWriter {

    private static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static final String DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final List<SchemeColor> SERIES_COLOURS = List.of(SchemeColor.ACCENT_2, SchemeColor.ACCENT_1,
            SchemeColor.ACCENT_3, SchemeColor.ACCENT_4);

    private BarChartWriter() {}

    /** Draws the chart at {@code anchor} (page points); {@code labelSize} is the type size on the page. */
    static void draw(XMLSlideShow show, XSLFSlide slide, Chart chart, Rectangle2D anchor, double labelSize) {
        XSLFChart part = show.createChart();
        slide.addChart(part, new Rectangle2D.Double(Units.toEMU(anchor.getX()), Units.toEMU(anchor.getY()),
                Units.toEMU(anchor.getWidth()), Units.toEMU(anchor.getHeight())));
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
                chart.categories().toArray(String[]::new), part.formatRange(new CellRangeAddress(1, rows, 0, 0)), 0);
        for (int i = 0; i < chart.series().size(); i++) {
            Series series = chart.series().get(i);
            int column = i + 1;
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(shown(series.values()),
                    part.formatRange(new CellRangeAddress(1, rows, column, column)), column);
            XDDFBarChartData.Series bars = (XDDFBarChartData.Series) data.addSeries(categories, values);
            bars.setTitle(series.name(), part.setSheetTitle(series.name(), column));
            bars.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour(i))));
        }
        part.plot(data);
        for (int i = 0; i < chart.series().size(); i++) {
            XDDFBarChartData.Series bars = (XDDFBarChartData.Series) data.getSeries(i);
            bars.getCTBarSer().setDLbls(labels(chart.series().get(i).labels(), labelSize));
        }
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
        double max = chart.series().stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        return max <= 0 ? 1 : max * 1.35;
    }

    /** One data label per bar with its own text; POI's lite schema has no class for it, so it is parsed. */
    private static CTDLbls labels(List<String> labels, double size) {
        StringBuilder xml = new StringBuilder("<xml-fragment xmlns:c=\"" + CHART_NS + "\" xmlns:a=\"" + DRAWING_NS + "\">");
        int hundredths = (int) Math.round(size * 100);
        for (int i = 0; i < labels.size(); i++) {
            xml.append("<c:dLbl><c:idx val=\"").append(i).append("\"/><c:tx><c:rich><a:bodyPr/><a:p><a:r>")
                    .append("<a:rPr lang=\"da-DK\" sz=\"").append(hundredths).append("\"/><a:t>")
                    .append(escape(labels.get(i))).append("</a:t></a:r></a:p></c:rich></c:tx>")
                    .append("<c:dLblPos val=\"outEnd\"/>").append(flags()).append("</c:dLbl>");
        }
        xml.append("<c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"").append(hundredths)
                .append("\"/></a:pPr><a:endParaRPr lang=\"da-DK\"/></a:p></c:txPr><c:dLblPos val=\"outEnd\"/>")
                .append(flags()).append("</xml-fragment>");
        try {
            return CTDLbls.Factory.parse(xml.toString());
        } catch (XmlException e) {
            throw new IllegalStateException("Data labels did not parse", e);
        }
    }

    private static String flags() {
        return "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
                + "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
