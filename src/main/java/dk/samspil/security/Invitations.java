package dk.samspil.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites a person by e-mail: finds or creates their user (by e-mail) and returns a one-time link token with which
 * they set their password. The caller sends the link, in its own transaction.
 */
@Service
public class Invitations {

    static final Duration VALIDITY = Duration.ofDays(30);
    /** A password hash no password matches: the account cannot sign in until the invitation is used. */
    private static final String NO_PASSWORD = "{noop}!unusable";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Invitations(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** @return the token for the invitation link */
    @Transactional
    public String invite(String email, String displayName, Role role, String municipalityCode) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        long userId = jdbc.sql("SELECT id FROM app_user WHERE lower(email) = ? ORDER BY id LIMIT 1")
                .param(normalised).query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("""
                                INSERT INTO app_user (username, password_hash, display_name, email, role, municipality_code, enabled)
                                VALUES (?, ?, ?, ?, ?, ?, FALSE) RETURNING id""")
                        .params(normalised, NO_PASSWORD, displayName, normalised, role.name(), municipalityCode)
                        .query(Long.class).single());
        String token = Tokens.newToken();
        jdbc.sql("INSERT INTO user_invitation (token_hash, user_id, expires_at) VALUES (?, ?, ?)")
                .params(Tokens.hash(token), userId, OffsetDateTime.now().plus(VALIDITY))
                .update();
        return token;
    }

    /** The username an open, unexpired invitation belongs to. */
    public Optional<String> usernameFor(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT u.username FROM user_invitation i JOIN app_user u ON u.id = i.user_id
                        WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > now()""")
                .param(Tokens.hash(token)).query(String.class).optional();
    }

    /** Sets the password and opens the account; the link cannot be used again. */
    @Transactional
    public boolean accept(String token, String password) {
        if (!Tokens.wellFormed(token)) {
            return false;
        }
        Optional<Long> userId = jdbc.sql("""
                        UPDATE user_invitation SET used_at = now()
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING user_id""")
                .param(Tokens.hash(token)).query(Long.class).optional();
        userId.ifPresent(id -> jdbc.sql("UPDATE app_user SET password_hash = ?, enabled = TRUE WHERE id = ?")
                .params(passwords.encode(password), id).update());
        return userId.isPresent();
    }
}
