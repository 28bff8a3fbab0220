package dk.samspil.pko.audit;

import static dk.samspil.pko.audit.Audits.refuseIfNone;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 1: the department's written request to the administrative management, and its formal approval — given by
 * the approver through a personal link that answers once (no account needed), or as the management's letter
 * uploaded by the consultant. Nothing of step 2 can start before it.
 */
@Service
class AuditApproval {

    static final Locale DANISH = Locale.forLanguageTag("da-DK");

    /** The request as the department writes it. */
    record Request(String managementName, String managementEmail, String text) {}

    /** The approver's answer: who (name and title), approved or refused, and an optional comment. */
    record Decision(boolean approved, String name, String title, String comment) {}

    /** The uploaded approval letter. */
    record Letter(String fileName, String contentType, byte[] content) {}

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;

    AuditApproval(JdbcClient jdbc, Outbox outbox, MessageSource messages, SamspilSettings settings) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * Records the written request and mails the approver a new personal link; an earlier, unanswered link stops
     * working. Refused once the management has approved.
     */
    @Transactional
    void request(Audits.AuditView audit, Request request, String placeName, String requesterName) {
        int changed = jdbc.sql("""
                        UPDATE pko_audit SET status = 'REQUESTED', management_name = ?, management_email = ?, request_text = ?,
                            requested_at = now(), decided_by_name = NULL, decided_by_title = NULL, decided_at = NULL,
                            decided_how = NULL, decision_comment = NULL
                        WHERE id = ? AND status IN ('PLANNED', 'REQUESTED', 'REFUSED')""")
                .params(request.managementName(), request.managementEmail(), request.text(), audit.id())
                .update();
        refuseIfNone(changed, "managementEmail", "pko.audit.rule.alreadyApproved");
        jdbc.sql("DELETE FROM pko_audit_approval_link WHERE audit_id = ?")
                .param(audit.id())
                .update();
        String token = Tokens.newToken();
        jdbc.sql("INSERT INTO pko_audit_approval_link (token_hash, audit_id) VALUES (?, ?)")
                .params(Tokens.hash(token), audit.id())
                .update();
        String link = settings.link(linkPath(audit.id(), token));
        Object[] args = {request.managementName(), requesterName, placeName, audit.title(), request.text(), link};
        outbox.enqueueSecret(new OutgoingMail(
                request.managementEmail(),
                messages.getMessage("pko.audit.mail.request.subject", args, DANISH),
                messages.getMessage("pko.audit.mail.request.body", args, DANISH),
                "pko-audit:" + audit.id() + ":request"));
    }

    static String linkPath(long auditId, String token) {
        return "/audit-godkendelse/" + auditId + "/" + token;
    }

    /** The audit a link belongs to, while the link is unanswered and the audit awaits the answer. */
    Optional<Long> openLink(long auditId, String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT l.audit_id FROM pko_audit_approval_link l JOIN pko_audit a ON a.id = l.audit_id
                        WHERE l.token_hash = ? AND l.audit_id = ? AND l.used_at IS NULL AND a.status = 'REQUESTED'""")
                .params(Tokens.hash(token), auditId)
                .query(Long.class)
                .optional();
    }

    /**
     * The approver's answer through the link. The link is spent in the same statement that checks it is unspent, so
     * it answers once even when submitted twice at once.
     */
    @Transactional
    void decideByLink(long auditId, String token, Decision decision) {
        if (!Tokens.wellFormed(token)) {
            throw new RuleViolation("link", "pko.audit.link.invalid");
        }
        int spent = jdbc.sql("""
                        UPDATE pko_audit_approval_link SET used_at = now()
                        WHERE token_hash = ? AND audit_id = ? AND used_at IS NULL""").params(Tokens.hash(token), auditId).update();
        refuseIfNone(spent, "link", "pko.audit.link.invalid");
        int decided = jdbc.sql("""
                        UPDATE pko_audit SET status = ?, decided_by_name = ?, decided_by_title = ?, decided_at = now(),
                            decided_how = 'LINK', decision_comment = ?
                        WHERE id = ? AND status = 'REQUESTED'""")
                .params(
                        decision.approved() ? "APPROVED" : "REFUSED",
                        decision.name(),
                        decision.title(),
                        decision.comment(),
                        auditId)
                .update();
        refuseIfNone(decided, "link", "pko.audit.link.invalid");
    }

    /** The management's letter of approval, uploaded by the consultant: the audit is approved from it. */
    @Transactional
    void approveByLetter(long auditId, String approverName, String approverTitle, Letter letter, String by) {
        int decided = jdbc.sql("""
                        UPDATE pko_audit SET status = 'APPROVED', decided_by_name = ?, decided_by_title = ?, decided_at = now(),
                            decided_how = 'LETTER', decision_comment = NULL
                        WHERE id = ? AND status IN ('PLANNED', 'REQUESTED', 'REFUSED')""").params(approverName, approverTitle, auditId).update();
        refuseIfNone(decided, "file", "pko.audit.rule.alreadyApproved");
        jdbc.sql("DELETE FROM pko_audit_approval_link WHERE audit_id = ?")
                .param(auditId)
                .update();
        jdbc.sql("""
                        INSERT INTO pko_audit_letter (audit_id, file_name, content_type, content, uploaded_by) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (audit_id) DO UPDATE SET file_name = excluded.file_name, content_type = excluded.content_type,
                            content = excluded.content, uploaded_by = excluded.uploaded_by, uploaded_at = now()""")
                .params(auditId, letter.fileName(), letter.contentType(), letter.content(), by)
                .update();
    }

    Optional<Letter> letter(long auditId) {
        return jdbc.sql("SELECT file_name, content_type, content FROM pko_audit_letter WHERE audit_id = ?")
                .param(auditId)
                .query((rs, n) -> new Letter(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }
}
