package dk.samspil.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven Central binaries, with its data under {@code samspil.data-dir}, when no
 * external database is configured. The library's defaults suit throwaway test databases; Samspil keeps real
 * data here, so it runs durable unless told otherwise.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(SamspilSettings settings) throws IOException {
        Path pgData = pgData(settings);
        Files.createDirectories(pgData);
        OrphanedPostmaster.stopIfRunning(pgData);
        var db = settings.embeddedDb();
        String durable = db.durable() ? "on" : "off";
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(db.port())
                // Spring stops PostgreSQL when it closes (the bean's close), after everything that still needs it;
                // the library's own JVM hook would stop it in parallel with Spring's shutdown.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(db.startupTimeoutSeconds()))
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "localhost")
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {} (durable: {})", postgres.getPort(), pgData, durable);
        return postgres;
    }

    /** Destroyed before the PostgreSQL it watches (it depends on it), so the stop at shutdown is not undone. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresSupervisor embeddedPostgresSupervisor(EmbeddedPostgres postgres, SamspilSettings settings)
            throws IOException {
        var db = settings.embeddedDb();
        return new EmbeddedPostgresSupervisor(
                pgData(settings),
                db.watchInterval(),
                Duration.ofSeconds(db.startupTimeoutSeconds()),
                pgData(settings).resolveSibling("postgres.log"));
    }

    /**
     * The pool on the embedded PostgreSQL, with the same {@code spring.datasource.hikari.*} settings as an external
     * database (the short connection timeout among them: while the database is down a request fails within seconds).
     * The port stays the same across a restart by the supervisor, so the pool reconnects by itself.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresSupervisor supervisor) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("samspil-embedded");
        return dataSource;
    }

    private static Path pgData(SamspilSettings settings) {
        return settings.dataDir().toAbsolutePath().normalize().resolve("postgres");
    }
}
