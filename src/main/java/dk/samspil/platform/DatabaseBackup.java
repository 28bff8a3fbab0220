package dk.samspil.platform;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A backup of the whole database in one consistent snapshot, and its restore into a fresh database. The embedded
 * PostgreSQL's binaries carry no pg_dump, and a pg_dump older than the server refuses to dump it, so this is a dump
 * of our own over JDBC: every table of the schema {@code public} in PostgreSQL's binary COPY format, with the
 * sequences' values and the schema's Flyway version, in one zip file. Works on the embedded PostgreSQL of a running
 * Samspil and on an external one alike.
 *
 * <p>Back up: {@code java -jar samspil.jar --backup=<file> [--samspil.data-dir=<dir>]} (the embedded database of the
 * data folder, found by its pid file) or with {@code SPRING_DATASOURCE_URL}/{@code _USERNAME}/{@code _PASSWORD} set
 * (an external one). Restore: start Samspil on a fresh database with {@code --samspil.restore-from=<file>}: the
 * schema is migrated to the backup's version, the data loaded, then the remaining migrations run
 * ({@link DatabaseRestore}).
 */
public final class DatabaseBackup {

    static final String MANIFEST = "manifest.properties";
    static final String PARTITIONS = "partitions.tsv";
    static final String BACKUP_OPTION = "--backup=";
    /** The tables that hold rows: partitions, not the partitioned tables over them (COPY reads only the former). */
    private static final String TABLES = """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname""";

    private DatabaseBackup() {}

    /** Whether the command line asks for a backup instead of the application. */
    public static boolean requested(String[] args) {
        return List.of(args).stream().anyMatch(arg -> arg.startsWith(BACKUP_OPTION));
    }

    /** The command: backs up the database the arguments and environment name, and says where. */
    public static void run(String[] args) throws IOException, SQLException {
        Path file = null;
        Path dataDir = Path.of("data");
        for (String arg : args) {
            if (arg.startsWith(BACKUP_OPTION)) {
                file = Path.of(arg.substring(BACKUP_OPTION.length()));
            } else if (arg.startsWith("--samspil.data-dir=")) {
                dataDir = Path.of(arg.substring("--samspil.data-dir=".length()));
            }
        }
        String url = System.getenv("SPRING_DATASOURCE_URL");
        Properties login = new Properties();
        if (url == null || url.isBlank()) {
            url = "jdbc:postgresql://localhost:" + embeddedPort(dataDir) + "/postgres";
            login.setProperty("user", "postgres");
        } else {
            login.setProperty("user", System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"));
            login.setProperty("password", System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
        }
        try (Connection connection = DriverManager.getConnection(url, login)) {
            Manifest written = write(connection, file);
            System.out.println("Backed up " + written.tables().size() + " tables (schema version " + written.version()
                    + ") to " + file.toAbsolutePath());
        }
    }

    /** The port of the embedded PostgreSQL running on the data folder (the fourth line of its pid file). */
    static int embeddedPort(Path dataDir) throws IOException {
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            throw new IllegalStateException("No embedded PostgreSQL runs on " + dataDir.toAbsolutePath()
                    + " (start Samspil first, or set SPRING_DATASOURCE_URL)");
        }
        return Integer.parseInt(Files.readAllLines(pid).get(3).trim());
    }

    record Manifest(String version, List<String> tables, Properties sequences) {}

    /** Writes every table of {@code public} in one snapshot (repeatable read), with the sequences and the version. */
    static Manifest write(Connection connection, Path file) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            List<String> tables = strings(connection, TABLES);
            String version = strings(connection, """
                    SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
                    ORDER BY installed_rank DESC LIMIT 1""").get(0);
            Properties sequences = new Properties();
            try (Statement statement = connection.createStatement();
                    var rows = statement.executeQuery("""
                            SELECT sequencename, last_value FROM pg_sequences
                            WHERE schemaname = 'public' AND last_value IS NOT NULL""")) {
                while (rows.next()) {
                    sequences.setProperty(rows.getString(1), String.valueOf(rows.getLong(2)));
                }
            }
            Manifest manifest = new Manifest(version, tables, sequences);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                Properties properties = new Properties();
                properties.setProperty("version", version);
                properties.setProperty("tables", String.join(",", tables));
                StringWriter text = new StringWriter();
                properties.store(text, "Samspil database backup");
                sequences.store(text, "sequences");
                zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
                // Partitions made at run time (one per register import) are made again before they are filled.
                zip.putNextEntry(new ZipEntry(PARTITIONS));
                zip.write(String.join("\n", strings(connection, """
                        SELECT c.relname || E'\\t' || p.relname || E'\\t' || pg_get_expr(c.relpartbound, c.oid)
                        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relispartition ORDER BY c.relname""")).getBytes(StandardCharsets.UTF_8));
                for (String table : tables) {
                    zip.putNextEntry(new ZipEntry(table + ".copy"));
                    copy.copyOut("COPY " + quoted(table) + " TO STDOUT (FORMAT binary)", unclosable(zip));
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            connection.rollback();
        }
    }

    /** The backup's manifest: its schema version, tables and sequences. */
    static Manifest manifest(ZipFile zip) throws IOException {
        Properties all = new Properties();
        try (InputStream in = zip.getInputStream(zip.getEntry(MANIFEST))) {
            all.load(in);
        }
        Properties sequences = new Properties();
        all.stringPropertyNames().stream()
                .filter(name -> !name.equals("version") && !name.equals("tables"))
                .forEach(name -> sequences.setProperty(name, all.getProperty(name)));
        return new Manifest(
                all.getProperty("version"), List.of(all.getProperty("tables").split(",")), sequences);
    }

    /** Loads the backup's tables into the database (emptied first) and sets its sequences, in one transaction. */
    static void load(Connection connection, ZipFile zip) throws SQLException, IOException {
        Manifest manifest = manifest(zip);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // Foreign keys and triggers are not checked while the tables fill, in whatever order.
            statement.execute("SET LOCAL session_replication_role = replica");
            List<String> present = strings(connection, TABLES);
            try (InputStream in = zip.getInputStream(zip.getEntry(PARTITIONS))) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] partition = line.split("\t");
                    if (partition.length == 3 && !present.contains(partition[0])) {
                        statement.execute("CREATE TABLE " + quoted(partition[0]) + " PARTITION OF "
                                + quoted(partition[1]) + " " + partition[2]);
                    }
                }
            }
            if (!present.isEmpty()) {
                statement.execute("TRUNCATE "
                        + String.join(
                                ", ",
                                present.stream().map(DatabaseBackup::quoted).toList()));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : manifest.tables()) {
                try (InputStream in = zip.getInputStream(zip.getEntry(table + ".copy"))) {
                    copy.copyIn("COPY " + quoted(table) + " FROM STDIN (FORMAT binary)", in);
                }
            }
            for (String sequence : manifest.sequences().stringPropertyNames()) {
                statement.execute("SELECT setval('" + quoted(sequence).replace("'", "''") + "', "
                        + Long.parseLong(manifest.sequences().getProperty(sequence)) + ", true)");
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
