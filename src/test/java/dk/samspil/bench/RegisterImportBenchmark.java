package dk.samspil.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national-size import benchmark: generates a service file of about 1,000,000 rows (1,700 practices × 24 months
 * × 25 service codes, with the matching practice file), imports it through the same code the import page uses
 * ({@code NationalFileImport}: streaming read, checks as the rows pass, binary COPY into a partition of its own, index,
 * attach) and in the same run COPYs the same rows into a bare table of the same database, for comparison. One smaller
 * import (other service codes) runs first as a warm-up, then {@link #ROUNDS} rounds of import and bare COPY; the
 * medians are compared. Writes rows/s, the ratio to COPY and the peak heap to
 * {@code target/benchmarks/register-import.txt}.
 *
 * <p>Run with {@code bench/register-import.sh} (which gives the JVM {@code -Xmx256m}, the heap the target allows).
 */
public final class RegisterImportBenchmark {

    static final int PRACTICES = 1_700;
    static final int MONTHS = 24;
    static final int CODES = 25;
    static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks/register-import.txt");
        Path work = Files.createTempDirectory("samspil-register-bench");
        Path practices = work.resolve("praksis.csv");
        Path services = work.resolve("ydelser.csv");
        Path plain = work.resolve("ydelser.tsv");
        Path warmUp = work.resolve("opvarmning.csv");
        long rows = generate(practices, services, plain);
        long warmUpRows = generateWarmUp(warmUp);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            var importer = dk.samspil.servicedata.BenchmarkAccess.importer(jdbc, dataSource, transaction);

            System.out.println("practice file ...");
            var practiceResult = dk.samspil.servicedata.BenchmarkAccess.importPractices(importer, practices);
            if (!practiceResult) {
                throw new IllegalStateException("the practice file was refused");
            }
            // A server that has been up has its import code compiled: one smaller import first (other service codes,
            // so the measured import replaces nothing of it), as a JMH warm-up would.
            System.out.println("warm-up service file (" + warmUpRows + " rows) ...");
            long warmUpStart = System.nanoTime();
            String warmUpReport = dk.samspil.servicedata.BenchmarkAccess.importServices(importer, warmUp);
            double warmUpSeconds = (System.nanoTime() - warmUpStart) / 1e9;
            // Rounds: the import of the national file (into an empty scope: the first import of those months and
            // codes; afterwards its partition is dropped again), then a bare COPY of the same rows into a new table.
            // The machine's timings vary by some 20 % from run to run, so the medians are compared.
            double[] importSeconds = new double[ROUNDS];
            double[] copySeconds = new double[ROUNDS];
            long peakHeap = 0;
            String report = "";
            long stored = 0;
            for (int round = 0; round < ROUNDS; round++) {
                // Alternate which goes first, so that neither always runs in the other's wake (checkpoint writes,
                // dropped tables).
                if (round % 2 == 1) {
                    copySeconds[round] = bareCopy(jdbc, dataSource, plain);
                }
                System.gc();
                resetPeaks();
                System.out.println("round " + (round + 1) + ": service file (" + rows + " rows) ...");
                long start = System.nanoTime();
                report = dk.samspil.servicedata.BenchmarkAccess.importServices(importer, services);
                importSeconds[round] = (System.nanoTime() - start) / 1e9;
                peakHeap = Math.max(peakHeap, peakHeap());
                stored = jdbc.sql("SELECT count(*) FROM register_service_count WHERE service_code < '9000'")
                        .query(Long.class)
                        .single();
                long importId = jdbc.sql("SELECT max(id) FROM register_import")
                        .query(Long.class)
                        .single();
                jdbc.sql("DROP TABLE register_service_count_" + importId).update();
                jdbc.sql("DELETE FROM register_service_month WHERE service_code < '9000'")
                        .update();
                if (round % 2 == 0) {
                    copySeconds[round] = bareCopy(jdbc, dataSource, plain);
                }
                System.out.printf(
                        java.util.Locale.ROOT,
                        "round %d: import %.2f s, bare COPY %.2f s%n",
                        round + 1,
                        importSeconds[round],
                        copySeconds[round]);
            }

            double rate = rows / median(importSeconds);
            double copyRate = rows / median(copySeconds);
            List<String> lines = new ArrayList<>();
            lines.add("# Samspil register import benchmark");
            lines.add("# date: " + OffsetDateTime.now());
            lines.add("# machine: nproc " + Runtime.getRuntime().availableProcessors() + ", java "
                    + System.getProperty("java.runtime.version") + ", max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
            lines.add("# file: " + PRACTICES + " practices x " + MONTHS + " months x " + CODES + " service codes, "
                    + Files.size(services) / (1024 * 1024) + " MB CSV; embedded PostgreSQL with fsync on");
            lines.add("# warm-up: one import of " + warmUpRows + " rows of other service codes first (" + warmUpReport
                    + ", "
                    + String.format(java.util.Locale.ROOT, "%.1f", warmUpSeconds) + " s, "
                    + Math.round(warmUpRows / warmUpSeconds) + " rows/s in a cold JVM)");
            lines.add(
                    "# rounds: " + ROUNDS
                            + ", each the import and a bare COPY of the same rows (which goes first alternates); medians compared");
            lines.add("rows: " + rows);
            lines.add("import_result: " + report);
            lines.add("stored_rows: " + stored);
            lines.add("import_seconds_per_round: " + seconds(importSeconds));
            lines.add("copy_seconds_per_round: " + seconds(copySeconds));
            lines.add("import_seconds_median: " + String.format(java.util.Locale.ROOT, "%.2f", median(importSeconds)));
            lines.add("import_rows_per_second: " + Math.round(rate));
            lines.add("copy_seconds_median: " + String.format(java.util.Locale.ROOT, "%.2f", median(copySeconds)));
            lines.add("copy_rows_per_second: " + Math.round(copyRate));
            lines.add("ratio_to_copy: " + String.format(java.util.Locale.ROOT, "%.2f", rate / copyRate));
            lines.add("peak_heap_mb: " + peakHeap / (1024 * 1024));
            lines.add("target_rows_per_second_ge_100000: " + (rate >= 100_000 ? "PASS" : "FAIL"));
            lines.add("target_ratio_to_copy_ge_0.5: " + (rate / copyRate >= 0.5 ? "PASS" : "FAIL"));
            lines.add("target_peak_heap_le_256mb: " + (peakHeap <= 256L * 1024 * 1024 ? "PASS" : "FAIL"));
            lines.add("target_all_rows_stored: " + (stored == rows ? "PASS" : "FAIL"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, lines, StandardCharsets.UTF_8);
            lines.forEach(System.out::println);
        } finally {
            Files.deleteIfExists(practices);
            Files.deleteIfExists(services);
            Files.deleteIfExists(plain);
            Files.deleteIfExists(warmUp);
            Files.deleteIfExists(work);
        }
    }

    /** Writes the practice file, the service file (Danish CSV) and the same service rows as plain COPY text. */
    static long generate(Path practices, Path services, Path plain) throws IOException {
        String[] municipalities = {"0751", "0101", "0461", "0851", "0657", "0147", "0561", "0157"};
        YearMonth first = YearMonth.of(2023, 1);
        long rows = 0;
        try (BufferedWriter p = Files.newBufferedWriter(practices, StandardCharsets.UTF_8);
                BufferedWriter s = Files.newBufferedWriter(services, StandardCharsets.UTF_8);
                BufferedWriter t = Files.newBufferedWriter(plain, StandardCharsets.UTF_8)) {
            p.write("Ydernummer;Periode;Tilmeldte patienter;Kommunekode\n");
            s.write("Ydernummer;Periode;Ydelseskode;Antal\n");
            for (int i = 0; i < PRACTICES; i++) {
                String yder = String.valueOf(200_000 + i);
                for (int m = 0; m < MONTHS; m++) {
                    YearMonth month = first.plusMonths(m);
                    p.write(yder + ";" + month + ";" + (2_000 + (i * 37) % 8_000) + ";"
                            + municipalities[i % municipalities.length] + "\n");
                    for (int c = 0; c < CODES; c++) {
                        String code = String.format("%04d", 100 + c);
                        long count = (i * 31L + m * 7L + c * 13L) % 250;
                        s.write(yder + ";" + month + ";" + code + ";" + count + "\n");
                        t.write(code + "\t" + month.atDay(1) + "\t" + yder + "\t" + count + "\n");
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    /** A smaller service file for the same practices and months, with service codes 9000-9004. */
    static long generateWarmUp(Path services) throws IOException {
        YearMonth first = YearMonth.of(2023, 1);
        long rows = 0;
        try (BufferedWriter s = Files.newBufferedWriter(services, StandardCharsets.UTF_8)) {
            s.write("Ydernummer;Periode;Ydelseskode;Antal\n");
            for (int i = 0; i < PRACTICES; i++) {
                for (int m = 0; m < MONTHS; m++) {
                    for (int c = 0; c < 5; c++) {
                        s.write((200_000 + i) + ";" + first.plusMonths(m) + ";" + (9_000 + c) + ";" + (i + m + c) % 40
                                + "\n");
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    /** COPY of the same rows into a new table without index or constraint; returns the seconds it took. */
    private static double bareCopy(JdbcClient jdbc, DataSource dataSource, Path plain) throws Exception {
        jdbc.sql("DROP TABLE IF EXISTS bare_copy").update();
        jdbc.sql("CREATE TABLE bare_copy (service_code TEXT, period DATE, ydernummer CHAR(6), count INT)")
                .update();
        long copyStart = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                Reader reader = Files.newBufferedReader(plain)) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY bare_copy FROM STDIN (FORMAT text)", reader);
        }
        return (System.nanoTime() - copyStart) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String seconds(double[] values) {
        return java.util.Arrays.stream(values)
                .mapToObj(v -> String.format(java.util.Locale.ROOT, "%.2f", v))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
