package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the packaged application ({@code java -jar target/samspil.jar}) as users do, for the integration tests. */
final class PackagedJar {

    private PackagedJar() {
    }

    static Process start(Path data, int httpPort, Map<String, String> env, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("samspil.jar", "target/samspil.jar");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar,
                "--server.port=" + httpPort, "--samspil.data-dir=" + data));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(httpPort).toFile());
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().putAll(env);
        return builder.start();
    }

    static Path log(int httpPort) {
        return Path.of("target", "packaged-jar-" + httpPort + ".log");
    }

    static void awaitHealthy(int port, Process process) throws Exception {
        WebClient client = new WebClient("http://localhost:" + port);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the application exited; see " + log(port)).isTrue();
            try {
                HttpResponse<String> health = client.get("/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            process.onExit().completeOnTimeout(process, 500, TimeUnit.MILLISECONDS).join();
        }
        throw new AssertionError("not healthy within 3 minutes; see " + log(port));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
