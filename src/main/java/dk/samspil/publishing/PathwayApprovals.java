package dk.samspil.publishing;

import dk.samspil.mail.Outbox;
import dk.samspil.mail.OutgoingMail;
import dk.samspil.pko.PkoPeople;
import dk.samspil.platform.RuleViolation;
import dk.samspil.platform.SamspilSettings;
import dk.samspil.platform.Tokens;
import dk.samspil.publishing.Pathways.ChangeKind;
import dk.samspil.publishing.Pathways.PathwayView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval chain of a care pathway: "Den endelige tekst skal godkendes i det relevante Specialråd i Region
 * Midtjylland, af praksiskoordinatorerne samt PLO-M inden udsendelse", and "Regionen og PLO-M godkender alle nye
 * forløbsbeskrivelser og alle væsentlige ændringer". Each party gets a personal link that answers once and only for
 * its pathway and round (the pattern of {@link NewsletterApprovals}), or answers signed in with the address asked. A
 * refusal sends the text back to the authors; a change while the chain is under way asks everyone again; the last
 * approval makes it "regionalt gældende".
 */
@Service
class PathwayApprovals {

    /** The parties of the chain. */
    enum PathwayParty {
        SPECIALRAAD,
        COORDINATORS,
        PLO_M,
        REGION
    }

    record Approver(PathwayParty party, String name, String email) {}

    record ApprovalView(
            long id,
            long pathwayId,
            int round,
            int version,
            PathwayParty party,
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
    private final Pathways pathways;
    private final Outbox outbox;
    private final MessageSource messages;
    private final SamspilSettings settings;
    private final PkoPeople people;

    PathwayApprovals(
            JdbcClient jdbc,
            Pathways pathways,
            Outbox outbox,
            MessageSource messages,
            SamspilSettings settings,
            PkoPeople people) {
        this.jdbc = jdbc;
        this.people = people;
        this.pathways = pathways;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
    }

    /**
     * The parties a version must pass: the Specialråd and the practice coordinators always; PLO-M and the region for
     * a new description or a significant change; PLO-M always when the change means extra work in general practice
     * ("skal man altid involvere PLO-M. Uanset hvor fornuftig ændringen ser ud til at være").
     */
    static Set<PathwayParty> required(ChangeKind kind, boolean extraWork) {
        Set<PathwayParty> parties = EnumSet.of(PathwayParty.SPECIALRAAD, PathwayParty.COORDINATORS);
        if (kind.needsRegionAndPloM()) {
            parties.add(PathwayParty.PLO_M);
            parties.add(PathwayParty.REGION);
        }
        if (extraWork) {
            parties.add(PathwayParty.PLO_M);
        }
        return parties;
    }

    /** The approvers chosen for the pathway, in the chain's order. */
    List<Approver> approvers(long pathwayId) {
        return jdbc.sql("""
                        SELECT party, name, email FROM publishing_pathway_approver WHERE pathway_id = ?
                        ORDER BY array_position(ARRAY['SPECIALRAAD','COORDINATORS','PLO_M','REGION'], party)""")
                .param(pathwayId)
                .query((rs, n) -> new Approver(PathwayParty.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Starts the chain for the newest version with the approvers given (a draft only): every required party must be
     * among them, else nothing is asked; a change meaning extra work without PLO-M is refused with its own reason.
     */
    @Transactional
    void start(PathwayView pathway, List<Approver> approvers) {
        if (pathway.status() != Pathways.PathwayStatus.DRAFT) {
            throw new RuleViolation("approvers", "publishing.pathway.rule.notDraft");
        }
        Set<PathwayParty> given = approvers.stream().map(Approver::party).collect(Collectors.toSet());
        if (pathway.extraWork() && !given.contains(PathwayParty.PLO_M)) {
            throw new RuleViolation("PLO_M", "publishing.pathway.rule.extraWorkNeedsPloM");
        }
        for (PathwayParty party : required(pathway.changeKind(), pathway.extraWork())) {
            if (!given.contains(party)) {
                throw new RuleViolation(party.name(), "publishing.pathway.rule.partyRequired");
            }
        }
        jdbc.sql("DELETE FROM publishing_pathway_approver WHERE pathway_id = ?")
                .param(pathway.id())
                .update();
        for (Approver approver : approvers) {
            jdbc.sql("INSERT INTO publishing_pathway_approver (pathway_id, party, name, email) VALUES (?, ?, ?, ?)")
                    .params(pathway.id(), approver.party().name(), approver.name(), approver.email())
                    .update();
        }
        ask(pathway.id(), pathway.approvalRound(), "DRAFT");
    }

    /** A change while the chain is under way: a new round for the new version, every party asked again. */
    @Transactional
    void restart(long pathwayId) {
        PathwayView pathway = pathways.find(pathwayId).orElseThrow();
        if (pathway.status() == Pathways.PathwayStatus.APPROVAL) {
            ask(pathwayId, pathway.approvalRound(), "APPROVAL");
        }
    }

    private void ask(long pathwayId, int currentRound, String fromStatus) {
        int round = currentRound + 1;
        int changed =
                jdbc.sql("""
                        UPDATE publishing_pathway SET status = 'APPROVAL', approval_round = ?, round_version = version
                        WHERE id = ? AND status = ? AND approval_round = ?""").params(round, pathwayId, fromStatus, currentRound).update();
        if (changed == 0) {
            throw new RuleViolation("approvers", "publishing.pathway.rule.stale");
        }
        jdbc.sql("UPDATE publishing_pathway_approval SET token_hash = NULL WHERE pathway_id = ? AND round < ?")
                .params(pathwayId, round)
                .update();
        PathwayView pathway = pathways.find(pathwayId).orElseThrow();
        for (Approver approver : approvers(pathwayId)) {
            String token = Tokens.newToken();
            long id = jdbc.sql("""
                            INSERT INTO publishing_pathway_approval (pathway_id, round, version, party, approver_name,
                                approver_email, token_hash)
                            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(
                            pathwayId,
                            round,
                            pathway.version(),
                            approver.party().name(),
                            approver.name(),
                            approver.email(),
                            Tokens.hash(token))
                    .query(Long.class)
                    .single();
            Object[] args = {
                approver.name(), pathway.patientGroup(), pathway.specialty(), settings.link(linkPath(id, token))
            };
            outbox.enqueueSecret(new OutgoingMail(
                    approver.email(),
                    text("publishing.pathway.approval.mail.subject", args),
                    text("publishing.pathway.approval.mail.body", args),
                    "pathway:" + pathwayId + ":approval:" + id));
        }
    }

    static String linkPath(long approvalId, String token) {
        return "/forloeb-godkendelse/" + approvalId + "/" + token;
    }

    /** The approval a link belongs to, while unanswered and its round is the pathway's current one. */
    Optional<ApprovalView> openLink(long approvalId, String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + """
                         JOIN publishing_pathway p ON p.id = a.pathway_id
                        WHERE a.id = ? AND a.token_hash = ? AND a.decision IS NULL
                          AND p.status = 'APPROVAL' AND p.approval_round = a.round""")
                .params(approvalId, Tokens.hash(token))
                .query(PathwayApprovals::view)
                .optional();
    }

    /** The answer through the link: the link is spent in the statement that records the answer. */
    @Transactional
    void decideByLink(long approvalId, String token, NewsletterApprovals.Decision decision) {
        if (!Tokens.wellFormed(token)) {
            throw new RuleViolation("link", "publishing.approval.link.invalid");
        }
        record(approvalId, decision, "LINK", "a.token_hash = ?", Tokens.hash(token));
    }

    /** The answer of a signed-in approver: only the open approval asked of their address. */
    @Transactional
    void decideSignedIn(long approvalId, String email, NewsletterApprovals.Decision decision) {
        record(approvalId, decision, "SIGNED_IN", "lower(a.approver_email) = lower(?)", email);
    }

    private void record(long approvalId, NewsletterApprovals.Decision decision, String how, String whose, String key) {
        Optional<Long> pathwayId = jdbc.sql("""
                        UPDATE publishing_pathway_approval a SET decision = ?, decided_by = ?, decided_how = ?,
                            decided_at = now(), comment = ?, token_hash = NULL
                        FROM publishing_pathway p
                        WHERE a.id = ? AND\s""" + whose + """
                         AND a.decision IS NULL AND p.id = a.pathway_id AND p.status = 'APPROVAL'
                          AND p.approval_round = a.round
                        RETURNING a.pathway_id""")
                .params(
                        decision.approved() ? "APPROVED" : "REFUSED",
                        decision.name(),
                        how,
                        decision.comment(),
                        approvalId,
                        key)
                .query(Long.class)
                .optional();
        if (pathwayId.isEmpty()) {
            throw new RuleViolation("decision", "publishing.approval.link.invalid");
        }
        long id = pathwayId.get();
        if (!decision.approved()) {
            jdbc.sql("UPDATE publishing_pathway SET status = 'DRAFT' WHERE id = ? AND status = 'APPROVAL'")
                    .param(id)
                    .update();
            jdbc.sql("""
                            UPDATE publishing_pathway_approval a SET token_hash = NULL
                            FROM publishing_pathway p WHERE p.id = a.pathway_id AND p.id = ? AND a.round = p.approval_round""").param(id).update();
            mailAuthors(id, "refused", decision);
        } else if (allApproved(id)) {
            mailAuthors(id, "current", decision);
        }
    }

    /**
     * The pathway becomes "regionalt gældende" when every party of its round approved and the round holds every
     * required party — PLO-M among them whenever the change means extra work.
     */
    private boolean allApproved(long id) {
        PathwayView pathway = pathways.find(id).orElseThrow();
        List<ApprovalView> round = of(id).stream()
                .filter(a -> a.round() == pathway.approvalRound())
                .toList();
        Set<PathwayParty> approved = round.stream()
                .filter(a -> "APPROVED".equals(a.decision()))
                .map(ApprovalView::party)
                .collect(Collectors.toSet());
        boolean complete = round.stream().allMatch(a -> "APPROVED".equals(a.decision()))
                && approved.containsAll(required(pathway.changeKind(), pathway.extraWork()));
        if (!complete) {
            return false;
        }
        return jdbc.sql("""
                                UPDATE publishing_pathway SET status = 'CURRENT', approved_version = round_version,
                                    approved_at = now(), news_mail = NULL, news_request_id = NULL
                                WHERE id = ? AND status = 'APPROVAL' AND approval_round = ?""").params(id, pathway.approvalRound()).update() == 1;
    }

    /** The owner and the invited authors hear of a refusal (with its reason) and of the last approval. */
    private void mailAuthors(long id, String outcome, NewsletterApprovals.Decision decision) {
        PathwayView pathway = pathways.find(id).orElseThrow();
        Set<String> addresses = new java.util.LinkedHashSet<>();
        people.person(pathway.ownerPersonId())
                .ifPresent(owner -> addresses.add(owner.email().toLowerCase()));
        addresses.addAll(jdbc.sql("SELECT lower(email) FROM publishing_pathway_author WHERE pathway_id = ?")
                .param(id)
                .query(String.class)
                .list());
        Object[] args = {
            pathway.patientGroup(),
            decision.name(),
            decision.comment() == null ? "" : decision.comment(),
            settings.link("/forloebsbeskrivelser/" + id)
        };
        for (String address : addresses) {
            outbox.enqueue(new OutgoingMail(
                    address,
                    text("publishing.pathway.mail." + outcome + ".subject", args),
                    text("publishing.pathway.mail." + outcome + ".body", args),
                    "pathway:" + id + ":" + outcome));
        }
    }

    long pathwayOf(long approvalId) {
        return jdbc.sql("SELECT pathway_id FROM publishing_pathway_approval WHERE id = ?")
                .param(approvalId)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    /** Every approval asked for the pathway, the current round first. */
    List<ApprovalView> of(long pathwayId) {
        return jdbc.sql(SELECT + " WHERE a.pathway_id = ? ORDER BY a.round DESC, a.id")
                .param(pathwayId)
                .query(PathwayApprovals::view)
                .list();
    }

    /** The open approvals of the current rounds asked of this address. */
    List<ApprovalView> awaiting(String email) {
        return jdbc.sql(SELECT + """
                         JOIN publishing_pathway p ON p.id = a.pathway_id
                        WHERE lower(a.approver_email) = lower(?) AND a.decision IS NULL AND p.status = 'APPROVAL'
                          AND p.approval_round = a.round ORDER BY a.id""").param(email).query(PathwayApprovals::view).list();
    }

    private static final String SELECT = """
            SELECT a.id, a.pathway_id, a.round, a.version, a.party, a.approver_name, a.approver_email, a.decision,
                   a.decided_by, a.decided_how,
                   to_char(a.decided_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI') AS decided, a.comment
            FROM publishing_pathway_approval a""";

    private static ApprovalView view(ResultSet rs, int row) throws SQLException {
        return new ApprovalView(
                rs.getLong("id"),
                rs.getLong("pathway_id"),
                rs.getInt("round"),
                rs.getInt("version"),
                PathwayParty.valueOf(rs.getString("party")),
                rs.getString("approver_name"),
                rs.getString("approver_email"),
                rs.getString("decision"),
                rs.getString("decided_by"),
                rs.getString("decided_how"),
                rs.getString("decided"),
                rs.getString("comment"));
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, NewsletterApprovals.DANISH);
    }
}
