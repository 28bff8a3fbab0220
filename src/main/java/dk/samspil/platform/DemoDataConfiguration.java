package dk.samspil.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Demo data (users, clusters, practices) load from {@code db/demo} when {@code samspil.demo} is true, which is
 * the default with the embedded database and never with an external one unless asked for. Instances need not
 * agree on it: one without demo data starts on a database that has them.
 */
@Configuration(proxyBeanMethods = false)
public class DemoDataConfiguration {

    public static boolean demoEnabled(Environment environment) {
        return environment.getProperty(
                "samspil.demo", Boolean.class, EmbeddedDatabaseCondition.usesEmbeddedDatabase(environment));
    }

    @Bean
    FlywayConfigurationCustomizer demoDataLocation(Environment environment) {
        return configuration -> {
            if (demoEnabled(environment)) {
                List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
                locations.add(new Location("classpath:db/demo"));
                configuration.locations(locations.toArray(Location[]::new));
            } else {
                // The demo data are the one repeatable migration: an instance without them may share a database that
                // another instance loaded them into (else Flyway refuses: "applied migration not resolved locally").
                configuration.ignoreMigrationPatterns("repeatable:missing");
            }
        };
    }
}
