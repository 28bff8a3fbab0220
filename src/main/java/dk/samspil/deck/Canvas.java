package dk.samspil.deck;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;

/**
 * The slide layout on a virtual 16:9 canvas of 960 × 540 points, fitted (scaled and centred) into whatever page size
 * the template has. Paging decisions are made on the canvas, so they hold for every template.
 */
record Canvas(double scale, double offsetX, double offsetY) {

    static final double WIDTH = 960;
    static final double HEIGHT = 540;
    static final double MARGIN = 48;
    static final double CONTENT_WIDTH = WIDTH - 2 * MARGIN;

    static final Rectangle2D HEADING = new Rectangle2D.Double(MARGIN, 30, CONTENT_WIDTH, 84);
    static final Rectangle2D SUBHEADING = new Rectangle2D.Double(MARGIN, 114, CONTENT_WIDTH, 36);
    static final Rectangle2D BODY = new Rectangle2D.Double(MARGIN, 126, CONTENT_WIDTH, 370);
    static final Rectangle2D BODY_UNDER_SUBHEADING = new Rectangle2D.Double(MARGIN, 156, CONTENT_WIDTH, 340);
    static final Rectangle2D AGREEMENT_POINTS = new Rectangle2D.Double(MARGIN, 126, 400, 370);
    static final Rectangle2D AGREEMENT_TABLE = new Rectangle2D.Double(MARGIN + 424, 132, CONTENT_WIDTH - 424, 300);
    /** Insets of every text box, left/right and top/bottom. */
    static final double INSET_X = 7.2;

    static final double INSET_Y = 3.6;

    static final double HEADING_SIZE = 32;
    static final double BODY_SIZE = 24;
    static final double VERBATIM_SIZE = 18;
    static final double NOTE_SIZE = 12;

    static Canvas fit(Dimension page) {
        double scale = Math.min(page.getWidth() / WIDTH, page.getHeight() / HEIGHT);
        return new Canvas(scale, (page.getWidth() - WIDTH * scale) / 2, (page.getHeight() - HEIGHT * scale) / 2);
    }

    /** Where a canvas rectangle lies on the page, in points. */
    Rectangle2D place(Rectangle2D box) {
        return new Rectangle2D.Double(
                offsetX + box.getX() * scale,
                offsetY + box.getY() * scale,
                box.getWidth() * scale,
                box.getHeight() * scale);
    }

    double font(double canvasSize) {
        return Math.floor(canvasSize * scale * 2) / 2.0;
    }

    /** The width text may use inside a canvas box (insets taken off). */
    static double textWidth(Rectangle2D box) {
        return box.getWidth() - 2 * INSET_X;
    }

    static double textHeight(Rectangle2D box) {
        return box.getHeight() - 2 * INSET_Y;
    }
}
