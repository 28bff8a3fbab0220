package dk.samspil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The signed-in sessions in PostgreSQL (Spring Session JDBC), at the cost of one read per request and no write when
 * nothing changed. Two things Spring Session does on its own would make every page pay more:
 * <ul>
 *   <li>It writes the session row on every request, only because its last access time moved. Here the row is
 *       written when something about it changed (its id, its user, its timeout) or its last access is
 *       {@link #TOUCH_EVERY_MILLIS} old: the statement stays, but it changes no row, so its commit writes nothing
 *       to the WAL. A session may therefore end up to that much before 30 idle minutes have passed since its last
 *       request. Attributes are saved as before (only those set).</li>
 *   <li>It reads the session a second time at the end of a request whose response was already committed (a page
 *       flushed by its template): its filter commits the session then and again at the end, and the second time
 *       looks the requested session up again. Here a session read or saved during the request is given back from
 *       the request's own memory, so it is read once.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    static final long TOUCH_EVERY_MILLIS = 60_000;

    /** Spring Session's own update (same columns, same parameters in the same order), skipped when nothing moved. */
    static final String UPDATE_SESSION_QUERY = """
            UPDATE %TABLE_NAME% AS s
               SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                   MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                   PRINCIPAL_NAME = v.principal_name
              FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                           CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                           CAST(? AS VARCHAR(100)) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) AS v
             WHERE s.PRIMARY_ID = v.primary_id
               AND (s.SESSION_ID <> v.session_id
                    OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                    OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                    OR v.last_access_time - s.LAST_ACCESS_TIME >= """ + TOUCH_EVERY_MILLIS + ")";

    /** The sessions read or saved during the current request (none outside one). */
    private static final ThreadLocal<Map<String, Session>> REQUEST = new ThreadLocal<>();

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> touchOnlyWhenChanged() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
    }

    @Bean
    static BeanPostProcessor sessionReadOncePerRequest() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JdbcIndexedSessionRepository)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) call -> {
                    Map<String, Session> seen = REQUEST.get();
                    Object[] args = call.getArguments();
                    String method = call.getMethod().getName();
                    if (seen == null || args.length != 1) {
                        return call.proceed();
                    }
                    switch (method) {
                        case "findById" -> {
                            String id = (String) args[0];
                            Session known = seen.get(id);
                            if (known != null && known.getId().equals(id) && !known.isExpired()) {
                                return known;
                            }
                            Object found = call.proceed();
                            if (found instanceof Session session) {
                                seen.put(id, session);
                            }
                            return found;
                        }
                        case "save" -> {
                            Object result = call.proceed();
                            Session session = (Session) args[0];
                            seen.values().remove(session);
                            seen.put(session.getId(), session);
                            return result;
                        }
                        case "deleteById" -> {
                            seen.remove((String) args[0]);
                            return call.proceed();
                        }
                        default -> {
                            return call.proceed();
                        }
                    }
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    /** Just outside Spring Session's filter: the request's memory of sessions, forgotten when it ends. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionsOfTheRequest() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Map<String, Session> outer = REQUEST.get();
                REQUEST.set(new HashMap<>());
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (outer == null) {
                        REQUEST.remove();
                    } else {
                        REQUEST.set(outer);
                    }
                }
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setName("sessionsOfTheRequest");
        return registration;
    }
}
