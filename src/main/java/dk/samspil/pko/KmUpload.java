package dk.samspil.pko;

import dk.samspil.pko.KmReviews.Count;
import dk.samspil.pko.KmReviews.Response;
import dk.samspil.pko.KmReviews.Sender;
import dk.samspil.pko.KmReviews.Topic;
import dk.samspil.platform.Heading;
import dk.samspil.platform.ProblemList;
import dk.samspil.platform.ReportLimits;
import dk.samspil.platform.UploadedTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads the municipality's counts of correspondence with home care from an uploaded table (CSV or XLSX, read by
 * {@link UploadedTable}): five columns — month, what is written about, who writes, how fast an answer is expected,
 * count — and nothing else. A column that looks like CPR numbers or message text refuses the whole file, and so does
 * any other column; every bad row is reported by its line. All or nothing: a file with one bad row saves nothing.
 * The column names and the category words are the bundle's ({@code pko.km.column.*}, {@code pko.km.*.code}).
 */
@Component
class KmUpload {

    static final int MAX_ROWS = 10_000;
    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    /** Ten digits, with or without the dash: what a CPR number looks like wherever it is written. */
    private static final Pattern CPR = Pattern.compile("(?<!\\d)\\d{6}-?\\d{4}(?!\\d)");

    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})\\s*[-./]?\\s*(\\d{1,2})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s*[-./]\\s*(\\d{4})");
    /** Longer than any category word: free text, which a review never takes. */
    private static final int MAX_CATEGORY = 60;

    enum Column {
        MONTH,
        TOPIC,
        SENDER,
        RESPONSE,
        COUNT
    }

    /** A bad row (line 0: the file as a whole), its message key and the value it is about. */
    record Problem(int line, String key, String value) {}

    /** The rows read, or why not: every problem, the first {@link ReportLimits#MAX_LISTED} listed. */
    record Result(List<Count> counts, List<Problem> problems, long problemCount) {
        boolean good() {
            return problemCount == 0;
        }
    }

    private final MessageSource messages;

    KmUpload(MessageSource messages) {
        this.messages = messages;
    }

    Result read(Path file, YearMonth latest) throws IOException {
        ProblemList<Problem> problems = new ProblemList<>(Comparator.comparingInt(Problem::line));
        List<Count> counts = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Map<Column, Integer> columns = new LinkedHashMap<>();
        boolean[] header = {true};
        boolean[] refused = {false};
        try {
            UploadedTable.read(file, (line, cells) -> {
                if (refused[0]) {
                    return;
                }
                if (header[0]) {
                    header[0] = false;
                    refused[0] = !header(line, cells, columns, problems);
                    return;
                }
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    return;
                }
                if (counts.size() + problems.count() >= MAX_ROWS) {
                    if (counts.size() + problems.count() == MAX_ROWS) {
                        problems.add(new Problem(line, "pko.km.upload.tooMany", String.valueOf(MAX_ROWS)));
                    }
                    return;
                }
                row(line, cells, columns, latest, firstLine, counts, problems);
            });
        } catch (UploadedTable.Refused e) {
            problems.add(new Problem(e.line(), e.messageKey(), ""));
        }
        if (problems.isEmpty() && counts.isEmpty()) {
            problems.add(new Problem(0, header[0] ? "pko.km.upload.empty" : "pko.km.upload.noRows", ""));
        }
        return new Result(problems.isEmpty() ? counts : List.of(), problems.listed(), problems.count());
    }

    /** Finds the five columns; false (the file refused) for a column of another kind or one missing. */
    private boolean header(int line, List<String> cells, Map<Column, Integer> columns, ProblemList<Problem> problems) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).strip();
            if (cell.isEmpty()) {
                continue;
            }
            String key = Heading.normalise(cell);
            if (Arrays.stream(words("pko.km.upload.forbiddenColumns")).anyMatch(key::contains)) {
                problems.add(new Problem(line, "pko.km.upload.forbiddenColumn", cut(cell)));
                return false;
            }
            Column column = Arrays.stream(Column.values())
                    .filter(c -> Arrays.asList(words("pko.km.column." + c.name() + ".names"))
                            .contains(key))
                    .findFirst()
                    .orElse(null);
            if (column == null) {
                problems.add(new Problem(line, "pko.km.upload.unknownColumn", cut(cell)));
                return false;
            }
            if (columns.putIfAbsent(column, i) != null) {
                problems.add(new Problem(line, "pko.km.upload.twiceColumn", cut(cell)));
                return false;
            }
        }
        for (Column column : Column.values()) {
            if (!columns.containsKey(column)) {
                problems.add(new Problem(line, "pko.km.upload.missingColumn", text("pko.km.column." + column.name())));
                return false;
            }
        }
        return true;
    }

    private void row(
            int line,
            List<String> cells,
            Map<Column, Integer> columns,
            YearMonth latest,
            Map<String, Integer> firstLine,
            List<Count> counts,
            ProblemList<Problem> problems) {
        long before = problems.count();
        for (String cell : cells) {
            if (cell != null && CPR.matcher(cell).find()) {
                problems.add(new Problem(line, "pko.km.upload.cpr", ""));
                return;
            }
            if (UploadedTable.FORMULA.equals(cell)) {
                problems.add(new Problem(line, "pko.km.upload.formula", ""));
                return;
            }
        }
        YearMonth month = month(cell(cells, columns, Column.MONTH));
        if (month == null) {
            problems.add(new Problem(line, "pko.km.upload.month", cut(cell(cells, columns, Column.MONTH))));
        } else if (month.isAfter(latest) || month.getYear() < 2000) {
            problems.add(new Problem(line, "pko.km.upload.monthOutside", cut(cell(cells, columns, Column.MONTH))));
        }
        Topic topic = category(Topic.class, "pko.km.topic.", cell(cells, columns, Column.TOPIC), line, problems);
        Sender sender = category(Sender.class, "pko.km.sender.", cell(cells, columns, Column.SENDER), line, problems);
        Response response =
                category(Response.class, "pko.km.response.", cell(cells, columns, Column.RESPONSE), line, problems);
        Integer count = count(cell(cells, columns, Column.COUNT), line, problems);
        if (problems.count() > before) {
            return;
        }
        String key = month + "|" + topic + "|" + sender + "|" + response;
        Integer first = firstLine.putIfAbsent(key, line);
        if (first != null) {
            problems.add(new Problem(line, "pko.km.upload.duplicate", String.valueOf(first)));
            return;
        }
        counts.add(new Count(month, topic, sender, response, count));
    }

    /** A category by its word or its label (compared as headings are); a problem and null when none fits. */
    <E extends Enum<E>> E category(
            Class<E> type, String prefix, String value, int line, ProblemList<Problem> problems) {
        String key = Heading.normalise(value);
        if (key.isEmpty()) {
            problems.add(new Problem(line, prefix + "missing", ""));
            return null;
        }
        if (value.strip().length() > MAX_CATEGORY) {
            problems.add(new Problem(line, "pko.km.upload.text", ""));
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (Arrays.asList(words(prefix + e.name() + ".code")).contains(key)
                    || Heading.normalise(text(prefix + e.name())).equals(key)) {
                return e;
            }
        }
        problems.add(new Problem(line, prefix + "unknown", cut(value)));
        return null;
    }

    private static Integer count(String value, int line, ProblemList<Problem> problems) {
        String digits = value.strip().replace(".", "").replace(" ", "");
        if (digits.isEmpty()) {
            problems.add(new Problem(line, "pko.km.upload.countMissing", ""));
            return null;
        }
        if (digits.startsWith("-") && digits.substring(1).matches("\\d{1,9}")) {
            problems.add(new Problem(line, "pko.km.upload.countNegative", cut(value)));
            return null;
        }
        if (!digits.matches("\\d{1,9}") || Long.parseLong(digits) > 1_000_000) {
            problems.add(new Problem(line, "pko.km.upload.countInvalid", cut(value)));
            return null;
        }
        return Integer.parseInt(digits);
    }

    /** A month as 2026-03, 202603, 2026/3, 03-2026 or 3.2026; null otherwise. */
    static YearMonth month(String value) {
        String text = value == null ? "" : value.strip();
        Matcher ym = YEAR_MONTH.matcher(text);
        Matcher my = MONTH_YEAR.matcher(text);
        int year;
        int month;
        if (ym.matches()) {
            year = Integer.parseInt(ym.group(1));
            month = Integer.parseInt(ym.group(2));
        } else if (my.matches()) {
            year = Integer.parseInt(my.group(2));
            month = Integer.parseInt(my.group(1));
        } else {
            return null;
        }
        return month >= 1 && month <= 12 ? YearMonth.of(year, month) : null;
    }

    private static String cell(List<String> cells, Map<Column, Integer> columns, Column column) {
        int i = columns.get(column);
        return i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
    }

    private String[] words(String key) {
        return Arrays.stream(text(key).split(","))
                .map(Heading::normalise)
                .filter(w -> !w.isEmpty())
                .toArray(String[]::new);
    }

    private static String cut(String value) {
        return ReportLimits.cut(value == null ? "" : value.strip(), 60);
    }

    /** The problem in Danish: "Linje 4: …". */
    String message(Problem p) {
        String what = messages.getMessage(p.key(), new Object[] {p.value()}, DANISH);
        return p.line() == 0
                ? what
                : messages.getMessage("pko.km.upload.line", new Object[] {String.valueOf(p.line()), what}, DANISH);
    }

    private String text(String key) {
        return messages.getMessage(key, null, DANISH);
    }
}
