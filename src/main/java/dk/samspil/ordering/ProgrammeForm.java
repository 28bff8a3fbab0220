package dk.samspil.ordering;

import dk.samspil.catalog.PackageDefinition.ItemKind;
import dk.samspil.catalog.PackageDefinition.ProgrammeItem;
import dk.samspil.ordering.OrderRules.Problem;
import dk.samspil.platform.SingleLineRule;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order's programme as the consultant and the cluster adapt it: each block's title and minutes in the order
 * shown, where it came from in the programme as it was read ({@code source}), and the order's version then; one
 * action at a time moves a block up or down, removes it or adds a new one, and every action also keeps the titles
 * and minutes typed. The rules, each with its Danish message at the field, are here.
 */
class ProgrammeForm {

    static final int MAX_ITEMS = 30;
    static final int MAX_MINUTES = 480;
    static final int MAX_TITLE = 200;

    private List<Row> blocks = new ArrayList<>();
    private int version;
    private String newTitle;
    private String newMinutes;

    /** The form as the programme stands, each block by the title the order shows for it. */
    static ProgrammeForm of(List<ProgrammeItem> shown, int version) {
        ProgrammeForm form = new ProgrammeForm();
        for (int i = 0; i < shown.size(); i++) {
            Row row = new Row();
            row.setSource(String.valueOf(i));
            row.setTitle(shown.get(i).title());
            row.setMinutes(String.valueOf(shown.get(i).minutes()));
            form.blocks.add(row);
        }
        form.version = version;
        return form;
    }

    /**
     * The programme after the edits and the action, or the problems that stop it.
     *
     * @param origins for each item, its place in the programme as it was read; null for a block added now
     */
    record Outcome(List<ProgrammeItem> items, List<Integer> origins, List<Problem> problems) {}

    /**
     * Applies the typed titles and minutes and then the action ({@code up-n}, {@code down-n}, {@code remove-n},
     * {@code add}; anything else saves).
     *
     * @param base the programme as it was read, before the elective topics name their places
     * @param shown the same programme as the order shows it: a title left as shown keeps what the package says
     */
    Outcome apply(List<ProgrammeItem> base, List<ProgrammeItem> shown, String action) {
        List<Problem> problems = new ArrayList<>();
        List<ProgrammeItem> items = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        Set<Integer> sources = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            Row row = blocks.get(i);
            Integer source = index(row.getSource(), base.size());
            if (source == null || !sources.add(source)) {
                problems.add(new Problem(null, "order.programme.stale"));
                return new Outcome(List.of(), List.of(), problems);
            }
            String title = checkTitle(row.getTitle(), "blocks[" + i + "].title", problems);
            Integer minutes = checkMinutes(row.getMinutes(), "blocks[" + i + "].minutes", problems);
            if (title == null || minutes == null) {
                continue;
            }
            ProgrammeItem from = base.get(source);
            origins.add(source);
            boolean sameTitle = title.equals(shown.get(source).title());
            items.add(new ProgrammeItem(
                    sameTitle ? from.title() : title,
                    minutes,
                    from.kind(),
                    from.block(),
                    from.items(),
                    from.dialogueQuestions(),
                    sameTitle ? from.electivesTitle() : null));
        }
        if (!problems.isEmpty()) {
            return new Outcome(List.of(), List.of(), problems);
        }
        String act = action == null ? "save" : action;
        if (act.equals("add")) {
            String title = checkTitle(newTitle, "newTitle", problems);
            Integer minutes = checkMinutes(newMinutes, "newMinutes", problems);
            if (items.size() >= MAX_ITEMS) {
                problems.add(new Problem("newTitle", "order.programme.tooMany", String.valueOf(MAX_ITEMS)));
            }
            if (problems.isEmpty()) {
                // The next block number, as the package's own blocks have (after the highest one the programme had
                // when read, so a removed block's questions never land on the new one).
                int block = java.util.stream.Stream.concat(base.stream(), items.stream())
                                .map(ProgrammeItem::block)
                                .filter(java.util.Objects::nonNull)
                                .mapToInt(Integer::intValue)
                                .max()
                                .orElse(0)
                        + 1;
                items.add(new ProgrammeItem(title, minutes, ItemKind.BLOCK, block, List.of(), List.of(), null));
                origins.add(null);
            }
        } else if (act.matches("(up|down|remove)-\\d{1,3}")) {
            int n = Integer.parseInt(act.substring(act.indexOf('-') + 1));
            if (n < items.size()) {
                if (act.startsWith("up") && n > 0) {
                    items.add(n - 1, items.remove(n));
                    origins.add(n - 1, origins.remove(n));
                } else if (act.startsWith("down") && n < items.size() - 1) {
                    items.add(n + 1, items.remove(n));
                    origins.add(n + 1, origins.remove(n));
                } else if (act.startsWith("remove")) {
                    if (items.size() == 1) {
                        problems.add(new Problem("blocks[" + n + "].title", "order.programme.lastBlock"));
                    } else {
                        items.remove(n);
                        origins.remove(n);
                    }
                }
            }
        }
        return problems.isEmpty()
                ? new Outcome(List.copyOf(items), Collections.unmodifiableList(origins), problems)
                : new Outcome(List.of(), List.of(), problems);
    }

    /** A row's planned time from the start; null while the minutes above it are not all numbers. */
    record Slot(LocalTime from, LocalTime to) {}

    /** The planned time of each row from the start, recomputed from the minutes typed. */
    List<Slot> times(LocalTime start) {
        List<Slot> times = new ArrayList<>();
        LocalTime at = start;
        for (Row row : blocks) {
            Integer minutes = at == null ? null : minutes(row.getMinutes());
            if (minutes == null) {
                at = null;
                times.add(null);
                continue;
            }
            LocalTime end = at.plusMinutes(minutes);
            times.add(new Slot(at, end));
            at = end;
        }
        return times;
    }

    /** The sum of the rows' minutes, or null while one is not a number. */
    Integer totalMinutes() {
        int total = 0;
        for (Row row : blocks) {
            Integer minutes = minutes(row.getMinutes());
            if (minutes == null) {
                return null;
            }
            total += minutes;
        }
        return total;
    }

    private static Integer index(String source, int size) {
        if (source == null || !source.matches("\\d{1,3}")) {
            return null;
        }
        int i = Integer.parseInt(source);
        return i < size ? i : null;
    }

    private static String checkTitle(String value, String field, List<Problem> problems) {
        String title = value == null ? "" : value.strip();
        if (title.isEmpty()) {
            problems.add(new Problem(field, "order.programme.titleRequired"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new Problem(field, "field.tooLong"));
        } else if (!SingleLineRule.holds(title)) {
            problems.add(new Problem(field, SingleLineRule.KEY));
        } else {
            return title;
        }
        return null;
    }

    private static Integer checkMinutes(String value, String field, List<Problem> problems) {
        Integer minutes = minutes(value);
        if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
            problems.add(new Problem(field, "order.programme.minutes", String.valueOf(MAX_MINUTES)));
            return null;
        }
        return minutes;
    }

    private static Integer minutes(String value) {
        String v = value == null ? "" : value.strip();
        return v.matches("\\d{1,4}") ? Integer.valueOf(v) : null;
    }

    public List<Row> getBlocks() {
        return blocks;
    }

    public void setBlocks(List<Row> blocks) {
        this.blocks = blocks;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getNewTitle() {
        return newTitle;
    }

    public void setNewTitle(String newTitle) {
        this.newTitle = newTitle;
    }

    public String getNewMinutes() {
        return newMinutes;
    }

    public void setNewMinutes(String newMinutes) {
        this.newMinutes = newMinutes;
    }

    /** One block of the programme as typed. */
    public static class Row {
        private String source;
        private String title;
        private String minutes;

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getMinutes() {
            return minutes;
        }

        public void setMinutes(String minutes) {
            this.minutes = minutes;
        }
    }
}
