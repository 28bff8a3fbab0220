package dk.samspil.publishing;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import dk.samspil.publishing.NewsletterRequests.Approver;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval before the text goes to the editors ("Inden du sender teksten til webredaktørerne, er det vigtigt, at du
 * har sikret dig, at teksten er godkendt af de rigtige parter"): each party the author picked gets a personal link
 * that answers once and only for its own request (the pattern of the audit approval links), or answers on the
 * request page when signed in with the address asked. A refusal sends the request back to the author; the last
 * approval makes it ready for the editors. Each round of asking keeps its answers.
 */
@Service
class NewsletterApprovals {

    static final Locale DANISH = Locale.forLanguageTag("da-DK");

    /** An approver's answer: approved or refused, by whom, with an optional comment. */
    record Decision(boolean approved, String name, String comment) {}

    record ApprovalView(
            long id,
            int round,
            Party party,
            String approverName,
            String approverEmail,
            String decision,
            String decidedBy,
            String decidedHow,
            String decidedAt,
            String comment) {

        public boolean open() {
            return decision == null;
        }
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;

    NewsletterApprovals(JdbcClient jdbc, Outbox outbox, MessageSource messages, SamspilSettings settings) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * A new round: every approver the author picked is asked again with a new personal link (the links of an earlier
     * round stop working). Only from a draft or a refused request, and only with at least one approver.
     */
    @Transactional
    void ask(RequestView request) {
        List<Approver> approvers = request.approvers();
        if (approvers.isEmpty()) {
            throw new RuleViolation("approvers", "publishing.approval.none");
        }
        int round = request.approvalRound() + 1;
        int changed = jdbc.sql("""
                        UPDATE publishing_request SET status = 'APPROVAL', approval_round = ?
                        WHERE id = ? AND status IN ('DRAFT', 'REFUSED') AND approval_round = ?""")
                .params(round, request.id(), request.approvalRound())
                .update();
        if (changed == 0) {
            throw new RuleViolation("approvers", "publishing.request.rule.notEditable");
        }
        jdbc.sql("UPDATE publishing_approval SET token_hash = NULL WHERE request_id = ? AND round < ?")
                .params(request.id(), round)
                .update();
        for (Approver approver : approvers) {
            String token = Tokens.newToken();
            long id = jdbc.sql("""
                            INSERT INTO publishing_approval (request_id, round, party, approver_name, approver_email,
                                token_hash)
                            VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(
                            request.id(),
                            round,
                            approver.party().name(),
                            approver.name(),
                            approver.email(),
                            Tokens.hash(token))
                    .query(Long.class)
                    .single();
            String link = settings.link(linkPath(id, token));
            Object[] args = {
                approver.name(),
                request.authorName(),
                request.headline(),
                request.latestDateText(),
                link,
                request.body()
            };
            outbox.enqueueSecret(new OutgoingMail(
                    approver.email(),
                    text("publishing.approval.mail.subject", args),
                    text("publishing.approval.mail.body", args),
                    "publishing:" + request.id() + ":approval:" + id));
        }
    }

    static String linkPath(long approvalId, String token) {
        return "/nyhedsmail-godkendelse/" + approvalId + "/" + token;
    }

    /** The approval a link belongs to, while it is unanswered and its round is the request's current one. */
    Optional<ApprovalView> openLink(long approvalId, String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + """
                         JOIN publishing_request r ON r.id = a.request_id
                        WHERE a.id = ? AND a.token_hash = ? AND a.link_used_at IS NULL AND a.decision IS NULL
                          AND r.status = 'APPROVAL' AND r.approval_round = a.round""")
                .params(approvalId, Tokens.hash(token))
                .query(NewsletterApprovals::view)
                .optional();
    }

    /** The request an approval belongs to; empty for an unknown approval. */
    Optional<Long> requestOf(long approvalId) {
        return jdbc.sql("SELECT request_id FROM publishing_approval WHERE id = ?")
                .param(approvalId)
                .query(Long.class)
                .optional();
    }

    /**
     * The approver's answer through the link: spent in the same statement that checks it is unspent, so it answers
     * once even when sent twice at once.
     */
    @Transactional
    void decideByLink(long approvalId, String token, Decision decision) {
        if (!Tokens.wellFormed(token)) {
            throw new RuleViolation("link", "publishing.approval.link.invalid");
        }
        int spent = jdbc.sql("""
                        UPDATE publishing_approval SET link_used_at = now()
                        WHERE id = ? AND token_hash = ? AND link_used_at IS NULL AND decision IS NULL""").params(approvalId, Tokens.hash(token)).update();
        if (spent == 0) {
            throw new RuleViolation("link", "publishing.approval.link.invalid");
        }
        record(approvalId, decision, "LINK");
    }

    /** The answer of a signed-in approver on the request page: only the open approval asked of their address. */
    @Transactional
    void decideSignedIn(long approvalId, String email, Decision decision) {
        int mine = jdbc.sql("""
                        SELECT count(*) FROM publishing_approval
                        WHERE id = ? AND lower(approver_email) = lower(?) AND decision IS NULL""").params(approvalId, email).query(Integer.class).single();
        if (mine == 0) {
            throw new RuleViolation("decision", "publishing.approval.notYours");
        }
        record(approvalId, decision, "SIGNED_IN");
    }

    private void record(long approvalId, Decision decision, String how) {
        long requestId = requestOf(approvalId).orElseThrow();
        int decided = jdbc.sql("""
                        UPDATE publishing_approval a SET decision = ?, decided_by = ?, decided_how = ?, decided_at = now(),
                            comment = ?, token_hash = NULL
                        FROM publishing_request r
                        WHERE a.id = ? AND a.decision IS NULL AND r.id = a.request_id AND r.status = 'APPROVAL'
                          AND r.approval_round = a.round""")
                .params(
                        decision.approved() ? "APPROVED" : "REFUSED",
                        decision.name(),
                        how,
                        decision.comment(),
                        approvalId)
                .update();
        if (decided == 0) {
            throw new RuleViolation("decision", "publishing.approval.link.invalid");
        }
        String outcome = null;
        if (!decision.approved()) {
            jdbc.sql("UPDATE publishing_request SET status = 'REFUSED' WHERE id = ? AND status = 'APPROVAL'")
                    .param(requestId)
                    .update();
            outcome = "refused";
        } else if (jdbc.sql("""
                                UPDATE publishing_request r SET status = 'APPROVED'
                                WHERE r.id = ? AND r.status = 'APPROVAL' AND NOT EXISTS (SELECT 1 FROM publishing_approval a
                                    WHERE a.request_id = r.id AND a.round = r.approval_round
                                      AND a.decision IS DISTINCT FROM 'APPROVED')""").param(requestId).update() == 1) {
            outcome = "approved";
        }
        if (outcome != null) {
            mailAuthor(requestId, outcome, decision);
        }
    }

    /** The author hears of a refusal (with its comment) and of the last approval. */
    private void mailAuthor(long requestId, String outcome, Decision decision) {
        var author = jdbc.sql("SELECT author_name, author_email, headline FROM publishing_request WHERE id = ?")
                .param(requestId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        Object[] args = {
            author[0],
            author[2],
            decision.name(),
            decision.comment() == null ? "" : decision.comment(),
            settings.link("/nyhedsmails/" + requestId)
        };
        outbox.enqueue(new OutgoingMail(
                author[1],
                text("publishing.approval.mail." + outcome + ".subject", args),
                text("publishing.approval.mail." + outcome + ".body", args),
                "publishing:" + requestId + ":" + outcome));
    }

    /** Every approval asked for the request, the current round first. */
    List<ApprovalView> of(long requestId) {
        return jdbc.sql(SELECT + " WHERE a.request_id = ? ORDER BY a.round DESC, a.id")
                .param(requestId)
                .query(NewsletterApprovals::view)
                .list();
    }

    private static final String SELECT = """
            SELECT a.id, a.round, a.party, a.approver_name, a.approver_email, a.decision, a.decided_by, a.decided_how,
                   to_char(a.decided_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI') AS decided, a.comment
            FROM publishing_approval a""";

    private static ApprovalView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApprovalView(
                rs.getLong("id"),
                rs.getInt("round"),
                Party.valueOf(rs.getString("party")),
                rs.getString("approver_name"),
                rs.getString("approver_email"),
                rs.getString("decision"),
                rs.getString("decided_by"),
                rs.getString("decided_how"),
                rs.getString("decided"),
                rs.getString("comment"));
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, DANISH);
    }
}
