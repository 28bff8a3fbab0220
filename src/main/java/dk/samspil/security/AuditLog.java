package dk.samspil.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one writer of the audit log: who did what to which target, when, from where. Written in its own statement
 * (auto-commit) so a refusal is recorded even when the request's transaction rolls back.
 */
@Component
public class AuditLog {

    public static final String SIGN_IN = "SIGN_IN";
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    public static final String SIGN_IN_THROTTLED = "SIGN_IN_THROTTLED";
    public static final String SIGN_OUT = "SIGN_OUT";
    public static final String ACCESS_REFUSED = "ACCESS_REFUSED";
    /** A signed-in user downloaded a file with someone's data (export, deck, minutes, documents). */
    public static final String DOWNLOAD = "DOWNLOAD";
    /** A signed-in user changed registers or accounts (a form sent and saved). */
    public static final String CHANGE = "CHANGE";

    private final JdbcClient jdbc;
    private final ClientAddress clientAddress;

    AuditLog(JdbcClient jdbc, ClientAddress clientAddress) {
        this.jdbc = jdbc;
        this.clientAddress = clientAddress;
    }

    public void record(String username, String action, String target, HttpServletRequest request) {
        record(username, action, target, request == null ? null : clientAddress.of(request));
    }

    public void record(String username, String action, String target, String remoteAddress) {
        jdbc.sql(
                        "INSERT INTO audit_log (username, action, target, remote_address, organisation) VALUES (?, ?, ?, ?, ?)")
                .params(truncate(username), action, truncate(target), remoteAddress, actingOrganisation())
                .update();
    }

    /** The organisation of the signed-in user who acts, as {@code P:}, {@code C:} or {@code M:} and its key. */
    private static String actingOrganisation() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SamspilPrincipal user)) {
            return null;
        }
        return user.providerCode() != null
                ? "P:" + user.providerCode()
                : user.clusterId() != null
                        ? "C:" + user.clusterId()
                        : user.municipalityCode() != null ? "M:" + user.municipalityCode() : null;
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 300 ? value : value.substring(0, 300);
    }
}
