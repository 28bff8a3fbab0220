package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.samspil.DemoUsers;
import dk.samspil.OrderFixtures;
import dk.samspil.SamspilTest;
import dk.samspil.SqlStatements;
import dk.samspil.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The main signed-in pages of the page benchmark (bench/pages.sh) held to a budget of SQL statements per request, so
 * that a change that adds a query per row (an N+1) or reads the same thing twice fails here, not in production. The
 * budgets are today's counts with a little margin. Also: the session is read once per request and its row is not
 * written by a request that changed nothing in it.
 */
@SamspilTest
class PageStatementsTests {

    /** Page (the demo order's pages as {id}), who asks, the most statements one request of it may run. */
    private record Budget(String path, String user, int statements) {}

    private static final List<Budget> BUDGETS = List.of(
            new Budget("/start", "konsulent", 11),
            new Budget("/bestillinger", "konsulent", 10),
            new Budget("/bestillinger/{id}", "koordinator", 14),
            new Budget("/bestillinger/{id}/spoergeskema", "konsulent", 11),
            new Budget("/bestillinger/{id}/resultater", "koordinator", 15),
            new Budget("/bestillinger/{id}/data", "konsulent", 18),
            new Budget("/bestillinger/{id}/praesentation", "koordinator", 10),
            new Budget("/bestillinger/{id}/moede", "koordinator", 20),
            new Budget("/aftaler", "koordinator", 9));

    private static final String SESSION_READ = "FROM SPRING_SESSION S";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoUsers demoUsers;

    long order;
    Map<String, WebClient> users = new LinkedHashMap<>();

    @BeforeEach
    void signIn() throws Exception {
        order = jdbc.sql("SELECT min(id) FROM package_order").query(Long.class).single();
        for (String username : List.of("konsulent", "koordinator")) {
            WebClient client = new WebClient("http://localhost:" + port);
            assertThat(client.login(username, "samspil").statusCode()).isEqualTo(302);
            users.put(username, client);
        }
    }

    @Test
    void eachMainPageStaysWithinItsStatementBudgetAndReadsTheSessionOnce() throws Exception {
        // Two new orders at least in the consultant's queue on /bestillinger: its lines must not cost a query each.
        for (int i = 0; i < 2; i++) {
            OrderFixtures.placeAcuteOrder(
                    mvc, demoUsers, OrderFixtures.today().plusWeeks(12), "budget" + i + "@aarhus.example.dk");
        }
        StringBuilder report = new StringBuilder();
        for (Budget budget : BUDGETS) {
            String path = budget.path().replace("{id}", String.valueOf(order));
            WebClient client = users.get(budget.user());
            assertThat(client.get(path).statusCode()).as(path).isEqualTo(200); // first-time work (a meeting's rows)
            List<String> sql = recorded(client, path);
            report.append(path).append(": ").append(sql.size()).append(" statements\n");
            sql.stream()
                    .map(s -> s.replaceAll("\\s+", " ").trim())
                    .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
                    .forEach((s, n) -> report.append("  ")
                            .append(n)
                            .append("x ")
                            .append(s, 0, Math.min(s.length(), 160))
                            .append('\n'));
            assertThat(sql)
                    .as(path + ": the session is read once")
                    .filteredOn(s -> s.contains(SESSION_READ))
                    .hasSize(1);
            assertThat(sql.size())
                    .as(path + " runs at most " + budget.statements() + " statements:\n" + report)
                    .isLessThanOrEqualTo(budget.statements());
        }
        System.out.println(report);
    }

    @Test
    void aRequestThatChangesNothingInTheSessionLeavesItsRowAlone() throws Exception {
        WebClient client = users.get("koordinator");
        client.get("/aftaler");
        // The cookie carries the session id in Base64 (Spring Session's cookie serializer).
        String sessionId = new String(
                java.util.Base64.getDecoder().decode(client.sessionId().orElseThrow()),
                java.nio.charset.StandardCharsets.US_ASCII);
        String before = rowVersion(sessionId);
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/aftaler").statusCode()).isEqualTo(200);
        }
        assertThat(rowVersion(sessionId))
                .as("no UPDATE changed the session row (its last access is written at most once a minute)")
                .isEqualTo(before);

        // A session a minute untouched is touched again, so it does not expire while in use.
        jdbc.sql("UPDATE spring_session SET last_access_time = last_access_time - 61000 WHERE session_id = ?")
                .param(sessionId)
                .update();
        long stale = lastAccess(sessionId);
        assertThat(client.get("/aftaler").statusCode()).isEqualTo(200);
        assertThat(lastAccess(sessionId)).isGreaterThan(stale + 60_000);
    }

    private List<String> recorded(WebClient client, String path) throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> response = client.send(
                path, HttpRequest.newBuilder().header(SqlStatements.HEADER, key).GET());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return SqlStatements.of(key);
    }

    private String rowVersion(String sessionId) {
        return jdbc.sql("SELECT xmin::text FROM spring_session WHERE session_id = ?")
                .param(sessionId)
                .query(String.class)
                .single();
    }

    private long lastAccess(String sessionId) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single();
    }
}
