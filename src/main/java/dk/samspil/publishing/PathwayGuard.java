package dk.samspil.publishing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Holds back a client that reads the public pathway pages too fast: a token bucket per client (a hash of its
 * address) of {@code CAPACITY} pages refilled over a minute, in {@code publishing_pathway_guard}, so the limit is one
 * for all instances (the pattern of the survey's link guard).
 */
@Component
class PathwayGuard {

    static final double CAPACITY = 120;
    private static final double PER_SECOND = CAPACITY / 60.0;

    private final JdbcClient jdbc;

    PathwayGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean allow(String client) {
        boolean allowed = jdbc.sql("""
                        INSERT INTO publishing_pathway_guard AS g (client, tokens, refilled_at)
                        VALUES (:client, :capacity - 1, now())
                        ON CONFLICT (client) DO UPDATE
                        SET tokens = least(:capacity, g.tokens + extract(epoch FROM now() - g.refilled_at) * :perSecond) - 1,
                            refilled_at = now()
                        WHERE least(:capacity, g.tokens + extract(epoch FROM now() - g.refilled_at) * :perSecond) >= 1""")
                        .param("client", hash(client))
                        .param("capacity", CAPACITY)
                        .param("perSecond", PER_SECOND)
                        .update()
                == 1;
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.sql("DELETE FROM publishing_pathway_guard WHERE refilled_at < now() - interval '1 minute'")
                    .update();
        }
        return allowed;
    }

    private static byte[] hash(String client) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("samspil pathway guard " + client).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
