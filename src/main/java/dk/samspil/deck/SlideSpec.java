package dk.samspil.deck;

import dk.samspil.deck.DeckContent.Chart;
import java.util.List;

/** One slide of the outline, in words and numbers only; {@link SlidePainter} lays it out. */
sealed interface SlideSpec {

    /** The first slide: the package's title and the meeting's when and where. */
    record Cover(String heading, List<String> lines) implements SlideSpec {}

    /** The programme as a table, one row per block (breaks included). */
    record Programme(String heading, List<ProgrammeRow> rows) implements SlideSpec {}

    record ProgrammeRow(String time, String title, String minutes, boolean isBreak) {}

    /** A heading, an optional line under it and points (as bullets, or plain paragraphs for verbatim text). */
    record Points(String heading, String subheading, List<String> points, boolean verbatim) implements SlideSpec {}

    /** A heading and one short statement in large type. */
    record Statement(String heading, String text) implements SlideSpec {}

    /** A native bar chart; {@code notes} go in small type under it. */
    record BarChart(String heading, boolean isNew, Chart chart, List<String> notes) implements SlideSpec {}

    /** Slide {@code index} of the municipality's own presentation, copied as it is. */
    record Imported(DeckContent.TalkSlides talk, int index) implements SlideSpec {}

    /** Points and (on the last of these slides) an empty table to fill in at the meeting. */
    record Agreements(String heading, List<String> points, boolean withTable) implements SlideSpec {}
}
