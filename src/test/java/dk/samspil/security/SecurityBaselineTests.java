package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.samspil.SamspilTest;
import dk.samspil.WebClient;
import jakarta.servlet.FilterChain;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The security baseline every page gets, checked against the real server where the container matters. */
@SamspilTest
class SecurityBaselineTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    WebClient client;

    @BeforeEach
    void newBrowserSession() {
        client = new WebClient("http://localhost:" + port);
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        HttpResponse<String> page = client.get("/pakker");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.body()).doesNotContain("<script>").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    }

    @Test
    void strictTransportSecurityOnlyOverTls() throws Exception {
        assertThat(mvc.perform(get("/pakker").secure(true))
                        .andReturn()
                        .getResponse()
                        .getHeader("Strict-Transport-Security"))
                .contains("max-age");
        assertThat(mvc.perform(get("/pakker")).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                .isNull();
    }

    @Test
    void signInRenewsTheSessionIdAndIsAudited() throws Exception {
        client.get("/login");
        String before = client.sessionId().orElseThrow();
        HttpResponse<String> response = client.login("pko", "samspil");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(client.sessionId().orElseThrow()).isNotEqualTo(before);
        assertThat(audits("pko", "SIGN_IN")).isPositive();
    }

    @Test
    void logoutEndsTheServerSession() throws Exception {
        client.login("koordinator", "samspil");
        assertThat(client.get("/klynger").statusCode()).isEqualTo(200);
        String session = client.sessionId().orElseThrow();
        HttpResponse<String> logout = client.post("/logout", "/klynger", java.util.Map.of());
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        // The old session id no longer signs anyone in, even if a browser kept it.
        WebClient stolen = new WebClient("http://localhost:" + port);
        HttpResponse<String> replay = stolenSession(stolen, session);
        assertThat(replay.statusCode()).isEqualTo(302);
    }

    @Test
    void errorPagesRevealNoInternals() throws Exception {
        client.login("admin", "samspil");
        HttpResponse<String> badId = client.get("/klynger/ikke-et-tal");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body())
                .contains("Forespørgslen kunne ikke forstås")
                .doesNotContain("Exception", "at dk.samspil", "at org.springframework", "NumberFormat");
        HttpResponse<String> missing = client.get("/pakker/findes-ikke");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Siden findes ikke");
    }

    @Test
    void sessionEndsAtTheAbsoluteTimeoutHoweverActive() throws Exception {
        AbsoluteSessionTimeout filter = new AbsoluteSessionTimeout(Duration.ofHours(10));
        MockHttpSession old = new MockHttpSession() {
            @Override
            public long getCreationTime() {
                return System.currentTimeMillis() - Duration.ofHours(11).toMillis();
            }
        };
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/klynger");
        request.setSession(old);
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = (req, res) -> {
            throw new AssertionError("the request must not go on");
        };
        filter.doFilter(request, response, chain);
        assertThat(old.isInvalid()).isTrue();
        assertThat(response.getRedirectedUrl()).endsWith("/login?expired");
    }

    @Test
    void healthIsPublicAndSaysOnlyUp() throws Exception {
        HttpResponse<String> health = client.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        // The status and the names of the load balancer's probes (liveness, readiness), no components or details.
        assertThat(health.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
        assertThat(client.get("/actuator/env").statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> stolenSession(WebClient stolen, String session) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/klynger"))
                .header("Cookie", "SESSION=" + session)
                .GET()
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private int audits(String username, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE username = ? AND action = ?")
                .params(username, action)
                .query(Integer.class)
                .single();
    }
}
