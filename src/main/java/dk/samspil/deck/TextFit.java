package dk.samspil.deck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * Splits paragraphs over pages of a box. A paragraph that does not fit the rest of a page goes whole to the next
     * one; only a paragraph longer than a whole page is split, and then only after a sentence (or at one of its own
     * line breaks), so no slide ends in the middle of a sentence. A single sentence longer than a page is the one
     * exception: it is split between words.
     *
     * @return the pages, each a list of paragraphs (or parts of paragraphs); at least one page
     */
    static List<List<String>> paginate(List<String> paragraphs, double width, double height, double fontSize) {
        int perLine = charsPerLine(width, fontSize);
        int capacity = linesPerBox(height, fontSize);
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        double used = 0;
        for (String paragraph : paragraphs) {
            for (String part : parts(paragraph, perLine, capacity)) {
                int lines = wrap(part, perLine).size();
                if (!page.isEmpty() && used + lines > capacity) {
                    pages.add(page);
                    page = new ArrayList<>();
                    used = 0;
                }
                page.add(part);
                used += lines + PARAGRAPH_GAP;
            }
        }
        if (!page.isEmpty() || pages.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    /** A sentence ends with . ! ? or … (perhaps followed by a closing quote or bracket) before a space. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…][\"”»')\\]]{0,2})[ \\t]+|\\R");

    /**
     * A paragraph as pieces that each fit one page: the whole paragraph if it fits, else its sentences gathered
     * greedily (cut from the text itself, so its own line breaks stay); a sentence longer than a page goes by lines.
     */
    private static List<String> parts(String paragraph, int perLine, int capacity) {
        String text = paragraph.strip();
        if (fits(text, perLine, capacity)) {
            return List.of(text);
        }
        List<int[]> cuts = new ArrayList<>();
        Matcher boundary = SENTENCE_END.matcher(text);
        while (boundary.find()) {
            cuts.add(new int[] {boundary.start(), boundary.end()});
        }
        cuts.add(new int[] {text.length(), text.length()});
        List<String> parts = new ArrayList<>();
        int from = 0;
        int[] fitting = null;
        for (int i = 0; i < cuts.size(); i++) {
            int[] cut = cuts.get(i);
            if (fits(text.substring(from, cut[0]), perLine, capacity)) {
                fitting = cut;
            } else if (fitting != null) {
                parts.add(text.substring(from, fitting[0]));
                from = fitting[1];
                fitting = null;
                i--;
            } else {
                List<Line> lines = wrap(text.substring(from, cut[0]), perLine);
                for (int start = 0; start < lines.size(); start += capacity) {
                    parts.add(join(lines.subList(start, Math.min(lines.size(), start + capacity))));
                }
                from = cut[1];
            }
        }
        if (fitting != null) {
            parts.add(text.substring(from, fitting[0]));
        }
        return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static boolean fits(String text, int perLine, int capacity) {
        return wrap(text, perLine).size() <= capacity;
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
