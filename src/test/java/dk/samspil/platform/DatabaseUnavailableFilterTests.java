package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A database out of reach is answered with 503 and Retry-After (the page says "prøv igen om lidt"); a fault in a
 * statement or in our code is not disguised as one.
 */
class DatabaseUnavailableFilterTests {

    private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter();

    @Test
    void aPoolThatCannotReachTheDatabaseIsAnswered503WithRetryAfter() throws Exception {
        MockHttpServletResponse response = run((request, ignored) -> {
            throw new CannotCreateTransactionException(
                    "no connection",
                    new SQLTransientConnectionException(
                            "samspil-embedded - Connection is not available, request timed out after 3000ms",
                            new SQLException("Connection refused", "08001")));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseUnavailableFilter.RETRY_AFTER_SECONDS);
    }

    @Test
    void aServerShuttingDownOrCrashedUnderARequestIsAnswered503() throws Exception {
        assertThat(run((request, ignored) -> {
                            throw new ServletException(new CannotGetJdbcConnectionException(
                                    "closed", new SQLException("terminating connection", "57P01")));
                        })
                        .getStatus())
                .isEqualTo(503);
        assertThat(DatabaseUnavailableFilter.unreachable(
                        new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void aBrokenConstraintIsNotMistakenForAnOutage() {
        assertThatThrownBy(() -> run((request, ignored) -> {
                    throw new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private MockHttpServletResponse run(FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/klynger"), response, chain);
        return response;
    }
}
