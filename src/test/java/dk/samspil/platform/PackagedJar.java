package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged application started as users start it ({@code java -jar}), for the tests that treat it roughly. */
final class PackagedJar {

    private PackagedJar() {}

    static Process start(Path data, int httpPort, Map<String, String> env, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("samspil.jar", "target/samspil.jar");
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx512m", "-jar", jar, "--server.port=" + httpPort, "--samspil.data-dir=" + data));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(httpPort).toFile()));
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
            assertThat(process.isAlive())
                    .as("the application exited; see " + log(port))
                    .isTrue();
            try {
                HttpResponse<String> health = client.get("/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            process.onExit()
                    .completeOnTimeout(process, 500, TimeUnit.MILLISECONDS)
                    .join();
        }
        throw new AssertionError("not healthy within 3 minutes; see " + log(port));
    }

    /** The embedded PostgreSQL's postmaster, by the pid file in its data folder. */
    static ProcessHandle postmaster(Path data) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                .get(0)
                .trim());
        return ProcessHandle.of(pid).orElseThrow();
    }

    /** Sends a signal by name (STOP, CONT) with the system's kill. */
    static void signal(String signal, ProcessHandle process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                        .start()
                        .waitFor())
                .isZero();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A connection to the embedded PostgreSQL of a started jar (its port given by {@code samspil.embedded-db.port}). */
    static Connection connect(int dbPort) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "");
    }

    /** The first column of the first row of a query, as text. */
    static String query(int dbPort, String sql) throws SQLException {
        try (Connection db = connect(dbPort);
                var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The first column of the first row of a query, as a number. */
    static long queryLong(int dbPort, String sql) throws SQLException {
        return Long.parseLong(query(dbPort, sql));
    }
}
