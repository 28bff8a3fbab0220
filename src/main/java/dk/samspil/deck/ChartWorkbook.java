package dk.samspil.deck;

import dk.samspil.deck.DeckContent.Chart;
import dk.samspil.deck.DeckContent.Series;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xslf.usermodel.XSLFChart;

/**
 * The chart's embedded workbook (what PowerPoint opens on "Edit data"): categories in column A, one column per series,
 * names in row 1. Written as a minimal .xlsx by hand: POI's XSSF workbook per chart cost a third of a deck's time.
 */
final class ChartWorkbook {

    static final String SHEET = "Data";
    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

    private ChartWorkbook() {}

    /** "Data!$B$2:$B$6": the column's values (1-based column index 0 = categories). */
    static String range(int column, int rows) {
        String letter = CellReference.convertNumToColString(column);
        return SHEET + "!$" + letter + "$2:$" + letter + "$" + (rows + 1);
    }

    static CellReference title(int column) {
        return new CellReference(SHEET, 0, column, true, true);
    }

    /** Adds the workbook to the chart's part, linked as its external data. */
    static void embed(XSLFChart chart, Chart content) {
        PackagePart chartPart = chart.getPackagePart();
        String chartName = chartPart.getPartName().getName();
        String number = chartName.replaceAll("\\D", "");
        try {
            PackagePartName name =
                    PackagingURIHelper.createPartName("/ppt/embeddings/Microsoft_Excel_Worksheet" + number + ".xlsx");
            PackagePart part = chartPart.getPackage().createPart(name, XLSX_TYPE);
            try (OutputStream out = part.getOutputStream()) {
                out.write(xlsx(content));
            }
            PackageRelationship relation =
                    chartPart.addRelationship(name, TargetMode.INTERNAL, POIXMLDocument.PACK_OBJECT_REL_TYPE);
            chart.getCTChartSpace().addNewExternalData().setId(relation.getId());
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("Could not embed the chart's workbook", e);
        }
    }

    static byte[] xlsx(Chart chart) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(
                    zip,
                    "[Content_Types].xml",
                    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                            + "</Types>");
            entry(
                    zip,
                    "_rels/.rels",
                    "<Relationships xmlns=\"" + PACKAGE_RELS + "\"><Relationship Id=\"rId1\" Type=\"" + RELS
                            + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(
                    zip,
                    "xl/workbook.xml",
                    "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELS + "\"><sheets><sheet name=\"" + SHEET
                            + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<Relationships xmlns=\"" + PACKAGE_RELS
                            + "\"><Relationship Id=\"rId1\" Type=\"" + RELS
                            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                            + "</Relationships>");
            entry(zip, "xl/worksheets/sheet1.xml", sheet(chart));
        }
        return bytes.toByteArray();
    }

    private static String sheet(Chart chart) {
        List<Series> series = chart.series();
        StringBuilder xml = new StringBuilder("<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">");
        for (int s = 0; s < series.size(); s++) {
            text(xml, s + 1, 1, series.get(s).name());
        }
        xml.append("</row>");
        for (int i = 0; i < chart.categories().size(); i++) {
            int row = i + 2;
            xml.append("<row r=\"").append(row).append("\">");
            text(xml, 0, row, chart.categories().get(i));
            for (int s = 0; s < series.size(); s++) {
                Double value = series.get(s).values().get(i);
                xml.append("<c r=\"")
                        .append(cell(s + 1, row))
                        .append("\"><v>")
                        .append(value == null ? 0.0 : value)
                        .append("</v></c>");
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    private static void text(StringBuilder xml, int column, int row, String text) {
        xml.append("<c r=\"")
                .append(cell(column, row))
                .append("\" t=\"inlineStr\"><is><t>")
                .append(escape(text))
                .append("</t></is></c>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cell(int column, int row) {
        return CellReference.convertNumToColString(column) + row;
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n".getBytes(StandardCharsets.UTF_8));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
