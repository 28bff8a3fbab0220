package dk.samspil.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the metrics ({@code /actuator/prometheus}): the administrator signed in, or a scraper that sends the
 * configured token ({@code samspil.metrics.token}) as {@code Authorization: Bearer <token>}. Without a token set,
 * only the administrator.
 */
final class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final String BEARER = "Bearer ";
    private final byte[] token;

    MetricsAccess(String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(scraper(context.getRequest().getHeader("Authorization"))
                || authentication.get().getAuthorities().stream()
                        .anyMatch(granted -> ("ROLE_" + Role.ADMIN.name()).equals(granted.getAuthority())));
    }

    private boolean scraper(String header) {
        return token != null
                && header != null
                && header.startsWith(BEARER)
                && MessageDigest.isEqual(
                        token, header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8));
    }
}
