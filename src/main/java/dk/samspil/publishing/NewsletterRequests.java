package dk.samspil.publishing;

import dk.samspil.platform.RuleViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsletter requests: the seven points as the author writes them, the approvers they pick, and the request as
 * the pages show it. The steps after writing are {@link NewsletterApprovals}, {@link EditorsDesk} and {@link NewsletterSending}.
 */
@Service
class NewsletterRequests {

    /** A party asked for approval, by name and e-mail address. */
    record Approver(Party party, String name, String email) {}

    /** What the author writes: the handbook's seven points, "Haster" with its reason, and the approvers. */
    record Draft(
            String headline,
            String body,
            boolean onSite,
            String summary,
            Audience audience,
            Long hospitalUnitId,
            List<String> municipalities,
            String sender,
            String coSender,
            LocalDate latestDate,
            boolean urgent,
            String urgentReason,
            List<Approver> approvers,
            Long contributionTo) {}

    /** The author: their account, name and address, and the region their request goes out in. */
    record Author(long userId, String name, String email, String regionCode) {}

    record RequestView(
            long id,
            String regionCode,
            long authorUserId,
            String authorName,
            String authorEmail,
            String headline,
            String body,
            boolean onSite,
            String summary,
            Audience audience,
            Long hospitalUnitId,
            List<String> municipalities,
            String sender,
            String coSender,
            LocalDate latestDate,
            boolean shortNoticeConfirmed,
            boolean urgent,
            String urgentReason,
            RequestStatus status,
            int approvalRound,
            LocalDate scheduledFor,
            String submittedAt,
            String sentAt,
            Integer recipients,
            String publishedAt,
            List<Approver> approvers,
            String writtenBy,
            Long contributionTo,
            Long includedIn) {

        /** A department's contribution to the unit's PKOrientering (it goes to the coordinator, not the editors). */
        public boolean contribution() {
            return contributionTo != null;
        }

        /** "Som udgangspunkt bør der altid være en praksiskonsulent eller praksiskoordinator som medafsender." */
        public boolean lacksCoSender() {
            return coSender == null || coSender.isBlank();
        }

        /** "helst en uge før": fewer than 7 days from the day to the latest date. */
        public boolean shortNotice(LocalDate day) {
            return latestDate.isBefore(day.plusDays(NOTICE_DAYS));
        }

        public String latestDateText() {
            return DATE.format(latestDate);
        }

        /** The text on the site: the full text; the mail carries the summary when the site has the full text. */
        public String mailText() {
            return onSite && summary != null && !summary.isBlank() ? summary : body;
        }
    }

    static final int NOTICE_DAYS = 7;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static final String SELECT = """
            SELECT r.*,
                   to_char(r.submitted_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI') AS submitted,
                   to_char(r.sent_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY HH24.MI') AS sent,
                   to_char(r.published_at AT TIME ZONE 'Europe/Copenhagen', 'DD.MM.YYYY') AS published
            FROM publishing_request r""";

    private final JdbcClient jdbc;

    NewsletterRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    long create(Author author, Draft draft) {
        return create(author, draft, null);
    }

    /** A request written by someone the author invited ({@code writtenBy}); it is the author's from then on. */
    @Transactional
    long create(Author author, Draft draft, String writtenBy) {
        long id = jdbc.sql("""
                        INSERT INTO publishing_request (region_code, author_user_id, author_name, author_email, headline,
                            body, on_site, summary, audience, hospital_unit_id, sender, co_sender, latest_date, urgent,
                            urgent_reason, contribution_to, written_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(author.regionCode(), author.userId(), author.name(), author.email())
                .params(written(draft))
                .param(writtenBy)
                .query(Long.class)
                .single();
        saveLists(id, draft);
        return id;
    }

    /** The author's change, while the request is theirs to change (a draft, or sent back by a refusal). */
    @Transactional
    void update(long id, Draft draft) {
        int changed = jdbc.sql("""
                        UPDATE publishing_request SET headline = ?, body = ?, on_site = ?, summary = ?, audience = ?,
                            hospital_unit_id = ?, sender = ?, co_sender = ?, latest_date = ?, urgent = ?,
                            urgent_reason = ?, contribution_to = ?, short_notice_confirmed = false, status = 'DRAFT'
                        WHERE id = ? AND status IN ('DRAFT', 'REFUSED')""").params(written(draft)).param(id).update();
        if (changed == 0) {
            throw new RuleViolation("publishing.request.rule.notEditable");
        }
        jdbc.sql("DELETE FROM publishing_request_municipality WHERE request_id = ?")
                .param(id)
                .update();
        jdbc.sql("DELETE FROM publishing_approver WHERE request_id = ?")
                .param(id)
                .update();
        saveLists(id, draft);
    }

    /** The draft's columns, in the order both statements name them (headline … contribution_to). */
    private static List<Object> written(Draft draft) {
        return java.util.Arrays.asList(
                draft.headline(),
                draft.body(),
                draft.onSite(),
                draft.summary(),
                draft.audience().name(),
                draft.hospitalUnitId(),
                draft.sender(),
                draft.coSender(),
                draft.latestDate(),
                draft.urgent(),
                draft.urgentReason(),
                draft.contributionTo());
    }

    private void saveLists(long id, Draft draft) {
        if (draft.audience() == Audience.MUNICIPALITIES) {
            for (String code : draft.municipalities()) {
                jdbc.sql("""
                                INSERT INTO publishing_request_municipality (request_id, municipality_code) VALUES (?, ?)
                                ON CONFLICT DO NOTHING""").params(id, code).update();
            }
        }
        for (Approver approver : draft.approvers()) {
            jdbc.sql("INSERT INTO publishing_approver (request_id, party, name, email) VALUES (?, ?, ?, ?)")
                    .params(id, approver.party().name(), approver.name(), approver.email())
                    .update();
        }
    }

    Optional<RequestView> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(this::view).optional();
    }

    /** The author's own requests, newest first. */
    List<RequestView> byAuthor(long userId) {
        return jdbc.sql(SELECT + " WHERE r.author_user_id = ? ORDER BY r.created_at DESC, r.id DESC")
                .param(userId)
                .query(this::view)
                .list();
    }

    /** The requests that ask this address for approval now and have no answer from it yet. */
    List<RequestView> awaitingApprovalBy(String email) {
        return jdbc.sql(SELECT + """
                         WHERE r.status = 'APPROVAL' AND EXISTS (SELECT 1 FROM publishing_approval a
                             WHERE a.request_id = r.id AND a.round = r.approval_round AND a.decision IS NULL
                               AND lower(a.approver_email) = lower(?))
                        ORDER BY r.latest_date, r.id""").param(email).query(this::view).list();
    }

    /** Whether the address was ever asked to approve the request (an approver may read it). */
    boolean isApprover(long id, String email) {
        return email != null
                && jdbc.sql("""
                                SELECT count(*) FROM publishing_approval
                                WHERE request_id = ? AND lower(approver_email) = lower(?)""").params(id, email).query(Integer.class).single() > 0;
    }

    private RequestView view(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new RequestView(
                id,
                rs.getString("region_code"),
                rs.getLong("author_user_id"),
                rs.getString("author_name"),
                rs.getString("author_email"),
                rs.getString("headline"),
                rs.getString("body"),
                rs.getBoolean("on_site"),
                rs.getString("summary"),
                Audience.valueOf(rs.getString("audience")),
                rs.getObject("hospital_unit_id", Long.class),
                jdbc.sql("""
                                SELECT municipality_code FROM publishing_request_municipality
                                WHERE request_id = ? ORDER BY municipality_code""").param(id).query(String.class).list(),
                rs.getString("sender"),
                rs.getString("co_sender"),
                rs.getObject("latest_date", LocalDate.class),
                rs.getBoolean("short_notice_confirmed"),
                rs.getBoolean("urgent"),
                rs.getString("urgent_reason"),
                RequestStatus.valueOf(rs.getString("status")),
                rs.getInt("approval_round"),
                rs.getObject("scheduled_for", LocalDate.class),
                rs.getString("submitted"),
                rs.getString("sent"),
                rs.getObject("recipients", Integer.class),
                rs.getString("published"),
                jdbc.sql("""
                                SELECT party, name, email FROM publishing_approver WHERE request_id = ?
                                ORDER BY array_position(ARRAY['MANAGEMENT','COORDINATOR','MEDICAL_COORDINATOR','PLO_M'], party)""")
                        .param(id)
                        .query((r, n) -> new Approver(Party.valueOf(r.getString(1)), r.getString(2), r.getString(3)))
                        .list(),
                rs.getString("written_by"),
                rs.getObject("contribution_to", Long.class),
                rs.getObject("included_in", Long.class));
    }
}
