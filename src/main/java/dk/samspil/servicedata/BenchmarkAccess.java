package dk.samspil.servicedata;

import dk.samspil.directory.Directory;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets the import benchmark ({@code dk.samspil.bench.RegisterImportBenchmark}) run the very code the import page
 * runs, outside the application. Not used by the application itself.
 */
public final class BenchmarkAccess {

    private BenchmarkAccess() {}

    public static Object importer(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction) {
        // No orders to move along outside the application.
        return new NationalFileImport(jdbc, dataSource, transaction, null, new Directory(jdbc));
    }

    public static boolean importPractices(Object importer, Path file) {
        return ((NationalFileImport) importer)
                .importFile(
                        file, RegisterRows.Kind.PRACTICES, file.getFileName().toString(), "benchmark")
                .stored();
    }

    /** Imports the service file and describes the outcome in one line. */
    public static String importServices(Object importer, Path file) {
        NationalFileImport.Result result = ((NationalFileImport) importer)
                .importFile(file, RegisterRows.Kind.SERVICES, file.getFileName().toString(), "benchmark");
        return result.stored()
                ? "stored, added " + result.added()
                : "refused, " + result.problemCount() + " problems, first: "
                        + (result.problems().isEmpty() ? "" : result.problems().get(0));
    }
}
