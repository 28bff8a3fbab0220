package dk.samspil.publishing;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The praksis.dk newsletter's subscribers ("Alle, der er interesserede, kan tilmelde sig – også uddannelseslæger"),
 * who sign up themselves: double opt-in (a confirmation mail with a personal link; nothing is sent to an address
 * that has not confirmed), and an unsubscribe link in every newsletter. A client that signs up too often in an hour
 * is held back, as the evening meetings' public sign-up is.
 */
@Service
class NewsletterSubscribers {

    static final int SIGNUPS_PER_CLIENT_HOUR = 10;

    /** A sign-up waiting for its confirmation. */
    record Signup(String email, boolean generalPractice, String municipalityCode) {}

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;

    NewsletterSubscribers(JdbcClient jdbc, Outbox outbox, MessageSource messages, SamspilSettings settings) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * Stores the sign-up and mails its confirmation link; false (nothing stored, nothing sent) when the client has
     * signed up too often in the last hour. The answer is the same whether or not the address is subscribed already.
     */
    @Transactional
    boolean signUp(Signup signup, String client) {
        byte[] hash = clientHash(client);
        // One client at a time (the lock on its hash), so that a burst of requests cannot pass the count together.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(encode(?, 'hex')))")
                .param(hash)
                .query(Object.class)
                .optional();
        int recent = jdbc.sql("""
                        SELECT count(*) FROM publishing_signup
                        WHERE client_hash = ? AND created_at > now() - interval '1 hour'""").param(hash).query(Integer.class).single();
        if (recent >= SIGNUPS_PER_CLIENT_HOUR) {
            return false;
        }
        String token = Tokens.newToken();
        jdbc.sql("""
                        INSERT INTO publishing_signup (token_hash, email, general_practice, municipality_code, client_hash)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(Tokens.hash(token), signup.email(), signup.generalPractice(), signup.municipalityCode(), hash)
                .update();
        Object[] args = {settings.link("/nyhedsmail/bekraeft/" + token)};
        outbox.enqueueSecret(new OutgoingMail(
                signup.email(),
                messages.getMessage("publishing.subscribe.mail.subject", args, NewsletterApprovals.DANISH),
                messages.getMessage("publishing.subscribe.mail.body", args, NewsletterApprovals.DANISH),
                "publishing:signup"));
        return true;
    }

    /** The sign-up a confirmation link belongs to, while it is unconfirmed and not older than a week. */
    Optional<Signup> pending(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT email, general_practice, municipality_code FROM publishing_signup
                        WHERE token_hash = ? AND confirmed_at IS NULL AND created_at > now() - interval '7 days'""")
                .param(Tokens.hash(token))
                .query((rs, n) -> new Signup(rs.getString(1), rs.getBoolean(2), rs.getString(3)))
                .optional();
    }

    /**
     * Confirms the sign-up: the address becomes a subscriber with what it chose (an earlier subscription of the same
     * address takes the new choice, and an unsubscribed one is subscribed again). The link confirms once.
     */
    @Transactional
    boolean confirm(String token) {
        if (!Tokens.wellFormed(token)) {
            return false;
        }
        Optional<Signup> signup = jdbc.sql("""
                        UPDATE publishing_signup SET confirmed_at = now()
                        WHERE token_hash = ? AND confirmed_at IS NULL AND created_at > now() - interval '7 days'
                        RETURNING email, general_practice, municipality_code""")
                .param(Tokens.hash(token))
                .query((rs, n) -> new Signup(rs.getString(1), rs.getBoolean(2), rs.getString(3)))
                .optional();
        signup.ifPresent(s -> jdbc.sql("""
                        INSERT INTO publishing_subscriber (email, general_practice, municipality_code) VALUES (?, ?, ?)
                        ON CONFLICT (lower(email)) DO UPDATE SET general_practice = excluded.general_practice,
                            municipality_code = excluded.municipality_code, confirmed_at = now(), unsubscribed_at = NULL""")
                .params(s.email(), s.generalPractice(), s.municipalityCode())
                .update());
        return signup.isPresent();
    }

    /** The address an unsubscribe link is for, while it is subscribed. */
    Optional<String> subscribedBy(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT s.email FROM publishing_unsubscribe_link l JOIN publishing_subscriber s ON s.id = l.subscriber_id
                        WHERE l.token_hash = ? AND s.unsubscribed_at IS NULL""").param(Tokens.hash(token)).query(String.class).optional();
    }

    /** Unsubscribes the address of the link: it gets no newsletter from now on. */
    @Transactional
    boolean unsubscribe(String token) {
        if (!Tokens.wellFormed(token)) {
            return false;
        }
        return jdbc.sql("""
                                UPDATE publishing_subscriber s SET unsubscribed_at = now()
                                FROM publishing_unsubscribe_link l
                                WHERE l.token_hash = ? AND s.id = l.subscriber_id AND s.unsubscribed_at IS NULL""").param(Tokens.hash(token)).update() == 1;
    }

    private static byte[] clientHash(String client) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("samspil newsletter sign-up " + client).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
