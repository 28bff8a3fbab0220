package dk.samspil.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds back sign-in attempts after too many failures for one username or from one address, counted from the
 * audit log so that several application instances on one database share the count.
 */
class LoginThrottle extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final SecuritySettings settings;

    LoginThrottle(JdbcClient jdbc, AuditLog auditLog, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = normalise(request.getParameter("username"));
        String address = request.getRemoteAddr();
        if (failures("username", username) >= settings.maxFailuresPerUser()
                || failures("remote_address", address) >= settings.maxFailuresPerAddress()) {
            auditLog.record(username, AuditLog.SIGN_IN_THROTTLED, null, request);
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }

    private int failures(String column, String value) {
        if (value == null) {
            return 0;
        }
        OffsetDateTime since = OffsetDateTime.now().minus(settings.throttleWindow());
        // column is one of two constants above, never user input
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND " + column + " = ? AND occurred_at > ?")
                .params(AuditLog.SIGN_IN_FAILED, value, since)
                .query(Integer.class)
                .single();
    }

    static String normalise(String username) {
        if (username == null) {
            return null;
        }
        String trimmed = username.trim().toLowerCase();
        return trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed;
    }
}
