package dk.samspil.pko.audit;

import dk.samspil.platform.RuleViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audits and their criteria. Every change is guarded by the status it needs ({@code WHERE id = ? AND status
 * ...}): a change that finds no row is refused with a rule violation, so no step can be taken out of turn, also
 * when two people act at once.
 */
@Service
class Audits {

    record AuditView(
            long id,
            String regionCode,
            Long departmentId,
            String municipalityCode,
            String title,
            String description,
            String departmentDoctor,
            String plannedBy,
            AuditStatus status,
            String managementName,
            String managementEmail,
            String requestText,
            OffsetDateTime requestedAt,
            String decidedByName,
            String decidedByTitle,
            OffsetDateTime decidedAt,
            String decidedHow,
            String decisionComment,
            String conclusions,
            String actions,
            OffsetDateTime completedAt,
            String completedBy,
            Integer deletedCases,
            boolean hasLetter) {}

    record Criterion(long id, int position, String text) {}

    /** What the planner writes: a department (hospital consultant) or a municipality (municipal consultant). */
    record Plan(
            String regionCode,
            Long departmentId,
            String municipalityCode,
            String title,
            String description,
            String departmentDoctor) {}

    private final JdbcClient jdbc;

    Audits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Plans an audit with a copy of the default criteria to adapt. */
    @Transactional
    long plan(Plan plan, String by) {
        long id = jdbc.sql("""
                        INSERT INTO pko_audit (region_code, department_id, municipality_code, title, description,
                            department_doctor, planned_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        plan.regionCode(),
                        plan.departmentId(),
                        plan.municipalityCode(),
                        plan.title(),
                        plan.description(),
                        plan.departmentDoctor(),
                        by)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO pko_audit_criterion (audit_id, position, text)
                        SELECT ?, position, text FROM pko_audit_default_criterion ORDER BY position""").param(id).update();
        return id;
    }

    Optional<AuditView> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?")
                .param(id)
                .query(Audits::view)
                .optional();
    }

    List<AuditView> inRegion(String regionCode) {
        return jdbc.sql(SELECT + " WHERE a.region_code = ? ORDER BY a.created_at DESC, a.id DESC")
                .param(regionCode)
                .query(Audits::view)
                .list();
    }

    List<Criterion> criteria(long auditId) {
        return jdbc.sql("SELECT id, position, text FROM pko_audit_criterion WHERE audit_id = ? ORDER BY position, id")
                .param(auditId)
                .query((rs, n) -> new Criterion(rs.getLong(1), rs.getInt(2), rs.getString(3)))
                .list();
    }

    List<String> defaultCriteria() {
        return jdbc.sql("SELECT text FROM pko_audit_default_criterion ORDER BY position")
                .query(String.class)
                .list();
    }

    /** Criteria are adapted to the audit until it is completed. */
    @Transactional
    void addCriterion(long auditId, String text) {
        int added = jdbc.sql("""
                        INSERT INTO pko_audit_criterion (audit_id, position, text)
                        SELECT a.id, coalesce((SELECT max(position) FROM pko_audit_criterion WHERE audit_id = a.id), 0) + 1, ?
                        FROM pko_audit a WHERE a.id = ? AND a.status <> 'COMPLETED'""").params(text, auditId).update();
        refuseIfNone(added, "criterion", "pko.audit.rule.completed");
    }

    @Transactional
    void saveCriterion(long auditId, long criterionId, String text) {
        int saved = jdbc.sql("""
                        UPDATE pko_audit_criterion c SET text = ? FROM pko_audit a
                        WHERE c.id = ? AND c.audit_id = a.id AND a.id = ? AND a.status <> 'COMPLETED'""").params(text, criterionId, auditId).update();
        refuseIfNone(saved, "criterion", "pko.audit.rule.completed");
    }

    /** Removes a criterion and what was assessed against it. */
    @Transactional
    void removeCriterion(long auditId, long criterionId) {
        int removed = jdbc.sql("""
                        DELETE FROM pko_audit_criterion c USING pko_audit a
                        WHERE c.id = ? AND c.audit_id = a.id AND a.id = ? AND a.status <> 'COMPLETED'""").params(criterionId, auditId).update();
        refuseIfNone(removed, "criterion", "pko.audit.rule.completed");
    }

    static void refuseIfNone(int rows, String field, String messageKey) {
        if (rows == 0) {
            throw new RuleViolation(field, messageKey);
        }
    }

    private static final String SELECT = """
            SELECT a.*, EXISTS (SELECT 1 FROM pko_audit_letter l WHERE l.audit_id = a.id) AS has_letter
            FROM pko_audit a""";

    private static AuditView view(ResultSet rs, int row) throws SQLException {
        return new AuditView(
                rs.getLong("id"),
                rs.getString("region_code"),
                rs.getObject("department_id", Long.class),
                rs.getString("municipality_code"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("department_doctor"),
                rs.getString("planned_by"),
                AuditStatus.valueOf(rs.getString("status")),
                rs.getString("management_name"),
                rs.getString("management_email"),
                rs.getString("request_text"),
                rs.getObject("requested_at", OffsetDateTime.class),
                rs.getString("decided_by_name"),
                rs.getString("decided_by_title"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decided_how"),
                rs.getString("decision_comment"),
                rs.getString("conclusions"),
                rs.getString("actions"),
                rs.getObject("completed_at", OffsetDateTime.class),
                rs.getString("completed_by"),
                rs.getObject("deleted_cases", Integer.class),
                rs.getBoolean("has_letter"));
    }
}
