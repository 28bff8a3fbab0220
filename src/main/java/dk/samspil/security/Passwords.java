package dk.samspil.security;

import dk.samspil.mail.Outbox;
import dk.samspil.platform.Tokens;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Glemt adgangskode" and changing one's own password. A reset link is single use, valid for
 * {@link SecuritySettings#passwordResetValidity()}, and only its hash is stored ({@link Tokens}). A new password
 * ends the user's other sessions ({@link SessionCheck} refuses sessions signed in before it).
 */
@Service
class Passwords {

    static final String PASSWORD_RESET_REQUESTED = "PASSWORD_RESET_REQUESTED";
    static final String PASSWORD_RESET = "PASSWORD_RESET";
    static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    /** At most this many reset mails an hour to one address. */
    static final int MAILS_PER_ADDRESS_PER_HOUR = 3;
    /** At most this many reset mails an hour asked for from one client address. */
    static final int MAILS_PER_CLIENT_PER_HOUR = 10;
    /** The audit targets of a reset request: a mail was sent, the address is unknown, or a mail was held back. */
    static final String SENT = "known";

    static final String UNKNOWN = "unknown";
    static final String THROTTLED = "throttled";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Outbox outbox;
    private final UserMails mails;
    private final AuditLog auditLog;
    private final SecuritySettings settings;

    Passwords(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            Outbox outbox,
            UserMails mails,
            AuditLog auditLog,
            SecuritySettings settings) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.outbox = outbox;
        this.mails = mails;
        this.auditLog = auditLog;
        this.settings = settings;
    }

    private record Account(long id, String username, String displayName, String email) {}

    /**
     * Sends a reset link if an active user has this address. The same work is done either way (look-up, token,
     * hash, mail text), so neither the answer nor its timing tells whether the address is known.
     */
    @Transactional
    public void requestReset(String email, String from) {
        String normalised = UserAdministration.normalise(email);
        Optional<Account> account = jdbc.sql("""
                        SELECT id, username, display_name, email FROM app_user
                        WHERE lower(email) = ? AND deactivated_at IS NULL ORDER BY id LIMIT 1""")
                .param(normalised)
                .query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
        String token = Tokens.newToken();
        String hash = Tokens.hash(token);
        var mail = mails.passwordReset(
                normalised.isEmpty() ? "ukendt@invalid" : normalised,
                account.map(Account::displayName).orElse(""),
                token,
                settings.passwordResetValidity().toMinutes());
        boolean throttled = throttled(normalised, from);
        auditLog.record(
                normalised, PASSWORD_RESET_REQUESTED, account.isEmpty() ? UNKNOWN : throttled ? THROTTLED : SENT, from);
        account.filter(user -> !throttled).ifPresent(user -> {
            jdbc.sql("INSERT INTO password_reset (token_hash, user_id, expires_at) VALUES (?, ?, ?)")
                    .params(hash, user.id(), OffsetDateTime.now().plus(settings.passwordResetValidity()))
                    .update();
            outbox.enqueueSecret(mail);
        });
    }

    /**
     * Whether enough reset mails went to this address, or were asked for from this client, in the last hour. Asked
     * for known and unknown addresses alike (the same two counts), so the answer's timing tells nothing.
     */
    private boolean throttled(String normalisedEmail, String from) {
        OffsetDateTime hourAgo = OffsetDateTime.now().minusHours(1);
        int toAddress = jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE action = ? AND username = ? AND target = ? AND occurred_at > ?""")
                .params(PASSWORD_RESET_REQUESTED, normalisedEmail, SENT, hourAgo)
                .query(Integer.class)
                .single();
        int fromClient = from == null
                ? 0
                : jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE action = ? AND remote_address = ? AND target = ? AND occurred_at > ?""")
                        .params(PASSWORD_RESET_REQUESTED, from, SENT, hourAgo)
                        .query(Integer.class)
                        .single();
        return toAddress >= MAILS_PER_ADDRESS_PER_HOUR || fromClient >= MAILS_PER_CLIENT_PER_HOUR;
    }

    /** The username an open, unexpired reset link belongs to. */
    public Optional<String> usernameFor(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT u.username FROM password_reset r JOIN app_user u ON u.id = r.user_id
                        WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > now()
                          AND u.deactivated_at IS NULL""").param(Tokens.hash(token)).query(String.class).optional();
    }

    /** Sets the new password and ends every session of the user; the link (and any other open one) is used up. */
    @Transactional
    public boolean reset(String token, String password, String from) {
        if (usernameFor(token).isEmpty()) {
            return false;
        }
        Optional<Long> userId =
                jdbc.sql("""
                        UPDATE password_reset SET used_at = now()
                        WHERE token_hash = ? AND used_at IS NULL AND expires_at > now() RETURNING user_id""").param(Tokens.hash(token)).query(Long.class).optional();
        userId.ifPresent(id -> {
            jdbc.sql("UPDATE password_reset SET used_at = now() WHERE user_id = ? AND used_at IS NULL")
                    .param(id)
                    .update();
            String username = setPassword(id, password).username();
            auditLog.record(username, PASSWORD_RESET, null, from);
        });
        return userId.isPresent();
    }

    /** Whether the password is the user's current one. */
    public boolean matches(long userId, String password) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?")
                .param(userId)
                .query(String.class)
                .optional()
                .map(hash -> encoder.matches(password, hash))
                .orElse(false);
    }

    /**
     * Changes the user's own password; their other sessions end. Returns the moment from which sessions are valid,
     * for the caller's own session to be stamped with.
     */
    @Transactional
    public Instant change(long userId, String password, String from) {
        Changed changed = setPassword(userId, password);
        auditLog.record(changed.username(), PASSWORD_CHANGED, null, from);
        return changed.validFrom();
    }

    private record Changed(String username, Instant validFrom) {}

    private Changed setPassword(long userId, String password) {
        return jdbc.sql("""
                        UPDATE app_user SET password_hash = ?, enabled = TRUE, sessions_valid_from = now()
                        WHERE id = ? RETURNING username, sessions_valid_from""")
                .params(encoder.encode(password), userId)
                .query((rs, n) -> new Changed(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .single();
    }
}
