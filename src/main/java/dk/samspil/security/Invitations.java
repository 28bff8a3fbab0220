package dk.samspil.security;

import dk.samspil.platform.Tokens;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites a person by e-mail: finds their account or makes one, and for a new account a one-time link token with
 * which they set their password. The caller sends the link (or, to an existing account, a notice), in its own
 * transaction.
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

    /**
     * What inviting an address came to: the account it belongs to, its role, and the token of a password link —
     * present only when the account was made just now. An existing account never gets a password link (it would set
     * the password of someone who already has one, or open an account an administrator closed); it gets a notice.
     */
    public record Invited(long userId, Role role, Optional<String> token) {

        public boolean newAccount() {
            return token.isPresent();
        }
    }

    /**
     * Invites a municipal participant named by an order. A new account gets the municipal role without a
     * municipality: it sees the orders that name it (the order links it), never the municipality's other orders. Only
     * the municipality's own accounts (made by an administrator) carry the municipality's rights.
     */
    @Transactional
    public Invited inviteParticipant(String email, String displayName) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        return existing(normalised).orElseGet(() -> {
            long userId = newMunicipalAccount(normalised, displayName, null);
            return new Invited(userId, Role.MUNICIPALITY, Optional.of(newLink(userId)));
        });
    }

    /**
     * Makes an account with a municipality's rights (it sees every order of the municipality), for the
     * municipality's own people. The caller lets only an administrator or the municipality's own accounts ask.
     *
     * @return the token of the password link; empty if the address has an account already (it gets no link)
     */
    @Transactional
    public Optional<String> inviteMunicipalContact(String email, String displayName, String municipalityCode) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        if (existing(normalised).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(newLink(newMunicipalAccount(normalised, displayName, municipalityCode)));
    }

    /**
     * Gives an existing municipal account that has no municipality (an order's participant) the municipality's
     * rights; its password stays as it is. The caller lets only an administrator or the municipality's own accounts ask.
     *
     * @return whether the address had such an account
     */
    @Transactional
    public boolean grantMunicipality(String email, String municipalityCode) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        return jdbc.sql("""
                        UPDATE app_user SET municipality_code = ?
                        WHERE (lower(email) = ? OR username = ?) AND role = 'MUNICIPALITY' AND municipality_code IS NULL""").params(municipalityCode, normalised, normalised).update() > 0;
    }

    /**
     * Makes a new account of a role, without an organisation (the caller places it), and returns the token of its
     * password link. The caller has made sure the address has no account: an existing one never gets a link.
     */
    @Transactional
    public String inviteNew(String email, String displayName, Role role) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        if (existing(normalised).isPresent()) {
            throw new IllegalStateException("the address has an account already");
        }
        return newLink(newAccount(normalised, displayName, role, null));
    }

    private long newMunicipalAccount(String normalisedEmail, String displayName, String municipalityCode) {
        return newAccount(normalisedEmail, displayName, Role.MUNICIPALITY, municipalityCode);
    }

    private long newAccount(String normalisedEmail, String displayName, Role role, String municipalityCode) {
        return jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email, role, municipality_code, enabled)
                        VALUES (?, ?, ?, ?, ?, ?, FALSE) RETURNING id""")
                .params(
                        normalisedEmail,
                        NO_PASSWORD,
                        displayName.strip(),
                        normalisedEmail,
                        role.name(),
                        municipalityCode)
                .query(Long.class)
                .single();
    }

    private Optional<Invited> existing(String normalisedEmail) {
        return jdbc.sql("SELECT id, role FROM app_user WHERE lower(email) = ? OR username = ? ORDER BY id LIMIT 1")
                .params(normalisedEmail, normalisedEmail)
                .query((rs, n) -> new Invited(rs.getLong(1), Role.valueOf(rs.getString(2)), Optional.empty()))
                .optional();
    }

    private String newLink(long userId) {
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
                        WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > now() AND u.password_hash = ?""")
                .params(Tokens.hash(token), NO_PASSWORD)
                .query(String.class)
                .optional();
    }

    /**
     * Sets the password and opens the account; the link cannot be used again. Only an account that never had a
     * password is opened: a link made before this rule for an existing account sets nothing.
     */
    @Transactional
    public boolean accept(String token, String password) {
        if (!Tokens.wellFormed(token)) {
            return false;
        }
        Optional<Long> userId =
                jdbc.sql("""
                        UPDATE user_invitation SET used_at = now()
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING user_id""").param(Tokens.hash(token)).query(Long.class).optional();
        return userId.filter(id -> jdbc.sql(
                                        "UPDATE app_user SET password_hash = ?, enabled = TRUE WHERE id = ? AND password_hash = ?")
                                .params(passwords.encode(password), id, NO_PASSWORD)
                                .update()
                        == 1)
                .isPresent();
    }
}
