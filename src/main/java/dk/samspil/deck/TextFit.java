package dk.samspil.deck;

import java.util.ArrayList;
import java.util.List;

/**
 * Conservative text measurement without fonts: a character is taken as {@value #EM_PER_CHAR} em wide (wider than the
 * average of Arial, Calibri or DejaVu Sans) and a line as {@value #LINE_HEIGHT} times the font size. Good enough to
 * split text over slides so that it never overflows, whatever font a provider's template brings.
 */
final class TextFit {

    static final double EM_PER_CHAR = 0.6;
    static final double LINE_HEIGHT = 1.25;
    /** Space after each paragraph, in lines. */
    static final double PARAGRAPH_GAP = 0.4;

    private TextFit() {}

    /** How many characters fit on one line of a box {@code width} points wide. */
    static int charsPerLine(double width, double fontSize) {
        return Math.max(8, (int) Math.floor(width / (fontSize * EM_PER_CHAR)));
    }

    /** How many lines fit in a box {@code height} points high. */
    static int linesPerBox(double height, double fontSize) {
        return Math.max(1, (int) Math.floor(height / (fontSize * LINE_HEIGHT)));
    }

    /** One wrapped line; {@code breakAfter} when the source text had a line break (or ended) there. */
    record Line(String text, boolean breakAfter) {}

    /** Greedy word wrap; a word longer than a line is broken. Line breaks in the text are kept. */
    static List<Line> wrap(String text, int charsPerLine) {
        List<Line> lines = new ArrayList<>();
        for (String source : text.strip().split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : source.strip().split("\\s+")) {
                while (word.length() > charsPerLine) {
                    if (!line.isEmpty()) {
                        lines.add(new Line(line.toString(), false));
                        line.setLength(0);
                    }
                    lines.add(new Line(word.substring(0, charsPerLine), false));
                    word = word.substring(charsPerLine);
                }
                if (!line.isEmpty() && line.length() + 1 + word.length() > charsPerLine) {
                    lines.add(new Line(line.toString(), false));
                    line.setLength(0);
                }
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(new Line(line.toString(), true));
        }
        return lines;
    }

    static int lineCount(String text, double width, double fontSize) {
        return wrap(text, charsPerLine(width, fontSize)).size();
    }

    /**
     * Splits paragraphs over pages of a box; a paragraph too long for the rest of a page continues on the next one.
     *
     * @return the pages, each a list of paragraphs (or parts of paragraphs); at least one page
     */
    static List<List<String>> paginate(List<String> paragraphs, double width, double height, double fontSize) {
        int perLine = charsPerLine(width, fontSize);
        double capacity = linesPerBox(height, fontSize);
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        double used = 0;
        for (String paragraph : paragraphs) {
            List<Line> lines = wrap(paragraph, perLine);
            int start = 0;
            while (start < lines.size()) {
                int room = (int) Math.floor(capacity - used);
                if (room < 1 || (room < 2 && lines.size() - start > 1 && !page.isEmpty())) {
                    pages.add(page);
                    page = new ArrayList<>();
                    used = 0;
                    continue;
                }
                int end = Math.min(lines.size(), start + room);
                page.add(join(lines.subList(start, end)));
                used += (end - start) + PARAGRAPH_GAP;
                start = end;
            }
        }
        if (!page.isEmpty() || pages.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    /** Soft wraps become spaces again (the slide wraps them itself), the text's own line breaks stay. */
    private static String join(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(line.text()).append(line.breakAfter() ? '\n' : ' ');
        }
        return text.toString().strip();
    }

    /** The largest font size from {@code max} down to {@code min} (step 2) at which the text fits the box. */
    static double fittingSize(String text, double width, double height, double max, double min) {
        for (double size = max; size > min; size -= 2) {
            if (lineCount(text, width, size) <= linesPerBox(height, size)) {
                return size;
            }
        }
        return min;
    }
}
