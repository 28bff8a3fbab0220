package dk.samspil.servicedata;

import dk.samspil.platform.Heading;
import dk.samspil.platform.ReportLimits;
import dk.samspil.platform.UploadedTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two national files as the regions deliver them, and how their cells are read: Danish header names in any
 * order (with the usual variants), trailing spaces, thousands separators, decimal comma (a count must still be a
 * whole number), periods as {@code 2025-03}, {@code 2025M03}, {@code marts 2025}, {@code 03-2025} or an Excel date.
 * Every problem is reported with its line, column and a Danish message key; nothing here touches the database.
 */
public final class RegisterRows {

    /** Which file: service counts, or the practices with listed patients and municipality. */
    public enum Kind {
        SERVICES(List.of(Column.YDERNUMMER, Column.PERIOD, Column.SERVICE_CODE, Column.COUNT)),
        PRACTICES(List.of(Column.YDERNUMMER, Column.PERIOD, Column.LISTED, Column.MUNICIPALITY)),
        /** A municipality's referrals per practice and offer, for one order. */
        REFERRALS(List.of(Column.YDERNUMMER, Column.OFFER, Column.REFERRALS));

        final List<Column> columns;

        Kind(List<Column> columns) {
            this.columns = columns;
        }
    }

    /** The columns, with their Danish names and the headings accepted for them ({@link Heading}). */
    enum Column {
        YDERNUMMER(Heading.YDERNUMMER),
        PERIOD(Heading.PERIOD),
        SERVICE_CODE(Heading.SERVICE_CODE),
        COUNT(Heading.COUNT),
        LISTED(Heading.LISTED),
        MUNICIPALITY(Heading.MUNICIPALITY),
        OFFER(Heading.OFFER),
        REFERRALS(Heading.REFERRALS);

        final String danish;
        final Heading heading;

        Column(Heading heading) {
            this.danish = heading.danish();
            this.heading = heading;
        }
    }

    private static final Set<String> HEADER_KEYS = Set.of("servicedata.column.missing", "servicedata.column.twice");

    /** A problem of a file; the value it echoes is cut short (a cell can be megabytes). */
    public record Problem(int line, String column, String messageKey, String value) {

        public Problem {
            // The first line, when its headings are refused, is echoed at more length than a cell.
            value = ReportLimits.cut(
                    value, HEADER_KEYS.contains(messageKey) ? ReportLimits.MAX_HEADER_ECHO : ReportLimits.MAX_ECHO);
        }

        /** The arguments of the Danish message: the value. */
        public Object[] args() {
            return new Object[] {value};
        }
    }

    record ServiceRow(int line, String ydernummer, YearMonth period, String serviceCode, long count) {}

    record PracticeRow(int line, String ydernummer, YearMonth period, long listedPatients, String municipalityCode) {}

    /** The two kinds of municipal offer referrals are counted for. */
    public enum Offer {
        FOREBYGGELSE,
        REHABILITERING
    }

    record ReferralRow(int line, String ydernummer, Offer offer, long count) {}

    /** One data row of a file, with the header's column positions. */
    interface RowSink {
        void row(int line, List<String> cells, Map<Column, Integer> header);
    }

    private static final Map<String, Integer> MONTHS = new LinkedHashMap<>();

    static {
        String[][] names = {
            {"januar", "jan"},
            {"februar", "feb"},
            {"marts", "mar"},
            {"april", "apr"},
            {"maj"},
            {"juni", "jun"},
            {"juli", "jul"},
            {"august", "aug"},
            {"september", "sep", "sept"},
            {"oktober", "okt"},
            {"november", "nov"},
            {"december", "dec"}
        };
        for (int m = 0; m < names.length; m++) {
            for (String name : names[m]) {
                MONTHS.put(name, m + 1);
            }
        }
    }

    private static final Pattern ISO = Pattern.compile("(\\d{4})\\s*[-/.]\\s*(\\d{1,2})");
    private static final Pattern M_FORM = Pattern.compile("(\\d{4})\\s*[mM]\\s*(\\d{1,2})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s*[-/.]\\s*(\\d{4})");
    private static final Pattern NAMED = Pattern.compile("([a-zæøå]+)\\.?\\s+(\\d{4})");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}([. ]\\d{3})+(,\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("\\d+([.,]\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EXCEL_DATE = Pattern.compile("\\d{5}(\\.0+)?");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,10}");
    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{3,4}");
    private static final Pattern ZEROS = Pattern.compile("0+");
    private static final Pattern SEPARATOR = Pattern.compile("[.,]");

    private RegisterRows() {}

    /** Where each column is in the header; problems for the columns that are missing or twice. */
    static Map<Column, Integer> header(Kind kind, List<String> cells, Problems problems) {
        Map<Column, Integer> positions = new LinkedHashMap<>();
        String asRead = Heading.asRead(cells);
        for (int i = 0; i < cells.size(); i++) {
            for (Column column : kind.columns) {
                if (column.heading.matches(cells.get(i))) {
                    if (positions.containsKey(column)) {
                        problems.add(new Problem(1, column.danish, "servicedata.column.twice", asRead));
                    }
                    positions.putIfAbsent(column, i);
                }
            }
        }
        for (Column column : kind.columns) {
            if (!positions.containsKey(column)) {
                problems.add(new Problem(1, column.danish, "servicedata.column.missing", asRead));
            }
        }
        return positions;
    }

    /** As {@link Heading#normalise}: "Antal ydelser" and "ANTAL_YDELSER" are the same. */
    static String normalise(String text) {
        return Heading.normalise(text);
    }

    static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static Optional<ServiceRow> service(int line, List<String> cells, Map<Column, Integer> at, Problems problems) {
        long before = problems.count();
        String yder = ydernummer(line, cell(cells, at, Column.YDERNUMMER), problems);
        YearMonth period = period(line, cell(cells, at, Column.PERIOD), problems);
        String code = serviceCode(line, cell(cells, at, Column.SERVICE_CODE), problems);
        Long count = count(line, Column.COUNT, cell(cells, at, Column.COUNT), problems);
        return problems.count() == before
                ? Optional.of(new ServiceRow(line, yder, period, code, count))
                : Optional.empty();
    }

    static Optional<PracticeRow> practice(int line, List<String> cells, Map<Column, Integer> at, Problems problems) {
        long before = problems.count();
        String yder = ydernummer(line, cell(cells, at, Column.YDERNUMMER), problems);
        YearMonth period = period(line, cell(cells, at, Column.PERIOD), problems);
        Long listed = count(line, Column.LISTED, cell(cells, at, Column.LISTED), problems);
        String municipality = municipality(line, cell(cells, at, Column.MUNICIPALITY), problems);
        return problems.count() == before
                ? Optional.of(new PracticeRow(line, yder, period, listed, municipality))
                : Optional.empty();
    }

    static Optional<ReferralRow> referral(int line, List<String> cells, Map<Column, Integer> at, Problems problems) {
        long before = problems.count();
        String yder = ydernummer(line, cell(cells, at, Column.YDERNUMMER), problems);
        Offer offer = offer(line, cell(cells, at, Column.OFFER), problems);
        Long count = count(line, Column.REFERRALS, cell(cells, at, Column.REFERRALS), problems);
        return problems.count() == before ? Optional.of(new ReferralRow(line, yder, offer, count)) : Optional.empty();
    }

    /** "Forebyggelse", "forebyggende tilbud", "Rehabilitering", "REHAB" ... */
    static Offer offer(int line, String value, Problems problems) {
        if (formula(line, Column.OFFER, value, problems)) {
            return null;
        }
        String text = normalise(value);
        if (text.startsWith("forebyg")) {
            return Offer.FOREBYGGELSE;
        }
        if (text.startsWith("rehab")) {
            return Offer.REHABILITERING;
        }
        problems.add(new Problem(line, Column.OFFER.danish, "servicedata.offer.invalid", value));
        return null;
    }

    private static String cell(List<String> cells, Map<Column, Integer> at, Column column) {
        Integer index = at.get(column);
        return index == null || index >= cells.size() || cells.get(index) == null
                ? ""
                : cells.get(index).strip();
    }

    static String ydernummer(int line, String value, Problems problems) {
        if (formula(line, Column.YDERNUMMER, value, problems)) {
            return null;
        }
        String digits = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        if (digits.length() != 6 || !allDigits(digits)) {
            problems.add(new Problem(line, Column.YDERNUMMER.danish, "servicedata.ydernummer.invalid", value));
            return null;
        }
        return digits;
    }

    static YearMonth period(int line, String value, Problems problems) {
        if (formula(line, Column.PERIOD, value, problems)) {
            return null;
        }
        Optional<YearMonth> period = parsePeriod(value);
        if (period.isEmpty()) {
            problems.add(new Problem(line, Column.PERIOD.danish, "servicedata.period.invalid", value));
            return null;
        }
        return period.get();
    }

    static Optional<YearMonth> parsePeriod(String raw) {
        if (raw.length() == 7 && raw.charAt(4) == '-') {
            int year = digits(raw, 0, 4);
            int month = digits(raw, 5, 7);
            if (year >= 0 && month >= 0) {
                return month < 1 || month > 12
                        ? Optional.empty()
                        : Optional.of(YearMonth.of(year, month)).filter(RegisterRows::plausible);
            }
        }
        String value = raw.strip().toLowerCase(Locale.ROOT);
        try {
            Matcher m;
            if ((m = M_FORM.matcher(value)).matches() || (m = ISO.matcher(value)).matches()) {
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                        .filter(RegisterRows::plausible);
            }
            if ((m = MONTH_YEAR.matcher(value)).matches()) {
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))))
                        .filter(RegisterRows::plausible);
            }
            if ((m = NAMED.matcher(value)).matches() && MONTHS.containsKey(m.group(1))) {
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), MONTHS.get(m.group(1))))
                        .filter(RegisterRows::plausible);
            }
            if (DATE.matcher(value).matches()) {
                return Optional.of(YearMonth.from(LocalDate.parse(value))).filter(RegisterRows::plausible);
            }
            if (EXCEL_DATE.matcher(value).matches()) {
                // An Excel date (days since 1899-12-30), as an XLSX cell formatted as a date arrives.
                long days = Long.parseLong(value.replaceAll("\\..*", ""));
                return Optional.of(YearMonth.from(LocalDate.of(1899, 12, 30).plusDays(days)))
                        .filter(RegisterRows::plausible);
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean plausible(YearMonth period) {
        return period.getYear() >= 2000 && period.getYear() <= 2100;
    }

    static String serviceCode(int line, String value, Problems problems) {
        if (formula(line, Column.SERVICE_CODE, value, problems)) {
            return null;
        }
        String code = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        if (code.length() <= 4 && allDigits(code)) {
            return code.length() == 4 ? code : "0".repeat(4 - code.length()) + code;
        }
        if (!CODE.matcher(code).matches()) {
            problems.add(new Problem(line, Column.SERVICE_CODE.danish, "servicedata.serviceCode.invalid", value));
            return null;
        }
        return code.toUpperCase(Locale.ROOT);
    }

    static String municipality(int line, String value, Problems problems) {
        if (formula(line, Column.MUNICIPALITY, value, problems)) {
            return null;
        }
        String code = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        if (!MUNICIPALITY.matcher(code).matches()) {
            problems.add(new Problem(line, Column.MUNICIPALITY.danish, "servicedata.municipality.invalid", value));
            return null;
        }
        return code.length() == 3 ? "0" + code : code;
    }

    /**
     * A whole, non-negative number that fits the database's {@code int}; "1.234", "1 234", "1234,0" and an XLSX
     * "1234.0" are all 1234.
     */
    static Long count(int line, Column column, String value, Problems problems) {
        Long count = number(line, column, value, problems);
        if (count != null && count > Integer.MAX_VALUE) {
            problems.add(new Problem(line, column.danish, "servicedata.count.tooLarge", value));
            return null;
        }
        return count;
    }

    private static Long number(int line, Column column, String value, Problems problems) {
        if (formula(line, column, value, problems)) {
            return null;
        }
        if (allDigits(value) && value.length() <= 18) {
            return Long.parseLong(value);
        }
        String text = value.replace('\u00A0', ' ').strip();
        if (text.startsWith("-")) {
            problems.add(new Problem(line, column.danish, "servicedata.count.negative", value));
            return null;
        }
        String number;
        if (THOUSANDS.matcher(text).matches()) {
            number = text.replace(".", "").replace(" ", "");
        } else if (PLAIN.matcher(text).matches()) {
            number = text;
        } else {
            problems.add(new Problem(line, column.danish, "servicedata.count.notNumber", value));
            return null;
        }
        String[] parts = SEPARATOR.split(number);
        if (parts.length == 2 && !ZEROS.matcher(parts[1]).matches()) {
            problems.add(new Problem(line, column.danish, "servicedata.count.notWhole", value));
            return null;
        }
        try {
            return Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            problems.add(new Problem(line, column.danish, "servicedata.count.notNumber", value));
            return null;
        }
    }

    /** The number written by the digits from {@code from} to {@code to}; -1 when any is not a digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static boolean allDigits(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean formula(int line, Column column, String value, Problems problems) {
        if (UploadedTable.FORMULA.equals(value)) {
            problems.add(new Problem(line, column.danish, "servicedata.cell.formula", null));
            return true;
        }
        if (!value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0) {
            problems.add(new Problem(line, column.danish, "servicedata.cell.formulaText", value));
            return true;
        }
        if (value.isEmpty()) {
            problems.add(new Problem(line, column.danish, "servicedata.cell.empty", null));
            return true;
        }
        return false;
    }

    /**
     * Reads a whole file as a stream: the first non-blank row is the header, blank rows are skipped, every other
     * row becomes a typed row or problems. A file that cannot be read at all gives one problem (line 0).
     */
    static void read(
            Path file, Kind kind, Consumer<ServiceRow> services, Consumer<PracticeRow> practices, Problems problems)
            throws IOException {
        read(
                file,
                kind,
                (line, cells, header) -> {
                    if (kind == Kind.SERVICES) {
                        service(line, cells, header, problems).ifPresent(services);
                    } else {
                        practice(line, cells, header, problems).ifPresent(practices);
                    }
                },
                problems);
    }

    /** As above, handing each data row with the header's positions to the sink. */
    static void read(Path file, Kind kind, RowSink sink, Problems problems) throws IOException {
        Map<Column, Integer>[] header = new Map[1];
        boolean[] usable = {true};
        try {
            UploadedTable.read(file, (line, cells) -> {
                if (blank(cells) || !usable[0]) {
                    return;
                }
                if (header[0] == null) {
                    long before = problems.count();
                    header[0] = header(kind, cells, problems);
                    usable[0] = problems.count() == before;
                    return;
                }
                sink.row(line, cells, header[0]);
            });
        } catch (UploadedTable.Refused refused) {
            problems.add(new Problem(refused.line(), "", refused.messageKey(), null));
        }
        if (header[0] == null && problems.isEmpty()) {
            problems.add(new Problem(0, "", "servicedata.file.empty", null));
        }
    }
}
