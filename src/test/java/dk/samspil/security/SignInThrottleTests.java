package dk.samspil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dk.samspil.SamspilTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Wrong passwords slow the guesser down without locking out the rightful user: neither five failures for a username
 * from elsewhere nor twenty from one shared address keep its known users out; a forwarded address is believed only
 * from a configured proxy.
 */
@SamspilTest
class SignInThrottleTests {

    static final String HOME = "192.0.2.10";
    static final String ATTACKER = "198.51.100.66";
    static final String OFFICE = "203.0.113.50";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void forgetAttempts() {
        jdbc.sql("DELETE FROM audit_log WHERE username IN ('redaktoer', 'pko', 'konsulent') OR username LIKE 'gaet%' "
                        + "OR remote_address IN (?, ?, ?)")
                .params(HOME, ATTACKER, OFFICE)
                .update();
    }

    @Test
    void guessingAUsersPasswordSlowsTheGuesserDownButDoesNotLockOutTheUser() throws Exception {
        assertThat(signIn("redaktoer", "samspil", HOME)).isEqualTo("/start"); // the start page: signed in
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("redaktoer", "forkert", ATTACKER)).isEqualTo("/login?error");
        }
        // Past the free failures the guesser must wait, and the wait doubles.
        assertThat(signIn("redaktoer", "forkert", ATTACKER)).isEqualTo("/login?throttled");
        passes(Duration.ofMillis(1_100));
        assertThat(signIn("redaktoer", "forkert", ATTACKER)).isEqualTo("/login?error");
        assertThat(signIn("redaktoer", "forkert", ATTACKER)).isEqualTo("/login?throttled");
        assertThat(audits("redaktoer", AuditLog.SIGN_IN_THROTTLED)).isEqualTo(2);
        // The rightful user signs in from where they did before, at once ...
        assertThat(signIn("redaktoer", "samspil", HOME)).isEqualTo("/start"); // the start page: signed in
        // ... and from a new address after the guesser's wait at most (here two seconds, never a quarter of an hour).
        assertThat(signIn("redaktoer", "samspil", "192.0.2.99")).isEqualTo("/login?throttled");
        passes(Duration.ofMillis(2_100));
        assertThat(signIn("redaktoer", "samspil", "192.0.2.99")).isEqualTo("/start"); // the start page: signed in
    }

    @Test
    void manyFailuresFromOneAddressDoNotLockOutThoseWhoSignInFromIt() throws Exception {
        assertThat(signIn("pko", "samspil", OFFICE)).isEqualTo("/start"); // the start page: signed in
        for (int i = 0; i < 20; i++) {
            // Rotating a forged X-Forwarded-For does not help: the peer is no trusted proxy.
            assertThat(signIn("gaet" + i, "forkert", OFFICE, "192.0.2." + (100 + i)))
                    .isEqualTo("/login?error");
        }
        assertThat(signIn("gaet20", "forkert", OFFICE, "192.0.2.120")).isEqualTo("/login?throttled");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE username LIKE 'gaet%' AND remote_address <> ?")
                        .param(OFFICE)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(signIn("pko", "samspil", OFFICE))
                .as("a known user of the address")
                .isEqualTo("/start"); // the start page: signed in
        assertThat(signIn("konsulent", "samspil", OFFICE))
                .as("a first sign-in from there waits")
                .isEqualTo("/login?throttled");
    }

    @Test
    void refusedWorkIdentityLogInsCountForTheirAddressLikeWrongPasswords() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(callback(ATTACKER)).isEqualTo("/login/afvist?aarsag=ugyldig");
        }
        assertThat(callback(ATTACKER)).isEqualTo("/login?throttled");
        assertThat(signIn("konsulent", "samspil", ATTACKER))
                .as("a first password sign-in from there waits too")
                .isEqualTo("/login?throttled");
        assertThat(callback(HOME)).as("another address is not held").isEqualTo("/login/afvist?aarsag=ugyldig");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND remote_address = ?")
                        .params(AuditLog.SIGN_IN_THROTTLED, ATTACKER)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    /** A provider's answer with a code and state Samspil never asked for, as a forger would send it. */
    private String callback(String from) throws Exception {
        return mvc.perform(get("/login/oauth2/code/" + dk.samspil.TestOidcServer.REGISTRATION)
                        .param("code", "gaet")
                        .param("state", "gaet")
                        .with(r -> {
                            r.setRemoteAddr(from);
                            return r;
                        }))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void aForwardedAddressIsBelievedOnlyFromATrustedProxy() {
        ClientAddress none = new ClientAddress(settings(List.of()));
        assertThat(none.of(request("10.0.0.1", "203.0.113.9"))).isEqualTo("10.0.0.1");

        ClientAddress proxied = new ClientAddress(settings(List.of("10.0.0.1", "10.1.0.0/16")));
        assertThat(proxied.of(request("10.0.0.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxied.of(request("10.0.0.1", "198.51.100.7, 203.0.113.9, 10.1.2.3")))
                .as("the last address not a trusted proxy")
                .isEqualTo("203.0.113.9");
        assertThat(proxied.of(request("10.0.0.1", null))).isEqualTo("10.0.0.1");
        assertThat(proxied.of(request("10.0.0.1", "evil.example"))).isEqualTo("10.0.0.1");
        assertThat(proxied.of(request("192.0.2.1", "203.0.113.9")))
                .as("not from the proxy")
                .isEqualTo("192.0.2.1");
        assertThat(proxied.of(request("10.0.0.1", "2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    /** Lets time pass for the throttle without waiting: the recorded attempts move that far into the past. */
    private void passes(Duration time) {
        jdbc.sql("UPDATE audit_log SET occurred_at = occurred_at - ? * interval '1 millisecond' "
                        + "WHERE username IN ('redaktoer', 'pko', 'konsulent') OR remote_address IN (?, ?, ?)")
                .params(time.toMillis(), HOME, ATTACKER, OFFICE)
                .update();
    }

    private static SecuritySettings settings(List<String> proxies) {
        return new SecuritySettings(
                Duration.ofHours(10),
                Duration.ofMinutes(15),
                3,
                20,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                proxies,
                Duration.ofHours(1));
    }

    private static MockHttpServletRequest request(String peer, String forwarded) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwarded != null) {
            request.addHeader("X-Forwarded-For", forwarded);
        }
        return request;
    }

    private String signIn(String username, String password, String from) throws Exception {
        return signIn(username, password, from, null);
    }

    private String signIn(String username, String password, String from, String forwarded) throws Exception {
        var request = post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr(from);
                    return r;
                });
        if (forwarded != null) {
            request.header("X-Forwarded-For", forwarded);
        }
        return mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
    }

    private int audits(String username, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE username = ? AND action = ?")
                .params(username, action)
                .query(Integer.class)
                .single();
    }
}
