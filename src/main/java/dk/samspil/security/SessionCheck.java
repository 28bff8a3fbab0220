package dk.samspil.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session on its next request when its user has been deactivated, has had their role or
 * organisation changed, or has set a new password after this session signed in. One primary-key read per request.
 */
class SessionCheck extends OncePerRequestFilter {

    /** The session attribute holding when the session signed in (an {@link Instant}). */
    static final String SIGNED_IN_AT = SessionCheck.class.getName() + ".signedInAt";

    static final String SESSION_REFUSED = "SESSION_REFUSED";

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    SessionCheck(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Marks the request's session as signed in now; sessions signed in before a password change are refused. */
    static void stampSignIn(HttpServletRequest request, Instant at) {
        request.getSession().setAttribute(SIGNED_IN_AT, at);
        OwnSessionsController.stampBrowser(request);
    }

    private record State(
            String role,
            String providerCode,
            Long clusterId,
            String municipalityCode,
            boolean active,
            OffsetDateTime sessionsValidFrom) {}

    /**
     * Files every page loads (style sheets, scripts, the icon) carry no one's data: checking the user for each would
     * cost a query per file. Health probes must answer while the database is away (readiness says so itself).
     */
    private static final List<String> UNCHECKED =
            List.of("/actuator/health", "/css/", "/js/", "/vendor/", "/favicon.ico");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return UNCHECKED.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof SamspilPrincipal principal
                && !stillValid(principal, request.getSession(false))) {
            auditLog.record(principal.getUsername(), SESSION_REFUSED, request.getRequestURI(), request);
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(SamspilPrincipal principal, HttpSession session) {
        State state = jdbc.sql("""
                        SELECT role, provider_code, cluster_id, municipality_code,
                               enabled AND deactivated_at IS NULL AS active, sessions_valid_from
                        FROM app_user WHERE id = ?""")
                .param(principal.id())
                .query((rs, n) -> new State(
                        rs.getString("role"),
                        rs.getString("provider_code"),
                        rs.getObject("cluster_id", Long.class),
                        rs.getString("municipality_code"),
                        rs.getBoolean("active"),
                        rs.getObject("sessions_valid_from", OffsetDateTime.class)))
                .optional()
                .orElse(null);
        if (state == null
                || !state.active()
                || !state.role().equals(principal.role().name())
                || !Objects.equals(state.providerCode(), principal.providerCode())
                || !Objects.equals(state.clusterId(), principal.clusterId())
                || !Objects.equals(state.municipalityCode(), principal.municipalityCode())) {
            return false;
        }
        if (state.sessionsValidFrom() == null || session == null) {
            return true;
        }
        Instant signedIn = session.getAttribute(SIGNED_IN_AT) instanceof Instant at
                ? at
                : Instant.ofEpochMilli(session.getCreationTime());
        return !signedIn.isBefore(state.sessionsValidFrom().toInstant());
    }
}
