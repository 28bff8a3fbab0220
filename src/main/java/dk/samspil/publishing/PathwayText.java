package dk.samspil.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section of a care pathway as its authors write it in plain text: a line starting with "# " is a heading, lines
 * starting with "- " are a list, other lines paragraphs, and a web address (http or https) a link. The page shows
 * the blocks with escaped text only, so nothing an author types is ever read as HTML.
 */
final class PathwayText {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    /** A run of text, or a link when {@code href} is set. */
    record Part(String text, String href) {}

    /** A heading, a paragraph (parts) or a list (items, each its parts). */
    record Block(String kind, List<Part> parts, List<List<Part>> items) {

        public boolean heading() {
            return kind.equals("h");
        }

        public boolean list() {
            return kind.equals("ul");
        }
    }

    private PathwayText() {}

    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        List<List<Part>> items = null;
        for (String raw : (text == null ? "" : text).split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("- ")) {
                if (items == null) {
                    items = new ArrayList<>();
                    blocks.add(new Block("ul", List.of(), items));
                }
                items.add(parts(line.substring(2).strip()));
                continue;
            }
            items = null;
            if (line.startsWith("# ")) {
                blocks.add(new Block("h", List.of(new Part(line.substring(2).strip(), null)), List.of()));
            } else if (!line.isEmpty()) {
                blocks.add(new Block("p", parts(line), List.of()));
            }
        }
        return blocks;
    }

    static List<Part> parts(String line) {
        List<Part> parts = new ArrayList<>();
        Matcher link = LINK.matcher(line);
        int at = 0;
        while (link.find()) {
            if (link.start() > at) {
                parts.add(new Part(line.substring(at, link.start()), null));
            }
            parts.add(new Part(link.group(), link.group()));
            at = link.end();
        }
        if (at < line.length()) {
            parts.add(new Part(line.substring(at), null));
        }
        return parts;
    }

    /** A line of a comparison: kept, removed (from the older version) or added (in the newer one). */
    record DiffLine(char kind, String text) {

        public boolean added() {
            return kind == '+';
        }

        public boolean removed() {
            return kind == '-';
        }
    }

    /** The lines of two texts compared (longest common subsequence). */
    static List<DiffLine> diff(String older, String newer) {
        String[] a = lines(older);
        String[] b = lines(newer);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<DiffLine> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new DiffLine(' ', a[i++]));
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                lines.add(new DiffLine('+', b[j++]));
            } else {
                lines.add(new DiffLine('-', a[i++]));
            }
        }
        return lines;
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\\R");
    }
}
