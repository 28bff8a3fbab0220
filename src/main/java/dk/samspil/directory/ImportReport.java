package dk.samspil.directory;

import dk.samspil.platform.ProblemList;
import dk.samspil.platform.ReportLimits;
import java.util.List;

/**
 * The outcome of a register import: either stored in full, or refused with its problems (the first thousand listed,
 * all counted). A problem has a line number (0 for the file as a whole), a message key and its arguments, cut short
 * where they echo the file, so the page says it in Danish and stays small.
 */
record ImportReport(boolean stored, int created, int updated, List<Problem> problems, long problemCount) {

    record Problem(int line, String key, Object... args) {

        Problem {
            args = key.equals("import.columns") ? args : ReportLimits.cut(args);
        }
    }

    static ImportReport refused(ProblemList<Problem> problems) {
        return refused(problems.listed(), problems.count());
    }

    static ImportReport refused(List<Problem> problems, long count) {
        return new ImportReport(false, 0, 0, List.copyOf(problems), count);
    }

    static ImportReport refused(String key, Object... args) {
        return refused(List.of(new Problem(0, key, args)), 1);
    }

    static ImportReport stored(int created, int updated) {
        return new ImportReport(true, created, updated, List.of(), 0);
    }
}
