package dk.samspil.deck;

import java.util.List;
import javax.xml.namespace.QName;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;

/**
 * One data label per bar with its own text ("12 (40 %)", "&lt;5"), placed after the bar. POI's lite schema has no
 * class for a single label ({@code c:dLbl}), so the elements are written with a cursor (parsing XML per chart was
 * slow).
 */
final class DataLabels {

    private static final String C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final List<String> HIDDEN_PARTS =
            List.of("showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize");

    private DataLabels() {}

    static void write(CTBarSer series, List<String> labels, double fontSize) {
        String size = String.valueOf(Math.round(fontSize * 100));
        try (XmlCursor cursor = series.addNewDLbls().newCursor()) {
            cursor.toEndToken();
            for (int i = 0; i < labels.size(); i++) {
                cursor.beginElement(new QName(C, "dLbl"));
                value(cursor, C, "idx", String.valueOf(i));
                cursor.beginElement(new QName(C, "tx"));
                cursor.beginElement(new QName(C, "rich"));
                cursor.insertElement(new QName(A, "bodyPr"));
                cursor.beginElement(new QName(A, "p"));
                cursor.beginElement(new QName(A, "r"));
                cursor.beginElement(new QName(A, "rPr"));
                cursor.insertAttributeWithValue("lang", "da-DK");
                cursor.insertAttributeWithValue("sz", size);
                cursor.toNextToken();
                cursor.insertElementWithText(new QName(A, "t"), labels.get(i));
                cursor.toNextToken(); // out of a:r
                cursor.toNextToken(); // out of a:p
                cursor.toNextToken(); // out of c:rich
                cursor.toNextToken(); // out of c:tx
                flags(cursor);
                cursor.toNextToken(); // out of c:dLbl
            }
            cursor.beginElement(new QName(C, "txPr"));
            cursor.insertElement(new QName(A, "bodyPr"));
            cursor.beginElement(new QName(A, "p"));
            cursor.beginElement(new QName(A, "pPr"));
            cursor.beginElement(new QName(A, "defRPr"));
            cursor.insertAttributeWithValue("sz", size);
            cursor.toNextToken();
            cursor.toNextToken(); // out of a:pPr
            cursor.toNextToken(); // out of a:p
            cursor.toNextToken(); // out of c:txPr
            flags(cursor);
        }
    }

    /** Position after the bar; show the value (the label's own text replaces it), nothing else. */
    private static void flags(XmlCursor cursor) {
        value(cursor, C, "dLblPos", "outEnd");
        for (String part : HIDDEN_PARTS) {
            value(cursor, C, part, part.equals("showVal") ? "1" : "0");
        }
    }

    private static void value(XmlCursor cursor, String namespace, String name, String value) {
        cursor.beginElement(new QName(namespace, name));
        cursor.insertAttributeWithValue("val", value);
        cursor.toNextToken();
    }
}
