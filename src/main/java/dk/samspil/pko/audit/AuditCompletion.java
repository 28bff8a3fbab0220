package dk.samspil.pko.audit;

import static dk.samspil.pko.audit.Audits.refuseIfNone;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.security.AuditLog;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 3: the result reported to the practice coordinator — per criterion how many cases met it, did not, or where
 * it did not apply, with the conclusions and the actions where content was not in order. Completing the audit
 * deletes every case and assessment ("Data, som er brugt til audit, slettes igen, når I er færdige"); only the
 * aggregate and the report remain, and the audit log records the deletion.
 */
@Service
class AuditCompletion {

    static final String CASES_DELETED = "PKO_AUDIT_CASES_DELETED";

    record ResultRow(int position, String criterion, int met, int notMet, int notRelevant) {}

    /** Who hears of the result and what the report names: the department (or municipality) and its unit. */
    record Report(String place, String unit, List<String> coordinatorEmails) {}

    private final JdbcClient jdbc;
    private final Audits audits;
    private final AuditCases cases;
    private final AuditReport report;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final SamspilSettings settings;

    AuditCompletion(
            JdbcClient jdbc,
            Audits audits,
            AuditCases cases,
            AuditReport report,
            Outbox outbox,
            AuditLog auditLog,
            MessageSource messages,
            SamspilSettings settings) {
        this.jdbc = jdbc;
        this.audits = audits;
        this.cases = cases;
        this.report = report;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.settings = settings;
    }

    /** The result so far, counted from the assessments (before completion) or as kept (after). */
    List<ResultRow> results(long auditId, AuditStatus status) {
        if (status == AuditStatus.COMPLETED) {
            return jdbc.sql("""
                            SELECT position, criterion, met, not_met, not_relevant FROM pko_audit_result
                            WHERE audit_id = ? ORDER BY position""")
                    .param(auditId)
                    .query((rs, n) ->
                            new ResultRow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                    .list();
        }
        return jdbc.sql("""
                        SELECT row_number() OVER (ORDER BY k.position, k.id) AS position, k.text,
                            count(*) FILTER (WHERE s.verdict = 'MET'), count(*) FILTER (WHERE s.verdict = 'NOT_MET'),
                            count(*) FILTER (WHERE s.verdict = 'NOT_RELEVANT')
                        FROM pko_audit_criterion k LEFT JOIN pko_audit_assessment s ON s.criterion_id = k.id
                        WHERE k.audit_id = ? GROUP BY k.id, k.position, k.text ORDER BY k.position, k.id""")
                .param(auditId)
                .query((rs, n) ->
                        new ResultRow(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    /**
     * Completes the audit: refused unless it is approved, has exactly 20 cases, every case is assessed against every
     * criterion with its look-ups registered, and actions are written where a criterion was not met.
     */
    @Transactional
    void complete(long auditId, String conclusions, String actions, Report recipients, String by) {
        boolean approved = jdbc.sql("SELECT id FROM pko_audit WHERE id = ? AND status = 'APPROVED' FOR UPDATE")
                .param(auditId)
                .query(Long.class)
                .optional()
                .isPresent();
        refuseIfNone(approved ? 1 : 0, "conclusions", "pko.audit.rule.notApproved");
        List<AuditCases.CaseView> all = cases.cases(auditId);
        if (all.size() != AuditCases.CASES) {
            throw new RuleViolation("conclusions", "pko.audit.complete.notTwenty");
        }
        if (all.stream().anyMatch(c -> !c.complete())) {
            throw new RuleViolation("conclusions", "pko.audit.complete.unassessed");
        }
        List<ResultRow> rows = results(auditId, AuditStatus.APPROVED);
        if (rows.stream().anyMatch(r -> r.notMet() > 0) && (actions == null || actions.isBlank())) {
            throw new RuleViolation("actions", "pko.audit.actions.required");
        }
        for (ResultRow row : rows) {
            jdbc.sql("""
                            INSERT INTO pko_audit_result (audit_id, position, criterion, met, not_met, not_relevant)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(auditId, row.position(), row.criterion(), row.met(), row.notMet(), row.notRelevant())
                    .update();
        }
        int assessments = jdbc.sql("""
                        DELETE FROM pko_audit_assessment WHERE case_id IN (SELECT id FROM pko_audit_case WHERE audit_id = ?)""").param(auditId).update();
        int deleted = jdbc.sql("DELETE FROM pko_audit_case WHERE audit_id = ?")
                .param(auditId)
                .update();
        int completed =
                jdbc.sql("""
                        UPDATE pko_audit SET status = 'COMPLETED', conclusions = ?, actions = ?, completed_at = now(),
                            completed_by = ?, deleted_cases = ? WHERE id = ? AND status = 'APPROVED'""").params(conclusions, actions, by, deleted, auditId).update();
        refuseIfNone(completed, "conclusions", "pko.audit.rule.notApproved");
        Audits.AuditView audit = audits.find(auditId).orElseThrow();
        auditLog.record(
                by,
                CASES_DELETED,
                "pko-audit:" + auditId + ":cases=" + deleted + ":assessments=" + assessments,
                (String) null);
        notify(audit, recipients, rows);
    }

    /** The report as Word, written from what a completed audit keeps (there is nothing else left to write it from). */
    Optional<byte[]> reportDocx(Audits.AuditView audit, String place, String unit) {
        if (audit.status() != AuditStatus.COMPLETED) {
            return Optional.empty();
        }
        return Optional.of(report.write(audit, place, unit, results(audit.id(), AuditStatus.COMPLETED)));
    }

    private void notify(Audits.AuditView audit, Report recipients, List<ResultRow> rows) {
        StringBuilder summary = new StringBuilder();
        for (ResultRow row : rows) {
            summary.append(messages.getMessage(
                            "pko.audit.mail.result.row",
                            new Object[] {row.position(), row.criterion(), row.met(), row.notMet(), row.notRelevant()},
                            AuditApproval.DANISH))
                    .append('\n');
        }
        Object[] args = {
            audit.title(),
            recipients.place(),
            summary.toString().strip(),
            settings.link("/pko/audit/" + audit.id() + "/rapport")
        };
        for (String to : recipients.coordinatorEmails()) {
            outbox.enqueue(new OutgoingMail(
                    to,
                    messages.getMessage("pko.audit.mail.result.subject", args, AuditApproval.DANISH),
                    messages.getMessage("pko.audit.mail.result.body", args, AuditApproval.DANISH),
                    "pko-audit:" + audit.id() + ":result"));
        }
    }
}
