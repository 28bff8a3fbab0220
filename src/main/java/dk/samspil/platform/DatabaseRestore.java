package dk.samspil.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Restores a backup of {@link DatabaseBackup} when Samspil starts with {@code --samspil.restore-from=<file>} on a
 * fresh database: the schema is migrated to the backup's version, the backup's data loaded in place of what the
 * migrations put there, then the migrations since run as at every start. A database that already has a schema is
 * not overwritten: the start fails with the reason.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRestore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);

    @Bean
    FlywayMigrationStrategy restoreBeforeMigrating(@Value("${samspil.restore-from:}") String restoreFrom) {
        return flyway -> {
            if (!restoreFrom.isBlank()) {
                restore(flyway, Path.of(restoreFrom));
            }
            flyway.migrate();
        };
    }

    private static void restore(Flyway flyway, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No backup at " + file.toAbsolutePath());
        }
        if (flyway.info().applied().length > 0) {
            throw new IllegalStateException(
                    "The database already has a schema; a backup is restored only into a fresh database");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String version = DatabaseBackup.manifest(zip).version();
            Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .target(version)
                    .load()
                    .migrate();
            DataSource dataSource = flyway.getConfiguration().getDataSource();
            try (Connection connection = dataSource.getConnection()) {
                DatabaseBackup.load(connection, zip);
            }
            log.info("Restored the backup {} (schema version {})", file.toAbsolutePath(), version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("The backup " + file + " could not be restored: " + e.getMessage(), e);
        }
    }
}
