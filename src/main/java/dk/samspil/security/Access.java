package dk.samspil.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Modules call this to guard another organisation's data: a refusal is audited and answered 404. */
@Component
public class Access {

    private final AuditLog auditLog;

    Access(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    public void require(boolean allowed, SamspilPrincipal user, String target) {
        if (!allowed) {
            auditLog.record(
                    user == null ? null : user.getUsername(), AuditLog.ACCESS_REFUSED, target, currentRequest());
            throw new AccessRefusedException(target);
        }
    }

    public void requireCluster(SamspilPrincipal user, long clusterId) {
        require(user != null && user.ownsCluster(clusterId), user, "cluster:" + clusterId);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
