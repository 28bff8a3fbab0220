package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.SamspilTest;
import dk.samspil.SqlStatements;
import dk.samspil.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SamspilTest
class PageStatementsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void report() throws Exception {
        long order =
                jdbc.sql("SELECT min(id) FROM package_order").query(Long.class).single();
        WebClient konsulent = new WebClient("http://localhost:" + port);
        konsulent.login("konsulent", "samspil");
        WebClient koordinator = new WebClient("http://localhost:" + port);
        koordinator.login("koordinator", "samspil");
        String[][] pages = {
            {"/actuator/health", "k"},
            {"/start", "k"},
            {"/bestillinger", "k"},
            {"/bestillinger/" + order, "c"},
            {"/bestillinger/" + order + "/spoergeskema", "k"},
            {"/bestillinger/" + order + "/resultater", "c"},
            {"/bestillinger/" + order + "/data", "k"},
            {"/bestillinger/" + order + "/praesentation", "c"},
            {"/bestillinger/" + order + "/moede", "c"},
            {"/aftaler", "c"},
        };
        for (String[] page : pages) {
            WebClient client = page[1].equals("k") ? konsulent : koordinator;
            client.get(page[0]);
            String key = UUID.randomUUID().toString();
            HttpResponse<String> response = client.send(
                    page[0],
                    HttpRequest.newBuilder().header(SqlStatements.HEADER, key).GET());
            List<String> sql = SqlStatements.of(key);
            System.out.println("=== " + page[0] + " " + response.statusCode() + " statements: " + sql.size());
            Map<String, Long> counts = sql.stream()
                    .map(s -> s.replaceAll("\\s+", " ").trim())
                    .collect(Collectors.groupingBy(
                            Function.identity(), java.util.LinkedHashMap::new, Collectors.counting()));
            counts.forEach(
                    (s, n) -> System.out.println("  " + n + "x " + (s.length() > 220 ? s.substring(0, 220) : s)));
        }
        assertThat(order).isPositive();
    }
}
