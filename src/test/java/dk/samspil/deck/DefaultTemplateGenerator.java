package dk.samspil.deck;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSheet;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.openxmlformats.schemas.drawingml.x2006.main.CTColorScheme;
import org.openxmlformats.schemas.drawingml.x2006.main.CTFontScheme;
import org.openxmlformats.schemas.drawingml.x2006.main.CTOfficeStyleSheet;

/**
 * Writes the bundled default template {@code src/main/resources/deck/samspil-template.pptx} once: POI's own default is
 * 4:3, so this scales its master and layouts to 16:9, sets a calm theme (Arial, dark blue #002B5C) and adds a thin
 * accent bar to the master. Run by hand when the template should change:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) dk.samspil.deck.DefaultTemplateGenerator}.
 */
final class DefaultTemplateGenerator {

    private static final Color DARK_BLUE = new Color(0x00, 0x2B, 0x5C);

    private DefaultTemplateGenerator() {}

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "src/main/resources/deck/samspil-template.pptx");
        try (XMLSlideShow show = new XMLSlideShow()) {
            Dimension old = show.getPageSize();
            Dimension wide = new Dimension(960, 540);
            show.setPageSize(wide);
            for (XSLFSlideMaster master : show.getSlideMasters()) {
                scale(master, old, wide);
                for (XSLFSlideLayout layout : master.getSlideLayouts()) {
                    scale(layout, old, wide);
                }
                calmTheme(master.getTheme().getXmlObject());
                XSLFAutoShape bar = master.createAutoShape();
                bar.setShapeType(ShapeType.RECT);
                bar.setAnchor(new Rectangle2D.Double(0, 0, wide.width, 6));
                bar.setFillColor(DARK_BLUE);
                bar.setLineColor(null);
            }
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                show.write(out);
            }
        }
    }

    /** Placeholders keep their 4:3 positions when the page size changes (stack trap 9): move them too. */
    private static void scale(XSLFSheet sheet, Dimension from, Dimension to) {
        double sx = to.getWidth() / from.getWidth();
        double sy = to.getHeight() / from.getHeight();
        for (XSLFShape shape : sheet.getShapes()) {
            if (shape instanceof org.apache.poi.xslf.usermodel.XSLFSimpleShape simple) {
                Rectangle2D a = simple.getAnchor();
                simple.setAnchor(
                        new Rectangle2D.Double(a.getX() * sx, a.getY() * sy, a.getWidth() * sx, a.getHeight() * sy));
            }
        }
    }

    private static void calmTheme(CTOfficeStyleSheet theme) {
        theme.getThemeElements().getClrScheme().setName("Samspil");
        CTColorScheme colors = theme.getThemeElements().getClrScheme();
        colors.getDk2().getSrgbClr().setVal(new byte[] {0x00, 0x2B, 0x5C});
        colors.getAccent1().getSrgbClr().setVal(new byte[] {0x00, 0x2B, 0x5C});
        colors.getAccent2().getSrgbClr().setVal(new byte[] {(byte) 0x2F, (byte) 0x7F, (byte) 0xC1});
        colors.getAccent3().getSrgbClr().setVal(new byte[] {(byte) 0xE0, (byte) 0x8A, (byte) 0x1E});
        CTFontScheme fonts = theme.getThemeElements().getFontScheme();
        fonts.setName("Samspil");
        fonts.getMajorFont().getLatin().setTypeface("Arial");
        fonts.getMinorFont().getLatin().setTypeface("Arial");
    }
}
