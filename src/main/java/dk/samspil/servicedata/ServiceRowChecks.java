package dk.samspil.servicedata;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.procedures.LongProcedure;
import dk.samspil.servicedata.RegisterRows.Problem;
import dk.samspil.servicedata.RegisterRows.ServiceRow;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checks of a service file that need more than the row itself, made while the rows stream past: a practice,
 * month and service code given twice (reported at the later line, naming the first), and a row for a practice and
 * month that has no listed patients in the stored practice file. Each row costs one look-up in a hash table of
 * primitive keys (a million rows take some 25 MB), so no check has to wait for the whole file to be in the database.
 * Also collects the months and service codes the file covers: what it replaces.
 */
final class ServiceRowChecks {

    private final LongHashSet listed;
    private final LongIntHashMap firstLine = new LongIntHashMap(1 << 16);
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> codeNames = new ArrayList<>();
    private final LongHashSet codeMonths = new LongHashSet();

    /** @param listed {@link #practiceMonth} of every practice and month with listed patients */
    ServiceRowChecks(LongHashSet listed) {
        this.listed = listed;
    }

    /** One key for a practice (six digits) and a month. */
    static long practiceMonth(String ydernummer, YearMonth period) {
        return ((long) monthIndex(period) << 20) | Integer.parseInt(ydernummer);
    }

    private static int monthIndex(YearMonth period) {
        return period.getYear() * 12 + period.getMonthValue() - 1;
    }

    /** Adds this row's problems, if any; true when the row is good. */
    boolean check(ServiceRow row, Problems problems) {
        Integer code = codes.get(row.serviceCode());
        if (code == null) {
            code = codeNames.size();
            codes.put(row.serviceCode(), code);
            codeNames.add(row.serviceCode());
        }
        long practiceMonth = practiceMonth(row.ydernummer(), row.period());
        long key = ((long) code << 35) | practiceMonth;
        boolean good = true;
        int first = firstLine.getOrDefault(key, 0);
        if (first != 0) {
            problems.add(new Problem(row.line(), "Ydernummer", "servicedata.row.duplicate", String.valueOf(first)));
            good = false;
        } else {
            firstLine.put(key, row.line());
            codeMonths.add(((long) code << 20) | monthIndex(row.period()));
        }
        if (!listed.contains(practiceMonth)) {
            problems.add(new Problem(
                    row.line(),
                    "Ydernummer",
                    "servicedata.row.noListedPatients",
                    row.ydernummer() + " " + row.period()));
            good = false;
        }
        return good;
    }

    /** The months of the file, in order. */
    List<YearMonth> months() {
        TreeSet<YearMonth> months = new TreeSet<>();
        codeMonths.forEach((LongProcedure) key -> months.add(month((int) (key & 0xFFFFF))));
        return List.copyOf(months);
    }

    /** The service codes of the file, in order. */
    List<String> codes() {
        return codeNames.stream().sorted().toList();
    }

    /** Each service code of the file with each month it has rows for. */
    List<Map.Entry<String, YearMonth>> codeMonths() {
        List<Map.Entry<String, YearMonth>> pairs = new ArrayList<>();
        codeMonths.forEach((LongProcedure)
                key -> pairs.add(Map.entry(codeNames.get((int) (key >>> 20)), month((int) (key & 0xFFFFF)))));
        return pairs;
    }

    private static YearMonth month(int index) {
        return YearMonth.of(index / 12, index % 12 + 1);
    }
}
