package dk.samspil.servicedata;

import com.carrotsearch.hppc.LongHashSet;
import dk.samspil.directory.Directory;
import dk.samspil.ordering.OrderProgress;
import dk.samspil.platform.ReportLimits;
import dk.samspil.servicedata.RegisterRows.Kind;
import dk.samspil.servicedata.RegisterRows.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a national file, all or nothing, in one transaction, reading it as a stream. Any problem rolls everything
 * back and every bad row is reported (by line, column and reason); otherwise the practices and months in the file
 * (and, for services, its service codes) are replaced at once, and the report says what was added, changed and
 * removed. Practices and months not in the file are never touched (a one-row correction, or one region's file, leaves
 * every other practice's figures as they were). A service file that would remove figures — codes of its months that a
 * practice in it no longer has — is not stored until the consultant has confirmed how many practices lose figures.
 *
 * <ul>
 *   <li>The <b>service file</b> (a million rows nationally): every check is made as the rows stream past
 *   ({@link ServiceRowChecks}), and the good rows are copied (PostgreSQL COPY) straight into a new partition of
 *   {@code register_service_count} of their own, whose index is built once, after the copy — see
 *   {@code V22__register_service_partitions.sql}.</li>
 *   <li>The <b>practice file</b> (some 40,000 rows a year): copied into a temporary table, checked in SQL
 *   (duplicates, unknown municipalities), then merged into {@code register_practice_period}.</li>
 * </ul>
 * One import runs at a time (a transaction-level advisory lock).
 */
@Service
public class NationalFileImport {

    /** At most this many problems are listed; the count of all is always given. */
    static final int MAX_LISTED = ReportLimits.MAX_LISTED;

    /**
     * @param problems the first {@link #MAX_LISTED} problems, by line
     * @param problemCount all problems
     * @param removedPractices how many practices would lose figures (rows of the file's months and codes that the
     *     file no longer has); when not stored for that alone, the import waits for this number to be confirmed
     */
    public record Result(
            boolean stored,
            Kind kind,
            long rows,
            List<Problem> problems,
            long problemCount,
            String periods,
            int added,
            int changed,
            int removed,
            int removedPractices) {

        /** Good rows, but figures would be removed: nothing is stored until the consultant confirms. */
        public boolean awaitsConfirmation() {
            return !stored && problemCount == 0 && removedPractices > 0;
        }
    }

    private static final class Rollback extends RuntimeException {
        Rollback() {
            super(null, null, false, false);
        }
    }

    /** What fills one COPY: the file's rows, written as COPY text lines. */
    private interface CopyFill {
        void fill(PGCopyOutputStream copy, CopyRow row) throws IOException;
    }

    /** The file's months and codes: the scope of the stored rows that its rows replace. */
    private static final String SCOPE = "period = ANY (CAST(? AS date[])) AND service_code = ANY (CAST(? AS text[]))";

    private static final Logger log = LoggerFactory.getLogger(NationalFileImport.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final OrderProgress progress;
    private final Directory directory;

    NationalFileImport(
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate transaction,
            OrderProgress progress,
            Directory directory) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.progress = progress;
        this.directory = directory;
    }

    Result importFile(Path file, Kind kind, String fileName, String by) {
        return importFile(file, kind, fileName, by, 0);
    }

    /**
     * @param confirmedRemovals the number of practices whose figures the consultant has agreed to remove (0: none);
     *     an import that would remove figures of another number of practices is not stored and says how many
     */
    Result importFile(Path file, Kind kind, String fileName, String by, int confirmedRemovals) {
        Result[] result = new Result[1];
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('samspil.register-import'))")
                        .query(Object.class)
                        .single();
                result[0] = kind == Kind.SERVICES
                        ? services(file, fileName, by, confirmedRemovals)
                        : practices(file, fileName, by);
                if (!result[0].stored()) {
                    throw new Rollback();
                }
            });
        } catch (Rollback rollback) {
            // nothing stored; the report is in result[0]
        }
        return result[0];
    }

    private Result services(Path file, String fileName, String by, int confirmedRemovals) {
        long started = System.nanoTime();
        jdbc.sql("SET LOCAL maintenance_work_mem = '256MB'").update();
        ServiceRowChecks checks = new ServiceRowChecks(listedPracticeMonths());
        long importId = newServiceImport(fileName, by);
        String partition = createPartition(importId);
        Problems problems = new Problems();
        long rows = copyServiceRows(file, partition, checks, problems);
        long read = System.nanoTime();
        if (rows == 0 && problems.isEmpty()) {
            problems.add(new Problem(0, "", "servicedata.file.noRows", null));
        }
        if (!problems.isEmpty()) {
            return refused(Kind.SERVICES, rows, problems);
        }
        indexPartition(partition);
        long indexed = System.nanoTime();
        Result result = store(checks, importId, partition, rows, confirmedRemovals);
        if (result.stored()) {
            log.info(
                    "SERVICES file {}: {} rows read, checked and copied in {} ms, indexed in {} ms, stored in {} ms",
                    fileName,
                    rows,
                    (read - started) / 1_000_000,
                    (indexed - read) / 1_000_000,
                    (System.nanoTime() - indexed) / 1_000_000);
            if (progress != null) {
                progress.serviceDataImported(checks.codes(), by);
            }
        }
        return result;
    }

    /**
     * Replaces the stored rows of the file's practices, months and codes with the new partition's, and attaches it;
     * not when it would remove the figures of another number of practices than confirmed.
     */
    private Result store(ServiceRowChecks checks, long importId, String partition, long rows, int confirmedRemovals) {
        List<YearMonth> fileMonths = checks.months();
        String months =
                array(fileMonths.stream().map(m -> m.atDay(1).toString()).toList());
        String codes = array(checks.codes());
        String periods = fileMonths.stream().map(YearMonth::toString).collect(Collectors.joining(", "));
        String heldIds = heldImportIds(months, codes);
        long[] before = heldIds.isEmpty() ? new long[] {0, 0, 0, 0} : replacedCounts(partition, heldIds, months, codes);
        if (before[3] > 0 && before[3] != confirmedRemovals) {
            return new Result(
                    false, Kind.SERVICES, rows, List.of(), 0, periods, 0, 0, (int) before[1], (int) before[3]);
        }
        if (!heldIds.isEmpty()) {
            deleteReplaced(partition, heldIds, months, codes);
        }
        attachPartition(partition, importId, checks.codeMonths());
        int removed = (int) before[1];
        int changed = (int) before[2];
        int added = (int) (rows - (before[0] - removed));
        jdbc.sql("UPDATE register_import SET rows = ?, periods = ?, added = ?, changed = ?, removed = ? WHERE id = ?")
                .params(rows, periods, added, changed, removed, importId)
                .update();
        return new Result(true, Kind.SERVICES, rows, List.of(), 0, periods, added, changed, removed, (int) before[3]);
    }

    /**
     * The older imports whose partitions hold any of the file's months and codes (often none: a first import), as a
     * list of ids; empty when none. Their ids are our own numbers, written into the statements that follow so that
     * the planner prunes the other partitions.
     */
    private String heldImportIds(String months, String codes) {
        return jdbc
                .sql("SELECT DISTINCT import_id FROM register_service_month WHERE " + SCOPE)
                .params(months, codes)
                .query(Long.class)
                .list()
                .stream()
                .map(String::valueOf)
                .collect(Collectors.joining(","));
    }

    /** The practice months with listed patients, which a service row must be of. */
    private LongHashSet listedPracticeMonths() {
        LongHashSet listed = new LongHashSet();
        jdbc.sql("SELECT ydernummer, period FROM register_practice_period WHERE listed_patients > 0")
                .query(rs -> {
                    listed.add(ServiceRowChecks.practiceMonth(
                            rs.getString(1), YearMonth.from(rs.getDate(2).toLocalDate())));
                });
        return listed;
    }

    /** The import's row, its figures filled in once stored; its id names the import's partition. */
    private long newServiceImport(String fileName, String by) {
        return jdbc.sql("""
                        INSERT INTO register_import (kind, file_name, rows, periods, added, changed, removed, imported_by)
                        VALUES ('SERVICES', ?, 0, '', 0, 0, 0, ?) RETURNING id""").params(fileName, by).query(Long.class).single();
    }

    /** Created in this transaction: a rollback leaves nothing behind. */
    private String createPartition(long importId) {
        String partition = "register_service_count_" + importId;
        jdbc.sql("CREATE TABLE " + partition + " (LIKE register_service_count INCLUDING DEFAULTS INCLUDING CONSTRAINTS,"
                        + " CHECK (import_id = " + importId + "))")
                .update();
        jdbc.sql("ALTER TABLE " + partition + " ALTER COLUMN import_id SET DEFAULT " + importId)
                .update();
        return partition;
    }

    /** Reads and checks every row of the file, copying the good ones into the partition until the first problem. */
    private long copyServiceRows(Path file, String partition, ServiceRowChecks checks, Problems problems) {
        return copy(
                "COPY " + partition + " (ydernummer, period, service_code, count) FROM STDIN (FORMAT binary)",
                (copy, line) -> RegisterRows.read(
                        file,
                        Kind.SERVICES,
                        row -> {
                            // After the first problem nothing more is copied (it is all rolled back), but every row is
                            // still read and checked, so that the report counts them all (and lists the first ones).
                            if (checks.check(row, problems) && problems.isEmpty()) {
                                line.row(4)
                                        .int4(Integer.parseInt(row.ydernummer()))
                                        .month(row.period())
                                        .code(row.serviceCode())
                                        .int4((int) row.count())
                                        .end(copy);
                            }
                        },
                        row -> {},
                        problems));
    }

    /** Full pages: a partition is never inserted into again, only deleted from by later imports. */
    private void indexPartition(String partition) {
        jdbc.sql("CREATE UNIQUE INDEX " + partition + "_key ON " + partition + " (ydernummer, period, service_code)"
                        + " WITH (fillfactor = 100)")
                .update();
    }

    /** Whether the new partition (not attached yet) has the stored row {@code o}'s practice and month. */
    private static String inFile(String partition) {
        return " EXISTS (SELECT 1 FROM " + partition + " f WHERE f.ydernummer = o.ydernummer AND f.period = o.period)";
    }

    /**
     * The stored rows of the held partitions that the file replaces: all, removed, changed, and the practices that
     * lose figures. Only practices and months in the file are replaced: each stored row of the file's months and codes
     * is kept unless the new partition has its practice and month, looked up by its index. (A plain join would let the
     * planner hash the whole new partition.)
     */
    private long[] replacedCounts(String partition, String heldIds, String months, String codes) {
        String heldScope = SCOPE + " AND import_id IN (" + heldIds + ")";
        return jdbc.sql(
                        "SELECT count(*), count(*) FILTER (WHERE n.count IS NULL), count(*) FILTER (WHERE n.count <> o.count),"
                                + " count(DISTINCT o.ydernummer) FILTER (WHERE n.count IS NULL)"
                                + " FROM (SELECT * FROM register_service_count WHERE " + heldScope + ") o"
                                + " LEFT JOIN LATERAL (SELECT count FROM " + partition
                                + " n WHERE n.ydernummer = o.ydernummer"
                                + "   AND n.period = o.period AND n.service_code = o.service_code LIMIT 1) n ON true"
                                + " WHERE" + inFile(partition))
                .params(months, codes)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
    }

    /** Deletes the replaced rows from the held partitions, and every held partition left empty. */
    private void deleteReplaced(String partition, String heldIds, String months, String codes) {
        String heldScope = SCOPE + " AND import_id IN (" + heldIds + ")";
        List<String> touched = jdbc.sql("WITH gone AS (DELETE FROM register_service_count o WHERE " + heldScope + " AND"
                        + inFile(partition)
                        + " RETURNING tableoid) SELECT DISTINCT tableoid::regclass::text FROM gone")
                .params(months, codes)
                .query(String.class)
                .list();
        // A code and month stays listed for an older import while its partition still has rows of it.
        jdbc.sql(
                        "DELETE FROM register_service_month m WHERE m.import_id IN (" + heldIds + ") AND " + SCOPE
                                + " AND NOT EXISTS (SELECT 1 FROM register_service_count c"
                                + " WHERE c.import_id = m.import_id AND c.period = m.period AND c.service_code = m.service_code)")
                .params(months, codes)
                .update();
        for (String older : touched) {
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + older + ")")
                    .query(Boolean.class)
                    .single()) {
                jdbc.sql("DROP TABLE " + older).update();
            }
        }
    }

    /** Makes the new partition part of the figures and lists its codes and months. */
    private void attachPartition(String partition, long importId, List<Map.Entry<String, YearMonth>> codeMonths) {
        jdbc.sql("ALTER TABLE register_service_count ATTACH PARTITION " + partition + " FOR VALUES IN (" + importId
                        + ")")
                .update();
        jdbc.sql(
                        "INSERT INTO register_service_month (service_code, period, import_id)"
                                + " SELECT code, month, ? FROM unnest(CAST(? AS text[]), CAST(? AS date[])) AS pairs (code, month)")
                .params(
                        importId,
                        array(codeMonths.stream().map(Map.Entry::getKey).toList()),
                        array(codeMonths.stream()
                                .map(e -> e.getValue().atDay(1).toString())
                                .toList()))
                .update();
    }

    /** A PostgreSQL array literal of checked dates or codes (no commas, quotes or braces can occur in them). */
    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private Result practices(Path file, String fileName, String by) {
        long started = System.nanoTime();
        jdbc.sql(
                        "CREATE TEMPORARY TABLE import_rows (line INT, ydernummer CHAR(6) COLLATE \"C\", period DATE, listed BIGINT,"
                                + " municipality_code CHAR(4)) ON COMMIT DROP")
                .update();
        Problems problems = new Problems();
        long rows = copy(
                "COPY import_rows FROM STDIN (FORMAT binary)",
                (copy, line) -> RegisterRows.read(
                        file,
                        Kind.PRACTICES,
                        row -> {},
                        row -> line.row(5)
                                .int4(row.line())
                                .code(row.ydernummer())
                                .month(row.period())
                                .int8(row.listedPatients())
                                .code(row.municipalityCode())
                                .end(copy),
                        problems));
        long read = System.nanoTime();
        practiceProblems(problems);
        log.info(
                "PRACTICES file {}: {} rows read and copied in {} ms, checked in {} ms",
                fileName,
                rows,
                (read - started) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000);
        if (rows == 0 && problems.isEmpty()) {
            problems.add(new Problem(0, "", "servicedata.file.noRows", null));
        }
        if (!problems.isEmpty()) {
            return refused(Kind.PRACTICES, rows, problems);
        }
        return replacePractices(fileName, by, rows);
    }

    private static Result refused(Kind kind, long rows, Problems problems) {
        return new Result(false, kind, rows, problems.listed(), problems.count(), "", 0, 0, 0, 0);
    }

    /**
     * Runs one COPY on the transaction's connection and returns the rows copied. The COPY is always ended normally,
     * also when rows had problems: cancelling it would abort the transaction, and the practice file's checks still
     * read the copied rows afterwards (the import is rolled back when there is any problem).
     */
    private long copy(String sql, CopyFill fill) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
            try {
                CopyRow.header(copy);
                fill.fill(copy, new CopyRow());
                CopyRow.trailer(copy);
                return copy.endCopy();
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
    }

    /** The problems of the copied practice rows that only the database sees: duplicates and unknown municipalities. */
    private void practiceProblems(Problems problems) {
        long[] total = {0};
        List<Problem> duplicates = jdbc.sql("""
                        SELECT line, first, count(*) OVER () FROM (
                            SELECT line, min(line) OVER (PARTITION BY ydernummer, period) AS first FROM import_rows) r
                        WHERE line <> first ORDER BY line LIMIT ?""")
                .param(MAX_LISTED)
                .query((rs, n) -> {
                    total[0] = rs.getLong(3);
                    return new Problem(
                            rs.getInt(1),
                            "Ydernummer",
                            "servicedata.row.duplicatePractice",
                            String.valueOf(rs.getInt(2)));
                })
                .list();
        problems.addCounted(duplicates, total[0]);
        total[0] = 0;
        List<Problem> unknown = jdbc.sql("""
                        SELECT line, municipality_code, count(*) OVER () FROM import_rows r
                        WHERE NOT (r.municipality_code = ANY (?))
                        ORDER BY line LIMIT ?""")
                .params(directory.municipalityCodes(), MAX_LISTED)
                .query((rs, n) -> {
                    total[0] = rs.getLong(3);
                    return new Problem(
                            rs.getInt(1), "Kommunekode", "servicedata.municipality.unknown", rs.getString(2));
                })
                .list();
        problems.addCounted(unknown, total[0]);
    }

    private Result replacePractices(String fileName, String by, long rows) {
        long started = System.nanoTime();
        String periods = String.join(
                ", ",
                jdbc.sql("SELECT DISTINCT to_char(period, 'YYYY-MM') p FROM import_rows ORDER BY p")
                        .query(String.class)
                        .list());
        jdbc.sql("ANALYZE import_rows").update();
        int changed = jdbc.sql("""
                        UPDATE register_practice_period t SET listed_patients = r.listed, municipality_code = r.municipality_code
                        FROM import_rows r WHERE r.ydernummer = t.ydernummer AND r.period = t.period
                          AND (t.listed_patients <> r.listed OR t.municipality_code <> r.municipality_code)""").update();
        int added = jdbc.sql("""
                        INSERT INTO register_practice_period (ydernummer, period, listed_patients, municipality_code)
                        SELECT ydernummer, period, listed, municipality_code FROM import_rows ON CONFLICT DO NOTHING""").update();
        log.info("PRACTICES file {}: stored in {} ms", fileName, (System.nanoTime() - started) / 1_000_000);
        jdbc.sql("""
                        INSERT INTO register_import (kind, file_name, rows, periods, added, changed, removed, imported_by)
                        VALUES ('PRACTICES', ?, ?, ?, ?, ?, ?, ?)""").params(fileName, rows, periods, added, changed, 0, by).update();
        return new Result(true, Kind.PRACTICES, rows, List.of(), 0, periods, added, changed, 0, 0);
    }
}
