package dk.samspil.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by the whole application.
 *
 * @param dataDir where Samspil keeps its files, the embedded database among them ({@code SAMSPIL_DATA_DIR})
 * @param embeddedDb the embedded PostgreSQL, used when no {@code spring.datasource.url} is configured
 */
@ConfigurationProperties("samspil")
public record SamspilSettings(@DefaultValue("./data") Path dataDir, @DefaultValue EmbeddedDb embeddedDb) {

    /**
     * @param durable fsync and synchronous_commit on; turned off only by the test suite for speed
     * @param port 0 picks a free port
     * @param startupTimeoutSeconds how long to wait for PostgreSQL (first start unpacks and runs initdb)
     */
    public record EmbeddedDb(
            @DefaultValue("true") boolean durable,
            @DefaultValue("0") int port,
            @DefaultValue("120") int startupTimeoutSeconds) {}
}
