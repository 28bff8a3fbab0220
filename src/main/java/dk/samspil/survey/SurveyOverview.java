package dk.samspil.survey;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The state and response rate of many orders' surveys at once, for the start pages: counts only, never who answered. */
@Service
public class SurveyOverview {

    /** A survey's status, deadline and how many of those invited have answered. */
    public record Progress(SurveyStatus status, LocalDate closesOn, int invited, int answered) {

        public int percent() {
            return invited == 0 ? 0 : Math.round(100f * answered / invited);
        }

        public boolean sent() {
            return status == SurveyStatus.OPEN || status == SurveyStatus.CLOSED;
        }
    }

    private final JdbcClient jdbc;

    SurveyOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By order id; an order whose survey has not been created yet is missing. */
    public Map<Long, Progress> of(Collection<Long> orderIds) {
        Map<Long, Progress> progress = new HashMap<>();
        if (orderIds.isEmpty()) {
            return progress;
        }
        jdbc.sql("""
                        SELECT s.order_id, s.status, s.closes_on,
                               (SELECT count(*) FROM survey_invitation i WHERE i.survey_id = s.id) AS invited,
                               (SELECT count(*) FROM survey_response_mark m WHERE m.survey_id = s.id) AS answered
                        FROM survey s WHERE s.order_id = ANY (?)""")
                .param(orderIds.toArray(Long[]::new))
                .query((rs, n) -> progress.put(
                        rs.getLong(1),
                        new Progress(
                                SurveyStatus.valueOf(rs.getString(2)),
                                rs.getObject(3, LocalDate.class),
                                rs.getInt(4),
                                rs.getInt(5))))
                .list();
        return progress;
    }
}
