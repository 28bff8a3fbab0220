package dk.samspil.directory;

import java.util.List;

/**
 * The outcome of a register import: either stored in full, or refused with every problem listed. A problem has
 * a line number (0 for the file as a whole), a message key and its arguments, so the page says it in Danish.
 */
record ImportReport(boolean stored, int created, int updated, List<Problem> problems) {

    record Problem(int line, String key, Object... args) {}

    static ImportReport refused(List<Problem> problems) {
        return new ImportReport(false, 0, 0, List.copyOf(problems));
    }

    static ImportReport refused(String key, Object... args) {
        return refused(List.of(new Problem(0, key, args)));
    }

    static ImportReport stored(int created, int updated) {
        return new ImportReport(true, created, updated, List.of());
    }
}
