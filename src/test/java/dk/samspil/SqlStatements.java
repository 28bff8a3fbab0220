package dk.samspil;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test-only: records the SQL statements one HTTP request runs, so that tests can hold a page to a statement budget
 * (an N+1 added later fails CI, no timing involved). A request carrying the header {@value #HEADER} has every
 * statement prepared on its thread, the Spring Session row's read and write included, recorded under the header's
 * value; {@link #of(String)} gives them. Requests without the header pay for one thread-local look-up.
 */
@Component
public class SqlStatements implements BeanPostProcessor {

    public static final String HEADER = "X-Test-Sql-Recording";

    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
    private static final Map<String, List<String>> RECORDED = new ConcurrentHashMap<>();

    /** The statements the request with this recording key ran, in order (empty when none was seen). */
    public static List<String> of(String key) {
        return List.copyOf(RECORDED.getOrDefault(key, List.of()));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
            return new Counting(dataSource);
        }
        return bean;
    }

    private static void seen(String sql) {
        List<String> current = CURRENT.get();
        if (current != null) {
            current.add(sql);
        }
    }

    /** The recording filter, outside every other filter (Spring Session's commit of the session included). */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Recording extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = request.getHeader(HEADER);
            if (key == null) {
                chain.doFilter(request, response);
                return;
            }
            List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());
            RECORDED.put(key, statements);
            CURRENT.set(statements);
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
            }
        }
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    SqlStatements.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    new Handler(connection, "prepareStatement", "prepareCall"));
        }
    }

    private record Handler(Object target, String... recorded) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (args != null
                    && args.length > 0
                    && args[0] instanceof String sql
                    && List.of(recorded).contains(name)) {
                seen(sql);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement statement && name.equals("createStatement")) {
                return Proxy.newProxyInstance(
                        SqlStatements.class.getClassLoader(),
                        new Class<?>[] {Statement.class},
                        new Handler(statement, "execute", "executeQuery", "executeUpdate", "addBatch"));
            }
            return result;
        }
    }
}
