package dk.samspil.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down guessing of passwords without locking out the rightful user. Past a few free failures, a username (or
 * an address) must wait after each failure before it is tried again, the wait doubling with every failure up to a
 * ceiling (30 seconds by default); an attempt that comes sooner is held back unchecked and counts for nothing. The
 * rightful user is not slowed down by failures from elsewhere: from an address they have signed in from before, only
 * failures for them from that address count, and the address's own failures (a shared proxy, an office network) do
 * not. Counted from the audit log, so several application instances on one database share the count.
 */
class LoginThrottle extends OncePerRequestFilter {

    /** How long a successful sign-in makes its address known for that user. */
    static final Duration KNOWN_FOR = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final SecuritySettings settings;
    private final ClientAddress clientAddress;

    LoginThrottle(JdbcClient jdbc, AuditLog auditLog, SecuritySettings settings, ClientAddress clientAddress) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clientAddress = clientAddress;
    }

    /** Where a work-identity provider sends the user back; such an attempt has no username, only an address. */
    static final String WORK_IDENTITY_CALLBACK = "/login/oauth2/code/";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path))
                && !path.startsWith(WORK_IDENTITY_CALLBACK);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = normalise(request.getParameter("username"));
        String address = clientAddress.of(request);
        if (held(username, address)) {
            auditLog.record(username, AuditLog.SIGN_IN_THROTTLED, null, request);
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether this attempt comes before the wait its failures earned is over. */
    boolean held(String username, String address) {
        OffsetDateTime now = OffsetDateTime.now();
        if (username != null && address != null && signedInBefore(username, address)) {
            return waiting(
                    failures("username = ? AND remote_address = ?", username, address),
                    settings.maxFailuresPerUser(),
                    now);
        }
        return (username != null && waiting(failures("username = ?", username), settings.maxFailuresPerUser(), now))
                || (address != null
                        && waiting(failures("remote_address = ?", address), settings.maxFailuresPerAddress(), now));
    }

    private record Failures(int count, OffsetDateTime last) {}

    private boolean waiting(Failures failures, int free, OffsetDateTime now) {
        if (failures.count() < free || failures.last() == null) {
            return false;
        }
        int doublings = Math.min(failures.count() - free, 30);
        Duration wait = settings.firstDelay().multipliedBy(1L << doublings);
        if (wait.compareTo(settings.longestDelay()) > 0) {
            wait = settings.longestDelay();
        }
        return now.isBefore(failures.last().plus(wait));
    }

    private Failures failures(String condition, Object... values) {
        // condition is one of the constants above, never user input
        return jdbc.sql("SELECT count(*), max(occurred_at) FROM audit_log WHERE action = ? AND occurred_at > ? AND "
                        + condition)
                .params(params(AuditLog.SIGN_IN_FAILED, OffsetDateTime.now().minus(settings.throttleWindow()), values))
                .query((rs, n) -> new Failures(rs.getInt(1), rs.getObject(2, OffsetDateTime.class)))
                .single();
    }

    private boolean signedInBefore(String username, String address) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = ? AND username = ? AND occurred_at > ?
                                       AND remote_address = ?)""")
                .params(AuditLog.SIGN_IN, username, OffsetDateTime.now().minus(KNOWN_FOR), address)
                .query(Boolean.class)
                .single();
    }

    private static Object[] params(Object first, Object second, Object... rest) {
        Object[] all = new Object[rest.length + 2];
        all[0] = first;
        all[1] = second;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    static String normalise(String username) {
        if (username == null) {
            return null;
        }
        String trimmed = username.trim().toLowerCase();
        return trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed;
    }
}
