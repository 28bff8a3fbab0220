package dk.samspil.survey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Holds back a client that tries survey links that do not work: each client (IP address, see
 * {@link dk.samspil.security.ClientAddress}) may fail {@code guessesPerWindow} times per {@code guessWindow}; past
 * that its failures are answered "too many" until its bucket refills. A working link always opens, so the members
 * behind one shared address are never locked out by someone guessing there. With 2^256 possible links, guessing is
 * hopeless anyway; this keeps it from being cheap.
 */
@Component
class LinkGuard {

    private final Cache<String, Bucket> buckets;
    private final SurveySettings settings;

    LinkGuard(SurveySettings settings) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(settings.guessWindow()).build();
    }

    /** Counts a link that did not work; false if the client has failed too often already. */
    boolean failed(String client) {
        return buckets.get(client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.guessesPerWindow())
                        .refillGreedy(settings.guessesPerWindow(), settings.guessWindow()).build())
                .build()).tryConsume(1);
    }
}
