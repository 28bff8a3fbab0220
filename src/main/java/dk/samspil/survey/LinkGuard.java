package dk.samspil.survey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Holds back a client that tries survey links that do not work: each client (IP address) may fail
 * {@code guessesPerWindow} times per {@code guessWindow}; after that it is refused, working link or not, until its
 * bucket refills. With 2^256 possible links, guessing is hopeless anyway; this keeps it from loading the server.
 */
@Component
class LinkGuard {

    private final Cache<String, Bucket> buckets;
    private final SurveySettings settings;

    LinkGuard(SurveySettings settings) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(settings.guessWindow()).build();
    }

    /** Whether the client may try a link now. */
    boolean allowed(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        return bucket == null || bucket.getAvailableTokens() > 0;
    }

    /** Counts a link that did not work. */
    void failed(String client) {
        buckets.get(client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.guessesPerWindow())
                        .refillGreedy(settings.guessesPerWindow(), settings.guessWindow()).build())
                .build()).tryConsume(1);
    }
}
