package dk.samspil.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Holds back a client that tries survey links that do not work: each client (IP address, see
 * {@link dk.samspil.security.ClientAddress}) may fail {@code guessesPerWindow} times per {@code guessWindow}; past
 * that its failures are answered "too many" until its bucket refills (greedily: a window's worth of failures come
 * back spread over the window). A working link always opens, so the members behind one shared address are never
 * locked out by someone guessing there. With 2^256 possible links, guessing is hopeless anyway; this keeps it from
 * being cheap.
 *
 * <p>The buckets are rows of {@code survey_link_guard}, so the limit is one for all instances on the database; one
 * statement takes a token (or finds none) under the row's lock, with the database's clock. The table keeps a hash of
 * the address, not the address.
 */
@Component
class LinkGuard {

    private final SurveySettings settings;
    private final JdbcClient jdbc;

    LinkGuard(SurveySettings settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** Counts a link that did not work; false if the client has failed too often already. */
    boolean failed(String client) {
        double capacity = settings.guessesPerWindow();
        double perSecond = capacity / Math.max(1, settings.guessWindow().toMillis() / 1000.0);
        boolean allowed = jdbc.sql("""
                        INSERT INTO survey_link_guard AS g (client, tokens, refilled_at) VALUES (:client, :capacity - 1, now())
                        ON CONFLICT (client) DO UPDATE
                        SET tokens = least(:capacity, g.tokens + extract(epoch FROM now() - g.refilled_at) * :perSecond) - 1,
                            refilled_at = now()
                        WHERE least(:capacity, g.tokens + extract(epoch FROM now() - g.refilled_at) * :perSecond) >= 1""")
                        .param("client", hash(client))
                        .param("capacity", capacity)
                        .param("perSecond", perSecond)
                        .update()
                == 1;
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            // Now and then: buckets untouched for a window are full again, as if they were not there.
            jdbc.sql("DELETE FROM survey_link_guard WHERE refilled_at < now() - make_interval(secs => :seconds)")
                    .param("seconds", (double) settings.guessWindow().toSeconds())
                    .update();
        }
        return allowed;
    }

    private static byte[] hash(String client) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("samspil link guard " + client).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
