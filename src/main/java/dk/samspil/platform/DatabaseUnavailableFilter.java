package dk.samspil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (restarting, down, out of connections) a request gets the Danish "prøv igen
 * om lidt" page with 503 and a Retry-After, never a stack trace or a 500: whatever it was doing is rolled back, and
 * the database supervisor or the operator brings the database back. Outermost, so failures in the security filters
 * (sign-in, sessions) are answered the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "10";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(probe(request), response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!unreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "The database cannot be reached; {} {} answered 503: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getMessage());
            response.resetBuffer();
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            // Forwarded to the error page, not sent as an error: an error dispatch passes Spring Session's filter
            // again, which needs the very database that is away (and Tomcat's English page would answer instead).
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "Service Unavailable");
            request.getRequestDispatcher("/error").forward(request, response);
        }
    }

    /**
     * The load balancer's health probes answer without the caller's session: sessions live in the database, and
     * liveness must not depend on it (readiness asks the database itself). Without the cookie Spring Session looks
     * nothing up; the probes are public and show status only.
     */
    private static HttpServletRequest probe(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith("/actuator/health") || request.getCookies() == null) {
            return request;
        }
        Cookie[] withoutSession = Arrays.stream(request.getCookies())
                .filter(cookie -> !"SESSION".equals(cookie.getName()))
                .toArray(Cookie[]::new);
        return new HttpServletRequestWrapper(request) {
            @Override
            public Cookie[] getCookies() {
                return withoutSession;
            }
        };
    }

    /** Whether the failure is the database being out of reach (not a fault in a statement or in our code). */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // 08: connection exception; 57P01-03: the server is shutting down, crashed, or cannot take connections yet
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
