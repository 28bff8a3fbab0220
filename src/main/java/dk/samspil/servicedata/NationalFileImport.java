package dk.samspil.servicedata;

import dk.samspil.servicedata.RegisterRows.Kind;
import dk.samspil.servicedata.RegisterRows.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a national file, all or nothing, in one transaction: the file is read as a stream and its good rows are
 * copied (PostgreSQL COPY) into a temporary table; then the checks that need the whole file or the database run
 * in SQL (duplicate keys, unknown municipalities, service rows for a practice and month with no listed patients).
 * Any problem rolls everything back and every bad row is reported. Otherwise the months in the file (and, for
 * services, its service codes) are replaced at once, and the report says what was added, changed and removed.
 */
@Service
public class NationalFileImport {

    /** At most this many problems are listed; the count of all is always given. */
    static final int MAX_LISTED = 1_000;

    /**
     * @param problems the first {@link #MAX_LISTED} problems, by line
     * @param problemCount all problems
     */
    public record Result(boolean stored, Kind kind, long rows, List<Problem> problems, long problemCount, String periods,
            int added, int changed, int removed) {}

    private static final class Rollback extends RuntimeException {
        Rollback() {
            super(null, null, false, false);
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NationalFileImport.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    NationalFileImport(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    Result importFile(Path file, Kind kind, String fileName, String by) {
        Result[] result = new Result[1];
        try {
            transaction.executeWithoutResult(status -> {
                result[0] = run(file, kind, fileName, by);
                if (!result[0].stored()) {
                    throw new Rollback();
                }
            });
        } catch (Rollback rollback) {
            // nothing stored; the report is in result[0]
        }
        return result[0];
    }

    private Result run(Path file, Kind kind, String fileName, String by) {
        long started = System.nanoTime();
        boolean services = kind == Kind.SERVICES;
        // A national file is a million rows: let the checks' sorts and joins and the sorted insert run in memory
        // (for this transaction only) instead of spilling to temporary files.
        jdbc.sql("SET LOCAL work_mem = '128MB'").update();
        jdbc.sql(services
                ? "CREATE TEMPORARY TABLE import_rows (line INT, ydernummer CHAR(6) COLLATE \"C\", period DATE, service_code TEXT COLLATE \"C\", count BIGINT) ON COMMIT DROP"
                : "CREATE TEMPORARY TABLE import_rows (line INT, ydernummer CHAR(6) COLLATE \"C\", period DATE, listed BIGINT, municipality_code CHAR(4)) ON COMMIT DROP")
                .update();
        List<Problem> problems = new ArrayList<>();
        long[] rows = {0};
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "COPY import_rows FROM STDIN (FORMAT text)", 1 << 16);
            StringBuilder line = new StringBuilder(64);
            try {
                RegisterRows.read(file, kind,
                        row -> write(copy, line, row.line(), row.ydernummer(), row.period().atDay(1), row.serviceCode(), row.count()),
                        row -> write(copy, line, row.line(), row.ydernummer(), row.period().atDay(1), row.listedPatients(),
                                row.municipalityCode()),
                        problems);
                rows[0] = copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        long read = System.nanoTime();
        problems.addAll(databaseProblems(kind));
        long checked = System.nanoTime();
        log.info("{} file {}: {} rows read and copied in {} ms, checked in {} ms", kind, fileName, rows[0],
                (read - started) / 1_000_000, (checked - read) / 1_000_000);
        long problemCount = problems.size();
        if (rows[0] == 0 && problems.isEmpty()) {
            problems.add(new Problem(0, "", "servicedata.file.noRows", null));
            problemCount = 1;
        }
        if (!problems.isEmpty()) {
            List<Problem> listed = problems.stream()
                    .sorted(java.util.Comparator.comparingInt(Problem::line)).limit(MAX_LISTED).toList();
            return new Result(false, kind, rows[0], listed, problemCount, "", 0, 0, 0);
        }
        return replace(kind, fileName, by, rows[0]);
    }

    private static void write(PGCopyOutputStream copy, StringBuilder line, Object... values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            // Every value is a checked number, date or code: no tab, newline or backslash can occur.
            line.append(values[i]);
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Problem> databaseProblems(Kind kind) {
        List<Problem> problems = new ArrayList<>();
        String key = kind == Kind.SERVICES ? "ydernummer, period, service_code" : "ydernummer, period";
        problems.addAll(jdbc.sql("""
                        SELECT line, first FROM (
                            SELECT line, min(line) OVER (PARTITION BY %s) AS first FROM import_rows) r
                        WHERE line <> first ORDER BY line LIMIT ?""".formatted(key))
                .param(MAX_LISTED)
                .query((rs, n) -> new Problem(rs.getInt(1), "Ydernummer", "servicedata.row.duplicate", String.valueOf(rs.getInt(2))))
                .list());
        if (kind == Kind.PRACTICES) {
            problems.addAll(jdbc.sql("""
                            SELECT line, municipality_code FROM import_rows r
                            WHERE NOT EXISTS (SELECT 1 FROM municipality m WHERE m.code = r.municipality_code)
                            ORDER BY line LIMIT ?""")
                    .param(MAX_LISTED)
                    .query((rs, n) -> new Problem(rs.getInt(1), "Kommunekode", "servicedata.municipality.unknown", rs.getString(2)))
                    .list());
        } else {
            problems.addAll(jdbc.sql("""
                            SELECT line, ydernummer, to_char(period, 'YYYY-MM') FROM import_rows r
                            WHERE NOT EXISTS (SELECT 1 FROM register_practice_period p
                                              WHERE p.ydernummer = r.ydernummer AND p.period = r.period AND p.listed_patients > 0)
                            ORDER BY line LIMIT ?""")
                    .param(MAX_LISTED)
                    .query((rs, n) -> new Problem(rs.getInt(1), "Ydernummer", "servicedata.row.noListedPatients",
                            rs.getString(2) + " " + rs.getString(3)))
                    .list());
        }
        return problems;
    }

    private Result replace(Kind kind, String fileName, String by, long rows) {
        long replaceStarted = System.nanoTime();
        boolean services = kind == Kind.SERVICES;
        String periods = String.join(", ", jdbc.sql("SELECT DISTINCT to_char(period, 'YYYY-MM') p FROM import_rows ORDER BY p")
                .query(String.class).list());
        int added;
        int changed;
        int removed;
        if (services) {
            jdbc.sql("ANALYZE import_rows").update();
            String scope = """
                    t.period IN (SELECT DISTINCT period FROM import_rows)
                    AND t.service_code IN (SELECT DISTINCT service_code FROM import_rows)""";
            long t0 = System.nanoTime();
            // What changes, counted before: then the months and codes of the file are replaced wholesale (a plain
            // sorted insert is several times faster than an upsert row by row).
            int[] counts = jdbc.sql("""
                            SELECT count(*) FILTER (WHERE t.ydernummer IS NULL),
                                   count(*) FILTER (WHERE t.ydernummer IS NOT NULL AND t.count <> r.count)
                            FROM import_rows r LEFT JOIN register_service_count t
                              ON t.service_code = r.service_code AND t.period = r.period AND t.ydernummer = r.ydernummer""")
                    .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
            added = counts[0];
            changed = counts[1];
            int existing = jdbc.sql("DELETE FROM register_service_count t WHERE " + scope).update();
            removed = existing - (int) (rows - added);
            long t1 = System.nanoTime();
            jdbc.sql("""
                            INSERT INTO register_service_count (service_code, period, ydernummer, count)
                            SELECT service_code, period, ydernummer, count FROM import_rows
                            ORDER BY service_code, period, ydernummer""").update();
            log.info("services: compared and removed in {} ms, inserted in {} ms", (t1 - t0) / 1_000_000,
                    (System.nanoTime() - t1) / 1_000_000);
        } else {
            jdbc.sql("ANALYZE import_rows").update();
            removed = jdbc.sql("""
                            DELETE FROM register_practice_period t WHERE t.period IN (SELECT DISTINCT period FROM import_rows)
                              AND NOT EXISTS (SELECT 1 FROM import_rows r WHERE r.ydernummer = t.ydernummer AND r.period = t.period)""")
                    .update();
            changed = jdbc.sql("""
                            UPDATE register_practice_period t SET listed_patients = r.listed, municipality_code = r.municipality_code
                            FROM import_rows r WHERE r.ydernummer = t.ydernummer AND r.period = t.period
                              AND (t.listed_patients <> r.listed OR t.municipality_code <> r.municipality_code)""").update();
            added = jdbc.sql("""
                            INSERT INTO register_practice_period (ydernummer, period, listed_patients, municipality_code)
                            SELECT ydernummer, period, listed, municipality_code FROM import_rows ON CONFLICT DO NOTHING""")
                    .update();
        }
        log.info("{} file {}: stored in {} ms", kind, fileName, (System.nanoTime() - replaceStarted) / 1_000_000);
        jdbc.sql("""
                        INSERT INTO register_import (kind, file_name, rows, periods, added, changed, removed, imported_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), fileName, rows, periods, added, changed, removed, by).update();
        return new Result(true, kind, rows, List.of(), 0, periods, added, changed, removed);
    }
}
