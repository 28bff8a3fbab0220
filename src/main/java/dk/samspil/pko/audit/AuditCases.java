package dk.samspil.pko.audit;

import static dk.samspil.pko.audit.Audits.refuseIfNone;

import dk.samspil.platform.RuleViolation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 2: "20 henvisninger og epikriser", selected by the department and known only by its case numbers, each
 * case's referral and discharge letter assessed together against every criterion by the consultant and the
 * afdelingslæge, with the department's registration of the look-ups. Only an approved audit takes cases.
 */
@Service
class AuditCases {

    static final int CASES = 20;

    record CaseView(long id, String caseNumber, boolean lookupsRegistered, int assessed, int criteria) {
        boolean complete() {
            return lookupsRegistered && assessed == criteria;
        }
    }

    record Assessment(Verdict verdict, String remark) {}

    private final JdbcClient jdbc;

    AuditCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CaseView> cases(long auditId) {
        return jdbc.sql("""
                        SELECT c.id, c.case_number, c.lookups_registered,
                            (SELECT count(*) FROM pko_audit_assessment s JOIN pko_audit_criterion k ON k.id = s.criterion_id
                             WHERE s.case_id = c.id) AS assessed,
                            (SELECT count(*) FROM pko_audit_criterion k WHERE k.audit_id = c.audit_id) AS criteria
                        FROM pko_audit_case c WHERE c.audit_id = ? ORDER BY c.id""")
                .param(auditId)
                .query((rs, n) ->
                        new CaseView(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    Optional<CaseView> find(long auditId, long caseId) {
        return cases(auditId).stream().filter(c -> c.id() == caseId).findFirst();
    }

    /**
     * Adds the department's case numbers, checked beforehand ({@link CaseTexts}). Refused before the management's
     * approval, beyond 20 cases, and for a number already in the audit.
     */
    @Transactional
    void add(long auditId, List<String> caseNumbers) {
        lockApproved(auditId, "caseNumbers");
        Set<String> existing =
                new HashSet<>(cases(auditId).stream().map(CaseView::caseNumber).toList());
        if (existing.size() + caseNumbers.size() > CASES) {
            throw new RuleViolation("caseNumbers", "pko.audit.case.tooMany");
        }
        for (String number : caseNumbers) {
            if (!existing.add(number)) {
                throw new RuleViolation("caseNumbers", "pko.audit.case.duplicate");
            }
            int added = jdbc.sql("""
                            INSERT INTO pko_audit_case (audit_id, case_number)
                            SELECT id, ? FROM pko_audit WHERE id = ? AND status = 'APPROVED'""").params(number, auditId).update();
            refuseIfNone(added, "caseNumbers", "pko.audit.rule.notApproved");
        }
    }

    @Transactional
    void remove(long auditId, long caseId) {
        lockApproved(auditId, "caseNumbers");
        refuseIfNone(
                jdbc.sql("DELETE FROM pko_audit_case WHERE id = ? AND audit_id = ?")
                        .params(caseId, auditId)
                        .update(),
                "caseNumbers",
                "pko.audit.rule.notApproved");
    }

    Map<Long, Assessment> assessments(long caseId) {
        Map<Long, Assessment> map = new HashMap<>();
        jdbc.sql("SELECT criterion_id, verdict, remark FROM pko_audit_assessment WHERE case_id = ?")
                .param(caseId)
                .query((rs, n) ->
                        map.put(rs.getLong(1), new Assessment(Verdict.valueOf(rs.getString(2)), rs.getString(3))))
                .list();
        return map;
    }

    /** Saves one case's assessment (criteria not given stay as they were) while the audit is approved and open. */
    @Transactional
    void assess(long auditId, long caseId, boolean lookupsRegistered, Map<Long, Assessment> byCriterion, String by) {
        lockApproved(auditId, "case");
        int updated =
                jdbc.sql("""
                        UPDATE pko_audit_case SET lookups_registered = ?, assessed_by = ? WHERE id = ? AND audit_id = ?""").params(lookupsRegistered, by, caseId, auditId).update();
        refuseIfNone(updated, "case", "pko.audit.rule.notApproved");
        for (Map.Entry<Long, Assessment> entry : byCriterion.entrySet()) {
            int saved = jdbc.sql("""
                            INSERT INTO pko_audit_assessment (case_id, criterion_id, verdict, remark)
                            SELECT ?, k.id, ?, ? FROM pko_audit_criterion k WHERE k.id = ? AND k.audit_id = ?
                            ON CONFLICT (case_id, criterion_id) DO UPDATE SET verdict = excluded.verdict, remark = excluded.remark""")
                    .params(
                            caseId,
                            entry.getValue().verdict().name(),
                            entry.getValue().remark(),
                            entry.getKey(),
                            auditId)
                    .update();
            refuseIfNone(saved, "case", "pko.audit.rule.notApproved");
        }
    }

    /** Holds the audit's row for the transaction, so adding, assessing and completing take turns; refused unless approved. */
    private void lockApproved(long auditId, String field) {
        boolean approved = jdbc.sql("SELECT id FROM pko_audit WHERE id = ? AND status = 'APPROVED' FOR UPDATE")
                .param(auditId)
                .query(Long.class)
                .optional()
                .isPresent();
        if (!approved) {
            throw new RuleViolation(field, "pko.audit.rule.notApproved");
        }
    }
}
