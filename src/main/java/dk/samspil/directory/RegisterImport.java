package dk.samspil.directory;

import dk.samspil.directory.ImportReport.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a cluster's practices or members from CSV: all or nothing. Every row is checked first and every bad row
 * is reported by line; only a file without problems is stored, in one transaction. Existing entries with the
 * same ydernummer (practices) or e-mail (members) are updated; entries not in the file are kept.
 */
@Service
class RegisterImport {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;

    enum Kind {
        PRACTICES(List.of("ydernummer", "navn", "tilmeldte patienter"), Map.of(
                "tilmeldte", "tilmeldte patienter", "patienter", "tilmeldte patienter",
                "antal tilmeldte patienter", "tilmeldte_patienter", "praksis", "navn", "praksisnavn", "navn")),
        MEMBERS(List.of("navn", "e-mail", "ydernummer"), Map.of(
                "email", "e-mail", "mail", "e-mail", "e-mailadresse", "e-mail", "emailadresse", "e-mail"));

        final List<String> columns;
        final Map<String, String> aliases;

        Kind(List<String> columns, Map<String, String> aliases) {
            this.columns = columns;
            this.aliases = aliases;
        }

        /** The optional column: a member's practice. */
        boolean required(String column) {
            return !(this == MEMBERS && column.equals("ydernummer"));
        }
    }

    private final JdbcClient jdbc;

    RegisterImport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    ImportReport importFile(long clusterId, Kind kind, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return ImportReport.refused("import.empty");
        }
        if (bytes.length > MAX_BYTES) {
            return ImportReport.refused("import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        Optional<String> text = TextFiles.decode(bytes);
        if (text.isEmpty()) {
            return ImportReport.refused("import.notText");
        }
        if (text.get().isBlank()) {
            return ImportReport.refused("import.empty");
        }
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> header;
        String content = text.get();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter(content))
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                return ImportReport.refused("import.empty");
            }
            CSVRecord headerRecord = records.next();
            header = header(kind, headerRecord);
            List<String> missing = kind.columns.stream()
                    .filter(column -> kind.required(column) && !header.containsKey(column))
                    .toList();
            if (!missing.isEmpty()) {
                return ImportReport.refused("import.columns", String.join("; ", kind.columns),
                        String.join("; ", headerRecord.toList()));
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = lineOf(content, record.getCharacterPosition());
                if (rows.size() >= MAX_ROWS) {
                    return ImportReport.refused("import.tooManyRows", MAX_ROWS);
                }
                if (record.size() != headerRecord.size()) {
                    problems.add(new Problem(line, "import.row.columnCount", record.size(), headerRecord.size()));
                    continue;
                }
                rows.add(new Row(line, record, header));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException unreadable) {
            return ImportReport.refused("import.unreadable");
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            return ImportReport.refused("import.noRows");
        }
        return kind == Kind.PRACTICES ? importPractices(clusterId, rows, problems) : importMembers(clusterId, rows, problems);
    }

    private ImportReport importPractices(long clusterId, List<Row> rows, List<Problem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Long> owners = jdbc.sql("SELECT ydernummer, cluster_id FROM practice")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Row> valid = new ArrayList<>();
        for (Row row : rows) {
            int before = problems.size();
            String ydernummer = row.get("ydernummer");
            String name = row.get("navn");
            String patients = row.get("tilmeldte patienter");
            if (!RegisterRules.validYdernummer(ydernummer)) {
                problems.add(new Problem(row.line, "import.row.ydernummer", ydernummer));
            } else if (seen.containsKey(ydernummer)) {
                problems.add(new Problem(row.line, "import.row.duplicateYdernummer", ydernummer, seen.get(ydernummer)));
            } else if (owners.containsKey(ydernummer) && owners.get(ydernummer) != clusterId) {
                problems.add(new Problem(row.line, "import.row.otherCluster", ydernummer));
            }
            if (ydernummer != null) {
                seen.putIfAbsent(ydernummer, row.line);
            }
            checkName(row.line, name, problems);
            if (parseCount(patients).isEmpty()) {
                problems.add(new Problem(row.line, "import.row.listedPatients", patients));
            }
            if (problems.size() == before) {
                valid.add(row);
            }
        }
        if (!problems.isEmpty()) {
            return ImportReport.refused(problems);
        }
        int created = 0;
        for (Row row : valid) {
            String ydernummer = row.get("ydernummer");
            if (!owners.containsKey(ydernummer)) {
                created++;
            }
            jdbc.sql("""
                            INSERT INTO practice (cluster_id, ydernummer, name, listed_patients) VALUES (?, ?, ?, ?)
                            ON CONFLICT (ydernummer) DO UPDATE SET name = EXCLUDED.name,
                                listed_patients = EXCLUDED.listed_patients""")
                    .params(clusterId, ydernummer, row.get("navn"), parseCount(row.get("tilmeldte patienter")).orElseThrow())
                    .update();
        }
        return ImportReport.stored(created, valid.size() - created);
    }

    /** A practice's or member's name: present, at most 200 characters, one line (as the forms ask). */
    private static void checkName(int line, String name, List<Problem> problems) {
        if (name.isEmpty()) {
            problems.add(new Problem(line, "import.row.nameMissing"));
        } else if (name.length() > 200) {
            problems.add(new Problem(line, "import.row.nameTooLong"));
        } else if (!dk.samspil.platform.SingleLineRule.holds(name)) {
            problems.add(new Problem(line, "import.row.nameControlCharacters"));
        }
    }

    private ImportReport importMembers(long clusterId, List<Row> rows, List<Problem> problems) {
        Map<String, Long> practices = jdbc.sql("SELECT ydernummer, id FROM practice WHERE cluster_id = ?")
                .param(clusterId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> existing = jdbc.sql("SELECT lower(email) FROM member WHERE cluster_id = ?")
                .param(clusterId).query(String.class).list();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            String name = row.get("navn");
            String email = row.get("e-mail");
            String ydernummer = row.get("ydernummer");
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
            String email = row.get("e-mail");
            String ydernummer = row.get("ydernummer");
            Long practiceId = ydernummer.isEmpty() ? null : practices.get(ydernummer);
            if (existing.contains(email.toLowerCase(Locale.ROOT))) {
                jdbc.sql("UPDATE member SET name = ?, practice_id = ? WHERE cluster_id = ? AND lower(email) = lower(?)")
                        .params(row.get("navn"), practiceId, clusterId, email)
                        .update();
            } else {
                created++;
                jdbc.sql("INSERT INTO member (cluster_id, name, email, practice_id) VALUES (?, ?, ?, ?)")
                        .params(clusterId, row.get("navn"), email, practiceId)
                        .update();
            }
        }
        return ImportReport.stored(created, rows.size() - created);
    }

    /** Whole numbers as Danes write them: "1234", "1.234" or "1 234". */
    static Optional<Integer> parseCount(String value) {
        String digits = value == null ? "" : value.replace(".", "").replace(" ", "").replace("\u00a0", "");
        if (!digits.matches("\\d{1,7}")) {
            return Optional.empty();
        }
        int count = Integer.parseInt(digits);
        return count <= RegisterRules.MAX_LISTED_PATIENTS ? Optional.of(count) : Optional.empty();
    }

    private static char delimiter(String content) {
        int end = content.indexOf('\n');
        String first = end < 0 ? content : content.substring(0, end);
        return first.contains(";") ? ';' : ',';
    }

    private static Map<String, Integer> header(Kind kind, CSVRecord header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace('\ufeff', ' ').strip();
            columns.putIfAbsent(kind.aliases.getOrDefault(name, name), i);
        }
        return columns;
    }

    private static int lineOf(String content, long position) {
        int line = 1;
        for (int i = 0; i < position && i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static final class Row {
        final int line;
        final CSVRecord record;
        final Map<String, Integer> header;

        Row(int line, CSVRecord record, Map<String, Integer> header) {
            this.line = line;
            this.record = record;
            this.header = header;
        }

        String get(String column) {
            Integer index = header.get(column);
            return index == null ? "" : record.get(index).strip();
        }
    }
}
