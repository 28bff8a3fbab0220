package dk.samspil.directory;

import dk.samspil.directory.ImportReport.Problem;
import dk.samspil.platform.DanishNumbers;
import dk.samspil.platform.Heading;
import dk.samspil.platform.ProblemList;
import dk.samspil.platform.SingleLineRule;
import dk.samspil.platform.UploadedTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a cluster's practices or members from a CSV or XLSX file, read as every import reads one
 * ({@link UploadedTable}, headings as {@link Heading}): all or nothing. Every row is checked first and the bad rows
 * are reported by line (the first thousand listed, all counted); only a file without problems is stored, in one
 * transaction. Existing entries of the cluster with the same ydernummer (practices) or e-mail (members) are updated;
 * entries not in the file are kept. A new ydernummer counts once confirmed ({@link PracticeConfirmation}).
 */
@Service
class RegisterImport {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;

    enum Kind {
        PRACTICES(List.of(Heading.YDERNUMMER, Heading.PRACTICE_NAME, Heading.LISTED)),
        MEMBERS(List.of(Heading.PERSON_NAME, Heading.EMAIL, Heading.YDERNUMMER));

        final List<Heading> columns;

        Kind(List<Heading> columns) {
            this.columns = columns;
        }

        /** The optional column: a member's practice. */
        boolean required(Heading column) {
            return !(this == MEMBERS && column == Heading.YDERNUMMER);
        }
    }

    /** A file that is refused as a whole. */
    private static final class Refusal extends RuntimeException {
        final transient ImportReport report;

        Refusal(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    private final JdbcClient jdbc;
    private final PracticeConfirmation confirmation;

    RegisterImport(JdbcClient jdbc, PracticeConfirmation confirmation) {
        this.jdbc = jdbc;
        this.confirmation = confirmation;
    }

    @Transactional
    ImportReport importFile(long clusterId, Kind kind, Path file) throws IOException {
        if (file == null || Files.size(file) == 0) {
            return ImportReport.refused("import.empty");
        }
        if (Files.size(file) > MAX_BYTES) {
            return ImportReport.refused("import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        List<Row> rows = new ArrayList<>();
        ProblemList<Problem> problems = new ProblemList<>(Comparator.comparingInt(Problem::line));
        Map<Heading, Integer>[] header = new Map[1];
        int[] width = {0};
        try {
            UploadedTable.read(file, (line, cells) -> {
                if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                    return;
                }
                if (header[0] == null) {
                    header[0] = header(kind, cells);
                    width[0] = cells.size();
                    return;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new Refusal(ImportReport.refused("import.tooManyRows", MAX_ROWS));
                }
                if (cells.subList(Math.min(width[0], cells.size()), cells.size()).stream()
                        .anyMatch(c -> c != null && !c.isBlank())) {
                    problems.add(new Problem(line, "import.row.columnCount", cells.size(), width[0]));
                    return;
                }
                rows.add(new Row(line, cells, header[0]));
            });
        } catch (Refusal refusal) {
            return refusal.report;
        } catch (UploadedTable.Refused refused) {
            return ImportReport.refused(List.of(new Problem(refused.line(), refused.messageKey())), 1);
        }
        if (header[0] == null) {
            return ImportReport.refused("import.empty");
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            return ImportReport.refused("import.noRows");
        }
        return kind == Kind.PRACTICES
                ? importPractices(clusterId, rows, problems)
                : importMembers(clusterId, rows, problems);
    }

    private ImportReport importPractices(long clusterId, List<Row> rows, ProblemList<Problem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> existing = Set.copyOf(jdbc.sql("SELECT ydernummer FROM practice WHERE cluster_id = ?")
                .param(clusterId)
                .query(String.class)
                .list());
        List<Row> valid = new ArrayList<>();
        for (Row row : rows) {
            long before = problems.count();
            String ydernummer = row.get(Heading.YDERNUMMER);
            String name = row.get(Heading.PRACTICE_NAME);
            String patients = row.get(Heading.LISTED);
            if (!RegisterRules.validYdernummer(ydernummer)) {
                problems.add(new Problem(row.line, "import.row.ydernummer", ydernummer));
            } else if (seen.containsKey(ydernummer)) {
                problems.add(new Problem(row.line, "import.row.duplicateYdernummer", ydernummer, seen.get(ydernummer)));
            }
            seen.putIfAbsent(ydernummer, row.line);
            checkName(row.line, name, problems);
            if (parseCount(patients).isEmpty()) {
                problems.add(new Problem(row.line, "import.row.listedPatients", patients));
            }
            if (problems.count() == before) {
                valid.add(row);
            }
        }
        if (!problems.isEmpty()) {
            return ImportReport.refused(problems);
        }
        Set<String> confirmed = confirmation.confirmedAtOnce(
                clusterId,
                valid.stream()
                        .map(r -> r.get(Heading.YDERNUMMER))
                        .filter(y -> !existing.contains(y))
                        .toList());
        int created = 0;
        for (Row row : valid) {
            String ydernummer = row.get(Heading.YDERNUMMER);
            if (!existing.contains(ydernummer)) {
                created++;
            }
            jdbc.sql("""
                            INSERT INTO practice (cluster_id, ydernummer, name, listed_patients, confirmed) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (cluster_id, ydernummer) DO UPDATE SET name = EXCLUDED.name,
                                listed_patients = EXCLUDED.listed_patients""")
                    .params(
                            clusterId,
                            ydernummer,
                            row.get(Heading.PRACTICE_NAME),
                            parseCount(row.get(Heading.LISTED)).orElseThrow(),
                            confirmed.contains(ydernummer))
                    .update();
        }
        return ImportReport.stored(created, valid.size() - created);
    }

    /** A practice's or member's name: present, at most 200 characters, one line (as the forms ask). */
    private static void checkName(int line, String name, ProblemList<Problem> problems) {
        if (name.isEmpty()) {
            problems.add(new Problem(line, "import.row.nameMissing"));
        } else if (name.length() > 200) {
            problems.add(new Problem(line, "import.row.nameTooLong"));
        } else if (!SingleLineRule.holds(name)) {
            problems.add(new Problem(line, "import.row.nameControlCharacters"));
        }
    }

    private ImportReport importMembers(long clusterId, List<Row> rows, ProblemList<Problem> problems) {
        Map<String, Long> practices = jdbc
                .sql("SELECT ydernummer, id FROM practice WHERE cluster_id = ?")
                .param(clusterId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> existing = jdbc.sql("SELECT lower(email) FROM member WHERE cluster_id = ?")
                .param(clusterId)
                .query(String.class)
                .list();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            String name = row.get(Heading.PERSON_NAME);
            String email = row.get(Heading.EMAIL);
            String ydernummer = row.get(Heading.YDERNUMMER);
            checkName(row.line, name, problems);
            String key = email.toLowerCase(Locale.ROOT);
            if (!RegisterRules.validEmail(email)) {
                problems.add(new Problem(row.line, "import.row.email", email));
            } else if (seen.containsKey(key)) {
                problems.add(new Problem(row.line, "import.row.duplicateEmail", email, seen.get(key)));
            }
            seen.putIfAbsent(key, row.line);
            if (!ydernummer.isEmpty() && !practices.containsKey(ydernummer)) {
                problems.add(new Problem(row.line, "import.row.unknownPractice", ydernummer));
            }
        }
        if (!problems.isEmpty()) {
            return ImportReport.refused(problems);
        }
        int created = 0;
        for (Row row : rows) {
            String email = row.get(Heading.EMAIL);
            String ydernummer = row.get(Heading.YDERNUMMER);
            Long practiceId = ydernummer.isEmpty() ? null : practices.get(ydernummer);
            if (existing.contains(email.toLowerCase(Locale.ROOT))) {
                jdbc.sql("UPDATE member SET name = ?, practice_id = ? WHERE cluster_id = ? AND lower(email) = lower(?)")
                        .params(row.get(Heading.PERSON_NAME), practiceId, clusterId, email)
                        .update();
            } else {
                created++;
                jdbc.sql("INSERT INTO member (cluster_id, name, email, practice_id) VALUES (?, ?, ?, ?)")
                        .params(clusterId, row.get(Heading.PERSON_NAME), email, practiceId)
                        .update();
            }
        }
        return ImportReport.stored(created, rows.size() - created);
    }

    /** Whole numbers as Danes write them: "1234", "1.234" or "1 234" (and "1234.0" from a spreadsheet). */
    static Optional<Integer> parseCount(String value) {
        // "1234.0" is how a spreadsheet cell may give a whole number
        String text = value != null && value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        return DanishNumbers.parseWhole(text)
                .filter(count -> count <= RegisterRules.MAX_LISTED_PATIENTS)
                .map(Long::intValue);
    }

    /** Where each column is; a missing required column refuses the file, saying what the first line was read as. */
    private static Map<Heading, Integer> header(Kind kind, List<String> cells) {
        Map<Heading, Integer> columns = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            for (Heading column : kind.columns) {
                if (column.matches(cells.get(i))) {
                    columns.putIfAbsent(column, i);
                }
            }
        }
        if (kind.columns.stream().anyMatch(c -> kind.required(c) && !columns.containsKey(c))) {
            throw new Refusal(ImportReport.refused(
                    "import.columns",
                    String.join("; ", kind.columns.stream().map(Heading::danish).toList()),
                    Heading.asRead(cells)));
        }
        return columns;
    }

    private static final class Row {
        final int line;
        final List<String> cells;
        final Map<Heading, Integer> header;

        Row(int line, List<String> cells, Map<Heading, Integer> header) {
            this.line = line;
            this.cells = cells;
            this.header = header;
        }

        String get(Heading column) {
            Integer index = header.get(column);
            return index == null || index >= cells.size() || cells.get(index) == null
                    ? ""
                    : cells.get(index).strip();
        }
    }
}
