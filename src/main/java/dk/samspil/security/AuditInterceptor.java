package dk.samspil.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one central place that records who read or changed whose data, beside the refusals and sign-ins: every file a
 * signed-in user downloads (answer exports, decks, minutes, documents, the agreements and the audit log itself) and
 * every saved change to registers and accounts (a form under /admin, /klynger or /kommune that was saved and
 * redirected). Costs one insert on just those requests; every other request passes untouched.
 */
@Configuration(proxyBeanMethods = false)
class AuditInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Pattern DOWNLOAD = Pattern.compile(".*\\.(csv|xlsx|pptx|pdf|docx|ics)$");
    private static final Pattern CHANGE = Pattern.compile("^/(admin|klynger|kommune)/.*");
    /** Already audited in their own words (USER_INVITED, USER_ROLE_CHANGED, ...). */
    private static final Pattern AUDITED_ELSEWHERE =
            Pattern.compile("^/(admin/brugere|klynger/[0-9]+/koordinatorer|klynger/[0-9]+/medlemmer/[0-9]+/konto).*");

    private final AuditLog auditLog;

    AuditInterceptor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (failure != null || request.getUserPrincipal() == null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int status = response.getStatus();
        if ("GET".equals(request.getMethod())
                && status == 200
                && DOWNLOAD.matcher(path).matches()) {
            auditLog.record(request.getUserPrincipal().getName(), AuditLog.DOWNLOAD, path, request);
        } else if ("POST".equals(request.getMethod())
                && status >= 300
                && status < 400
                && CHANGE.matcher(path).matches()
                && !AUDITED_ELSEWHERE.matcher(path).matches()) {
            auditLog.record(request.getUserPrincipal().getName(), AuditLog.CHANGE, path, request);
        }
    }
}
