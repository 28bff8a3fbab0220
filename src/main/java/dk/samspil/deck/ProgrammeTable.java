package dk.samspil.deck;

import dk.samspil.deck.SlideSpec.ProgrammeRow;
import java.util.ArrayList;
import java.util.List;

/** The programme table's geometry on the canvas: columns, type size and how many rows fit on a slide. */
final class ProgrammeTable {

    static final double[] COLUMNS = {150, Canvas.CONTENT_WIDTH - 150 - 110, 110};
    static final double FONT_SIZE = 18;
    static final double CELL_INSET_X = 7.2;
    static final double CELL_INSET_Y = 3.6;

    private ProgrammeTable() {}

    /** A row's height in canvas points: its title may wrap. */
    static double rowHeight(String title) {
        int lines = TextFit.lineCount(title, COLUMNS[1] - 2 * CELL_INSET_X, FONT_SIZE);
        return lines * FONT_SIZE * TextFit.LINE_HEIGHT + 2 * CELL_INSET_Y;
    }

    static double headerHeight() {
        return rowHeight("Program");
    }

    static List<List<ProgrammeRow>> paginate(List<ProgrammeRow> rows) {
        List<List<ProgrammeRow>> pages = new ArrayList<>();
        List<ProgrammeRow> page = new ArrayList<>();
        double used = headerHeight();
        for (ProgrammeRow row : rows) {
            double height = rowHeight(row.title());
            if (!page.isEmpty() && used + height > Canvas.BODY.getHeight()) {
                pages.add(page);
                page = new ArrayList<>();
                used = headerHeight();
            }
            page.add(row);
            used += height;
        }
        pages.add(page);
        return pages;
    }
}
