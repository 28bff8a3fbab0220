package dk.samspil.deck;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import org.apache.poi.sl.usermodel.PlaceableShape;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;

/**
 * Copies a slide of another presentation (the municipality's talk) into the deck with POI: its shapes, pictures,
 * charts and background, scaled to the deck's page (same proportions, centred) when the two pages differ.
 */
final class ImportedSlides {

    private ImportedSlides() {}

    static void copy(XMLSlideShow from, int index, XMLSlideShow to, XSLFSlide slide) {
        XSLFSlide source = from.getSlides().get(index);
        slide.importContent(source);
        Dimension fromSize = from.getPageSize();
        Dimension toSize = to.getPageSize();
        if (fromSize.equals(toSize)) {
            return;
        }
        double scale = Math.min(toSize.getWidth() / fromSize.getWidth(), toSize.getHeight() / fromSize.getHeight());
        double dx = (toSize.getWidth() - fromSize.getWidth() * scale) / 2;
        double dy = (toSize.getHeight() - fromSize.getHeight() * scale) / 2;
        for (XSLFShape shape : slide.getShapes()) {
            if (shape instanceof PlaceableShape<?, ?> placeable && placeable.getAnchor() != null) {
                Rectangle2D a = placeable.getAnchor();
                placeable.setAnchor(new Rectangle2D.Double(
                        a.getX() * scale + dx, a.getY() * scale + dy, a.getWidth() * scale, a.getHeight() * scale));
            }
        }
    }
}
