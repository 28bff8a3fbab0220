package dk.samspil.catalog;

import dk.samspil.catalog.PackageDefinition.ElectiveOption;
import dk.samspil.catalog.PackageDefinition.ProgrammeEntry;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The contents of a programme item as a consultant types them: a heading per line, the points under it each on a
 * line of its own starting with "- ", as the package page shows them. An entry keeps what the text does not show (the
 * municipality's talk, the survey results or register data it goes through, the elective topic it stands for): by
 * its heading, or, when the heading was reworded, by its place. Also the elective topics, one title per line.
 */
final class ProgrammeContents {

    static final String POINT = "- ";
    static final int MAX_HEADING = 300;
    static final int MAX_POINT = 1000;
    static final int MAX_ENTRIES = 30;

    private ProgrammeContents() {}

    /** The entries as text: heading, its points, a blank line before the next heading. */
    static String write(List<ProgrammeEntry> entries) {
        StringBuilder text = new StringBuilder();
        for (ProgrammeEntry entry : entries) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(entry.heading() == null ? "" : entry.heading());
            entry.points().forEach(point -> text.append('\n').append(POINT).append(point));
        }
        return text.toString();
    }

    /** What is wrong with the typed contents, as a message key of the bundle; empty when they can be read. */
    static Optional<String> problem(String typed) {
        List<String> lines = PackageForm.lines(typed);
        if (!lines.isEmpty() && isPoint(lines.get(0))) {
            return Optional.of("editor.item.contents.pointFirst");
        }
        long headings = lines.stream().filter(line -> !isPoint(line)).count();
        if (headings > MAX_ENTRIES) {
            return Optional.of("editor.item.contents.tooMany");
        }
        boolean tooLong = lines.stream()
                .anyMatch(line -> isPoint(line) ? pointText(line).length() > MAX_POINT : line.length() > MAX_HEADING);
        return tooLong ? Optional.of("editor.item.contents.tooLong") : Optional.empty();
    }

    /**
     * The typed contents as entries (call {@link #problem} first), each keeping the role, what it shows and the
     * elective topic of the entry it was: the one with the same heading, else the one at its place.
     */
    static List<ProgrammeEntry> read(String typed, List<ProgrammeEntry> before) {
        List<String> headings = new ArrayList<>();
        List<List<String>> points = new ArrayList<>();
        for (String line : PackageForm.lines(typed)) {
            if (isPoint(line)) {
                if (!points.isEmpty() && !pointText(line).isEmpty()) {
                    points.get(points.size() - 1).add(pointText(line));
                }
            } else {
                headings.add(line);
                points.add(new ArrayList<>());
            }
        }
        Set<ProgrammeEntry> used = new HashSet<>();
        List<ProgrammeEntry> entries = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            String heading = headings.get(i);
            ProgrammeEntry atPlace = i < before.size() ? before.get(i) : null;
            ProgrammeEntry was = before.stream()
                    .filter(e -> heading.equals(e.heading()) && !used.contains(e))
                    .findFirst()
                    .orElse(
                            atPlace != null && !used.contains(atPlace) && !headings.contains(atPlace.heading())
                                    ? atPlace
                                    : null);
            if (was != null) {
                used.add(was);
            }
            entries.add(new ProgrammeEntry(
                    heading,
                    List.copyOf(points.get(i)),
                    was == null ? null : was.role(),
                    was == null ? List.of() : was.shows(),
                    was == null ? null : was.elective()));
        }
        return entries;
    }

    /**
     * The elective topics typed one title per line, and the free-text topic ("andet") when it has a title; each keeps
     * its key when its title is unchanged (orders name their chosen topics by key), a new one gets one from its title.
     */
    static List<ElectiveOption> electives(List<String> titles, String otherTitle, List<ElectiveOption> before) {
        Set<String> keys = new HashSet<>();
        List<ElectiveOption> options = new ArrayList<>();
        for (String title : titles) {
            options.add(new ElectiveOption(key(title, false, before, keys), title, false));
        }
        if (otherTitle != null && !otherTitle.isBlank()) {
            String title = otherTitle.strip();
            options.add(new ElectiveOption(key(title, true, before, keys), title, true));
        }
        return options;
    }

    private static String key(String title, boolean freeText, List<ElectiveOption> before, Set<String> taken) {
        String key = before.stream()
                .filter(o -> o.freeText() == freeText && (freeText || o.title().equals(title)))
                .map(ElectiveOption::key)
                .filter(k -> !taken.contains(k))
                .findFirst()
                .orElse(slug(title));
        String unique = key;
        for (int n = 2; !taken.add(unique); n++) {
            unique = key + "-" + n;
        }
        return unique;
    }

    /** A title as a key: lower case, ASCII letters and digits, words joined by hyphens (æ → ae, ø → oe, å → aa). */
    static String slug(String title) {
        String ascii = Normalizer.normalize(
                        title.toLowerCase(Locale.ROOT)
                                .replace("\u00e6", "ae")
                                .replace("\u00f8", "oe")
                                .replace("\u00e5", "aa"),
                        Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? "emne" : slug;
    }

    private static boolean isPoint(String line) {
        return line.startsWith("-");
    }

    private static String pointText(String line) {
        return line.substring(1).strip();
    }
}
