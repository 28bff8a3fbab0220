package dk.samspil.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by the whole application.
 *
 * @param dataDir where Samspil keeps its files, the embedded database among them ({@code SAMSPIL_DATA_DIR})
 * @param embeddedDb the embedded PostgreSQL, used when no {@code spring.datasource.url} is configured
 * @param baseUrl the address users reach Samspil at, for links in e-mails and calendars ({@code SAMSPIL_BASE_URL})
 */
@ConfigurationProperties("samspil")
public record SamspilSettings(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue EmbeddedDb embeddedDb,
        @DefaultValue("http://localhost:8080") String baseUrl) {

    /** An absolute link to a path of Samspil. */
    public String link(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }

    /**
     * @param durable fsync and synchronous_commit on; turned off only by the test suite for speed
     * @param port 0 picks a free port
     * @param startupTimeoutSeconds how long to wait for PostgreSQL (first start unpacks and runs initdb)
     * @param watchInterval how often the supervisor looks whether PostgreSQL still runs, to start it again if not
     *     ({@code SAMSPIL_EMBEDDEDDB_WATCHINTERVAL})
     */
    public record EmbeddedDb(
            @DefaultValue("true") boolean durable,
            @DefaultValue("0") int port,
            @DefaultValue("120") int startupTimeoutSeconds,
            @DefaultValue("1s") Duration watchInterval) {}
}
